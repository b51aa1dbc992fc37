"""A label key on a common noun no entity marks adds its noun group as the house conventions want it ("one
resident", "most of the deceased", "supporters of hostages", not a verb before it), inside a quote too; a
selection still adds one word. Checked in the database the keys wrote to."""

from __future__ import annotations

from pathlib import Path

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article, seed_tokens

TEXT = (
    "Local media reported most of the deceased suffocated. One child was hurt.\n"
    "The second blast affected first responders, and supporters of hostages rallied.\n"
    '"The army saw it," one resident said.'
)


def database(path: Path) -> Path:
    return one_article(path, TEXT)


def held(path: Path) -> list[tuple[str, str]]:
    return sorted(held_spans(path, WHO))


async def test_a_label_key_on_a_common_noun_adds_its_group_with_what_quantifies_it(tmp_path: Path):
    db = database(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        for word in ("deceased", "child", "responders", "supporters", "resident"):
            await pilot.press("slash", *word, "enter", "1")
    assert held(db) == [
        ("ACTOR", "One child"),
        ("ACTOR", "first responders"),  # not "affected first responders": "affected" is the verb
        ("ACTOR", "most of the deceased"),
        ("ACTOR", "one resident"),
        ("ACTOR", "supporters of hostages"),
    ]


async def test_a_label_key_inside_a_quote_adds_an_entity_and_a_selection_still_adds_one_word(tmp_path: Path):
    db = database(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"saw", "enter", "4", "escape")  # the quote; escape leaves its speaker open
        await pilot.press("slash", *"army", "enter")
        assert app.screen.model.get(app.screen.current).is_quote  # the quote is current under the cursor
        await pilot.press("1")
        await pilot.press("slash", *"deceased", "enter", "v", "1")  # v: the word alone
    assert held(db) == [("ACTOR", "The army"), ("ACTOR", "deceased"), ("QUOTE", "The army saw it,")]


async def test_a_label_key_on_a_common_noun_stops_at_a_name_a_span_holds_and_replaces_a_suggestion(tmp_path: Path):
    """The Maidan Wardak provincial council, with "Maidan Wardak" accepted: the group is the "provincial council"
    after it, which can be added, not one span over both, which would be refused. Over a pending suggestion the
    group is whole, and replaces it ("Israeli tanks" over the suggested "Israeli")."""
    text = "Rockets hit the Maidan Wardak provincial council. Israeli tanks came."
    maidan, israeli = text.index("Maidan Wardak"), text.index("Israeli")
    suggestions = [
        Suggestion(start=maidan, end=maidan + 13, label="LOCATION", text="Maidan Wardak", suggester="t.v1"),
        Suggestion(start=israeli, end=israeli + 7, label="ACTOR", text="Israeli", suggester="t.v1"),
    ]
    path = tmp_path / "m.db"
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(text=text, id="n", title="N"), seed_tokens(text), suggestions)])
    app = make_app(path, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the first suggestion, "Maidan Wardak", accepted
        await pilot.press("slash", *"council", "enter", "1", "slash", *"tanks", "enter", "1")
    assert held(path) == [("ACTOR", "Israeli tanks"), ("ACTOR", "provincial council"), ("LOCATION", "Maidan Wardak")]


async def test_in_speaker_mode_the_actor_key_takes_the_same_group(tmp_path: Path):
    """A newcomer's trial: in speaker mode `1` made 'team' the speaker where the label key elsewhere takes 'the
    Israeli negotiating team'."""
    db = database(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"army", "enter", "4")  # the quotation as a QUOTE: speaker mode at once
        await pilot.press(*["semicolon"] * 3, "1")  # ; moves in speaker mode: "army", "one", "resident"
        await pilot.pause()
    with Store.open(db) as store:
        spans = {s.label.value: s for s in store.spans("n", WHO)}
    assert spans["ACTOR"].text == "one resident"
    assert spans["QUOTE"].speaker is not None
    assert (spans["QUOTE"].speaker.start, spans["QUOTE"].speaker.end) == (spans["ACTOR"].start, spans["ACTOR"].end)
