"""Stale gold tells work merged in after gold was settled from work finished after it (`gold_stale`). A trial: bob
finished both his articles in his pack, then alice hers in the shared database, gold was settled from alice, and
bob's pack was merged back: `stats` said "bob finished it after its gold was settled, differently", judging by the
order the events reached the shared database, when bob had finished before. The copied events keep their own
times (`store.merge`), and those say when the work was done. Two real SQLite files, the real `pack`, `merge`,
`adjudicate --auto` and `stats`; the annotators' work by the store's edit functions, as a screen makes them."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.store import Store

TEXTS = ["Officials in Gaza said 12 people died on Monday.", "Residents of Rafah fled as tanks advanced."]
GAZA, RAFAH = (f"'{text}'" for text in TEXTS)
REVIEW = "`annotator review --db shared.db --annotators alice,bob` shows what is open there"


def run(folder: Path, *args: str) -> str:
    done = annotator(*args, cwd=folder)
    assert done.returncode == 0, (args, done.stderr)
    return done.stderr


def mark(db: Path, who: str, article: int, words: str, label: str = "LOCATION") -> None:
    """`who` marks `words` in the article and marks it done, in `db`."""
    with Store.open(db) as store:
        article_id = store.article_ids()[article]
        start = store.article(article_id).text.index(words)
        store.add_span(article_id, who, start, start + len(words), label)
        store.set_status(article_id, who, "done")


def packed(folder: Path) -> tuple[Path, Path]:
    """Two articles assigned to alice and bob on the shared database; bob takes his away in a pack."""
    for n, text in enumerate(TEXTS):
        (folder / f"a{n}.txt").write_text(text + "\n", encoding="utf-8")
    run(folder, "ingest", "a0.txt", "a1.txt", "--db", "shared.db")
    run(folder, "assign", "--annotators", "alice,bob", "--overlap", "2", "--db", "shared.db")
    run(folder, "pack", "--annotator", "bob", "-o", "bob.db", "--db", "shared.db")
    return folder / "shared.db", folder / "bob.db"


def stale_note(folder: Path) -> str:
    return run(folder, "stats", "--db", "shared.db")


def test_work_finished_in_a_pack_before_gold_and_merged_after_says_so(tmp_path: Path) -> None:
    """bob finishes both in his pack (Officials an ACTOR, Rafah as alice will mark it), then alice finishes hers,
    gold is settled from alice, and the pack comes back: bob finished first, his work reached gold's database
    after it was settled."""
    shared, pack = packed(tmp_path)
    mark(pack, "bob", 0, "Officials", "ACTOR")
    mark(pack, "bob", 1, "Rafah")
    mark(shared, "alice", 0, "Gaza")
    mark(shared, "alice", 1, "Rafah")
    run(tmp_path, "adjudicate", "--auto", "--annotators", "alice", "--reviewer", "lead", "--db", "shared.db")
    run(tmp_path, "merge", "bob.db", "--db", "shared.db")
    assert stale_note(tmp_path) == (
        f"annotator: note: gold is done on 1 article where an annotator's done work differs from it: {GAZA} (bob's "
        f"done work, finished before its gold was settled but merged in after, differs from it): {REVIEW}\n"
    )
    with Store.open(pack) as store:  # bob goes on in his pack after gold was settled: reopened, 12 marked, done
        store.set_status(store.article_ids()[0], "bob", "in_progress")
    mark(pack, "bob", 0, "12", "FIGURE")
    run(tmp_path, "merge", "bob.db", "--db", "shared.db")
    assert stale_note(tmp_path) == (
        f"annotator: note: gold is done on 1 article where an annotator's done work differs from it: {GAZA} (bob's "
        f"done work changed since its gold was settled): {REVIEW}\n"
    )


def test_work_finished_in_a_pack_after_gold_still_says_finished_after(tmp_path: Path) -> None:
    """Gold settled from alice first, then bob finishes in his pack and it comes back: finished after, as said."""
    shared, pack = packed(tmp_path)
    mark(shared, "alice", 0, "Gaza")
    mark(shared, "alice", 1, "Rafah")
    run(tmp_path, "adjudicate", "--auto", "--annotators", "alice", "--reviewer", "lead", "--db", "shared.db")
    mark(pack, "bob", 0, "Officials", "ACTOR")
    mark(pack, "bob", 1, "Rafah")
    run(tmp_path, "merge", "bob.db", "--db", "shared.db")
    assert stale_note(tmp_path) == (
        f"annotator: note: gold is done on 1 article where an annotator's done work differs from it: {GAZA} (bob "
        f"finished it after its gold was settled, differently): {REVIEW}\n"
    )
