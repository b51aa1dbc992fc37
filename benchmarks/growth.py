"""The table of benchmarks that time one checkout's code, or two alternately (`--compare`), over growing sizes:
each size's median, its growth over the smallest's beside the growth of the size itself (equal: linear), and each
size's ratio of the other checkout's median to this one's."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence

Times = dict[tuple[str, int], list[float]]


def growth_rows(times: Times, sizes: Sequence[int], codes: Sequence[str], head: Callable[[int], str]) -> list[str]:
    """One row a size: `head(size)` (its first columns), then each code's median and growth, then the size's."""
    rows = []
    for size in sizes:
        row = head(size)
        for name in codes:
            median = statistics.median(times[(name, size)])
            growth = median / statistics.median(times[(name, sizes[0])])
            row += f"{median:>9.2f} {growth:>6.1f}x "
        rows.append(row + f"(size {size / sizes[0]:.1f}x)")
    return rows


def code_columns(codes: Sequence[str]) -> str:
    """The header's columns of the codes: each one's seconds and growth."""
    return " ".join(f"{name + ' s':>9} {'growth':>7}" for name in codes)


def other_ratio(times: Times, size: int) -> float:
    """How many times this checkout's median the other's is, at `size`."""
    return statistics.median(times[("other", size)]) / statistics.median(times[("this", size)])
