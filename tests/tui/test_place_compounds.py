"""A newcomer's trial (22): on "town" in "outside the town hall" the label key added 'the town', a word cut out of
the building's name; a building where something happens is a LOCATION (the guide), "the town hall" whole. The noun
group runs on over a noun for a building or a place after it. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "Residents queued outside the town hall on Monday. The town had no water."


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_a_label_key_on_town_in_the_town_hall_adds_the_town_hall(tmp_path: Path) -> None:
    db = one_article(tmp_path / "h.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"town", "enter")
        assert status(app).startswith("1/2 add 'the town hall' · ")
        await pilot.press("2")
        await pilot.press("slash", *"town had", "enter")  # no building after this one
        assert status(app).startswith("1/2 add 'The town' · ")
    assert held_spans(db, WHO) == [("LOCATION", "the town hall")]


def test_w_and_semicolon_pass_the_noun_before_a_building_and_the_key_on_either_adds_the_place() -> None:
    """Core functions: `w` stops once a phrase, at its head ("hall", "station"), and `;` no longer stops at
    "police" (a noun for people) in "the police station"."""
    from annotator.phrases import at_cursor
    from annotator.stops import is_candidate, next_unmarked
    from annotator.suggest.tokens import tokenize

    text = "Crowds met at the town hall and the police station."
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    found, index = [], 0
    while (following := next_unmarked(text, tokens, index, 1, lambda _: False)) != index:
        found.append(text[slice(*tokens[following])])
        index = following
    assert found == ["hall", "station"]
    police = next(i for i, (s, e) in enumerate(tokens) if text[s:e] == "police")
    assert not is_candidate(text, tokens, police, lambda _: False)
    first, last = at_cursor(text, tokens, police, "LOCATION")
    assert text[tokens[first][0] : tokens[last][1]] == "the police station"
