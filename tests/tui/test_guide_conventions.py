"""Trial 23: the short guide in the help was silent where the annotator had to guess (a prison term, a sum in euros,
"The defendant, Rui Almeida"). It says the house conventions of tests/fixtures/README.md: durations are no FIGUREs,
currency words stay out of a FIGURE while signs stay in, a descriptor in apposition to a name is not marked. The help
at 80x24 shows each of them whole; Pilot reads what the Markdown widget draws.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets._markdown import MarkdownBlock

from annotator.tui.screens.help import guide_text

FIXTURES_README = Path(__file__).resolve().parents[1] / "fixtures" / "README.md"

#: What the guide says, and where the house conventions say the same.
RULINGS = [
    (
        'Not dates, times, ages ("aged 61"), durations ("six years" in prison, a "four-month" trial), ordinals or '
        'numbers in names ("Channel 13").',
        'durations ("40 years" in prison,',
    ),
    (
        'Currency signs stay in, currency words stay out: "$4 billion", "1.2 million" of "1.2 million euros".',
        'a currency word is such a unit: "1.2 million" in "1.2 million euros"',
    ),
    (
        'A descriptor in apposition to a name is not marked: "The mayor, Ana Costa," -> ACTOR "Ana Costa" only.',
        'A descriptor in apposition to a name is\n  not marked separately ("One senator, Eduardo Bhatia")',
    ),
]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_guide_says_each_convention_as_the_house_conventions_do() -> None:
    guide, conventions = flat(guide_text()), flat(FIXTURES_README.read_text(encoding="utf-8"))
    assert [said for said, _ in RULINGS if flat(said) not in guide] == []
    assert [ruled for _, ruled in RULINGS if flat(ruled) not in conventions] == []


async def test_the_help_shows_each_convention_whole_at_80x24(running) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        guide = app.screen.query_one("#help-guide")
        blocks = [block for block in guide.query(MarkdownBlock) if not block.children]  # what draws text
        drawn = flat(" ".join(strip.text for block in blocks for strip in block.render_lines(block.size.region)))
        assert max(block.size.width for block in blocks) <= 80
    assert [said for said, _ in RULINGS if flat(said) not in drawn] == []
