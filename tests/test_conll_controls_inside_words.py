"""A newcomer's finding: a CoNLL export wrote a control character inside a word (bidi isolates, U+2068 and
U+2069, around a letter of a name) raw into the file, while one between words was left out and counted. No control
character is written into a CoNLL file: those inside words are left out and counted with those between them, and
the file comes back to its article with the spans on their stored offsets (the words matched with control and
format characters set aside); where no article has its words, the import says the text is rebuilt. The real
console script on real files, real SQLite.

The zero-width non-joiner and joiner are not left out inside a word: Persian and Indic scripts write them there, and a
word without them is another word; the file keeps them, and comes back to its article all the same."""

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


#: Joiners inside words, as Persian (a ZWNJ in the name Alizadeh) and Indic scripts (a ZWJ in Devanagari
#: "kshetra") write them: part of the word. A bidi isolate in a name, a bell and a left-to-right mark are not.
JOINED = (
    "Mayor \u0639\u0644\u06cc\u200c\u0632\u0627\u062f\u0647 met Ana Ru\u2068i\u2069z and Bob \x07today in "
    "\u0915\u094d\u200d\u0937\u0947\u0924\u094d\u0930 and Pa\u200eris."
)
ALIZADEH, KSHETRA = (
    "\u0639\u0644\u06cc\u200c\u0632\u0627\u062f\u0647",
    "\u0915\u094d\u200d\u0937\u0947\u0924\u094d\u0930",
)


def joined_export(tmp_path: Path) -> tuple[Path, Path, str]:
    (tmp_path / "j.jsonl").write_text(json.dumps({"id": "c1", "title": "J", "text": JOINED}) + "\n", encoding="utf-8")
    db = tmp_path / "j.db"
    assert annotator("ingest", "j.jsonl", "--no-suggest", "--db", db, cwd=tmp_path).returncode == 0
    with Store.open(db) as store:
        for start, end, label in [(6, 14, "ACTOR"), (19, 29, "ACTOR"), (61, 67, "LOCATION")]:
            store.add_span("c1", "alice", start, end, label)
        store.set_status("c1", "alice", "done")
    conll = tmp_path / "j.conll"
    result = annotator("export", "--db", db, "--annotator", "alice", "--format", "conll", "-o", conll)
    assert (result.returncode, result.stdout) == (0, f"1 record(s) -> {conll}\n")
    return db, conll, result.stderr


def test_joiners_inside_words_are_written_and_other_format_characters_left_out(tmp_path: Path) -> None:
    _, conll, note = joined_export(tmp_path)
    assert note == (  # the isolates, the bell, the left-to-right mark; neither joiner
        "note: 4 control character(s) between or inside words left out: CoNLL writes words only (jsonl, prodigy, "
        "spacy, labelstudio and doccano keep the text whole)\n"
    )
    assert conll.read_text(encoding="utf-8") == (
        f"-DOCSTART- -X- O O\n\nMayor _ _ O\n{ALIZADEH} _ _ B-ACTOR\nmet _ _ O\nAna _ _ B-ACTOR\nRuiz _ _ I-ACTOR\n"
        f"and _ _ O\nBob _ _ O\ntoday _ _ O\nin _ _ O\n{KSHETRA} _ _ O\nand _ _ O\nParis _ _ B-LOCATION\n. _ _ O\n\n"
    )


def test_words_with_joiners_come_back_to_their_article_on_the_stored_offsets(tmp_path: Path) -> None:
    db, conll, _ = joined_export(tmp_path)
    result = annotator("import", conll, "--format", "conll", "--annotator", "bob", "--db", db)
    assert (result.returncode, result.stdout) == (
        0,
        f"1 record(s) imported (0 new article(s)); 1 put on the stored article with the same words -> {db}\n",
    )
    assert spans(db, "bob") == spans(db, "alice") == [
        (6, 14, "ACTOR", ALIZADEH), (19, 29, "ACTOR", "Ana Ru\u2068i\u2069z"), (61, 67, "LOCATION", "Pa\u200eris")
    ]  # fmt: skip


