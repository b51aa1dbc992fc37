"""A newcomer's trial (31): `annotator review` of an article alice, bob and carol finished showed the disagreement
panel 14 rows high, which cut carol's version off at 80x24 and at 200x50 alike. At 200x50 every version shows; where
they do not fit (80x24), the panel's last row says how many rows are left and whose, the key line shows the key
(`V More versions`), and V shows the next annotator's version, then goes back to the top. Pilot on the real app, on
a database the real console script made (`ingest` the seed, then each annotator's `import`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.store import Store
from annotator.tui.review import make_review_app
from annotator.tui.widgets.bars import KeyBar
from tests.tui.test_review_panel_hints import panel_rows
from tests.tui.three_reviewed import REGION, WHO, three_reviewed

HEAD = ["79 agreed spans in gold", "Disagreement 1/1 · 1 open", "boundary · open"]
ALICE = ["a alice", "  ACT Netanyahu and…Hamas leaders · 1041:1106"]
#: A span another version has with other edges names the words at the edge that differs, then its offsets.
BOB = ["b bob", "  ACT Netanyahu · 1041:1050", "  ACT his defense minister · 1055:1075", "  FIG three",
       "  ACT Hamas leaders · 1093:1106"]  # fmt: skip
BOB_AT_80 = [
    "b bob",
    "  ACT Netany… · 1041:1050",
    "  ACT his… · 1055:1075",
    "  FIG three",
    "  ACT Hamas… · 1093:1106",
]
CAROL = ["c carol", "  ACT Netanyahu · 1041:1050", "  ACT defense minister · 1059:1075", "  FIG three",
         "  ACT Hamas · 1093:1098", "  ACT leaders · 1099:1106"]  # fmt: skip
#: At 80 columns the offsets show whole, the words cut to fit (a newcomer's trial: "Netanyahu · 1041:1…").
CAROL_AT_80 = ["c carol", "  ACT Netany… · 1041:1050", "  ACT defens… · 1059:1075", *CAROL[3:]]


@pytest.fixture(scope="module")
def team_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return three_reviewed(tmp_path_factory.mktemp("team"))


def keys(app) -> str:
    return str(app.screen.query_one(KeyBar).render())


async def test_every_version_shows_at_200x50(team_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    db.write_bytes(team_db.read_bytes())
    app = make_review_app(db, "dana", WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert panel_rows(app) == [*HEAD, *ALICE, *BOB, *CAROL]
        assert "V More versions" not in keys(app)


async def test_v_shows_the_rest_at_80x24_and_the_hints_say_so(team_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    db.write_bytes(team_db.read_bytes())
    app = make_review_app(db, "dana", WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = panel_rows(app)
        assert first == [
            *HEAD,
            "a alice",
            "  ACT Netany… · 1041:1106",
            *BOB_AT_80,
            *CAROL_AT_80[:3],
            "V: 3 more rows (carol)",
        ]
        assert keys(app) == " tab Next  u Undo  d Done  ? Help  q Quit  j Next disagreement  V More versions "
        await pilot.press("V")
        await pilot.pause()
        assert panel_rows(app) == [*HEAD, *CAROL_AT_80, "V: back up (alice, bob)", *[""] * 4]
        await pilot.press("c")  # carol's version into gold; the panel stays where it was
        await pilot.pause()
        settled = panel_rows(app)
        assert settled[:5] == [HEAD[0], "Disagreement 1/1 · 0 open", "All settled: d marks gold", "done",
                               "boundary · settled: carol"]  # fmt: skip
        seen = settled[5:]
        for _ in range(2):  # V again: back to the top, then on to carol
            await pilot.press("V")
            await pilot.pause()
            seen += panel_rows(app)[5:]
        assert {"a alice", "  ACT Netany… · 1041:1106", *BOB_AT_80, *CAROL_AT_80} <= set(seen), seen
    with Store.open(db) as store:
        [article_id] = store.article_ids()
        text = store.article(article_id).text
        start = text.index(REGION)
        gold = [
            (s.label.value, s.text) for s in store.spans(article_id, "gold") if start <= s.start < start + len(REGION)
        ]
    assert gold == [("ACTOR", "Netanyahu"), ("ACTOR", "defense minister"), ("FIGURE", "three"), ("ACTOR", "Hamas"),
                    ("ACTOR", "leaders")]  # fmt: skip


async def test_a_remapped_key_is_the_one_the_hints_name(team_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    db.write_bytes(team_db.read_bytes())
    keymap = tmp_path / "keys.toml"
    keymap.write_text('more_versions = "z"\n', encoding="utf-8")
    app = make_review_app(db, "dana", WHO, keymap_path=keymap)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert panel_rows(app)[-1] == "z: 3 more rows (carol)"
        assert keys(app).endswith(" z More versions ")
        await pilot.press("z")
        await pilot.pause()
        assert panel_rows(app)[3:10] == [*CAROL_AT_80, "z: back up (alice, bob)"]
