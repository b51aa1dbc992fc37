"""Re-trial, two windows on one database: both on "Port talks stall"; bottom `n` (on "Rail strike ends"); top `d`
`l` (marked done, "Rail strike ends" opens); bottom enter (accepts Tom Baker there); top `u` was refused as the
other window's accept ("Not undone: the last change here, accept of ACTOR 'Tom Baker' ...") and the done mark
stayed. `u` right after `d` goes back to the article just marked, whatever another window changed meanwhile, on
the article `d` opened too. Pilot on two real apps at once on one real SQLite file."""

from __future__ import annotations

from pathlib import Path

from textual import events

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.suggest.tokens import tokenize
from annotator.tui.app import make_app
from tests.tui.conftest import WHO

PORT, RAIL = "Port talks stalled again today.", "Tom Baker said the rail strike ends."


def two_articles(path: Path) -> Path:
    baker = Suggestion(start=0, end=9, label="ACTOR", text="Tom Baker", suggester="t.v1")
    port = Suggestion(start=0, end=4, label="LOCATION", text="Port", suggester="t.v1")
    with Store.open(path) as store:
        store.add_articles([
            (ArticleIn(id="port", title="Port talks stall", text=PORT), tokenize([PORT])[0], [port]),
            (ArticleIn(id="rail", title="Rail strike ends", text=RAIL), tokenize([RAIL])[0], [baker]),
        ])  # fmt: skip
    return path


async def test_u_after_d_goes_back_though_another_window_changed_the_opened_article(tmp_path: Path) -> None:
    db = two_articles(tmp_path / "n.db")
    top, bottom = make_app(db, WHO, keymap_path=False), make_app(db, WHO, keymap_path=False)
    async with top.run_test(size=(80, 24)) as pilot_top, bottom.run_test(size=(80, 24)) as pilot_bottom:
        await pilot_top.pause()
        await pilot_bottom.pause()
        await pilot_bottom.press("n")  # bottom on "Rail strike ends"
        await pilot_bottom.pause()
        await pilot_top.press("d", "l")  # "Port talks stall" done: "Rail strike ends" opens
        await pilot_top.pause()
        await pilot_bottom.press("enter")  # Tom Baker accepted on "Rail strike ends"
        await pilot_bottom.pause()
        top.post_message(events.AppFocus())  # the person comes back to the top window: it shows the accept
        await pilot_top.pause()
        await pilot_top.press("u")
        await pilot_top.pause()
        opened, said = top.screen.article_id, top.messages[-1][1]
    with Store.open(db) as store:
        status = store.status("port", WHO)
    assert (opened, said, status.value) == (
        "port",
        "undid: status done -> to do, on 'Port talks stall', the article just marked done (ctrl+r marks it done "
        "again and goes on)",
        "todo",
    )
