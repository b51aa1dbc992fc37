"""A phrase the keys take never starts or ends inside a hyphenated compound (a newcomer's trial): on "child" in "a
three-year-old Syrian child" the status line offered "1-3 add 'old Syrian child'" and `1` added just that. A name
or a number before a hyphen stays a phrase of its own, as the gold has it ("British-backed", "five-foot").
Pilot on the real app, checked in the real SQLite file the keys wrote to; own sentences, no test-split text."""

from __future__ import annotations

from pathlib import Path

from annotator.phrases import at_cursor, phrase_ladder
from annotator.suggest.tokens import tokenize
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = "The body of a three-year-old Syrian child was found.\nA British-backed group bought a five-foot statue.\n"


async def test_a_label_key_takes_the_whole_hyphenated_age_before_a_noun(tmp_path: Path) -> None:
    db = one_article(tmp_path / "h.db", TEXT)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"child", "enter")
        await pilot.pause()
        offered = app.screen.status_line.text.plain
        await pilot.press("1")
        await pilot.pause()
    assert "'three-year-old Syrian child'" in offered and "'old Syrian child'" not in offered, offered
    assert held_spans(db, WHO) == [("ACTOR", "three-year-old Syrian child")]


def _words(rung: tuple[int, int] | None, tokens: list[tuple[int, int]]) -> str:
    assert rung is not None
    return TEXT[tokens[rung[0]][0] : tokens[rung[1]][1]]


def test_no_rung_starts_or_ends_inside_a_compound_of_common_words() -> None:
    tokens = [(t.start, t.end) for t in tokenize([TEXT])[0]]
    words = [TEXT[a:b] for a, b in tokens]
    for word in ("year", "old", "child", "group", "statue"):
        index = words.index(word)
        for rung in [*phrase_ladder(TEXT, tokens, index), at_cursor(TEXT, tokens, index, "ACTOR")]:
            first, last = rung  # type: ignore[misc]
            for edge, neighbour in ((tokens[first][0], -1), (tokens[last][1], 0)):
                near = TEXT[edge + neighbour : edge + neighbour + 1]
                inside = near == "-" and not words[first if neighbour else last][:1].isupper()
                assert not inside or words[first if neighbour else last][:1].isdigit(), (word, _words(rung, tokens))
    british, five = words.index("British"), words.index("five")
    assert _words(at_cursor(TEXT, tokens, british, "ACTOR"), tokens) == "British"  # the gold's "British"-backed
    assert _words(at_cursor(TEXT, tokens, five, "FIGURE"), tokens) == "five"  # the gold's "five"-foot
