"""A newcomer's trial: at a stop of `;` the screen showed the cursor's word only, while the digit pressed there
added a whole phrase ("Finance minister", "the harbour master"). With nothing current the status line says what
each label key would add (keys as the keymap file sets them); inside a quote, what a digit adds at the cursor.
Pilot on a real database; what the key then adds is checked in it."""

from __future__ import annotations

from pathlib import Path

from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = 'Rescuers searched all night. The harbour master said: "One resident stayed." At least 35 people died.'


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_at_a_stop_the_status_line_says_what_each_key_adds_and_the_key_adds_it(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        await pilot.press("semicolon")  # opened on Rescuers (a stop itself): on to master
        assert status(app) == (
            "1/2 add 'The harbour master' · 4 adds the quotation · tab: next to decide · v: select · ?: help"
        )
        await pilot.press("1")
        assert status(app).startswith("added ACTOR 'The harbour master'")
    assert held_spans(db, WHO) == [("ACTOR", "The harbour master")]


async def test_keys_moved_by_the_keymap_file_are_named_as_moved(tmp_path: Path) -> None:
    db = one_article(tmp_path / "n.db", TEXT)
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('label_actor = "a"\n')
    app = make_app(db, WHO, keymap_path=keymap)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        await pilot.press("semicolon", "semicolon")  # from Rescuers: master, One
        assert status(app) == (
            "a adds 'One resident' · 3 adds 'One' · 4 adds the quotation · tab: next to decide · v: select · ?: help"
        )


LISBON = "The Lisbon Port Authority said two-thirds of the berths were idle."


def lisbon_with_its_authority(path: Path) -> Path:
    db = one_article(path, LISBON)
    from annotator.store import Store

    with Store.open(db) as store:
        store.add_span("n", WHO, LISBON.index("Lisbon"), LISBON.index(" said"), "ACTOR")
    return db


async def test_before_a_span_the_phrase_holds_the_line_offers_its_resize(tmp_path: Path) -> None:
    """Trial 21: on "The" before the ACTOR 'Lisbon Port Authority' the line offered "1-3 add 'The Lisbon Port
    Authority'", which 1 then refused. It offers what the key does: resize that span; 2 and 3 would be refused."""
    app = make_app(lisbon_with_its_authority(tmp_path / "n.db"), WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+up")  # "The"
        assert status(app) == (
            "1 resizes 'Lisbon Port Authority' to 'The Lisbon Port Authority' · tab: next to decide · v: select · "
            "?: help"
        )


async def test_the_key_resizes_the_span_the_phrase_holds_and_u_undoes_it(tmp_path: Path) -> None:
    db = lisbon_with_its_authority(tmp_path / "n.db")
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+up", "1")
        assert app.messages[-1][1] == "resized to ACTOR 'The Lisbon Port Authority' at 0:25"
        assert held_spans(db, WHO) == [("ACTOR", "The Lisbon Port Authority")]
        await pilot.press("u")
    assert held_spans(db, WHO) == [("ACTOR", "Lisbon Port Authority")]
