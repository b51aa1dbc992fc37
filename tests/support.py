"""Helpers for tests: hand-made tokens and spans over small texts."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.models import ArticleIn
from annotator.rows import Token
from annotator.store import Store

SMALL_TEXT = 'Washington said "talks failed" in Gaza, where at least 35 died.'


def word_tokens(text: str) -> list[Token]:
    """Tokens for hand-written test texts: words, and each punctuation mark alone."""
    return [Token(start=m.start(), end=m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]


def nth(text: str, part: str, occurrence: int = 0) -> int:
    """Where the `occurrence`-th (from 0) appearance of `part` starts in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return start


def find(text: str, part: str, label: str, **extra: object) -> dict[str, object]:
    start = nth(text, part)
    return {"start": start, "end": start + len(part), "label": label, "text": part, **extra}


def entity_layers(nlp, text: str, *versions: object) -> list[list[tuple[str, str]]]:
    """The entity layer each of `versions` (annotator.suggest.Suggesters) makes for `text`: (text, label) in order,
    each checked against the span rules; one parse for all."""
    from annotator.models import Label, check_spans
    from annotator.suggest import suggest_doc

    doc = nlp(text)
    layers = []
    for suggesters in versions:
        suggestions = suggest_doc(doc, suggesters)  # type: ignore[arg-type]
        check_spans(list(suggestions), text)
        layers.append([(s.text, s.label.value) for s in suggestions if s.label is not Label.QUOTE])
    return layers


def spacy_at(text: str, word: str) -> tuple[list[tuple[int, int]], int]:
    """spaCy's tokens of `text` as (start, end) pairs, and the index of the token where `word` first starts."""
    from annotator.suggest.tokens import tokenize

    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    return tokens, next(i for i, (start, _) in enumerate(tokens) if start == text.index(word))


def offered(text: str, word: str) -> list[tuple[tuple[str, ...], str]]:
    """What the status line's preview offers at `word`: (labels, words) for each group of keys."""
    from annotator import phrases

    tokens, index = spacy_at(text, word)
    return [
        (tuple(label.value for label in found.labels), text[tokens[found.words[0]][0] : tokens[found.words[1]][1]])
        for found in phrases.key_phrases(text, tokens, index)
    ]


TEAM_TEXTS = ("Ann met Bob in Paris on Monday.", "Carol flew to Oslo with Dan.", "Eve saw Fay in Rome.")


def pair_and_a_third(db: Path, third_label: str = "ACTOR") -> None:
    """alice and bob finish all three `TEAM_TEXTS`, marking each first word an ACTOR; root finishes only the first
    (the seed article of a first session), marking its first word `third_label`."""
    with Store.open(db) as store:
        rows = [(ArticleIn(text=text, title=f"T{n}"), word_tokens(text), []) for n, text in enumerate(TEAM_TEXTS)]
        ids, _ = store.add_articles(rows)
        for article, text in zip(ids, TEAM_TEXTS, strict=True):
            end = len(text.split()[0])
            for who in ("alice", "bob", "root"):
                if who == "root" and article != ids[0]:
                    continue
                store.add_span(article, who, 0, end, third_label if who == "root" else "ACTOR")
                store.set_status(article, who, "done")


GOLD = Path(__file__).parent / "fixtures" / "gold"


def gold_records(name: str) -> list:
    """The records of a gold file of tests/fixtures/gold/ (native JSONL), validated."""
    from annotator.models import NativeRecord

    return [NativeRecord.model_validate_json(line) for line in (GOLD / name).read_text("utf-8").splitlines()]


def spans_off_their_text_or_tokens(records: list) -> list[tuple[str, str]]:
    """(article, span text) of every span whose text is not the article's at its offsets, or whose entity span
    does not start and end on spaCy's tokens: an empty list for sound gold."""
    import spacy

    tokenizer = spacy.blank("en")
    wrong = []
    for record in records:
        doc = tokenizer(record.text)
        starts, ends = {t.idx for t in doc}, {t.idx + len(t) for t in doc}
        for span in record.spans:
            on_text = record.text[span.start : span.end] == span.text
            on_tokens = span.label.value == "QUOTE" or (span.start in starts and span.end in ends)
            if not (on_text and on_tokens):
                wrong.append((record.article_id, span.text))
    return wrong
