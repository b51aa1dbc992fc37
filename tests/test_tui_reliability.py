"""The TUI under hostile text, a huge article, a read-only or full database and a second window.

Self-contained (no pytest-asyncio needed: each test runs its Pilot session with asyncio.run).
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from support import word_tokens

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store, WriteFailed
from annotator.tui.app import AnnotatorApp

WHO = "alice"
HOSTILE = (
    "Title \x1b]0;pwned\x07 clipboard \x1b]52;c;cHduZWQ=\x07 csi \x9b31m dcs \x1bP1$r\x1b\\ "
    "osc8 \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ bell \x07 [b]markup[/b] [link=http://x]x[/link]\n"
    "bidi \u202eevil\u202c \u2066iso\u2069 zero\u200bwidth\u2060join\ufeffbom tab\there nel\x85 ls\u2028ps\u2029 ok."
)
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def database(path: Path, text: str, title: str = "", suggestions: list[Suggestion] | None = None) -> Path:
    with Store.open(path) as store:
        store.add_articles(
            [(ArticleIn(text=text, id="a", title=title or "Article"), word_tokens(text), suggestions or [])]
        )
    return path


def run(app: AnnotatorApp, scenario, size: tuple[int, int] = (120, 30)):
    """Run `scenario(app, pilot)` in a Pilot session and return what it returns."""

    async def session():
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            return await scenario(app, pilot)

    return asyncio.run(session())


def visible_lines(app: AnnotatorApp) -> list[str]:
    view = app.screen.query_one("#article")
    return ["".join(segment.text for segment in view.render_line(y)).rstrip() for y in range(view.size.height)]


def status(app: AnnotatorApp) -> str:
    return app.screen.status_line.text.plain


def test_escape_sequences_bidi_and_markup_in_text_and_title_are_never_sent_raw(tmp_path: Path) -> None:
    db = database(tmp_path / "h.db", HOSTILE, title="[bold]T[/] \x1b]0;pwned\x07\u202e")

    async def scenario(app, pilot):
        await pilot.press("tab")
        return visible_lines(app), app.sub_title + app.title, app.screen.sub_title

    lines, _titles, sub_title = run(AnnotatorApp(Store.open(db), WHO), scenario)
    shown = "\n".join(lines)
    assert UNSAFE.search(shown) is None
    assert "[b]markup[/b] [link=http://x]x[/link]" in shown
    assert "␛]52;c;cHduZWQ=␇" in shown and "␛]0;pwned␇" in shown
    assert "[bold]T[/]" in sub_title
    assert UNSAFE.search(sub_title) is None  # the header shows the title: an OSC in it would set the terminal's


def test_a_one_megabyte_paragraph_opens_and_takes_edits(tmp_path: Path) -> None:
    text = "Gaza said " + " ".join(f"word{n}" for n in range(120_000))  # about 1 MB, one paragraph
    assert len(text.encode()) > 1_000_000
    db = database(tmp_path / "big.db", text)

    async def scenario(app, pilot):
        await pilot.press("right", "right", "1")  # a one-token span on "word0" ("said" is no phrase for a key)
        await pilot.press("end", "pagedown", "pagedown", "u")
        return status(app)

    message = run(AnnotatorApp(Store.open(db), WHO), scenario)
    assert message.startswith("undid add")
    with Store.open(db) as store:
        assert [e.action for e in store.events("a", WHO)] == ["add", "undo"]


def test_a_read_only_database_opens_and_edits_are_not_done(tmp_path: Path) -> None:
    text = "Washington said it."
    db = database(
        tmp_path / "ro.db",
        text,
        suggestions=[Suggestion(start=0, end=10, label="ACTOR", text="Washington", suggester="t.v1")],
    )

    async def scenario(app, pilot):
        await pilot.press("tab", "enter")
        return status(app), visible_lines(app)

    message, _ = run(AnnotatorApp(Store.open(db, read_only=True), WHO), scenario)
    assert message == f"Not done: not saved: {db} is read-only"
    with Store.open(db) as store:
        assert store.events() == []


def test_a_read_only_database_is_announced_when_the_tui_opens(tmp_path: Path) -> None:
    db = database(tmp_path / "ro.db", "Washington said it.")

    async def scenario(app, pilot):  # on the article's status line, not in a toast over its text
        return status(app), [(n.title, n.message) for n in app._notifications]

    shown = run(AnnotatorApp(Store.open(db, read_only=True), WHO), scenario)
    assert shown == (f"Read-only: {db} is read-only: open for viewing, changes cannot be saved", [])


def test_a_write_that_fails_is_reported_and_not_shown_as_done(tmp_path: Path) -> None:
    text = "Washington said it."
    suggestions = [Suggestion(start=0, end=10, label="ACTOR", text="Washington", suggester="t.v1")]
    db = database(tmp_path / "full.db", text, suggestions=suggestions)
    store = Store.open(db)

    async def scenario(app, pilot):
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk fills up: another annotator uses it
        with pytest.raises(WriteFailed):
            for number in range(2000):
                store.set_status("a", "filler", ("done", "flagged")[number % 2])
        await pilot.press("tab", "enter")
        return status(app), [item.pending for item in app.screen.model.items.values()]

    message, shown_pending = run(AnnotatorApp(store, WHO), scenario)
    assert message == f"Not done: not saved: the disk is full ({db}); nothing of this change was written"
    assert shown_pending == [True]  # the screen still shows the suggestion as pending, not accepted
    with Store.open(db) as reopened:
        assert (reopened.events("a", WHO), reopened.spans("a", WHO)) == ([], [])


def test_a_key_after_another_window_changed_the_article_is_applied_after_the_reload(tmp_path: Path) -> None:
    """Another window flagged the article: the accept pressed here still means the same thing (the same
    suggestion is there), so the article is reloaded and the key acts, once, saying so."""
    text = "Washington said it in Gaza."
    suggestions = [
        Suggestion(start=0, end=10, label="ACTOR", text="Washington", suggester="t.v1"),
        Suggestion(start=22, end=26, label="LOCATION", text="Gaza", suggester="t.v1"),
    ]
    db = database(tmp_path / "two.db", text, suggestions=suggestions)

    async def scenario(app, pilot):
        with Store.open(db) as other_window:
            other_window.view("a", WHO)
            other_window.set_status("a", WHO, "flagged")
        await pilot.press("enter")
        return status(app), sorted((i.kind, i.text) for i in app.screen.model.items.values())

    said, shown = run(AnnotatorApp(Store.open(db), WHO), scenario)
    assert said == "accepted ACTOR 'Washington' at 0:10 (after reloading: the annotation was changed in another window)"
    assert shown == [("pending", "Gaza"), ("span", "Washington")]
    with Store.open(db) as store:
        assert [e.action for e in store.events("a", WHO)] == ["status", "accept"]
        assert [(s.text, s.label.value) for s in store.spans("a", WHO)] == [("Washington", "ACTOR")]


def recomputed(tmp_path: Path) -> Path:
    """An article with two suggestions, to be replaced (`recompute`) once the screen shows them."""
    text = "Washington sent aid to Gaza."
    old = [
        Suggestion(start=0, end=10, label="ACTOR", text="Washington", suggester="t.v1"),
        Suggestion(start=23, end=27, label="LOCATION", text="Gaza", suggester="t.v1"),
    ]
    return database(tmp_path / "s.db", text, suggestions=old)


def recompute(db: Path, new: list[Suggestion]) -> None:
    """What `annotator suggest --all` does under the open article: new suggestions, new ids."""
    with Store.open(db) as other_command:
        other_command.replace_suggestions("a", word_tokens("Washington sent aid to Gaza."), new)


WASHINGTON_V2 = Suggestion(start=0, end=10, label="ACTOR", text="Washington", suggester="t.v2")


def test_a_key_after_another_command_recomputed_the_suggestions_is_applied_to_the_same_suggestion(
    tmp_path: Path,
) -> None:
    """`annotator suggest --all` while the article is open gives its suggestions new ids: enter on 'Washington',
    still suggested as it was, accepts the new one after the reload; it is not pressed twice."""
    db = recomputed(tmp_path)

    async def scenario(app, pilot):
        recompute(db, [WASHINGTON_V2])
        await pilot.press("enter")
        return status(app), sorted((i.kind, i.text) for i in app.screen.model.items.values())

    said, shown = run(AnnotatorApp(Store.open(db), WHO), scenario)
    assert said == (
        "accepted ACTOR 'Washington' at 0:10 (after reloading: its suggestions were recomputed by another command); "
        "nothing is left to decide: d marks the article done"
    )
    assert shown == [("span", "Washington")]
    with Store.open(db) as store:
        assert [e.action for e in store.events("a", WHO)] == ["accept"]
        [span] = store.spans("a", WHO)
        new_id = next(s.id for s in store.suggestions("a") if s.suggester == "t.v2")
        assert (span.text, span.label.value, span.suggestion_id) == ("Washington", "ACTOR", new_id)
        assert store.decisions("a", WHO) == {new_id: "accepted"}


def test_a_key_whose_suggestion_the_recomputation_changed_is_not_applied_and_says_why(tmp_path: Path) -> None:
    """The suggestion under the cursor is now a LOCATION: x would reject something else than was shown, so
    nothing is done, in one line, and the reloaded article shows the new suggestion current."""
    location = Suggestion(start=0, end=10, label="LOCATION", text="Washington", suggester="t.v2")
    db = recomputed(tmp_path)

    async def scenario(app, pilot):
        recompute(db, [location])
        await pilot.press("x")
        item = app.screen.model.get(app.screen.current)
        return status(app), (item.kind, item.label.value, item.text)

    said, current = run(AnnotatorApp(Store.open(db), WHO), scenario)
    assert said == (
        "Not done: its suggestions were recomputed by another command, and ACTOR 'Washington' is no longer suggested "
        "as it was; highlighted now: the suggestion LOCATION 'Washington' at 0:10"
    )
    assert current == ("pending", "LOCATION", "Washington")
    with Store.open(db) as store:
        assert (store.events("a", WHO), store.decisions("a", WHO)) == ([], {})


def test_accept_all_after_the_suggestions_changed_is_not_applied_and_says_why(tmp_path: Path) -> None:
    """A accepts what the screen showed: with other suggestions now pending, it does nothing and says so."""
    db = recomputed(tmp_path)

    async def scenario(app, pilot):
        recompute(db, [WASHINGTON_V2])
        await pilot.press("A")
        return status(app)

    said = run(AnnotatorApp(Store.open(db), WHO), scenario)
    assert said == (
        "Not done: its suggestions were recomputed by another command, and the pending suggestions are not those it "
        "was shown"
    )
    with Store.open(db) as store:
        assert (store.events("a", WHO), store.spans("a", WHO)) == ([], [])


def test_a_span_added_at_the_cursor_after_the_suggestions_changed_is_added_once(tmp_path: Path) -> None:
    """A digit with nothing current adds the phrase at the cursor: that means the same after any reload."""
    db = recomputed(tmp_path)

    async def scenario(app, pilot):
        await pilot.press("right", "right")  # on 'aid': nothing current
        recompute(db, [WASHINGTON_V2])
        await pilot.press("1")
        return status(app)

    said = run(AnnotatorApp(Store.open(db), WHO), scenario)
    assert said == "added ACTOR 'aid' at 16:19 (after reloading: its suggestions were recomputed by another command)"
    with Store.open(db) as store:
        assert [(s.text, s.label.value) for s in store.spans("a", WHO)] == [("aid", "ACTOR")]
        assert [e.action for e in store.events("a", WHO)] == ["add"]


def test_a_speaker_chosen_among_suggestions_recomputed_meanwhile_is_linked_to_the_same_actor(tmp_path: Path) -> None:
    """The speaker choice offered the suggested ACTOR 'Ann Lee'; recomputed while it was open, enter still
    means that ACTOR: the new suggestion is accepted and linked after the reload."""
    text = 'Ann Lee said: "We stay." Then.'
    actor = Suggestion(start=0, end=7, label="ACTOR", text="Ann Lee", suggester="t.v1")
    db = database(tmp_path / "q.db", text, suggestions=[actor])
    with Store.open(db) as store:
        store.add_span("a", WHO, 15, 23, "QUOTE")

    async def scenario(app, pilot):
        await pilot.press("tab", "s")  # the quote needs a speaker; the choice offers the suggested ACTOR
        await pilot.pause()
        with Store.open(db) as other_command:
            other_command.replace_suggestions("a", word_tokens(text), [actor.model_copy(update={"suggester": "t.v2"})])
        await pilot.press("enter")
        await pilot.pause()
        return status(app)

    said = run(AnnotatorApp(Store.open(db), WHO), scenario)
    assert said == (
        "speaker of QUOTE 'We stay.' at 15:23: 'Ann Lee' (accepted as an ACTOR) (after reloading: its suggestions "
        "were recomputed by another command)"
    )
    with Store.open(db) as store:
        new_id = next(s.id for s in store.suggestions("a") if s.suggester == "t.v2")
        assert sorted((s.text, s.speaker, s.suggestion_id) for s in store.spans("a", WHO)) == [
            ("Ann Lee", None, new_id),
            ("We stay.", (0, 7), None),
        ]
