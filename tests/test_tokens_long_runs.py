"""A run of more than 2,000 characters without white space is tokenized in pieces of 250 characters, each on its
own (`suggest.long_runs`): spaCy's tokenizer took time quadratic in such a run's length when it is glued prefixes
or suffixes (16,000 "(", thousands of terminal escapes "ESC]"), so an article of such junk stalled ingest. Every
other token, and every token of an ordinary text, is the one spaCy's tokenizer with `split_markup` gives: compared
here with that tokenizer, built in the test."""

from __future__ import annotations

import json
import pickle
import re
from functools import cache
from pathlib import Path
from typing import Any

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from processes import annotator

from annotator.models import Label
from annotator.store import Store
from annotator.suggest import load_pipeline, suggest_doc, tokens_of
from annotator.suggest.long_runs import LONGEST_RUN, PIECE, InPieces
from annotator.suggest.tokens import blank_english, project_tokenizer, split_markup, tokenize

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "tests" / "fixtures" / "gold").glob("*.jsonl"))
SEED = next((ROOT / "seeds").glob("*.txt")).read_text("utf-8")
SENTENCE = "The mayor, Maria Silva, said the bridge would reopen on Monday."


@cache
def plain() -> Any:
    """spaCy's English tokenizer with `split_markup` and nothing else: the project's tokenizer before long runs."""
    nlp = spacy.blank("en")
    split_markup(nlp.tokenizer)
    return nlp.tokenizer


def ordinary_texts() -> list[str]:
    texts = [SEED]
    for path in GOLD:
        texts += [r["text"] for r in map(json.loads, path.read_text("utf-8").splitlines()) if "text" in r]
    return texts


def described(doc: Any, shift: int = 0) -> list[tuple[int, str, str, str]]:
    """Each token's offset, text, trailing space and norm (special cases set it: "n't" -> "not")."""
    return [(t.idx + shift, t.text, t.whitespace_, t.norm_) for t in doc]


def long_runs(text: str, longest: int) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\S+", text) if len(m.group()) > longest]


def outside_runs(doc: Any, text: str, longest: int) -> list[tuple[int, str, str, str]]:
    """The tokens of `doc` that start outside the long runs of `text`, trailing spaces and norms included."""
    runs = long_runs(text, longest)
    return [t for t in described(doc) if not any(start <= t[0] < end for start, end in runs)]


def expected(text: str, longest: int = LONGEST_RUN, piece: int = PIECE) -> list[tuple[int, str, str]]:
    """What the rule promises, told apart from how it is made: each long run's tokens are those of its pieces,
    cut every `piece` characters from its start, tokenized on their own; every other token is the one of the
    whole text. (Offset, text, norm): a run's last token's trailing space is the whole text's."""
    runs = long_runs(text, longest)
    inside = [
        (idx, word, norm)
        for start, end in runs
        for at in range(start, end, piece)
        for idx, word, _, norm in described(plain()(text[at : min(at + piece, end)]), at)
    ]
    outside = [(idx, word, norm) for idx, word, _, norm in outside_runs(plain()(text), text, longest)]
    return sorted(inside + outside)


def test_a_long_run_is_tokenized_in_pieces_of_250_characters() -> None:
    text = "Ana said " + "a" * 4500 + " then."
    [tokens] = tokenize([text])
    assert [text[t.start : t.end] for t in tokens] == ["Ana", "said", *["a" * 250] * 18, "then", "."]


def test_a_run_of_glued_brackets_and_escapes_gets_the_tokens_of_its_pieces() -> None:
    """The run starts at "(": a cut every 250 characters into it halves an 'ESC]' (a piece ends with ESC, the next
    starts with ']') or falls among the letters."""
    text = "Officials said (" + "\x1b]" * 1500 + "a" * 1200 + "). Ana left.\n\nThe end"
    doc = blank_english().tokenizer(text)
    assert doc.text == text
    assert [t.text for t in doc] == [
        *["Officials", "said", "(", *["\x1b]"] * 124, "\x1b"],
        *["]", *["\x1b]"] * 124, "\x1b"] * 11,
        *["]", "a" * 249, *["a" * 250] * 3, "a" * 201, ")", ".", "Ana", "left", ".", "\n\n", "The", "end"],
    ]
    assert [(t.idx, t.text, t.norm_) for t in doc] == expected(text)


def test_ordinary_texts_keep_every_token_spacy_gives_them(nlp) -> None:
    texts = ordinary_texts()
    assert len(texts) > 50 and max(len(m.group()) for t in texts for m in re.finditer(r"\S+", t)) < LONGEST_RUN
    for text in texts:
        assert described(blank_english().tokenizer(text)) == described(plain()(text))
        # the model's vocabulary has norms of its own ("patronised" -> "patronized"): the tokens are compared
        assert [(t.idx, t.text, t.whitespace_) for t in nlp.make_doc(text)] == [t[:3] for t in described(plain()(text))]


