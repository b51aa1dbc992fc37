"""One screen a module."""

from __future__ import annotations

from typing import Any, TypeVar

from textual.app import App
from textual.screen import Screen

A = TypeVar("A", bound=App[Any])


def app_as(screen: Screen[Any], kind: type[A]) -> A:
    """The screen's app, checked to be the app that shows this screen (the annotator's, or the review app)."""
    app = screen.app
    assert isinstance(app, kind)
    return app
