"""Trial finding: in the speaker choice, 1 on "128" of "said 128 of the residents" made ACTOR '128' the speaker (the
line offered "1: '128' as a new ACTOR"), when 1 on the article refuses a number alone ("a FIGURE by the guide"), and
it made ACTOR 'Monday' of a date the keys offer to no label. The choice's 1 follows the label keys' rule, in their
words, and a selection (v) still makes the words the speaker. Pilot on a real database."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.screens.speaker import SpeakerScreen
from tests.tui.conftest import WHO
from tests.tui.fixtures import one_article

TEXT = '"We will rebuild," said 128 of the residents on Monday.'
QUOTE = "We will rebuild,"
ANYWAY = "; v selects it, then the key marks it anyway"


def line(app) -> str:
    return str(app.screen.below.status_line.render())


def held(db: Path) -> list[tuple[str, str, str | None]]:
    with Store.open(db) as store:
        spans = store.spans("n", WHO)
    return [(s.label.value, s.text, TEXT[s.speaker.start : s.speaker.end] if s.speaker else None) for s in spans]


async def test_one_in_the_speaker_choice_refuses_what_the_label_keys_refuse(tmp_path: Path) -> None:
    quote = Suggestion(start=1, end=1 + len(QUOTE), label="QUOTE", text=QUOTE, suggester="t.v1")
    db = one_article(tmp_path / "s.db", TEXT, [quote])
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"rebuild", "enter", "s")
        await pilot.press("slash", *"128", "enter")
        assert "no ACTOR here · tab/shift+tab" in line(app)  # no "1: '128' as a new ACTOR"
        await pilot.press("1")
        assert isinstance(app.screen, SpeakerScreen)
        assert line(app).startswith(f"Not added: '128' is a number, a FIGURE by the guide{ANYWAY} · Speaker of ")
        await pilot.press("slash", *"Monday", "enter", "1")
        assert isinstance(app.screen, SpeakerScreen)
        assert line(app).startswith(f"Not added: 'Monday' alone is a date, no mention (the guide){ANYWAY} · Speaker")
        await pilot.press("slash", *"residents", "enter")
        assert "no ACTOR here; 1: 'the residents' as a new ACTOR" in line(app)
        await pilot.press("slash", *"128", "enter", "v", "1")  # the user's choice: a selection makes it all the same
        await pilot.pause()
        assert not isinstance(app.screen, SpeakerScreen)
    assert sorted(held(db)) == [("ACTOR", "128", None), ("QUOTE", QUOTE, "128")]
