"""In the speaker choice the moving keys move the cursor in the article below as they do outside it, t/T with
their character and / with its search line too (a newcomer's trial: both did nothing there); an ACTOR the
cursor lands on is the candidate, and enter makes it the speaker. Checked in the database the keys wrote to."""

from __future__ import annotations

from pathlib import Path

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import seed_tokens

TEXT = '"We saw it," Maria Lopez said. Police came.\n"It burned," a neighbour said, and Tom Reed agreed.'


def suggested(part: str, label: str) -> Suggestion:
    start = TEXT.index(part)
    return Suggestion(start=start, end=start + len(part), label=label, text=part, suggester="t.v1")


def database(path: Path) -> Path:
    suggestions = [suggested("We saw it,", "QUOTE"), suggested("Maria Lopez", "ACTOR"), suggested("Police", "ACTOR"),
                   suggested("It burned,", "QUOTE"), suggested("Tom Reed", "ACTOR")]  # fmt: skip
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(text=TEXT, id="n", title="N"), seed_tokens(TEXT), suggestions)])
    return path


async def test_t_and_search_move_to_the_speaker_in_the_speaker_choice(tmp_path: Path):
    db = database(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("s")  # the first quote, accepted; its nearest candidate is "Maria Lopez"
        await pilot.press("t", "P", "enter")  # to "Police": the speaker
        await pilot.press("slash", *"burned", "enter", "s")
        await pilot.press("slash", *"Maria", "enter", "enter")  # the search line, then the choice
    with Store.open(db) as store:
        spans = {s.text: s for s in store.spans("n", WHO)}
    assert sorted(spans) == ["It burned,", "Maria Lopez", "Police", "We saw it,"]
    police, maria = spans["Police"], spans["Maria Lopez"]
    assert spans["We saw it,"].speaker is not None and spans["It burned,"].speaker is not None
    assert (spans["We saw it,"].speaker.start, spans["We saw it,"].speaker.end) == (police.start, police.end)
    assert (spans["It burned,"].speaker.start, spans["It burned,"].speaker.end) == (maria.start, maria.end)


async def test_a_move_that_goes_nowhere_in_the_speaker_choice_says_why(tmp_path: Path):
    """A newcomer's trial: # on a word that stands nowhere else said nothing in the speaker choice (its own line
    took the status line); it says what the key said, before the question."""
    db = database(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("s", "number_sign")  # the cursor on the quote's "We", which stands nowhere else
        line = str(app.screen.below.status_line.render())
        assert line.startswith("'We' stands nowhere else in this article · Speaker of 'We saw it,'? ")


async def test_tab_between_candidates_named_alike_says_which_one_it_is(tmp_path: Path):
    """A newcomer's trial: tab from one suggested "Police" to the other showed the same line twice. A candidate
    named like another says which it is: its place among them in reading order and the words around it."""
    text = '"We saw it," Police said. Maria Lopez came.\n"It burned," a neighbour said, and Police agreed.'
    suggestions = [
        Suggestion(start=1, end=11, label="QUOTE", text="We saw it,", suggester="t.v1"),
        Suggestion(start=13, end=19, label="ACTOR", text="Police", suggester="t.v1"),
        Suggestion(start=26, end=37, label="ACTOR", text="Maria Lopez", suggester="t.v1"),
        Suggestion(start=text.rindex("Police"), end=text.rindex("Police") + 6, label="ACTOR", text="Police",
                   suggester="t.v1"),
    ]  # fmt: skip
    db = tmp_path / "p.db"
    with Store.open(db) as store:
        store.add_articles([(ArticleIn(text=text, id="n", title="N"), seed_tokens(text), suggestions)])
    app = make_app(db, WHO, keymap_path=False)
    lines = []
    async with app.run_test(size=(200, 32)) as pilot:
        await pilot.pause()
        for keys in (("s",), ("tab",), ("tab",)):
            await pilot.press(*keys)
            lines.append(str(app.screen.below.status_line.render()).split(" · ")[0])
    assert lines == [
        "Speaker of 'We saw it,'? 'Police' (a pending ACTOR suggestion: enter accepts it too) 1 of 3, the 1st of 2 named so: "
        "'…it,\" Police said. Maria…'",
        "Speaker of 'We saw it,'? 'Maria Lopez' (a pending ACTOR suggestion: enter accepts it too) 2 of 3",
        "Speaker of 'We saw it,'? 'Police' (a pending ACTOR suggestion: enter accepts it too) 3 of 3, the 2nd of 2 named so: "
        "'…said, and Police agreed.'",
    ]


async def test_on_words_no_actor_marks_the_speaker_choice_says_what_1_adds(tmp_path: Path):
    """Trial 37b: moving onto unmarked words said only "no ACTOR here"; 1 adds the phrase under the cursor as a new
    ACTOR and makes it the speaker, so the line names that phrase as it does outside the choice."""
    db = database(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"burned", "enter", "s")  # the second quote; its candidate is "Tom Reed"
        await pilot.press("slash", *"neighbour", "enter")
        line = str(app.screen.below.status_line.render())
        assert line == (
            "Speaker of 'It burned,'? no ACTOR here; 1: 'a neighbour' as a new ACTOR · tab/shift+tab other ACTORs, "
            "nearest first · arrows, v, shift+arrows then 1: a new ACTOR · x none · escape cancels"
        )
        await pilot.press("1")
    with Store.open(db) as store:
        spans = {s.text: s for s in store.spans("n", WHO)}
    neighbour = spans["a neighbour"]
    speaker = spans["It burned,"].speaker
    assert speaker is not None and (speaker.start, speaker.end) == (neighbour.start, neighbour.end)


async def test_on_punctuation_the_speaker_choice_offers_nothing_for_1(tmp_path: Path):
    """A re-trial (38c): on a comma the line said "1: ',' as a new ACTOR", and 1 was then refused. Words that
    cannot be an ACTOR are not offered; 1 there changes nothing and the choice stays open."""
    db = database(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"burned", "enter", "s")
        await pilot.press("slash", *", and", "enter")
        line = str(app.screen.below.status_line.render())
        assert line == (
            "Speaker of 'It burned,'? no ACTOR here · tab/shift+tab other ACTORs, nearest first · arrows, v, "
            "shift+arrows then 1: a new ACTOR · x none · escape cancels"
        )
        await pilot.press("1")
        assert type(app.screen).__name__ == "SpeakerScreen"
    with Store.open(db) as store:
        assert [s.text for s in store.spans("n", WHO)] == []  # no comma ACTOR; the quote pending until enter (42k)