def test_a_text_rebuilt_from_the_file_keeps_the_joiners_in_its_words(tmp_path: Path) -> None:
    _, conll, _ = joined_export(tmp_path)
    result = annotator("import", conll, "--format", "conll", "--annotator", "bob", "--db", tmp_path / "new.db")
    assert result.returncode == 0, result.stderr
    with Store.open(tmp_path / "new.db", read_only=True) as store:
        (article_id,) = store.article_ids()
        assert store.article_text(article_id) == f"Mayor {ALIZADEH} met Ana Ruiz and Bob today in {KSHETRA} and Paris ."
        assert [(s.start, s.end, s.text) for s in store.spans(article_id, "bob")] == [
            (6, 14, ALIZADEH), (19, 27, "Ana Ruiz"), (58, 63, "Paris")
        ]  # fmt: skip


def test_inside_a_word_only_the_joiners_are_written_and_every_other_control_is_counted() -> None:
    from annotator.exchange.formats.conll import _word, controls_left_out
    from annotator.rows import Token

    others = "\x1b\x07\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\ufeff"
    for char in others:
        assert (_word(f"Ru{char}iz"), controls_left_out(f"Ru{char}iz", [Token(0, 5)])) == ("Ruiz", 1)
    for char in "\u200c\u200d":
        assert (_word(f"Ru{char}iz"), controls_left_out(f"Ru{char}iz", [Token(0, 5)])) == (f"Ru{char}iz", 0)


#: Another tool's CoNLL file with a bell inside a word ('Pa\x07ris', one token) and a bidi mark alone on a line: the
#: import rebuilt 'Pa\x07ris' into the text, where spaCy's tokenizer cut the word in three ('Pa', '\x07', 'ris').
FOREIGN = (
    "-DOCSTART- -X- O O\n\nMayor _ _ O\nAna _ _ B-ACTOR\nmet _ _ O\nBob _ _ B-ACTOR\nin _ _ O\n"
    "Pa\x07ris _ _ B-LOCATION\n\u200e _ _ O\nand _ _ O\nKa\u200dsh _ _ O\n. _ _ O\n\n"
)


def test_a_control_character_inside_a_word_of_another_tools_file_is_left_out_of_the_rebuilt_text(
    tmp_path: Path,
) -> None:
    conll = tmp_path / "foreign.conll"
    conll.write_text(FOREIGN, encoding="utf-8")
    result = annotator("import", conll, "--format", "conll", "--annotator", "bob", "--db", tmp_path / "new.db")
    assert (result.returncode, result.stderr) == (0, "")
    with Store.open(tmp_path / "new.db", read_only=True) as store:
        (article_id,) = store.article_ids()
        text = store.article_text(article_id)
        assert text == "Mayor Ana met Bob in Paris and Ka\u200dsh ."
        assert [text[t.start : t.end] for t in store.tokens(article_id)] == [
            "Mayor", "Ana", "met", "Bob", "in", "Paris", "and", "Ka\u200dsh", "."
        ]  # fmt: skip
        assert [(s.start, s.end, s.label.value, s.text) for s in store.spans(article_id, "bob")] == [
            (6, 9, "ACTOR", "Ana"), (14, 17, "ACTOR", "Bob"), (21, 26, "LOCATION", "Paris")
        ]  # fmt: skip
    assert "left out: 2 control character(s) in the file's words (a CoNLL text is its words)\n" in result.stdout


#: Another tool's file whose one word of an entity is a bell: the word goes with its line, and the entity with it.
BELL_ENTITY = "Mayor _ _ O\nAna _ _ B-PER\nmet _ _ O\nBob _ _ B-PER\nin _ _ O\n\x07 _ _ B-LOC\n. _ _ O\n"


def bell_imported(path: Path, db: Path) -> tuple[int, str, str]:
    path.write_text(BELL_ENTITY, encoding="utf-8")
    result = annotator(
        "--db", db, "import", path, "--format", "conll", "--label-map", "PER=ACTOR,LOC=LOCATION", "--annotator", "zed"
    )
    return result.returncode, result.stdout, result.stderr


def test_an_entity_whose_only_word_is_control_characters_is_counted_left_out(tmp_path: Path) -> None:
    code, out, err = bell_imported(tmp_path / "bell.conll", tmp_path / "x.db")
    assert (code, err) == (0, "")
    assert out.splitlines()[1:3] == [
        "left out: 1 control character(s) in the file's words (a CoNLL text is its words)",
        "left out: 1 entity span(s) whose words are control characters alone (a CoNLL text is its words)",
    ]
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        (article_id,) = store.article_ids()
        assert store.article_text(article_id) == "Mayor Ana met Bob in ."
        assert [s.text for s in store.spans(article_id, "zed")] == ["Ana", "Bob"]
