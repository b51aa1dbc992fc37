"""Trial 26: the status line named something other than what the keys act on. (a) With a quote current and the
cursor on its first word, where a FIGURE suggestion is pending, it offered "1-3 add '35' at the cursor", as if
nothing were there: 3 accepts that suggestion (1 and 2 add no number alone, no ACTOR nor LOCATION by the guide).
(b) After a span of the annotator's own replaced a pending quote's suggested speaker ("spokesman Tom Hale" over
"Tom Hale"), the quote's line still named the old speaker, while enter gives it the new one; after the suggested
speaker was rejected it named it still, while enter gives the quote none. Pilot on a real database; what the keys
then do is read back from it."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Suggestion
from annotator.tui.app import make_app
from tests.tui.conftest import WHO
from tests.tui.fixtures import held_spans, one_article

TEXT = 'Police said: "35 people died in the blast," the spokesman Tom Hale added.'
QUOTE = "35 people died in the blast,"


def suggested(part: str, label: str, **extra: object) -> Suggestion:
    start = TEXT.index(part)
    return Suggestion(start=start, end=start + len(part), label=label, text=part, suggester="test.v1", **extra)


def article(path: Path, figure: bool) -> Path:
    speaker = TEXT.index("Tom Hale")
    quote = suggested(QUOTE, "QUOTE", speaker={"start": speaker, "end": speaker + len("Tom Hale")})
    return one_article(path, TEXT, [*([suggested("35", "FIGURE")] if figure else []), quote,
                                    suggested("Tom Hale", "ACTOR")])  # fmt: skip


def status(app) -> str:
    return app.screen.status_line.text.plain


async def test_on_a_pending_figure_at_a_quotes_start_the_line_names_the_suggestion(tmp_path: Path) -> None:
    db = article(tmp_path / "n.db", figure=True)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        assert app.screen.current == ("pending", 2)  # the quote, the cursor on "35"
        assert status(app) == (
            f"? QUO Tom Hale: {QUOTE}  (enter or 4 accept the quote, x reject it, s choose its speaker; "
            "3 accepts the suggestion FIGURE '35' at the cursor)"  # a number alone is no ACTOR (the guide)
        )
        await pilot.press("1")
        assert status(app) == (
            "Not added: '35' is a number, a FIGURE by the guide: 3 marks it; v selects it, then the key marks it anyway"
        )
    assert held_spans(db, WHO) == []


async def test_three_there_accepts_the_figure(tmp_path: Path) -> None:
    db = article(tmp_path / "n.db", figure=True)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        assert status(app) == "accepted FIGURE '35' at 14:16"
    assert held_spans(db, WHO) == [("FIGURE", "35")]


async def test_a_replaced_speaker_is_the_one_the_quote_line_names_and_enter_gives(tmp_path: Path) -> None:
    db = article(tmp_path / "n.db", figure=False)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "right", "shift+left", "shift+left", "1")  # on Tom Hale: "spokesman Tom Hale"
        assert status(app) == (
            "added ACTOR 'spokesman Tom Hale' at 48:66; the suggestion it covers, ACTOR 'Tom Hale' at 58:66, is "
            "rejected as replaced"
        )
        await pilot.press("shift+tab")
        assert status(app) == (
            f"? QUO spokesman Tom Hale: {QUOTE}  (enter or 4 accept the quote, x reject it, s choose its speaker; "
            "3 adds '35' at the cursor)"
        )
        await pilot.press("enter")
        assert status(app).startswith(
            f"accepted QUOTE '{QUOTE}' at 14:42 and as its speaker ACTOR 'spokesman Tom Hale' at 48:66"
        )
    assert held_spans(db, WHO) == [("QUOTE", QUOTE), ("ACTOR", "spokesman Tom Hale")]


async def test_a_rejected_speaker_is_named_no_more(tmp_path: Path) -> None:
    db = article(tmp_path / "n.db", figure=False)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "x", "shift+tab")  # reject the suggested speaker, back to the quote
        assert status(app) == (
            f"? QUO (no speaker): {QUOTE}  (enter or 4 accept the quote, x reject it, s choose its speaker; "
            "3 adds '35' at the cursor)"
        )
