"""The screen's model finds the entity suggestions an edit's spans cover through a sorted index (trial s56 t13 G1:
asking every suggestion of every touched span made accept all on 10,000 suggestions take 78 s;
`benchmarks/long_article_open.py` builds such articles). The same answer as `store.current.covers` asked of
each pair."""

from __future__ import annotations

from annotator.store.current import covers
from annotator.tui.items import EntityOffers

OFFERS = [
    (0, 40, "ACTOR", 1),  # long, starting well before the span
    (10, 14, "ACTOR", 2),
    (14, 20, "LOCATION", 3),  # touches the span's start: no overlap
    (19, 25, "FIGURE", 4),
    (21, 60, "QUOTE", 5),  # another layer
    (30, 35, "ACTOR", 6),
    (24, 30, "ACTOR", 7),  # starts at the span's end: no overlap
]


def test_the_suggestions_a_span_covers_are_those_covers_names() -> None:
    touched = {(20, 24, "ACTOR"), (33, 34, "QUOTE")}
    expected = {key for *offer, key in OFFERS if any(covers(span, tuple(offer)) for span in touched)}
    assert EntityOffers(OFFERS).covered(touched) == expected == {1, 4}


def test_two_spans_and_an_empty_article() -> None:
    assert EntityOffers(OFFERS).covered({(11, 12, "ACTOR"), (31, 32, "FIGURE")}) == {1, 2, 6}
    assert EntityOffers([]).covered({(0, 5, "ACTOR")}) == set()
