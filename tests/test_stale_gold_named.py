"""Done gold that an annotator's done work now differs from is named, article by article, with why, where a lead
looks: `train`, `export --gold`, `stats` and `stats --articles` (a newcomer's trial: train and export said "on 1 of
the 3 article(s) it took, an annotator's done work has changed since its gold was settled (or disagrees with it)",
naming no article, alike for work changed since and for another annotator who merely differs; stats said nothing).
The real console script on a real SQLite file: gold by the real `adjudicate --auto`, the annotators' work by the
store's edit functions, as a screen makes them."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.store import Store

TEXTS = [
    "Officials in Gaza said 12 people died on Monday.",
    "Residents of Rafah fled as tanks advanced.",
    "The mayor of Lyon met 40 workers in Paris.",
    "Police in Oslo arrested 3 men.",
    "Crowds in Lima cheered 2 winners.",
]
PLACES = ["Gaza", "Rafah", "Lyon", "Oslo", "Lima"]

NAMED = (
    "'Officials in Gaza said 12 people died on Monday.' (alice's done work changed since its gold was settled); "
    "'Residents of Rafah fled as tanks advanced.' (bob finished it after its gold was settled, differently); "
    "'The mayor of Lyon met 40 workers in Paris.' (bob's done work, unchanged since, differs from it); "
    "and 1 more article"
)
REVIEWS = "`annotator review --db x.db --annotators alice` or `annotator review --db x.db --annotators alice,bob`"


def mark(store: Store, article: str, who: str, words: str, label: str = "LOCATION") -> None:
    start = store.article(article).text.index(words)
    store.add_span(article, who, start, start + len(words), label)
    store.set_status(article, who, "done")


def built(folder: Path) -> Path:
    """Gold settled from alice alone on five articles (a team of one's); then alice changes two of them (reopened,
    her span removed, done again), bob finishes one after gold was settled; bob had finished another before,
    differently from alice (adjudicating alice alone left him out)."""
    for n, text in enumerate(TEXTS):
        (folder / f"a{n}.txt").write_text(text + "\n", encoding="utf-8")
    assert annotator("ingest", *(f"a{n}.txt" for n in range(5)), "--db", "x.db", cwd=folder).returncode == 0
    db = folder / "x.db"
    with Store.open(db) as store:
        ids = store.article_ids()
        for article, place in zip(ids, PLACES, strict=True):
            mark(store, article, "alice", place)
        mark(store, ids[2], "bob", "Paris")
    done = annotator("adjudicate", "--auto", "--annotators", "alice", "--reviewer", "lead", "--db", "x.db", cwd=folder)
    assert done.returncode == 0, done.stderr
    before = annotator("stats", "--db", "x.db", cwd=folder)
    assert before.stderr == (  # bob alone differs yet, as he did when gold was settled
        "annotator: note: gold is done on 1 article where an annotator's done work differs from it: 'The mayor of "
        "Lyon met 40 workers in Paris.' (bob's done work, unchanged since, differs from it): `annotator review --db "
        "x.db --annotators alice,bob` shows what is open there\n"
    )
    with Store.open(db) as store:
        ids = store.article_ids()
        for article in (ids[0], ids[3]):
            store.set_status(article, "alice", "in_progress")
            [span] = store.spans(article, "alice")
            store.remove_span(article, "alice", span.id)
            store.set_status(article, "alice", "done")
        mark(store, ids[1], "bob", "tanks", "ACTOR")
    return db


def test_train_export_and_stats_name_each_article_and_why(tmp_path: Path) -> None:
    built(tmp_path)
    trained = annotator("train", "--db", "x.db", "--epochs", "1", "--out", "m", cwd=tmp_path)
    assert trained.returncode == 0, trained.stderr
    assert trained.stderr == (
        "annotator: note: on 4 of the 5 article(s) it took, gold is done where an annotator's done work differs from "
        f"it: {NAMED}: it learns the gold as settled; {REVIEWS} shows what is open there, and what is settled there "
        "goes into gold and the next training\n"
    )
    exported = annotator("export", "--gold", "--db", "x.db", "-o", "-", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert exported.stderr.splitlines() == [
        "5 record(s) written",
        f"note: gold exported of 4 articles where an annotator's done work differs from it: {NAMED}: {REVIEWS} shows "
        "what is open there",
    ]
    said = f"annotator: note: gold is done on 4 articles where an annotator's done work differs from it: {NAMED}: "
    for stats in (["stats"], ["stats", "--articles"], ["stats", "--articles", "--json"]):
        result = annotator(*stats, "--db", "x.db", cwd=tmp_path)
        assert (result.returncode, result.stderr) == (0, f"{said}{REVIEWS} shows what is open there\n"), stats
    listed = annotator("stats", "--articles", "--db", "x.db", cwd=tmp_path).stdout.splitlines()
    assert [line.split()[1:4] for line in listed[1:]] == [  # the list as it was: its columns a script splits
        ["done", "todo", "done"], ["done", "done", "done"], ["done", "done", "done"], ["done", "todo", "done"],
        ["done", "todo", "done"],
    ]  # fmt: skip
    adjudicated = annotator("adjudicate", "--auto", "--reviewer", "lead", "--db", "x.db", cwd=tmp_path)
    assert "disagreement(s) open in them" in adjudicated.stdout  # what the notes count, adjudicate counts open


def test_the_work_of_another_annotator_changed_back_is_no_longer_named(tmp_path: Path) -> None:
    """alice puts back what she removed: her work is as gold has it, nothing there is open, the article is not
    named; the others still are."""
    db = built(tmp_path)
    with Store.open(db) as store:
        first = store.article_ids()[0]
        store.set_status(first, "alice", "in_progress")
        mark(store, first, "alice", "Gaza")
    result = annotator("stats", "--db", "x.db", cwd=tmp_path)
    assert result.stderr == (
        "annotator: note: gold is done on 3 articles where an annotator's done work differs from it: "
        "'Residents of Rafah fled as tanks advanced.' (bob finished it after its gold was settled, differently); "
        "'The mayor of Lyon met 40 workers in Paris.' (bob's done work, unchanged since, differs from it); "
        "'Police in Oslo arrested 3 men.' (alice's done work changed since its gold was settled): "
        "`annotator review --db x.db --annotators alice,bob` or `annotator review --db x.db --annotators alice` "
        "shows what is open there\n"
    )
