"""A newcomer's finding: a CoNLL export wrote a control character inside a word (bidi isolates, U+2068 and
U+2069, around a letter of a name) raw into the file, while one between words was left out and counted. No control
character is written into a CoNLL file: those inside words are left out and counted with those between them, and
the file comes back to its article with the spans on their stored offsets (the words matched with control and
format characters set aside); where no article has its words, the import says the text is rebuilt. The real
console script on real files, real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.store import Store

TEXT = "Mayor Ana Ru\u2068i\u2069z met Bob \x07today in Paris."
NAME = "Ana Ru\u2068i\u2069z"


def exported(tmp_path: Path) -> tuple[Path, Path, str]:
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c1", "title": "C", "text": TEXT}) + "\n", encoding="utf-8")
    db = tmp_path / "c.db"
    assert annotator("ingest", "c.jsonl", "--no-suggest", "--db", db, cwd=tmp_path).returncode == 0
    with Store.open(db) as store:
        store.add_span("c1", "alice", TEXT.index(NAME), TEXT.index(NAME) + len(NAME), "ACTOR")
        store.set_status("c1", "alice", "done")
    conll = tmp_path / "c.conll"
    result = annotator("export", "--db", db, "--annotator", "alice", "--format", "conll", "-o", conll)
    assert (result.returncode, result.stdout) == (0, f"1 record(s) -> {conll}\n")
    return db, conll, result.stderr


def spans(db: Path, who: str) -> list[tuple[int, int, str, str]]:
    with Store.open(db, read_only=True) as store:
        return [(s.start, s.end, s.label.value, s.text) for s in store.spans("c1", who)]


def test_control_characters_inside_words_are_left_out_and_counted(tmp_path: Path) -> None:
    _, conll, note = exported(tmp_path)
    assert note == (
        "note: 3 control character(s) between or inside words left out: CoNLL writes words only (jsonl, prodigy, "
        "spacy, labelstudio and doccano keep the text whole)\n"
    )
    assert conll.read_text(encoding="utf-8") == (
        "-DOCSTART- -X- O O\n\nMayor _ _ O\nAna _ _ B-ACTOR\nRuiz _ _ I-ACTOR\nmet _ _ O\nBob _ _ O\ntoday _ _ O\n"
        "in _ _ O\nParis _ _ O\n. _ _ O\n\n"
    )


def test_the_file_comes_back_to_its_article_on_the_stored_offsets(tmp_path: Path) -> None:
    db, conll, _ = exported(tmp_path)
    result = annotator("import", conll, "--format", "conll", "--annotator", "bob", "--db", db)
    assert (result.returncode, result.stdout) == (
        0,
        f"1 record(s) imported (0 new article(s)); 1 put on the stored article with the same words -> {db}\n",
    )
    assert spans(db, "bob") == spans(db, "alice") == [(6, 16, "ACTOR", NAME)]


def test_into_a_database_without_the_article_the_import_says_the_text_is_rebuilt(tmp_path: Path) -> None:
    _, conll, _ = exported(tmp_path)
    result = annotator("import", conll, "--format", "conll", "--annotator", "bob", "--db", tmp_path / "new.db")
    assert result.returncode == 0
    assert (
        "note: 1 new article(s) with a text rebuilt from the file's tokens, the white space between them guessed: no "
        "stored article has the same words" in result.stdout
    )
    with Store.open(tmp_path / "new.db", read_only=True) as store:
        (article_id,) = store.article_ids()
        assert store.article_text(article_id) == "Mayor Ana Ruiz met Bob today in Paris ."
        assert [(s.start, s.end, s.text) for s in store.spans(article_id, "bob")] == [(6, 14, "Ana Ruiz")]
