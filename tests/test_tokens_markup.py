"""Markup brackets glued to words are tokens of their own (trial 22): "[bold]Ana Costa[/bold]" was tokenized as
'bold]Ana' and 'Costa[/bold', so the name could not be marked by keys or mouse (spans sit on token boundaries) and
no suggestion could sit on it. spaCy's English rules split brackets off a word's edges only; `split_markup` adds
them as infixes, in every tokenizer the project runs (`suggest.tokens`)."""

from __future__ import annotations

from pathlib import Path

import spacy
from processes import annotator

from annotator import phrases
from annotator.models import Label
from annotator.store import Store
from annotator.suggest import load_pipeline, suggest_doc, tokens_of
from annotator.suggest.tokens import MARKUP_INFIX, split_markup, tokenize

TEXT = "The mayor, [bold]Ana Costa[/bold], said the bridge would reopen on Monday."


def words(text: str) -> list[str]:
    [tokens] = tokenize([text])
    return [text[t.start : t.end] for t in tokens]


def test_square_brackets_split_off_the_words_they_are_glued_to() -> None:
    assert words("[bold]Ana Costa[/bold],") == ["[", "bold", "]", "Ana", "Costa", "[", "/bold", "]", ","]


def test_angle_and_curly_brackets_too() -> None:
    assert words("<b>Ana Costa</b> {i}Lisbon{/i}") == [
        *["<", "b", ">", "Ana", "Costa", "<", "/b", ">"],
        *["{", "i", "}", "Lisbon", "{", "/i", "}"],
    ]


def test_a_url_stays_one_token() -> None:
    assert words("see https://example.org/a[1]?b=<2> now") == ["see", "https://example.org/a[1]?b=<2", ">", "now"]


def test_the_rule_is_added_once_however_often_it_is_applied() -> None:
    tokenizer = spacy.blank("en").tokenizer
    split_markup(tokenizer)
    split_markup(tokenizer)
    assert tokenizer.infix_finditer.__self__.pattern.count(MARKUP_INFIX) == 1


def test_the_model_makes_the_same_tokens_as_the_blank_tokenizer(nlp) -> None:
    assert tokens_of(nlp(TEXT)) == tokenize([TEXT])[0]


def test_a_saved_pipeline_keeps_the_rule_and_loads_with_it_once(trained: Path) -> None:
    loaded = load_pipeline(str(trained))  # saved by `annotator train`
    assert loaded.tokenizer.infix_finditer.__self__.pattern.count(MARKUP_INFIX) == 1
    assert tokens_of(loaded(TEXT)) == tokenize([TEXT])[0]


def test_a_name_in_markup_can_be_suggested(nlp) -> None:
    text = "The mayor, [bold]Maria Silva[/bold], said the bridge would reopen on Monday."
    assert [(s.label, s.text) for s in suggest_doc(nlp(text))] == [
        (Label.ACTOR, "The mayor"),
        (Label.ACTOR, "Maria Silva"),
    ]


def test_an_ingested_article_gets_an_actor_over_the_name_in_markup(tmp_path: Path) -> None:
    (tmp_path / "mayor.txt").write_text(TEXT, encoding="utf-8")
    result = annotator("ingest", tmp_path / "mayor.txt", "--db", tmp_path / "a.db")
    assert result.returncode == 0, result.stderr
    with Store.open(tmp_path / "a.db") as store:
        [article] = store.article_ids()
        tokens = store.tokens(article)
        cursor = [TEXT[t.start : t.end] for t in tokens].index("Ana")
        first, last = phrases.at_cursor(TEXT, tokens, cursor, Label.ACTOR)  # key 1 with the cursor on "Ana"
        edit = store.add_span(article, "alice", tokens[first].start, tokens[last].end, Label.ACTOR)
    assert [(s.text, s.label) for s in edit.spans] == [("Ana Costa", Label.ACTOR)]