def test_tokens_around_a_long_run_are_those_of_the_whole_text() -> None:
    """The seed article with a run of letters between paragraphs and one glued to a word: spaCy tokenizes such
    runs fast enough to compare with the whole text's tokens, trailing spaces and norms included."""
    paragraph = SEED.index("\n") + 1
    text = SEED[:paragraph] + "x" * 2500 + "\n" + SEED[paragraph:] + " didn't" + "b" * 3000 + "n't  \t\n"
    doc = blank_english().tokenizer(text)
    assert doc.text == text
    assert len(long_runs(text, LONGEST_RUN)) == 2
    assert outside_runs(doc, text, LONGEST_RUN) == outside_runs(plain()(text), text, LONGEST_RUN)
    assert [(t.idx, t.text, t.norm_) for t in doc] == expected(text)


PARTS = ["a", "B", "(", ")", ".", ",", "'", "n't", "Mr.", ":)", "\x1b]", "\x1b[31m", "[", "<", "https://x.org/a"]
SPACES = [" ", "  ", "\n", "\t", "\xa0", "\u3000", "\x1c", "\x85"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PARTS + SPACES), max_size=40))
def test_any_text_gets_the_promised_tokens_with_short_limits(parts: list[str]) -> None:
    """Runs of more than 6 characters in pieces of 4: white space of every kind spaCy splits on, special cases,
    URLs and escapes at the cuts."""
    text = "".join(parts)
    doc = InPieces(plain(), longest=6, piece=4)(text)
    assert doc.text == text
    assert [(t.idx, t.text, t.norm_) for t in doc] == expected(text, 6, 4)
    assert outside_runs(doc, text, 6) == outside_runs(plain()(text), text, 6)


def test_the_whole_pipeline_reads_a_text_with_a_long_run(nlp) -> None:
    text = "(" * 2500 + "a" * 2500 + "\n\n" + SENTENCE
    shift = text.index(SENTENCE)
    docs = list(nlp.pipe([text, SENTENCE]))
    assert docs[0].text == text
    assert tokens_of(docs[0]) == tokenize([text])[0]
    assert [(s.label, s.start - shift, s.text) for s in suggest_doc(docs[0]) if s.start >= shift] == [
        (s.label, s.start, s.text) for s in suggest_doc(docs[1])
    ]
    assert [(s.label, s.text) for s in suggest_doc(docs[1])] == [(Label.ACTOR, "Maria Silva")]


def test_pickled_saved_and_loaded_pipelines_keep_the_pieces(trained: Path) -> None:
    text = "said " + "a" * 4500
    pieces = ["said", *["a" * 250] * 18]
    copy = pickle.loads(pickle.dumps(blank_english()))
    assert isinstance(copy.tokenizer, InPieces)
    assert [t.text for t in copy(text)] == pieces
    loaded = load_pipeline(str(trained))  # saved by `annotator train`
    assert [t.text for t in loaded.make_doc(text)] == pieces
    assert type(spacy.load(trained).tokenizer) is type(plain())  # saved as spaCy's own


def test_another_kind_of_tokenizer_is_left_as_it_is_and_ours_is_made_once() -> None:
    """Chinese is written without spaces: its own tokenizer reads a run of any length."""
    chinese = spacy.blank("zh").tokenizer
    assert project_tokenizer(chinese) is chinese
    assert len(chinese("中" * 3000)) == 3000
    ours = blank_english().tokenizer
    assert project_tokenizer(ours) is ours


def test_ingest_with_two_workers_stores_the_pieces_and_suggests_the_sentence(tmp_path: Path) -> None:
    junk = "(" * 2500 + "a" * 2500 + "\n\n" + SENTENCE
    (tmp_path / "junk.txt").write_text(junk, encoding="utf-8")
    (tmp_path / "mayor.txt").write_text(SENTENCE, encoding="utf-8")
    result = annotator("ingest", tmp_path, "--workers", "2", "--db", tmp_path / "a.db")
    assert result.returncode == 0, result.stderr
    tokens, suggestions = {}, {}
    with Store.open(tmp_path / "a.db") as store:
        for article in store.article_ids():
            text = store.article(article).text
            tokens[text] = [text[t.start : t.end] for t in store.tokens(article)]
            shift = len(text) - len(SENTENCE)  # the sentence's suggestions, at their offsets in the sentence
            suggestions[text] = [
                (s.label, s.start - shift, s.text) for s in store.suggestions(article) if s.start >= shift
            ]
    assert tokens[junk] == [*["("] * 2500, *["a" * 250] * 10, *tokens[SENTENCE]]
    assert suggestions[junk] == suggestions[SENTENCE] == [(Label.ACTOR, 11, "Maria Silva")]
