"""The rule of the done article's lock (`annotator.locking`), as the annotate screen asks it before each write."""

from __future__ import annotations

import pytest

from annotator.locking import locked
from annotator.vocabulary import GOLD, Status


@pytest.mark.parametrize("operation", ["remove_span", "add_span", "relabel_span", "set_speaker", "accept_all", ""])
def test_an_edit_of_an_annotators_done_article_is_locked(operation: str) -> None:
    assert locked(Status.DONE, "bob", operation) is True


@pytest.mark.parametrize("operation", ["set_status", "undo", "redo"])
def test_its_status_and_its_history_go_through(operation: str) -> None:
    assert locked(Status.DONE, "bob", operation) is False


@pytest.mark.parametrize("status", [Status.TODO, Status.IN_PROGRESS, Status.SKIPPED, Status.FLAGGED])
def test_an_article_not_done_is_not_locked(status: Status) -> None:
    assert locked(status, "bob", "remove_span") is False


def test_done_gold_is_not_locked_the_review_corrects_it() -> None:
    assert locked(Status.DONE, GOLD, "remove_span") is False
