"""Work done on the screen that is the model's suggestions unchanged is said to be so, as `annotator accept`'s is
(tests/test_unchecked_work.py). A trial: two annotators pressed A (accept all) then d (done) on every article, and
`agreement` (alpha 0.972), `adjudicate --auto` and `evaluate` (the model's F1 0.937) said nothing: the commands'
caution reads who wrote the events, and the screen's are a person's. Now the work itself is read: every span as
suggested, none added, removed, resized or relabelled, speakers as suggested (`store.as_suggested`). The real app
driven by Pilot, the real console script, a real SQLite file."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

import pytest
from processes import annotator

from annotator.models import Suggestion
from annotator.store import Store
from annotator.store.as_suggested import as_suggested
from annotator.tui.app import AnnotatorApp

#: The default suggesters' errors kept: "Ana Lopez" missed, Lyon an ACTOR. n1's quote comes with its speaker.
TEXTS = [
    "Ana Lopez met Bob Kane in Paris on Monday, police said.",
    '"We will rebuild every home," said Mayor Tom Reed of Lyon on Tuesday.',
    "The mayor of Lyon said 300 homes were flooded.",
]
PAIRS = {(f"n{i}", who) for i in range(3) for who in ("alice", "bob")}


def accepted_on_the_screen(db: Path, who: str) -> list[str]:
    """`who` opens the real app and presses A then d on each of the three articles: their statuses after."""

    async def session() -> None:
        async with AnnotatorApp(Store.open(db), who).run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            for _ in TEXTS:
                await pilot.press("A", "d")
                await pilot.pause()

    asyncio.run(session())
    with Store.open(db, read_only=True) as store:
        return [store.status(f"n{i}", who).value for i in range(len(TEXTS))]


def accepted_by_both(folder: Path) -> Path:
    """TEXTS ingested into `folder`/ad.db, and alice and bob each pressing A then d on every article: the database."""
    source = folder / "n.jsonl"
    source.write_text("".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)), "utf-8")
    db = folder / "ad.db"
    assert annotator("ingest", source, "--db", db).returncode == 0
    for who in ("alice", "bob"):
        assert accepted_on_the_screen(db, who) == ["done", "done", "done"]
    return db


def settled_from_both(folder: Path) -> Path:
    """`accepted_by_both`, then gold settled from alice and bob by `adjudicate --auto` (reviewer lead)."""
    db = accepted_by_both(folder)
    settled = annotator("adjudicate", "--auto", "--annotators", "alice,bob", "--reviewer", "lead", "--db", db)
    assert settled.returncode == 0, settled.stderr
    return db


@pytest.fixture(scope="module")
def screen_made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return accepted_by_both(tmp_path_factory.mktemp("screen"))


@pytest.fixture
def db(screen_made: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(screen_made, tmp_path / "ad.db"))


def test_work_made_with_a_then_d_is_the_suggestions_unchanged(db: Path) -> None:
    with Store.open(db, read_only=True) as store:
        assert as_suggested(store, [*PAIRS, ("n0", "carol")]) == PAIRS  # carol has no work there


def test_each_change_a_person_makes_is_work_of_their_own(db: Path) -> None:
    with Store.open(db) as store:
        store.remove_span("n0", "alice", store.spans("n0", "alice")[2].id)  # "police" removed
        bob_kane = store.spans("n0", "bob")[0]
        store.resize_span("n0", "bob", bob_kane.id, bob_kane.start, bob_kane.start + 3)  # "Bob Kane" to "Bob"
        quote = next(s for s in store.spans("n1", "bob") if s.label.value == "QUOTE")
        store.set_speaker("n1", "bob", quote.id, None)  # the quote's speaker taken off
        store.relabel_span("n2", "alice", store.spans("n2", "alice")[0].id, "LOCATION")  # Lyon relabelled
        store.add_span("n2", "bob", 0, 3, "ACTOR")  # "The" added
        assert as_suggested(store, PAIRS) == {("n1", "alice")}


def test_suggestions_made_after_the_work_say_nothing_of_it(db: Path) -> None:
    """carol marks n2 by hand as the model suggests it: counted (the work cannot tell her from A d). The same
    suggestions made again after her work and alice's (a pipeline trained on their gold suggests it back) are
    no sign of whose the work is: neither is counted."""
    with Store.open(db) as store:
        for row in store.current_suggestions("n2"):
            store.add_span("n2", "carol", row.start, row.end, row.label)
        store.set_status("n2", "carol", "done")
        assert as_suggested(store, [("n2", "alice"), ("n2", "carol")]) == {("n2", "alice"), ("n2", "carol")}
        again = [
            Suggestion(start=r.start, end=r.end, label=r.label, text=r.text, suggester=r.suggester)
            for r in store.current_suggestions("n2")
        ]
        store.replace_suggestions("n2", store.tokens("n2"), again)
        assert as_suggested(store, [("n2", "alice"), ("n2", "carol")]) == set()


def test_agreement_says_every_annotators_work_is_the_suggestions_unchanged(db: Path) -> None:
    result = annotator("agreement", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "articles compared  3 (done by all of alice, bob)",
        "caution: on 3 of the 3 article(s) compared, every annotator's work is the model's suggestions unchanged "
        "(accepted as suggested, on the screen or by `annotator accept`): there the model's suggestions agree with "
        "themselves",
    ]
    data = json.loads(annotator("agreement", "--db", db, "--json").stdout)
    assert (data["command_only"], data["suggestions_unchanged"]) == (0, 3)  # commands wrote none of it


def test_agreement_counts_only_the_articles_where_nobody_changed_anything(db: Path) -> None:
    with Store.open(db) as store:
        store.add_span("n0", "bob", 0, 9, "ACTOR")  # bob adds the name the model missed, "Ana Lopez"
    caution = annotator("agreement", "--db", db).stdout.splitlines()[1]
    assert caution.startswith("caution: on 2 of the 3 article(s) compared, every annotator's work is the model's")


def test_adjudicate_says_the_gold_it_settled_is_the_suggestions(db: Path) -> None:
    settled = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db)
    assert settled.returncode == 0, settled.stderr
    assert settled.stderr.endswith(
        "annotator: note: on 3 of the 3 article(s) compared, every annotator's work is the model's suggestions "
        "unchanged (accepted as suggested, on the screen or by `annotator accept`): the gold settled there is the "
        "model's suggestions, unchecked\n"
    )


def test_evaluate_says_the_reference_is_the_suggestions_and_what_that_does(db: Path) -> None:
    assert annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db).returncode == 0
    with Store.open(db) as store:  # the reviewer corrects one article's gold: a person's reference there
        store.add_span("n0", "gold", 0, 9, "ACTOR")
    scored = annotator("evaluate", "--db", db)
    assert scored.returncode == 0, scored.stderr
    assert scored.stdout.splitlines()[:2] == [
        "model:entities.v16+quotes.v6 against gold: 3 article(s) gold has marked done",
        "  caution: on 2 of these 3 article(s) gold is the model's suggestions unchanged (no person changed them, on "
        "the screen or by a command): there the model's suggestions are scored against themselves, which can only "
        "raise the figures below; on the other 1 article(s), ALL's exact F1 is 0.857",  # 3 of gold's 4 found
    ]
    data = json.loads(annotator("evaluate", "--db", db, "--json").stdout)
    assert (data["suggestions_unchanged"], data["without_unchanged"]) == (2, {"articles": 1, "exact_f1": 6 / 7})
    alice = annotator("evaluate", "--annotator", "alice", "--gold-from", "bob", "--db", db)
    assert alice.stdout.splitlines()[1] == (
        "  caution: on 3 of these 3 article(s) bob is the model's suggestions unchanged (no person changed them, on "
        "the screen or by a command): there alice is scored against the model's suggestions"
    )
