"""`store.as_suggested` over the batches an article's suggestions come in: only the current ones count (per kind,
the suggester whose newest batch is newest, that batch), however many older batches, older versions and other
kinds the article holds; and work whose spans have the same counts and sums as the suggestions but other shapes is
not theirs. The export reads it for every article (benchmarks/export.py): it first keeps the work whose spans add
up as the current suggestions do, then compares those whole; these are the cases where that could go wrong. A real
SQLite file; the suggestions' batches are written as rows, as `suggest` leaves them over the releases."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import word_tokens

from annotator.models import ArticleIn, Offsets, Span
from annotator.store import Store
from annotator.store.as_suggested import as_suggested, suggested_articles
from annotator.vocabulary import Status

TEXT = '"We rebuild," said Ana Lopez in Paris on Monday with Bob Kane of Lyon.'
OLD, EARLIER, LATER = "2026-01-01T00:00:00.000000Z", "2026-02-01T00:00:00.000000Z", "2026-03-01T00:00:00.000000Z"

#: (suggester, created_at, [(part of TEXT, label)]), per article, in the order the rows are written.
BATCHES = {
    # an older batch of the current suggester, and a quote of another kind: both kinds' newest are current
    "history": [
        ("entities.v16", OLD, [("Bob Kane", "ACTOR")]),
        ("entities.v16", EARLIER, [("Ana Lopez", "ACTOR"), ("Paris", "LOCATION")]),
        ("quotes.v6", OLD, [('"We rebuild,"', "QUOTE")]),
    ],
    # an older version of the kind, made later than the newer version's batch: the later batch is current
    "versions": [
        ("entities.v16", EARLIER, [("Ana Lopez", "ACTOR")]),
        ("entities.v15", LATER, [("Lyon", "LOCATION")]),
    ],
    # two suggesters of one kind at the same moment: the one written last (the higher id) is current
    "tie": [
        ("entities.a", EARLIER, [("Paris", "LOCATION")]),
        ("entities.b", EARLIER, [("Monday", "FIGURE"), ("Lyon", "LOCATION")]),
    ],
    # the same offsets, labels swapped: a span each, counts and sums as the suggestions', other shapes
    "swapped": [("entities.v16", EARLIER, [("Ana Lopez", "ACTOR"), ("Paris", "LOCATION")])],
}

#: Per article, alice's work (the current suggestions) and bob's (like them, but not).
WORK = {
    "history": ([("Ana Lopez", "ACTOR"), ("Paris", "LOCATION"), ('"We rebuild,"', "QUOTE")],
                [("Ana Lopez", "ACTOR"), ("Paris", "LOCATION"), ('"We rebuild,"', "QUOTE"), ("Bob Kane", "ACTOR")]),
    "versions": ([("Lyon", "LOCATION")], [("Ana Lopez", "ACTOR")]),
    "tie": ([("Monday", "FIGURE"), ("Lyon", "LOCATION")], [("Paris", "LOCATION")]),
    "swapped": ([("Ana Lopez", "ACTOR"), ("Paris", "LOCATION")], [("Ana Lopez", "LOCATION"), ("Paris", "ACTOR")]),
}  # fmt: skip


def span(part: str, label: str) -> Span:
    start = TEXT.index(part)
    return Span(start=start, end=start + len(part), label=label, text=part)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "batches.db"
    with Store.open(path) as store:
        texts = {
            article: f"{TEXT} ({article})" for article in BATCHES
        }  # one text an article: the same one is one article
        added, _ = store.add_articles([(ArticleIn(id=a, text=t), word_tokens(t), []) for a, t in texts.items()])
        assert added == list(BATCHES)
        with store.write():
            for article, batches in BATCHES.items():
                for suggester, at, parts in batches:
                    for part, label in parts:
                        s = span(part, label)
                        store.conn.execute(
                            'INSERT INTO suggestions (article_id, start, "end", label, text, suggester, created_at) '
                            "VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [article, s.start, s.end, label, part, suggester, at],
                        )
        for article, (alices, bobs) in WORK.items():
            for who, parts in (("alice", alices), ("bob", bobs)):
                store.replace_annotation(article, who, [span(p, label) for p, label in parts], Status.DONE)
    return path


def test_only_work_that_is_the_current_suggestions_is_counted(db: Path) -> None:
    everyone = [(article, who) for article in BATCHES for who in ("alice", "bob")]
    with Store.open(db, read_only=True) as store:
        assert as_suggested(store, everyone) == {(article, "alice") for article in BATCHES}
        assert suggested_articles(store, "alice") == set(BATCHES)
        assert suggested_articles(store, "bob") == set()


def test_a_speaker_elsewhere_is_another_shape(db: Path) -> None:
    """A quote suggested with Ana Lopez as its speaker; carol's with Bob Kane, whose offsets add up as hers do not,
    and dave's with none: neither is the suggestions; erin's, with hers, is."""
    quote, ana, bob = span('"We rebuild,"', "QUOTE"), span("Ana Lopez", "ACTOR"), span("Bob Kane", "ACTOR")
    with Store.open(db) as store:
        with store.write():
            store.conn.execute(
                'INSERT INTO suggestions (article_id, start, "end", label, text, speaker_start, speaker_end, '
                "suggester, created_at) VALUES ('history', ?, ?, 'QUOTE', ?, ?, ?, 'quotes.v6', ?)",
                [quote.start, quote.end, quote.text, ana.start, ana.end, EARLIER],
            )
        said = {
            "carol": Offsets(start=bob.start, end=bob.end),
            "dave": None,
            "erin": Offsets(start=ana.start, end=ana.end),
        }
        for who, speaker in said.items():
            spans = [ana, span("Paris", "LOCATION"), bob, quote.model_copy(update={"speaker": speaker})]
            store.replace_annotation("history", who, spans, Status.DONE)
        assert as_suggested(store, [("history", who) for who in said]) == set()  # Bob Kane is in the old batch only
        for who, speaker in said.items():
            spans = [ana, span("Paris", "LOCATION"), quote.model_copy(update={"speaker": speaker})]
            store.replace_annotation("history", who, spans, Status.DONE)
        assert as_suggested(store, [("history", who) for who in said]) == {("history", "erin")}
