"""A tester's trial: the "Selected ..." line offered keys that then refused the selection: 1-4 for 'later.' and
'. Talks' (1: "an ACTOR span may not end/start with punctuation"), 4 for 'Hughes. "We' (4: "it would overlap QUOTE
..."). The line now asks, for each label, the check the key asks before the Store (`preview.refused`, over
`edges.refusal`): it offers the keys that add, says in a few words why the others refuse, and when none adds, says
so on one line at 80 columns. Pilot on a real database, at 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "Police came later. Talks in the U.S. went on."
QUOTED = 'Police met Paul Hughes. "We will stay," he said.'

#: name: (text, keys selecting the words, the status line, the keys it offers, the keys it says refuse).
CASES = {
    "later.": (TEXT, ["right", "right", "shift+right"], "Selected 'later.': 4 only: 1-3 end with '.', escape clears",
               ["4"], ["1", "2", "3"]),
    ". Talks": (TEXT, ["right", "right", "right", "shift+right"],
                "Selected '. Talks': 4 only: 1-3 start with '.', escape clears", ["4"], ["1", "2", "3"]),
    "later. Talks": (TEXT, ["right", "right", "shift+right", "shift+right"],
                     "Selected 'later. Talks': 4 only: 1-3 cross a sentence end, escape clears", ["4"], ["1", "2", "3"]),
    'Hughes. "We': (QUOTED, ["slash", *"Hughes", "enter", "shift+right", "shift+right", "shift+right"],
                    "Selected 'Hughes. \"We': no key: 1-3 cross a sentence end, 4 overlaps a QUOTE", [],
                    ["1", "2", "3", "4"]),
}  # fmt: skip

#: What each refused key says, by case, ACTOR's for 1 (2 and 3 say theirs alike).
REFUSALS = {
    "later.": "Not added: an ACTOR span may not end with punctuation ('.')",
    ". Talks": "Not added: an ACTOR span may not start with punctuation ('.')",
    "later. Talks": "Not added: an entity does not cross a sentence's end: the selection crosses the '.' after 'later'",
    'Hughes. "We': "Not added: an entity does not cross a sentence's end: the selection crosses the '.' after 'Hughes'",
}


def database(path: Path, text: str) -> Path:
    """One article of `text`; in the quoted one, the annotator's QUOTE 'We will stay' already marked."""
    db = one_article(path, text)
    if text == QUOTED:
        with Store.open(db) as store:
            start = text.index("We will")
            store.add_span("n", WHO, start, text.index('," he'), "QUOTE")
    return db


def status(app) -> str:
    return app.screen.status_line.text.plain


@pytest.mark.parametrize("case", list(CASES))
async def test_the_line_offers_only_the_keys_that_add_the_selection(tmp_path: Path, case: str) -> None:
    text, select, line, _, _ = CASES[case]
    app = make_app(database(tmp_path / "s.db", text), WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*select)
        await pilot.pause()
        assert (status(app), len(line) <= 80) == (line, True)


@pytest.mark.parametrize("case", [case for case in CASES if CASES[case][3]])
async def test_each_key_the_line_offers_adds_the_selection(tmp_path: Path, case: str) -> None:
    text, select, _, offered, _ = CASES[case]
    for key in offered:
        db = database(tmp_path / f"{key}.db", text)
        app = make_app(db, WHO, keymap_path=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press(*select, key, "escape")  # escape: no speaker for the new quote now
            await pilot.pause()
        assert held_spans(db, WHO) == [("QUOTE", case)]


@pytest.mark.parametrize("case", list(CASES))
async def test_each_key_the_line_leaves_out_refuses_the_selection(tmp_path: Path, case: str) -> None:
    text, select, _, _, left_out = CASES[case]
    said, held = [], []
    for key in left_out:
        db = database(tmp_path / f"{key}.db", text)
        app = make_app(db, WHO, keymap_path=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press(*select, key)
            await pilot.pause()
            said.append(app.messages[-1][1])
        held += held_spans(db, WHO)
    expected = [REFUSALS[case].replace("an ACTOR", article) for article in ("an ACTOR", "a LOCATION", "a FIGURE")]
    if case == 'Hughes. "We':
        start = QUOTED.index("We will")
        expected.append(f"Not added: it would overlap QUOTE 'We will stay' at {start}:{start + 12}")
    assert (said, held) == (expected, [("QUOTE", "We will stay")] * 4 if case == 'Hughes. "We' else [])


async def test_the_line_names_the_keys_as_the_keymap_file_moved_them(tmp_path: Path) -> None:
    """It named 1-3 and 1-4 whatever the keymap said, where the line at the cursor names the moved keys."""
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('label_actor = "a"\n')
    app = make_app(database(tmp_path / "s.db", TEXT), WHO, keymap_path=keymap)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "shift+right")
        await pilot.pause()
        assert status(app) == "Selected 'later.': 4 only: a/2/3 end with '.', escape clears"
