"""A newcomer's trial: `?` then End, and the short guide seemed to end at "Scare quotes are not quotes.", with no
word on speakers. The speaker rule was there, but run on at the end of the QUOTE item, mid-line; it is an item of
its own now, as the house guide has it: a pronoun points to the nearest earlier ACTOR it stands for, and a quote
nobody can be identified as saying has no speaker. Pilot reads what the help draws at 80x24, block by block (an
item of the list is one)."""

from __future__ import annotations

from textual.widgets._markdown import MarkdownBlock

SPEAKER_RULE = (
    'Speaker (s): the ACTOR span that said the quote. Where a pronoun says it ("she said", "he told Reuters"), the '
    "nearest earlier ACTOR the pronoun stands for; none when nobody can be identified."
)


def flat(text: str) -> str:
    return " ".join(text.split())


async def test_the_help_draws_the_speaker_rule_as_an_item_of_its_own(running) -> None:
    async with running(size=(80, 24)) as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        guide = app.screen.query_one("#help-guide")
        blocks = [block for block in guide.query(MarkdownBlock) if not block.children]  # what draws text
        drawn = [flat(" ".join(strip.text for strip in block.render_lines(block.size.region))) for block in blocks]
    assert [text for text in drawn if text.startswith("Speaker")] == [SPEAKER_RULE]
