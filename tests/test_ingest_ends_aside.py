"""A text that equals a stored article's but for white space at its end is that article: `ingest` does not add it
again, counts it as already stored and names the stored article (newcomer trial F4: a team's `.txt` files, and the
JSONL a script made of them, `.rstrip()`ed, became two articles of each story, silently). The real console script
on real SQLite files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from processes import annotator

from annotator.models import content_hash
from annotator.store import Store

TEXT = "Port to close\n\nMayor Jane Okafor said the port will close.\n"


def test_a_jsonl_text_without_the_files_trailing_newline_is_the_stored_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": TEXT.rstrip()}) + "\n", encoding="utf-8")
    assert annotator("ingest", "a.txt", "--no-suggest", "--db", "alice.db", cwd=tmp_path).returncode == 0
    again = annotator("ingest", "a.jsonl", "--no-suggest", "--db", "alice.db", cwd=tmp_path)
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout == (
        "0 article(s) added, 1 already stored, 0 suggestion(s) -> alice.db\n"
        f"note: a.jsonl:1 not stored: its text is that of article {content_hash(TEXT)} 'Port to close' but for white "
        "space at its end (only a trailing newline differs: the stored text has one more)\n"
    )
    with Store.open(tmp_path / "alice.db", read_only=True) as store:
        assert store.article_ids() == [content_hash(TEXT)]


def test_a_file_with_more_white_space_at_its_end_is_the_stored_article(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": TEXT.rstrip(), "id": "port"}) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT + "  \n", encoding="utf-8")
    assert annotator("ingest", "a.jsonl", "--no-suggest", "--db", "x.db", cwd=tmp_path).returncode == 0
    again = annotator("ingest", "b.txt", "--no-suggest", "--db", "x.db", cwd=tmp_path)
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout == (
        "0 article(s) added, 1 already stored, 0 suggestion(s) -> x.db\n"
        "note: b.txt not stored: its text is that of article port 'Port to close' but for white space at its end "
        "(only white space at the end differs)\n"
    )
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        assert store.article_ids() == ["port"]


def test_a_text_with_other_words_is_still_added(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT.replace("port will", "port may"), encoding="utf-8")
    assert annotator("ingest", "a.txt", "--no-suggest", "--db", "x.db", cwd=tmp_path).returncode == 0
    again = annotator("ingest", "b.txt", "--no-suggest", "--db", "x.db", cwd=tmp_path)
    assert (again.returncode, again.stdout.splitlines()[0]) == (
        0,
        "1 article(s) added, 0 already stored, 0 suggestion(s) -> x.db",
    )


STORM = "Storm hits Leeds\n\nHeavy rain flooded Leeds on Tuesday, the Met Office said. At least 35 homes were evacuated.\n\n\n"


@pytest.mark.parametrize(
    "options", [("--no-suggest",), (), ("--workers", "2")], ids=["no-suggest", "suggest", "workers"]
)
def test_a_file_and_its_rstripped_jsonl_given_in_one_run_are_one_article(
    tmp_path: Path, options: tuple[str, ...]
) -> None:
    """Newcomer trial t14 F1: in one run both became articles, with no note (two runs made one)."""
    (tmp_path / "arts").mkdir()
    (tmp_path / "arts" / "storm.txt").write_text(STORM, encoding="utf-8")
    (tmp_path / "storm1.jsonl").write_text(json.dumps({"text": STORM.rstrip()}) + "\n", encoding="utf-8")
    result = annotator("--db", "d.db", "ingest", *options, "arts/storm.txt", "storm1.jsonl", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    first, *rest = result.stdout.splitlines()
    assert first.startswith("1 article(s) added, 1 already stored, ")
    assert rest == [
        f"note: storm1.jsonl:1 not stored: its text is that of article {content_hash(STORM)} 'Storm hits Leeds' but for "
        "white space at its end (only white space at the end differs)"
    ]
    with Store.open(tmp_path / "d.db", read_only=True) as store:
        assert store.article_ids() == [content_hash(STORM)]


def test_the_rstripped_jsonl_given_first_in_one_run_is_the_article_the_file_is_not_stored(tmp_path: Path) -> None:
    (tmp_path / "storm.txt").write_text(STORM, encoding="utf-8")
    (tmp_path / "storm1.jsonl").write_text(json.dumps({"text": STORM.rstrip()}) + "\n", encoding="utf-8")
    result = annotator("--db", "d.db", "ingest", "--no-suggest", "storm1.jsonl", "storm.txt", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "1 article(s) added, 1 already stored, 0 suggestion(s) -> d.db\n"
        f"note: storm.txt not stored: its text is that of article {content_hash(STORM.rstrip())} 'Storm hits Leeds' "
        "but for white space at its end (only white space at the end differs)\n"
    )
    with Store.open(tmp_path / "d.db", read_only=True) as store:
        assert store.article_ids() == [content_hash(STORM.rstrip())]
