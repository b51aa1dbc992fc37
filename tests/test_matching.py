"""Span matching: exact and overlap, one-to-one and greedy, checked by hand and against a plain sequential pass."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.metrics.matching import SpanColumns, match
from annotator.models import Label, Span


def pairs(a: list[Span], b: list[Span], *, overlap: bool) -> list[tuple[int, int]]:
    """One article's matching as (index in a, index in b), sorted."""
    found_a, found_b = match(SpanColumns.from_spans([(0, a)]), SpanColumns.from_spans([(0, b)]), overlap=overlap)
    return sorted(zip(found_a.tolist(), found_b.tolist(), strict=True))


def exact_pairs(a: list[Span], b: list[Span]) -> list[tuple[int, int]]:
    return pairs(a, b, overlap=False)


def overlap_pairs(a: list[Span], b: list[Span]) -> list[tuple[int, int]]:
    return pairs(a, b, overlap=True)


def span(start: int, end: int, label: str = "ACTOR") -> Span:
    return Span(start=start, end=end, label=label, text="x" * (end - start))


def sequential_greedy(a: list[Span], b: list[Span], overlap: bool) -> list[tuple[int, int]]:
    """The matching rule written the slow, obvious way: the oracle for the vectorised one."""
    candidates = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if x.label != y.label:
                continue
            shared = min(x.end, y.end) - max(x.start, y.start)
            if (overlap and shared > 0) or (not overlap and (x.start, x.end) == (y.start, y.end)):
                candidates.append((-shared, x.start, y.start, i, j))
    used_a, used_b, pairs = set(), set(), []
    for *_, i, j in sorted(candidates):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def test_exact_needs_same_offsets_and_label():
    a = [span(0, 5), span(10, 15), span(20, 25, "LOCATION")]
    b = [span(0, 5), span(10, 16), span(20, 25, "ACTOR")]
    assert exact_pairs(a, b) == [(0, 0)]


def test_overlap_needs_one_shared_character():
    a = [span(0, 5), span(10, 15)]
    b = [span(4, 8), span(15, 20)]
    assert overlap_pairs(a, b) == [(0, 0)]


def test_one_long_span_matches_only_one_of_two_short_ones():
    a = [span(0, 20)]
    b = [span(0, 5), span(8, 20)]
    assert overlap_pairs(a, b) == [(0, 1)]  # 12 shared characters beat 5


def test_ties_go_to_the_earlier_start_on_side_a():
    a = [span(0, 6), span(6, 12)]
    b = [span(3, 9)]  # shares 3 characters with each
    assert overlap_pairs(a, b) == [(0, 0)]


def test_a_greedy_choice_can_leave_a_span_unmatched():
    # a[0] shares 4 with b[0] and 2 with b[1]; a[1] shares 3 with b[0] only. Greedy takes (0, 0) first and
    # stops: two pairs were possible, (0, 1) and (1, 0), but the rule prefers the larger overlap.
    a = [span(0, 6), span(7, 12)]
    b = [span(2, 10), span(0, 2)]
    assert overlap_pairs(a, b) == [(0, 0)]


def test_spans_of_different_articles_never_match():
    a = SpanColumns.from_spans([(0, [span(0, 5)]), (1, [span(0, 5)])])
    b = SpanColumns.from_spans([(1, [span(0, 5)])])
    found_a, found_b = match(a, b, overlap=True)
    assert found_a.tolist() == [1] and found_b.tolist() == [0]


def test_nothing_on_either_side():
    assert overlap_pairs([], [span(0, 5)]) == []
    assert overlap_pairs([span(0, 5)], []) == []
    assert exact_pairs([], []) == []


spans_strategy = st.lists(
    st.builds(
        lambda start, length, label: span(start, start + length, label),
        st.integers(0, 40),
        st.integers(1, 12),
        st.sampled_from([Label.ACTOR, Label.LOCATION, Label.QUOTE]),
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(spans_strategy, spans_strategy, st.booleans())
def test_vectorised_matching_equals_the_sequential_greedy_pass(a, b, overlap):
    found = overlap_pairs(a, b) if overlap else exact_pairs(a, b)
    assert found == sequential_greedy(a, b, overlap)
