"""A tester's finding: a character str.split() and str.splitlines() take for a line break or white space, inside a
word of another tool's CoNLL file (a form feed, a file separator, NEL, the line separator U+2028), cut the word
silently: 'Pa\\x0cris _ _ B-LOC' gave the text '... in Pa .', LOCATION 'Pa', 'ris' gone, no word of it, and a second
article beside the stored one with 'Paris'. CoNLL's columns are separated by spaces and tabs and its lines end at a
line feed: such a character is a character of the word, left out of the text and counted as the other control
characters inside words are (tests/test_conll_controls_inside_words.py). The real console script, real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from processes import annotator

from annotator.store import Store

TAGS = ["O", "B-PER", "O", "B-PER", "O", "B-LOC", "O"]
BREAKERS = ["\x0c", "\x1c", "\x85", "\u2028"]


def conll(tmp_path: Path, paris: str, name: str = "c10.conll") -> Path:
    words = ["Mayor", "Ana", "met", "Bob", "in", paris, "."]
    path = tmp_path / name
    body = "".join(f"{word} _ _ {tag}\n" for word, tag in zip(words, TAGS, strict=True))
    path.write_text(f"-DOCSTART- -X- O O\n\n{body}\n", encoding="utf-8")
    return path


def imported(path: Path, db: Path) -> tuple[int, str, str]:
    result = annotator(
        "--db", db, "import", path, "--format", "conll", "--label-map", "PER=ACTOR,LOC=LOCATION", "--annotator", "zed"
    )
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize("breaker", BREAKERS, ids=["form-feed", "file-separator", "NEL", "line-separator"])
def test_a_line_breaking_character_inside_a_word_is_left_out_and_counted_not_a_cut(
    tmp_path: Path, breaker: str
) -> None:
    code, out, err = imported(conll(tmp_path, f"Pa{breaker}ris"), tmp_path / "x.db")
    assert (code, err) == (0, "")
    assert "left out: 1 control character(s) in the file's words (a CoNLL text is its words)\n" in out
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        (article_id,) = store.article_ids()
        text = store.article_text(article_id)
        assert text == "Mayor Ana met Bob in Paris ."
        assert [(s.start, s.end, s.label.value, s.text) for s in store.spans(article_id, "zed")] == [
            (6, 9, "ACTOR", "Ana"), (14, 17, "ACTOR", "Bob"), (21, 26, "LOCATION", "Paris")
        ]  # fmt: skip


def test_a_word_with_a_form_feed_finds_the_stored_article_with_the_word(tmp_path: Path) -> None:
    text = "Mayor Ana met Bob in Paris."
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a1", "title": "A", "text": text}) + "\n", encoding="utf-8")
    db = tmp_path / "x.db"
    assert annotator("ingest", "a.jsonl", "--no-suggest", "--db", db, cwd=tmp_path).returncode == 0
    code, out, _ = imported(conll(tmp_path, "Pa\x0cris"), db)
    assert code == 0
    assert out.startswith(
        f"1 record(s) imported (0 new article(s)); 1 put on the stored article with the same words -> {db}\n"
    )
    with Store.open(db, read_only=True) as store:
        assert store.article_ids() == ["a1"]
        assert [(s.start, s.end, s.text) for s in store.spans("a1", "zed")] == [
            (6, 9, "Ana"), (14, 17, "Bob"), (21, 26, "Paris")
        ]  # fmt: skip


def test_a_tab_still_separates_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "t.conll"
    path.write_text("Mayor\tO\nAna\tB-PER\nin\tO\nParis\tB-LOC\r\n.\tO\n", encoding="utf-8")
    code, _, err = imported(path, tmp_path / "x.db")
    assert (code, err) == (0, "")
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        (article_id,) = store.article_ids()
        assert store.article_text(article_id) == "Mayor Ana in Paris ."
        assert [s.text for s in store.spans(article_id, "zed")] == ["Ana", "Paris"]


def test_a_line_separator_inside_a_word_of_a_sentence_per_line_iob_file_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "s.iob"
    path.write_text("Mayor|O Ana|B-PER in|O Pa\u2028ris|B-LOC .|O\n", encoding="utf-8")
    code, out, err = imported(path, tmp_path / "x.db")
    assert (code, err) == (0, "")
    assert "left out: 1 control character(s) in the file's words (a CoNLL text is its words)\n" in out
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        (article_id,) = store.article_ids()
        assert store.article_text(article_id) == "Mayor Ana in Paris ."
        assert [s.text for s in store.spans(article_id, "zed")] == ["Ana", "Paris"]


def test_a_line_separator_inside_a_jsonl_string_does_not_split_the_record(tmp_path: Path) -> None:
    text = "Mayor Ana met Bob\u2028in Paris.\x85"
    line = json.dumps({"id": "j1", "title": "J", "text": text}, ensure_ascii=False)
    (tmp_path / "j.jsonl").write_text(line + "\n", encoding="utf-8")
    result = annotator("ingest", "j.jsonl", "--no-suggest", "--db", tmp_path / "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        assert store.article_ids() == ["j1"]
        assert store.article_text("j1") == text
