"""A colleague's corrected copy of an article, saved under another file name, merged: merge notes the second
article of that title as `ingest` does, on the title alone (a .txt file's article titled as one a .txt file here
brought). Before, merge noted it only when the file names matched too (team/01-bridge.txt and a laptop's
01-bridge.txt), and a copy saved as bridge-corrected.txt became a second "Harbour bridge ..." article, nothing
said, where ingest of that same file said it. The real console script on real SQLite files."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.models import content_hash
from annotator.store import Store

BRIDGE = (
    "Harbour bridge to close for six weeks of repairs\n\nThe council said on Monday that the Harbour bridge will "
    "close for six weeks. Repairs will cost £4.2m, said Jane Smith, the council leader.\n"
)
CORRECTED = BRIDGE.replace("£4.2m", "£4.3m")
TITLE = "Harbour bridge to close for six weeks of repairs"
OLD, NEW = content_hash(BRIDGE), content_hash(CORRECTED)


def databases(tmp_path: Path) -> None:
    """main.db from team/01-bridge.txt; l.db from the laptop's corrected copy, laptop/bridge-corrected.txt."""
    (tmp_path / "team").mkdir()
    (tmp_path / "laptop").mkdir()
    (tmp_path / "team" / "01-bridge.txt").write_text(BRIDGE, encoding="utf-8")
    (tmp_path / "laptop" / "bridge-corrected.txt").write_text(CORRECTED, encoding="utf-8")
    for folder, db in (("team", "main.db"), ("laptop", "l.db")):
        done = annotator("ingest", folder, "--no-suggest", "--db", db, cwd=tmp_path)
        assert (done.returncode, done.stderr) == (0, "")


def test_merge_notes_a_copy_of_another_name_by_its_title(tmp_path: Path) -> None:
    databases(tmp_path)
    merged = annotator("merge", "l.db", "--db", "main.db", cwd=tmp_path)
    assert (merged.returncode, merged.stderr) == (0, "")
    assert merged.stdout == (
        "1 article(s), 0 annotation(s) and 0 event(s) added; 0 annotation(s) replaced by the other's; 0 unchanged; "
        "0 conflict(s) -> main.db\n"
        f"note: laptop/bridge-corrected.txt of l.db added as article {NEW}, titled as article {OLD} '{TITLE}' that "
        "team/01-bridge.txt brought: merge keeps the two apart, each with the work done on its text (it has no "
        "--changed-text: work on one text is not moved onto another); `annotator stats --articles --db main.db` "
        "shows whose work is on which\n"
    )
    with Store.open(tmp_path / "main.db", read_only=True) as store:
        assert sorted(store.article_ids()) == sorted([OLD, NEW])


def test_ingest_of_the_same_file_notes_it_alike(tmp_path: Path) -> None:
    """What ingest says of that file: the same note, on the title alone, but for what ingest can do."""
    databases(tmp_path)
    ingested = annotator("ingest", "laptop/bridge-corrected.txt", "--no-suggest", "--db", "main.db", cwd=tmp_path)
    assert (ingested.returncode, ingested.stderr) == (0, "")
    assert ingested.stdout == (
        "1 article(s) added, 0 already stored, 0 suggestion(s) -> main.db\n"
        f"note: laptop/bridge-corrected.txt added as article {NEW}, titled as article {OLD} '{TITLE}' that "
        "team/01-bridge.txt brought: a changed file replaces its article only from its own path (--changed-text "
        "replace)\n"
    )


def test_another_title_is_no_note(tmp_path: Path) -> None:
    databases(tmp_path)
    other = CORRECTED.replace("Harbour bridge to close", "Harbour bridge closes", 1)
    (tmp_path / "laptop" / "bridge-corrected.txt").write_text(other, encoding="utf-8")
    done = annotator("ingest", "laptop", "--no-suggest", "--db", "l2.db", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    merged = annotator("merge", "l2.db", "--db", "main.db", cwd=tmp_path)
    assert (merged.returncode, merged.stderr) == (0, "")
    assert merged.stdout == (
        "1 article(s), 0 annotation(s) and 0 event(s) added; 0 annotation(s) replaced by the other's; 0 unchanged; "
        "0 conflict(s) -> main.db\n"
    )
