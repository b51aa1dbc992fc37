"""The one interval index (`annotator.overlaps`) that accept all's held spans and the screen's items ask: which
stored intervals overlap start:end, exactly the brute-force answer (an entry starting before the query ends and
ending after it starts), in the index's order, through adds and removals."""

from __future__ import annotations

import random

from annotator.overlaps import IntervalIndex


def brute_force(entries: list[tuple[int, int, int]], start: int, end: int) -> list[int]:
    return [key for s, e, key in sorted(entries) if s < end and e > start]


def test_an_empty_index_overlaps_nothing() -> None:
    index = IntervalIndex[int]()
    assert len(index) == 0
    assert index.overlapping(0, 10) == []
    assert index.overlaps(0, 10) is False
    assert index.entries() == []


def test_touching_intervals_do_not_overlap() -> None:
    index = IntervalIndex([(5, 9, 1)])
    assert index.overlapping(0, 5) == []  # ends where it starts
    assert index.overlapping(9, 12) == []  # starts where it ends
    assert (index.overlaps(0, 5), index.overlaps(9, 12)) == (False, False)
    assert index.overlapping(4, 6) == [1]
    assert index.overlapping(8, 9) == [1]
    assert (index.overlaps(4, 6), index.overlaps(8, 9)) == (True, True)


def test_zero_length_intervals_overlap_only_what_strictly_surrounds_them() -> None:
    index = IntervalIndex([(5, 5, 1), (2, 8, 2)])
    assert index.overlapping(5, 5) == [2]  # the empty query at 5 is inside 2:8, not inside 5:5
    assert index.overlapping(4, 6) == [2, 1]
    assert index.overlapping(5, 6) == [2]  # 5:5 ends where the query starts
    assert index.overlapping(0, 5) == [2]  # 5:5 starts where the query ends
    assert index.overlaps(5, 5) is True
    assert IntervalIndex([(5, 5, 1)]).overlaps(5, 5) is False
    assert IntervalIndex([(5, 5, 1)]).overlaps(4, 6) is True


def test_many_nested_intervals_are_all_found_in_order_of_start() -> None:
    nested = [(depth, 100 - depth, depth) for depth in range(50)]  # 0:100 holds 1:99 holds ... 49:51
    index = IntervalIndex(reversed(nested))
    assert index.overlapping(50, 51) == list(range(50))
    assert index.overlapping(49, 50) == list(range(50))
    assert index.overlapping(0, 1) == [0]
    assert index.overlapping(99, 100) == [0]
    assert index.overlapping(10, 11) == list(range(11))
    assert index.overlaps(50, 50) is True
    assert index.overlapping(100, 200) == []
    assert index.overlaps(100, 200) is False


def test_keys_come_in_order_of_start_end_and_key() -> None:
    index = IntervalIndex([(3, 9, "c"), (0, 4, "b"), (3, 5, "z"), (3, 5, "a")])
    assert index.overlapping(3, 4) == ["b", "a", "z", "c"]
    assert index.entries() == [(0, 4, "b"), (3, 5, "a"), (3, 5, "z"), (3, 9, "c")]


def test_a_long_interval_far_before_is_still_found() -> None:
    index = IntervalIndex([(0, 1000, 1), *[(at, at + 2, at) for at in range(10, 990, 10)]])
    assert index.overlapping(995, 999) == [1]
    assert index.overlapping(1000, 1001) == []
    assert index.overlaps(995, 999) is True
    assert index.overlaps(1000, 1001) is False


def test_add_and_remove() -> None:
    index = IntervalIndex[int]()
    index.add(10, 20, 1)
    index.add(0, 5, 2)
    index.add(15, 30, 3)
    assert index.overlapping(4, 16) == [2, 1, 3]
    assert len(index) == 3
    index.remove(10, 20, 1)
    index.remove(10, 20, 1)  # not held any more: nothing happens
    index.remove(0, 5, 9)  # another key at the same offsets: nothing happens
    assert index.overlapping(4, 16) == [2, 3]
    assert index.entries() == [(0, 5, 2), (15, 30, 3)]
    index.remove(15, 30, 3)  # the longest gone: what is left is still found
    assert index.overlapping(0, 100) == [2]
    assert (index.overlaps(5, 100), index.overlaps(4, 5)) == (False, True)


def test_the_same_answers_as_brute_force_through_random_adds_and_removals() -> None:
    rng = random.Random(20261207)
    queries = 0
    for _ in range(300):
        entries: list[tuple[int, int, int]] = []
        for key in range(rng.randrange(0, 12)):
            start = rng.randrange(0, 60)
            entries.append((start, start + rng.choice([0, 1, 2, 3, 5, 8, 40]), key))
        index = IntervalIndex(entries)
        for step in range(40):
            if step % 5 == 4 and entries:
                gone = entries.pop(rng.randrange(len(entries)))
                index.remove(*gone)
            elif step % 5 == 3:
                start = rng.randrange(0, 60)
                entry = (start, start + rng.randrange(0, 20), 100 + step)
                entries.append(entry)
                index.add(*entry)
            start = rng.randrange(-5, 70)
            end = start + rng.randrange(0, 15)
            expected = brute_force(entries, start, end)
            assert index.overlapping(start, end) == expected
            assert index.overlaps(start, end) is bool(expected)
            assert index.entries() == sorted(entries)
            assert len(index) == len(entries)
            queries += 1
    assert queries == 12_000
