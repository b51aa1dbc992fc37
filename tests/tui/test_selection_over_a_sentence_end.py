"""A tester's trial: the selection 'later. Talks' in "Police came later. Talks in the U.S." and 1 added ACTOR
'later. Talks', while the edge keys refuse to grow an entity over a sentence's end. The label keys refuse such a
selection too, saying why as the edge keys do (`annotator.edges.crossing_sentence_end`); 4 still makes a quote of
it (a quote holds whole sentences). Pilot on a real database."""

from __future__ import annotations

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "Police came later. Talks in the U.S. went on."
SELECT = ["right", "right", "shift+right", "shift+right"]  # later . Talks


async def test_an_entity_over_a_selection_across_a_sentences_end_is_refused_saying_why(tmp_path) -> None:
    db = one_article(tmp_path / "s.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*SELECT, "1")
        await pilot.pause()
        assert app.messages[-1][1] == (
            "Not added: an entity does not cross a sentence's end: the selection crosses the '.' after 'later'"
        )
    assert held_spans(db, WHO) == []


async def test_a_quote_over_the_same_selection_is_added(tmp_path) -> None:
    db = one_article(tmp_path / "s.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*SELECT, "4", "escape")
        await pilot.pause()
    assert held_spans(db, WHO) == [("QUOTE", "later. Talks")]


QUOTED = 'Police came later. Talks went on. "We will stay," she said.'


async def test_a_speaker_over_a_selection_across_a_sentences_end_is_refused_and_the_choice_stays(tmp_path) -> None:
    """In the speaker choice, the selection made a new ACTOR, the speaker, just as 1 on the article did."""
    from annotator.models import Suggestion
    from annotator.tui.screens.speaker import SpeakerScreen

    start = QUOTED.index("We will")
    quote = Suggestion(start=start, end=start + 12, label="QUOTE", text="We will stay", suggester="test.v1")
    db = one_article(tmp_path / "s.db", QUOTED, [quote])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s", "home", *SELECT, "1")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerScreen)
        assert app.screen.below.status_line.text.plain.startswith(
            "Not done · Speaker of 'We will stay'? 'later. Talks' cannot be the speaker: an entity does not cross a "
            "sentence's end: the selection crosses the '.' after 'later'"
        )
    assert held_spans(db, WHO) == []


async def test_the_selection_line_says_the_entity_keys_refuse_it(tmp_path) -> None:
    """A trial from a fresh clone: the line said "1-4 add it with that label", and 1 then refused it."""
    db = one_article(tmp_path / "s.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*SELECT)
        await pilot.pause()
        assert app.screen.status_line.text.plain == (
            "Selected 'later. Talks': 4 only: 1-3 cross a sentence end, escape clears"
        )
