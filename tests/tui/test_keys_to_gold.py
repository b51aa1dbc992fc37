"""benchmarks/keys_to_gold.py on a small gold for the seed article: the plan's model of the screen must agree
with the real app key by key, and the replay must leave exactly the gold in the database.

The gold needs every kind of work: accepting, relabelling, moving a boundary, removing a wrong suggestion,
adding spans, linking and changing speakers, and a wrong suggestion that would block a right one.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from annotator.models import Suggestion
from annotator.store import Store
from tests.tui.fixtures import hostile_article, nth, seed_article

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from keyplan.items import Span  # noqa: E402
from keyplan.paths import Press  # noqa: E402
from keys_to_gold import Diverged, Options, check, pressed, replay, screen_state  # noqa: E402


def seed_gold(text: str) -> list[Span]:
    def at(part: str, label: str, occurrence: int = 0, speaker: Span | None = None) -> Span:
        start = nth(text, part, occurrence)
        return Span(start, start + len(part), label, (speaker.start, speaker.end) if speaker else None)

    resident = at("one resident", "ACTOR")
    start = text.index("Israel has angrily")
    israel_again = Span(start, start + len("Israel"), "ACTOR")
    quote_start = text.index("The occupation")
    quote_end = text.index('invade it yet,"') + len("invade it yet,")
    return [
        at("Israel", "ACTOR"),  # suggested as it is
        at("Gaza Strip", "LOCATION"),
        at("at least 35", "FIGURE"),
        at("Palestinians", "ACTOR"),
        at("Tel Aviv", "LOCATION"),  # suggested as an ACTOR
        at("Israeli tanks", "ACTOR"),  # suggested: "Israeli"
        at("Rafah", "LOCATION"),
        at("Yibna", "LOCATION"),
        at("three", "FIGURE"),  # "residents" is suggested too, and wrong
        resident,
        Span(quote_start, quote_end, "QUOTE", (resident.start, resident.end)),  # suggested with this speaker
        at("Reuters", "ACTOR"),
        at("Benjamin Netanyahu", "ACTOR"),  # accept all takes the wrong, overlapping "Prime Minister Benjamin"
        at("Hamas", "ACTOR"),  # not suggested
        israel_again,
        at("disgust", "QUOTE", speaker=israel_again),  # suggested without a speaker
    ]


def build(path: Path, suggestions: bool) -> dict[str, list[Span]]:
    article, tokens, suggested = seed_article()
    text = article.text
    start = nth(text, "Prime Minister Benjamin", 0)
    wrong = Suggestion(start=start, end=start + 23, label="ACTOR", text=text[start : start + 23], suggester="test.v1")
    hostile, hostile_tokens, hostile_suggested = hostile_article()
    with Store.open(path) as store:
        store.add_articles(
            [
                (article, tokens, [*suggested, wrong] if suggestions else []),
                (hostile, hostile_tokens, hostile_suggested if suggestions else []),
            ]
        )
    return {"seed": seed_gold(text), "hostile": []}


@pytest.mark.parametrize("suggestions", [True, False], ids=["with suggestions", "without"])
async def test_the_replay_reaches_exactly_the_gold(tmp_path, suggestions):
    db = tmp_path / "annotations.db"
    gold = build(db, suggestions)
    plans = await replay(db, gold, Options(size=(100, 32), effort=0.2))  # raises Diverged on any difference
    assert check(db, plans) == {}
    kinds = {p.kind for p in plans["seed"].presses}
    assert {"speaker", "done"} <= kinds
    assert kinds >= ({"accept all", "relabel", "boundary", "remove"} if suggestions else {"add"})
    # a wrong suggestion may stay pending: done asks, l leaves it undecided
    assert [p.key for p in plans["hostile"].presses] == (["d", "l"] if suggestions else ["d"])


async def test_a_gold_span_the_label_key_refuses_at_the_cursor_is_planned_with_a_selection(tmp_path):
    """The label keys refuse a FIGURE with no number and an ACTOR that is a number alone, with nothing selected
    (`figure_labels.label_misfit`), and the model of the screen with them: a gold that has either anyway is
    reached by selecting the words first (v), never by a digit the app refuses (the replay would diverge)."""
    db = tmp_path / "annotations.db"
    build(db, suggestions=False)
    text = seed_article()[0].text
    gold = [Span(nth(text, word, 0), nth(text, word, 0) + len(word), label) for word, label in
            (("Thursday", "FIGURE"), ("128", "ACTOR"))]  # fmt: skip
    plans = await replay(db, {"seed": gold, "hostile": []}, Options(size=(100, 32), effort=0.2))
    assert check(db, plans) == {}
    presses = plans["seed"].presses
    digits = sorted((p.key, p.kind, presses[i - 1].kind) for i, p in enumerate(presses) if p.key in ("1", "3"))
    assert digits == [("1", "add", "select"), ("3", "add", "select")]


async def test_rejecting_leftovers_decides_every_suggestion(tmp_path):
    db = tmp_path / "annotations.db"
    gold = build(db, suggestions=True)
    plans = await replay(db, gold, Options(size=(80, 24), reject_leftovers=True, effort=0.2))
    assert check(db, plans) == {}
    with Store.open(db) as store:
        assert store.pending("seed", "keys-to-gold") == []
        assert store.pending("hostile", "keys-to-gold") == []


async def test_a_divergence_says_what_the_app_said_and_where_the_screen_settled(tmp_path):
    """A key whose outcome the plan's model got wrong stops the replay with what the app said after it (its status
    line, the messages it logged) and where the screen was once the app had had time to settle: the same place
    means the app did something else than the model (here: the model expected nothing current after accept all)."""
    from annotator.tui.app import make_app

    db = tmp_path / "annotations.db"
    build(db, suggestions=True)
    app = make_app(db, "keys-to-gold", keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        screen = app.screen
        wrong = Press("A", "accept all", cursor=0, current=None)
        with pytest.raises(Diverged) as diverged:
            await pressed(pilot, screen, "seed: key 1", wrong)
        state = screen_state(screen)
        status = screen.status_line.text.plain
    message = str(diverged.value)
    assert message.startswith(f"seed: key 1 ('A', accept all) left the screen at {state}, the plan expected (0, None)")
    assert f"the status line said {status!r}" in message
    assert "the app logged ['accepted 15 suggestions']" in message  # the message log (M): all 15 of the seed
    assert message.endswith("the screen was at the same place")
