"""Names and database paths that are not UTF-8 (attacker): a byte like 0xFF in argv, LOGNAME or USER reaches
Python as a lone surrogate ("a\\udcffb"), which SQLite cannot store: `accept --annotator`, a login so named,
`pack`, `assign --annotators` and `adjudicate --reviewer` (inside its transaction) ended in a UnicodeEncodeError
traceback, the screen in "the screen stopped on an unexpected error", and `ingest --db` into a file so named too.
A name is refused in the one name rule's line, the byte shown as ⟨0xFF⟩; a database so named works.

Real processes: the console script with such bytes in its arguments and environment, on real SQLite files."""

from __future__ import annotations

import os
from pathlib import Path

from processes import annotator
from support import nth, word_tokens

from annotator.models import ArticleIn
from annotator.store import Store

TEXT = "Ann met Bob in Paris on Monday."
A_FF_B = os.fsdecode(b"a\xffb")  # 'a\udcffb': how Python reads the bytes a, 0xFF, b from argv or the environment
REFUSED = "an annotator's name may not contain a byte that is not UTF-8: 'a\u27e80xFF\u27e9b'"


def team(db: Path) -> None:
    """One article alice and bob finished alike."""
    with Store.open(db) as store:
        (article,), _ = store.add_articles([(ArticleIn(text=TEXT, title="T"), word_tokens(TEXT), [])])
        for who in ("alice", "bob"):
            store.add_span(article, who, nth(TEXT, "Paris"), nth(TEXT, "Paris") + 5, "LOCATION")
            store.set_status(article, who, "done")


def test_an_annotator_option_not_utf8_is_refused_in_one_line(tmp_path: Path) -> None:
    team(tmp_path / "b.db")
    result = annotator("--db", "b.db", "--annotator", A_FF_B, "accept", "--done", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"annotator: error: --annotator: {REFUSED}\n")


def test_a_login_not_utf8_is_refused_in_one_line(tmp_path: Path) -> None:
    team(tmp_path / "b.db")
    result = annotator("--db", "b.db", "accept", "--done", cwd=tmp_path, env={"LOGNAME": A_FF_B, "USER": A_FF_B})
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"annotator: error: your login name (LOGNAME/USER): {REFUSED}: give --annotator NAME\n",
    )


def test_a_login_not_utf8_is_refused_by_a_reading_command_too(tmp_path: Path) -> None:
    team(tmp_path / "b.db")
    result = annotator(
        "export", "--db", "b.db", "-o", "out.jsonl", cwd=tmp_path, env={"LOGNAME": A_FF_B, "USER": A_FF_B}
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"annotator: error: your login name (LOGNAME/USER): {REFUSED}: give --annotator NAME\n",
    )


def test_pack_for_a_name_not_utf8_is_refused_in_one_line(tmp_path: Path) -> None:
    team(tmp_path / "b.db")
    result = annotator("pack", "--db", "b.db", "--annotator", A_FF_B, "-o", "p.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, f"annotator: error: --annotator: {REFUSED}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.db"]


def test_assign_to_a_name_not_utf8_is_refused_in_one_line(tmp_path: Path) -> None:
    team(tmp_path / "b.db")
    result = annotator("assign", "--db", "b.db", "--annotators", f"{A_FF_B},bob", "--overlap", "1", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, f"annotator: error: --annotators: {REFUSED}\n")


def test_a_reviewer_not_utf8_is_refused_before_adjudicating(tmp_path: Path) -> None:
    team(tmp_path / "b.db")
    before = (tmp_path / "b.db").read_bytes()
    result = annotator(
        "adjudicate", "--db", "b.db", "--auto", "--annotators", "alice,bob", "--reviewer", A_FF_B, cwd=tmp_path
    )
    assert (result.returncode, result.stderr) == (1, f"annotator: error: --reviewer: {REFUSED}\n")
    assert (tmp_path / "b.db").read_bytes() == before


def test_the_screen_for_a_name_not_utf8_is_refused_in_one_line(tmp_path: Path) -> None:
    team(tmp_path / "b.db")
    result = annotator("annotate", "--db", "b.db", "--annotator", A_FF_B, cwd=tmp_path, terminal=True, timeout=20)
    assert (result.returncode, result.stderr) == (1, f"annotator: error: --annotator: {REFUSED}\n")


def test_a_database_named_not_utf8_is_ingested_into_and_packed_from(tmp_path: Path) -> None:
    """SQLite's file: URI carries the name as its bytes, percent-encoded (`store.examining.sqlite_uri`), and
    `pack` attaches it by its bytes."""
    (tmp_path / "small.jsonl").write_text('{"text": "Ann met Bob in Paris."}\n', encoding="utf-8")
    db = os.fsdecode(b"n\xff.db")
    ingested = annotator("ingest", "small.jsonl", "--db", db, "--no-suggest", cwd=tmp_path)
    assert (ingested.returncode, ingested.stdout, ingested.stderr) == (
        0,
        "1 article(s) added, 0 already stored, 0 suggestion(s) -> n\u27e80xFF\u27e9.db\n",
        "",
    )
    assert annotator("assign", "--db", db, "--annotators", "alice", "--overlap", "1", cwd=tmp_path).returncode == 0
    packed = annotator("pack", "--db", db, "--annotator", "alice", "-o", os.fsdecode(b"p\xff.db"), cwd=tmp_path)
    assert (packed.returncode, packed.stderr) == (0, "")
    with (
        Store.open(tmp_path / db, read_only=True) as source,
        Store.open(tmp_path / os.fsdecode(b"p\xff.db"), read_only=True) as pack,
    ):
        assert (len(source.article_ids()), pack.article_ids()) == (1, source.article_ids())
