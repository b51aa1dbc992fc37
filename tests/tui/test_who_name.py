"""The annotator's prompt ("Who is annotating?") takes a name by the same rule as every other border
(`vocabulary.name_problem`): a path, "..", a control character is refused there and the prompt stays. Pilot on a
real database."""

from __future__ import annotations

from pathlib import Path

from support import word_tokens
from textual.widgets import Input

from annotator.models import ArticleIn
from annotator.store import Store
from annotator.tui.app import make_app
from annotator.tui.screens.who import WhoScreen


async def test_the_prompt_refuses_a_path_and_takes_a_name(tmp_path: Path) -> None:
    text = "Storm hits coast today, officials said."
    with Store.open(tmp_path / "a.db") as store:
        store.add_articles([(ArticleIn(text=text, title="Storm"), word_tokens(text), [])])
    app = make_app(tmp_path / "a.db", "", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WhoScreen)
        for name, problem in (
            ("../../evil", "an annotator's name may not contain a path separator (/ or \\): '../../evil'"),
            ("..", "an annotator's name may not be '..'"),
            ("model:entities.v3", "'model:entities.v3' names the model's suggestions, not an annotator"),
            (
                "Gold",
                "'Gold' is reserved: gold, the adjudicated annotation, is written only by `annotator review` and "
                "`annotator adjudicate --auto`; work under a name of your own",
            ),
        ):
            await pilot.press(*name, "enter")
            await pilot.pause()
            assert isinstance(app.screen, WhoScreen)
            assert app.annotator == ""
            assert [n.message for n in app._notifications][-1] == problem
            await pilot.press(*["backspace"] * len(name))
        await pilot.press(*"bob", "enter")
        await pilot.pause()
        assert app.annotator == "bob"


async def test_the_prompt_refuses_a_name_that_looks_like_one_the_database_has(tmp_path: Path) -> None:
    """names31: "аӀісе" in Cyrillic letters where alice works would be a second annotator who looks like her."""
    text = "Storm hits coast today, officials said."
    with Store.open(tmp_path / "a.db") as store:
        (article,) = store.add_articles([(ArticleIn(text=text, title="Storm"), word_tokens(text), [])])[0]
        store.set_status(article, "alice", "done")
    lookalike = "\u0430\u04c0\u0456\u0441\u0435"
    app = make_app(tmp_path / "a.db", "", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("tab")  # from the list of names to the input
        app.screen.query_one("#who-name", Input).value = lookalike
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WhoScreen)
        assert app.annotator == ""
        assert [n.message for n in app._notifications][-1] == (
            f"{lookalike!r} looks like 'alice', who has work or an assignment in this database (a name of its own "
            "may not look like another's)"
        )


# hA 1: the command line refuses a new name with a comma (`--annotators` parts names at commas: S9), but the prompt
# took `ana,bob` and stored work under it. It refuses it in the same words (`store.names.comma_problem`).
COMMA = (
    "an annotator's name new to the database may not hold a comma (--annotators parts names at commas): 'ana,bob'; "
    "a name the database holds with one is taken whole"
)


async def test_the_prompt_refuses_a_new_name_with_a_comma(tmp_path: Path) -> None:
    text = "Storm hits coast today, officials said."
    with Store.open(tmp_path / "a.db") as store:
        (article,) = store.add_articles([(ArticleIn(text=text, title="Storm"), word_tokens(text), [])])[0]
        store.set_status(article, "alice", "done")
    app = make_app(tmp_path / "a.db", "", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"ana,bob", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WhoScreen)
        assert app.annotator == ""
        assert [n.message for n in app._notifications][-1] == COMMA
    with Store.open(tmp_path / "a.db") as store:
        assert store.annotators() == ["alice"]
        assert store.events(annotator="ana,bob") == []


async def test_the_prompt_takes_a_stored_name_with_a_comma_whole(tmp_path: Path) -> None:
    text = "Storm hits coast today, officials said."
    with Store.open(tmp_path / "a.db") as store:
        (article,) = store.add_articles([(ArticleIn(text=text, title="Storm"), word_tokens(text), [])])[0]
        store.set_status(article, "Smith, J", "done")
    app = make_app(tmp_path / "a.db", "", keymap_path=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"Smith, J", "enter")
        await pilot.pause()
        assert app.annotator == "Smith, J"
