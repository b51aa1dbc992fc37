"""quotes.v5 (`suggest.quotes_v5`): quotes.v4's speakers over quotations found in single marks too (British house
style: 'We will,' said X, or ‘…’), told from apostrophes as the QUOTE key tells them (`annotator.quotations`), and
a quotation continued over paragraphs separated by a blank line keeps its first paragraph (quotes.v1-v4 lost it).
A newcomer's trial (34). Sentences written for the purpose (none from an article): the finder without a model,
then exact (quote, speaker) pairs of quotes.v4 and quotes.v5 with the real pipeline and entities.v12."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator

from annotator.models import Label
from annotator.store import Store
from annotator.suggest import Suggesters
from annotator.suggest.quotes import find_quotes
from annotator.suggest.quotes_v5 import find_quotes_v5
from tests.test_suggest_quotes_v4 import quotes

V4 = Suggesters("entities.v12", "quotes.v4")
V5 = Suggesters("entities.v12", "quotes.v5")


def found(text: str, finder=find_quotes_v5) -> list[tuple[str, int]]:
    """(words, chain) of each quotation, chains numbered from 0 in order of appearance."""
    quotes = finder(text)
    chains: dict[int, int] = {}
    return [(text[q.start : q.end], chains.setdefault(q.chain, len(chains))) for q in quotes]


FOUND = [
    (  # single marks, a colon before, an apostrophe inside; then after a blank line, before the speaker
        "Minister Ada Holm said: 'We will cut fares, and we won't stop there.'\n\n"
        "'Passengers deserve better,' said Rob Tann of the drivers' union.",
        [],
        [("We will cut fares, and we won't stop there.", 0), ("Passengers deserve better,", 1)],
    ),
    (  # a double-marked quotation continued after a blank line: one chain of two paragraphs
        '"We lost the vote and we own that.\n\n"We will be back," said Bo Amis.',
        [("We will be back,", 0)],
        [("We lost the vote and we own that.", 0), ("We will be back,", 0)],
    ),
    (  # the same in single marks
        "'We lost the vote and we own that.\n\n'We will be back,' said Bo Amis.",
        [],
        [("We lost the vote and we own that.", 0), ("We will be back,", 0)],
    ),
    (  # a paragraph in double marks keeps them: the single ones are a quote within the quote
        "Bo Amis said: \"They told me 'wait' for an hour.\" Then he left.",
        [("They told me 'wait' for an hour.", 0)],
        [("They told me 'wait' for an hour.", 0)],
    ),
    (  # British nesting: the single marks hold the double ones, and are the quotation
        "'They called it \"a farce\", and it was,' said Jo Lam.",
        [("a farce", 0)],
        [('They called it "a farce", and it was,', 0)],
    ),
    (  # apostrophes, elisions and possessives only; a gloss in brackets
        "The '90s were kind to rock 'n' roll, O'Hara's band and the bakers' guild ('the Guild').",
        [],
        [],
    ),
    (  # a single mark left open mid-paragraph, with no paragraph reopening it: no quotation
        "The vote was lost and 'we own that.\n\nBo Amis left.",
        [],
        [],
    ),
    (  # a quotation left open whose next paragraph does not reopen it: none, in either marks
        "'We lost the vote.\n\nBo Amis left.",
        [],
        [],
    ),
]


@pytest.mark.parametrize(("text", "v4", "v5"), FOUND, ids=[f"case{i}" for i in range(len(FOUND))])
def test_the_quotations_quotes_v5_finds(text: str, v4: list, v5: list) -> None:
    assert found(text, find_quotes) == v4
    assert found(text) == v5


CHANGED = [
    (
        "Transport chief Ada Holm said: 'We will cut fares on every route next year.'",
        [],
        [("We will cut fares on every route next year.", "Ada Holm")],
    ),
    (
        "'Passengers deserve a far better service than this,' said Rob Tann, head of the drivers' union.",
        [],
        [("Passengers deserve a far better service than this,", "Rob Tann")],
    ),
    (
        "Housing minister Ada Holm resigned on Monday.\n\n"
        '"I made mistakes and I own every one of them.\n\n'
        '"I will not stand again," she said.',
        [("I will not stand again,", "Ada Holm")],
        [("I made mistakes and I own every one of them.", "Ada Holm"), ("I will not stand again,", "Ada Holm")],
    ),
]


@pytest.mark.parametrize(("text", "v4", "v5"), CHANGED, ids=[f"case{i}" for i in range(len(CHANGED))])
def test_what_quotes_v5_changes(nlp, text: str, v4: list, v5: list) -> None:
    assert quotes(nlp, text, V4) == v4
    assert quotes(nlp, text, V5) == v5


@pytest.mark.parametrize(
    "text",
    [
        "The so-called 'green' levy rose again in May.",  # a scare quote
        "Her new book, 'A Year On The Water', sold well.",  # a title
        "The board called the fare rise 'fair'. Critics disagreed.",  # a word the board is reported as using
    ],
)
def test_single_marks_make_the_quotes_double_ones_make(nlp, text: str) -> None:
    assert quotes(nlp, text, V5) == quotes(nlp, text.replace("'", '"'), V4)


STORY = (
    "Fares rise again\n\n"
    "Transport chief Ada Holm said: 'We will cut fares on every route next year.'\n\n"
    "'Passengers deserve a far better service than this,' said Rob Tann of the drivers' union.\n"
)


def test_ingest_of_a_story_in_single_marks(tmp_path: Path) -> None:
    """The real CLI, as the newcomer's trial ingested a .txt in British style: both quotes, each with its speaker,
    made by the default (quotes.v6, which finds quotations as quotes.v5 does)."""
    (tmp_path / "fares.txt").write_text(STORY, encoding="utf-8")
    done = annotator("ingest", "fares.txt", "--db", "x.db", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        [article] = store.article_ids()
        suggestions = store.current_suggestions(article)
    assert [
        (s.text, s.suggester, None if s.speaker is None else STORY[s.speaker.start : s.speaker.end])
        for s in suggestions
        if s.label is Label.QUOTE
    ] == [
        ("We will cut fares on every route next year.", "quotes.v6", "Ada Holm"),
        ("Passengers deserve a far better service than this,", "quotes.v6", "Rob Tann"),
    ]
