"""Chance-corrected agreement over tokens: Cohen's kappa and Krippendorff's alpha (nominal), for many tokens fast.

Every figure here depends only on how many tokens (units) show each combination of the coders' values, a
"pattern": with 3 coders and 4 values there are at most 64. So the token arrays are read once, into pattern
counts, and every kappa and alpha (overall, or one label against the rest) comes from that small table.

Undefined figures are None: kappa when the expected agreement is 1 (both coders give every unit the same
single value; scikit-learn's `cohen_kappa_score` returns nan there), alpha where the `krippendorff` package
returns nan (no variation at all) or there is nothing to compare.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np


def kappa_from_confusion(confusion: np.ndarray) -> float | None:
    """Cohen's kappa from a square table of counts (rows: coder a's value, columns: coder b's)."""
    confusion = np.asarray(confusion, dtype=np.float64)
    total = confusion.sum()
    if not total:
        return None
    observed = np.trace(confusion) / total
    expected = float(confusion.sum(axis=1) @ confusion.sum(axis=0)) / (total * total)
    if expected >= 1.0:
        return None
    return float((observed - expected) / (1.0 - expected))


def cohen_kappa(x: np.ndarray, y: np.ndarray, values: int) -> float | None:
    """Cohen's kappa of two codings of the same units (integers below `values`)."""
    confusion = np.bincount(np.asarray(x) * values + np.asarray(y), minlength=values * values)
    return kappa_from_confusion(confusion.reshape(values, values))


def alpha_from_value_counts(counts: np.ndarray, multiplicity: np.ndarray) -> float | None:
    """Nominal alpha for units given as distinct value-count rows with how many units share each row: the
    `krippendorff` package's formula (Krippendorff 2011, coincidences), summed over the rows once each with their
    multiplicity as a weight, where the package takes every unit as a row of its own (units x values^2: with BIO
    tags, 7 values, the package took 1.1 of the 2.6 seconds of `benchmarks/agreement.py`). `tests/test_agreement.py`
    checks it against the package on random codings, with and without missing values.

    Each unit coded by m >= 2 coders adds n_c n_k / (m - 1) to the coincidence of values c and k (n_c (n_c - 1) /
    (m - 1) where c = k); alpha = 1 - (n - 1) * (coincidences off the diagonal) / (sum over c != k of n_c n_k),
    with n_c a value's coincidences and n their sum. None when no unit has two codes or no value varies.
    """
    counts = np.asarray(counts, dtype=np.float64)
    coders = counts.sum(axis=1)
    pairable = coders >= 2
    if not pairable.any() or not np.asarray(multiplicity)[pairable].sum():
        return None
    counts, weight = counts[pairable], np.asarray(multiplicity, dtype=np.float64)[pairable] / (coders[pairable] - 1)
    coincidences = (counts * weight[:, None]).T @ counts - np.diag((counts * weight[:, None]).sum(axis=0))
    by_value = coincidences.sum(axis=1)
    total = by_value.sum()
    expected = total * total - float(by_value @ by_value)  # sum over c != k of n_c n_k
    if expected <= 0 or total <= 1:
        return None
    observed = coincidences.sum() - np.trace(coincidences)
    return float(1.0 - (total - 1.0) * observed / expected)


class Patterns:
    """How many units show each combination of the coders' values (codings: one int array per coder).

    A coder who did not code a unit (an article not assigned to them) gives it the value `values` itself,
    "missing": kappa then counts only the units both coders coded, and alpha the values actually given
    (Krippendorff's alpha allows missing values; units with fewer than two values count for nothing).
    """

    def __init__(
        self,
        codings: Sequence[np.ndarray],
        values: int,
        blank: int = 0,
        blanks: Mapping[tuple[int, ...], int] | None = None,
    ) -> None:
        """`blank`: more units, not in the codings, to which every coder gives value 0; `blanks`: more units not
        in the codings by the values the coders give them (0, or `values` for missing)."""
        self.values = values
        self.coders = len(codings)
        base = values + 1
        units = len(codings[0]) if codings else 0
        extra: dict[tuple[int, ...], int] = dict(blanks or {})
        if blank:
            zeros = (0,) * self.coders
            extra[zeros] = extra.get(zeros, 0) + blank
        space = base**self.coders
        code: np.ndarray = np.zeros(units, dtype=np.int32 if space < 1 << 31 else np.int64)
        for coding in reversed(codings):
            code *= base
            code += coding
        weights = base ** np.arange(self.coders, dtype=np.int64)
        extra_codes = np.array([int(np.dot(pattern, weights)) for pattern in extra], dtype=np.int64)
        extra_counts = np.array(list(extra.values()), dtype=np.int64)
        if space <= 1 << 20:
            multiplicity = np.bincount(code, minlength=space).astype(np.int64)
            np.add.at(multiplicity, extra_codes, extra_counts)
            found = np.flatnonzero(multiplicity)
            multiplicity = multiplicity[found]
        else:
            found, inverse = np.unique(np.concatenate([code.astype(np.int64), extra_codes]), return_inverse=True)
            multiplicity = np.bincount(
                inverse, weights=np.concatenate([np.ones(units, dtype=np.int64), extra_counts]), minlength=len(found)
            ).astype(np.int64)
        #: (patterns, coders): each coder's value in each pattern present; `multiplicity`: units showing it.
        self.table = (found[:, None] // base ** np.arange(self.coders)[None, :]) % base
        self.multiplicity = multiplicity.astype(np.int64)
        self.units = units + int(extra_counts.sum())

    def recoded(self, mapping: np.ndarray) -> Patterns:
        """The same units under a coarser variable: value v becomes mapping[v] (e.g. "this label or not")."""
        new = Patterns.__new__(Patterns)
        new.values = int(mapping.max()) + 1
        new.coders, new.units = self.coders, self.units
        full = np.concatenate([mapping, [new.values]])  # missing stays missing
        new.table, new.multiplicity = full[self.table], self.multiplicity
        return new

    def kappa(self, a: int, b: int) -> float | None:
        """Cohen's kappa between coder a and coder b, over the units both coded."""
        both = (self.table[:, a] < self.values) & (self.table[:, b] < self.values)
        cells = self.table[both, a] * self.values + self.table[both, b]
        confusion = np.bincount(cells, weights=self.multiplicity[both], minlength=self.values**2)
        return kappa_from_confusion(confusion.reshape(self.values, self.values))

    def alpha(self) -> float | None:
        """Krippendorff's alpha (nominal) over all coders."""
        if self.coders < 2 or not self.units:
            return None
        counts = np.zeros((len(self.table), self.values), dtype=np.int64)
        for coder in range(self.coders):
            given = self.table[:, coder] < self.values
            counts[np.flatnonzero(given), self.table[given, coder]] += 1
        pairable = counts.sum(axis=1) >= 2
        return alpha_from_value_counts(counts[pairable], self.multiplicity[pairable])
