"""Snapshots of the three screens (pytest-textual-snapshot; Textual is pinned exactly).

Update with `pytest tests/tui/test_tui_snapshots.py --snapshot-update`, after looking at the new SVGs.
"""

from __future__ import annotations

from annotator.models import Status
from annotator.store import Store
from annotator.tui.app import make_app
from tests.tui.conftest import WHO


def test_annotate_screen(snap_compare, tui_db):
    app = make_app(tui_db, WHO, keymap_path=False)
    # accept, accept, reject, relabel-accept (each moving on), then tab to the quote: current, with its speaker shown
    assert snap_compare(app, press=["enter", "enter", "x", "2", *["tab"] * 6], terminal_size=(110, 32))


def test_article_list_screen(snap_compare, tui_db):
    with Store.open(tui_db) as store:
        store.set_status("seed", WHO, Status.DONE)
    app = make_app(tui_db, WHO, keymap_path=False)
    assert snap_compare(app, press=["l"], terminal_size=(100, 16))


def test_help_screen(snap_compare, tui_db):
    app = make_app(tui_db, WHO, keymap_path=False)
    assert snap_compare(app, press=["question_mark"], terminal_size=(100, 40))
