"""A newcomer's trial (22): enter on a quote suggestion accepted its suggested speaker ACTOR too, and went on past
it, so a wrong speaker ("Executive Maria Fernandes", a title word in it) was never current. The speaker accepted
with the quote is now current, named on the status line; enter goes on from it. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = 'Wells ran dry. "The dams are nearly empty," said Chief Executive Rita Lobo at the port. Farmers in Faro waited.'
QUOTE = "The dams are nearly empty,"
SPEAKER = "Executive Rita Lobo"


def suggested(words: str, label: str, speaker: str | None = None, text: str = TEXT) -> Suggestion:
    start = text.index(words)
    spoken = {"start": text.index(speaker), "end": text.index(speaker) + len(speaker)} if speaker else None
    return Suggestion(start=start, end=start + len(words), label=label, text=words, speaker=spoken, suggester="t.v1")


def article(path: Path) -> Path:
    return one_article(
        path,
        TEXT,
        [
            suggested(QUOTE, "QUOTE", SPEAKER),
            suggested(SPEAKER, "ACTOR"),
            suggested("Farmers", "ACTOR"),
            suggested("Faro", "LOCATION"),
        ],
    )


async def test_enter_on_a_quote_makes_its_speaker_accepted_with_it_current_and_names_it(tmp_path: Path) -> None:
    app = make_app(article(tmp_path / "q.db"), WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        item = screen.model.get(screen.current)
        assert item is not None and (item.kind, item.label.value, item.text) == ("span", "ACTOR", SPEAKER)
        assert app.messages[-1][1] == (
            f"accepted QUOTE {QUOTE!r} at 16:42 and its speaker {SPEAKER!r}, current now to check: [ ] {{ }} change its "
            "words, x removes it, s links another speaker; enter keeps it"
        )
    assert held_spans(tmp_path / "q.db", WHO) == [("QUOTE", QUOTE), ("ACTOR", SPEAKER)]


async def test_enter_on_the_speaker_accepted_with_its_quote_goes_on_to_the_next_suggestion(tmp_path: Path) -> None:
    app = make_app(article(tmp_path / "q.db"), WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        screen = app.screen
        item = screen.model.get(screen.current)
        assert item is not None and (item.kind, item.text) == ("pending", "Farmers")
        assert app.messages[-1][1] == (
            f"kept the speaker {SPEAKER!r}; next: the suggestion ACTOR 'Farmers' at 88:95, still to decide"
        )


async def test_s_on_the_speaker_accepted_with_its_quote_opens_that_quotes_speaker_choice(tmp_path: Path) -> None:
    app = make_app(article(tmp_path / "q.db"), WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "s")
        await pilot.pause()
        assert type(app.screen).__name__ == "SpeakerScreen"
        assert app.screen.quote.text == QUOTE


def test_the_keyplan_screen_model_makes_the_speaker_current_as_the_app_does() -> None:
    """benchmarks/keyplan plans keys against a model of the screen (`keys_to_gold` checks it key by key): enter on
    the quote makes its speaker current there too, and enter again goes on to 'Farmers'."""
    import sys

    from tests.tui.fixtures import seed_tokens

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from keyplan.items import Span
    from keyplan.screen import Screen

    def span(words: str, label: str, speaker: str | None = None) -> Span:
        spoken = (TEXT.index(speaker), TEXT.index(speaker) + len(speaker)) if speaker else None
        return Span(TEXT.index(words), TEXT.index(words) + len(words), label, spoken)

    suggestions = {1: span(QUOTE, "QUOTE", SPEAKER), 2: span(SPEAKER, "ACTOR"), 3: span("Farmers", "ACTOR")}
    screen = Screen(TEXT, [(t.start, t.end) for t in seed_tokens(TEXT)], suggestions, 120, 24)
    found = []
    for _ in range(2):
        screen.press("enter")
        item = screen.items[screen.current]
        found.append((screen.current[0], TEXT[item.start : item.end]))
    assert found == [("span", SPEAKER), ("pending", "Farmers")]


async def test_a_quote_added_over_a_pending_quotes_words_shows_the_speaker_it_brought_too(tmp_path: Path) -> None:
    """`"` twice selects the quotation; 4 over exactly a pending quote's words accepts it with its speaker, as enter
    does: the speaker is current and named."""
    app = make_app(article(tmp_path / "q.db"), WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("quotation_mark", "quotation_mark", "4")
        await pilot.pause()
        item = app.screen.model.get(app.screen.current)
        assert item is not None and (item.kind, item.text) == ("span", SPEAKER)
        assert app.messages[-1][1].endswith(f"and its speaker {SPEAKER!r}, current now to check: [ ] {{ }} change its "
                                            "words, x removes it, s links another speaker; enter keeps it")  # fmt: skip


INSIDE = (
    'Wells ran dry. "The dams in Faro are nearly empty," said Chief Executive Rita Lobo at the port. Farmers waited.'
)


async def test_enter_on_the_speaker_goes_back_to_what_the_quote_holds_still_to_decide(tmp_path: Path) -> None:
    """Trial 24: the speaker stands after its quote, so going on from the speaker passed over the suggestions inside
    the quote ("Faro"), left pending above the cursor. Enter on the speaker goes on from the quote."""
    quote, speaker = "The dams in Faro are nearly empty,", "Executive Rita Lobo"
    held = [(quote, "QUOTE", speaker), ("Faro", "LOCATION", None), (speaker, "ACTOR", None), ("Farmers", "ACTOR", None)]
    path = one_article(tmp_path / "q.db", INSIDE, [suggested(w, label, s, INSIDE) for w, label, s in held])
    app = make_app(path, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "enter")
        await pilot.pause()
        screen = app.screen
        item = screen.model.get(screen.current)
        assert item is not None and (item.kind, item.text) == ("pending", "Faro")
        assert (
            app.messages[-1][1]
            == f"kept the speaker {speaker!r}; next: the suggestion LOCATION 'Faro' at 28:32, still to decide"
        )


def test_the_keyplan_screen_model_goes_back_to_the_quote_as_the_app_does() -> None:
    """The keys_to_gold model does what the app does: enter on the speaker goes on from the quote ('Faro')."""
    import sys

    from tests.tui.fixtures import seed_tokens

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from keyplan.items import Span
    from keyplan.screen import Screen

    quote, speaker = "The dams in Faro are nearly empty,", "Executive Rita Lobo"

    def span(words: str, label: str, spoken: str | None = None) -> Span:
        said = (INSIDE.index(spoken), INSIDE.index(spoken) + len(spoken)) if spoken else None
        return Span(INSIDE.index(words), INSIDE.index(words) + len(words), label, said)

    suggestions = {1: span(quote, "QUOTE", speaker), 2: span("Faro", "LOCATION"), 3: span(speaker, "ACTOR")}
    screen = Screen(INSIDE, [(t.start, t.end) for t in seed_tokens(INSIDE)], suggestions, 120, 24)
    found = []
    for _ in range(2):
        screen.press("enter")
        item = screen.items[screen.current]
        found.append((screen.current[0], INSIDE[item.start : item.end]))
    assert found == [("span", speaker), ("pending", "Faro")]


async def test_the_speaker_choice_key_bar_says_tab_goes_to_the_next_actor(tmp_path: Path) -> None:
    """A team trial (39b, 8): the key bar said "tab Next" in the speaker choice, read as the screen's next item;
    there tab goes to the next ACTOR that could be the speaker. At 80x24 the whole line fits (trial 43b: with
    "q Quit" it took 82 columns, and the bar was cut after "? Help q"; q still quits, as on every screen)."""
    from annotator.tui.widgets.bars import KeyBar

    app = make_app(article(tmp_path / "q.db"), WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")  # the pending quote is current: accepted, and the choice opens
        await pilot.pause()
        assert type(app.screen).__name__ == "SpeakerScreen"
        bar = str(app.screen.query_one(KeyBar).render())
        assert bar == " tab Next ACTOR  ⏎ Confirm  1 New ACTOR  x No speaker  esc Cancel  ? Help "
        assert len(bar) <= 80
