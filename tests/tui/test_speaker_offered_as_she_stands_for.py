"""A newcomer's trial on a Wikinews article (Bradford, 2019): for "She said she did this to show victims "there is
nothing to be ashamed of"", the speaker choice offered, after the suggested speaker, `victims` (her listeners), then
a later "One of the victims" and "the men" of the next sentence; the one "She" stands for, "One of the victims" of
the sentence before, came 5th of 14, and nothing said in what order they came. The ACTORs before a pronoun that
says a quote now come first, nearest first (`speaker_offers`), and the line says the order. Pilot on a database
the real `annotator ingest` made (its model suggests "Kama Melly QC", of the paragraph before, as the speaker)."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.tui.app import make_app
from annotator.tui.screens.speaker import SpeakerScreen
from tests.tui.conftest import WHO

TEXT = (
    'Judge Durham Hall QC said they "appear not to have shown any respect for the minimum standards of decent '
    'behaviour." Prosecutor Kama Melly QC said the victims were "ripe and vulnerable to manipulation" and had been '
    'used "to satisfy [the accused\'s] sexual desires".\n'
    "One of the victims decided to allow her name to be made public. She said she did this to show victims "
    '"there is nothing to be ashamed of". One of the victims said the men thought they were "nothing but a toy to '
    'play with".\n'
)


def ingested(folder: Path) -> Path:
    (folder / "bradford.txt").write_text(TEXT, encoding="utf-8")
    db = folder / "b.db"
    done = annotator("--db", db, "ingest", folder / "bradford.txt")
    assert done.returncode == 0, done.stderr
    return db


async def test_the_actor_she_stands_for_comes_right_after_the_suggested_speaker(tmp_path: Path) -> None:
    app = make_app(ingested(tmp_path), WHO, keymap_path=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"ashamed", "enter", "s")
        await pilot.pause()
        assert isinstance(app.screen, SpeakerScreen)
        assert [(c.text, c.start) for c in app.screen.candidates[:2]] == [
            ("Kama Melly QC", TEXT.index("Kama")),
            ("One of the victims", TEXT.index("One of the victims")),
        ]


async def test_the_line_says_in_what_order_tab_goes(tmp_path: Path) -> None:
    app = make_app(ingested(tmp_path), WHO, keymap_path=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"ashamed", "enter", "s", "tab")
        await pilot.pause()
        assert app.screen.below.status_line.text.plain == (
            "Speaker of 'there is nothing to be ashamed of'? 'One of the victims' (a pending ACTOR suggestion: enter "
            "accepts it too) 2 of 7, the 1st of 2 named so: 'One of the victims decided to allow…' · tab/shift+tab "
            "other ACTORs, nearest first · arrows, v, shift+arrows then 1: a new ACTOR · x none · escape cancels"
        )
