"""A terminal's escape sequences and other control characters are tokens of their own (trial 23): text copied
from a terminal ("ESC[31mJohn Smith ESC[0m") made 'ESC[31mJohn' one token, so the name could not be marked, and a
control character after a full stop ("Lyon.NUL") kept the stop in the word, so "Lyon" could not be marked either.
`split_markup` adds them to spaCy's prefix, suffix and infix rules (`suggest.tokens`)."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator import phrases
from annotator.models import Label
from annotator.store import Store
from annotator.suggest import tokens_of
from annotator.suggest.tokens import tokenize

TEXT = "Officials said \x1b[31mJohn Smith\x1b[0m resigned.\x07 The council met in Lyon.\x0e End\x08."


def words(text: str) -> list[str]:
    [tokens] = tokenize([text])
    return [text[t.start : t.end] for t in tokens]


def test_escape_sequences_and_control_characters_are_tokens_of_their_own() -> None:
    """The escape character itself is invisible and left out of its token's edges, as white space is."""
    assert words(TEXT) == [
        *["Officials", "said", "[31m", "John", "Smith", "[0m", "resigned", ".", "The", "council", "met", "in"],
        *["Lyon", ".", "End", "."],
    ]


def test_a_terminal_title_sequence_is_one_token() -> None:
    assert words("The \x1b]0;pwned\x07 council met.") == ["The", "]0;pwned", "council", "met", "."]


def test_the_model_makes_the_same_tokens_as_the_blank_tokenizer(nlp) -> None:
    assert tokens_of(nlp(TEXT)) == tokenize([TEXT])[0]


def test_an_ingested_article_gets_an_actor_over_a_name_in_escape_sequences(tmp_path: Path) -> None:
    (tmp_path / "ctrl.txt").write_text(TEXT, encoding="utf-8")
    result = annotator("ingest", tmp_path / "ctrl.txt", "--db", tmp_path / "a.db")
    assert result.returncode == 0, result.stderr
    with Store.open(tmp_path / "a.db") as store:
        [article] = store.article_ids()
        tokens = store.tokens(article)
        words_stored = [TEXT[t.start : t.end] for t in tokens]
        first, last = phrases.at_cursor(TEXT, tokens, words_stored.index("John"), Label.ACTOR)
        name = store.add_span(article, "alice", tokens[first].start, tokens[last].end, Label.ACTOR)
        lyon = words_stored.index("Lyon")
        place = store.add_span(article, "alice", tokens[lyon].start, tokens[lyon].end, Label.LOCATION)
    assert [(s.text, s.label) for s in name.spans] == [("John Smith", Label.ACTOR)]
    assert [(s.text, s.label) for s in place.spans] == [("Lyon", Label.LOCATION)]
