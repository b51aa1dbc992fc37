"""A colleague's corrected copy of an article, merged, is an article of its own under another id: merge says so as
`ingest` does for a changed file at another path (a team lead's trial, t2 F8: a laptop's copy of 01-bridge.txt
with one figure corrected, accepted and marked done there, merged as "1 article(s) ... added", exit 0, and nothing
said; `stats --articles` then listed two "Harbour bridge ..." articles). The real console script on real SQLite
files, as the trial ran it."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.models import content_hash
from annotator.store import Store

BRIDGE = (
    "Harbour bridge to close for six weeks of repairs\n\nThe council said on Monday that the Harbour bridge will "
    "close for six weeks. Repairs will cost £4.2m, said Jane Smith, the council leader.\n"
)
CORRECTED = BRIDGE.replace("£4.2m", "£4.3m")  # one character
TITLE = "Harbour bridge to close for six weeks of repairs"


def laptop_done(tmp_path: Path, text: str) -> int:
    """The team's database (main.db, from team/01-bridge.txt) and cara's laptop database (l.db, from her copy
    laptop/01-bridge.txt holding `text`), her article accepted and marked done there; the suggestions l.db holds."""
    (tmp_path / "team").mkdir()
    (tmp_path / "laptop").mkdir()
    (tmp_path / "team" / "01-bridge.txt").write_text(BRIDGE, encoding="utf-8")
    (tmp_path / "laptop" / "01-bridge.txt").write_text(text, encoding="utf-8")
    assert annotator("ingest", "team", "--no-suggest", "--db", "main.db", cwd=tmp_path).returncode == 0
    assert annotator("ingest", "laptop", "--db", "l.db", cwd=tmp_path).returncode == 0
    accepted = annotator("accept", "--annotator", "cara", "--done", "--db", "l.db", cwd=tmp_path)
    assert (accepted.returncode, accepted.stderr) == (0, "")
    with Store.open(tmp_path / "l.db", read_only=True) as store:
        return store.count("suggestions")


def test_a_merged_corrected_copy_is_noted_with_both_articles(tmp_path: Path) -> None:
    suggestions = laptop_done(tmp_path, CORRECTED)
    old, new = content_hash(BRIDGE), content_hash(CORRECTED)
    merged = annotator("merge", "l.db", "--db", "main.db", cwd=tmp_path)
    assert (merged.returncode, merged.stderr) == (0, "")
    assert merged.stdout == (
        "1 article(s), 1 annotation(s) and 1 event(s) added; 0 annotation(s) replaced by the other's; 0 unchanged; "
        "0 conflict(s) -> main.db\n"
        f"{suggestions} suggestion(s) added\n"
        f"note: laptop/01-bridge.txt of l.db added as article {new}, titled as article {old} '{TITLE}' that "
        "team/01-bridge.txt brought: merge keeps the two apart, each with the work done on its text (it has no "
        "--changed-text: work on one text is not moved onto another); `annotator stats --articles --db main.db` "
        "shows whose work is on which\n"
    )
    with Store.open(tmp_path / "main.db", read_only=True) as store:  # what merge stores is as it was
        assert sorted((a, store.article(a).text) for a in store.article_ids()) == sorted(
            [(old, BRIDGE), (new, CORRECTED)]
        )

    again = annotator("merge", "l.db", "--db", "main.db", cwd=tmp_path)  # nothing added: nothing to say
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout == (
        "0 article(s), 0 annotation(s) and 0 event(s) added; 0 annotation(s) replaced by the other's; 1 unchanged; "
        "0 conflict(s) -> main.db\n"
    )


def test_the_same_article_merged_is_no_note(tmp_path: Path) -> None:
    """The same text from another path is the same article (one id): its work comes onto it, and no note."""
    suggestions = laptop_done(tmp_path, BRIDGE)
    merged = annotator("merge", "l.db", "--db", "main.db", cwd=tmp_path)
    assert (merged.returncode, merged.stderr) == (0, "")
    assert merged.stdout == (
        "0 article(s), 1 annotation(s) and 1 event(s) added; 0 annotation(s) replaced by the other's; 0 unchanged; "
        f"0 conflict(s) -> main.db\n{suggestions} suggestion(s) added\n"
    )
    with Store.open(tmp_path / "main.db", read_only=True) as store:
        assert store.article_ids() == [content_hash(BRIDGE)]


def test_ingest_says_it_in_the_same_words(tmp_path: Path) -> None:
    """The note merge gives is ingest's (one wording), but for what each can do about it."""
    laptop_done(tmp_path, CORRECTED)
    ingested = annotator("ingest", "laptop/01-bridge.txt", "--no-suggest", "--db", "main.db", cwd=tmp_path)
    assert (ingested.returncode, ingested.stderr) == (0, "")
    assert ingested.stdout == (
        "1 article(s) added, 0 already stored, 0 suggestion(s) -> main.db\n"
        f"note: laptop/01-bridge.txt added as article {content_hash(CORRECTED)}, titled as article "
        f"{content_hash(BRIDGE)} '{TITLE}' that team/01-bridge.txt brought: a changed file replaces its article only "
        "from its own path (--changed-text replace)\n"
    )
