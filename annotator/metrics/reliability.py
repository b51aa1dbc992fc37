"""Chance-corrected agreement over tokens: Cohen's kappa and Krippendorff's alpha (nominal), for many tokens fast.

Every figure here depends only on how many tokens (units) show each combination of the coders' values, a
"pattern": with 3 coders and 4 values there are at most 64. So the token arrays are read once, into pattern
counts, and every kappa and alpha (overall, or one label against the rest) comes from that small table.

Undefined figures are None: kappa when the expected agreement is 1 (both coders give every unit the same
single value; scikit-learn's `cohen_kappa_score` returns nan there), alpha when the `krippendorff` package
returns nan (no variation at all) or there is nothing to compare.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import krippendorff
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
    """Nominal alpha by the `krippendorff` package, for units given as distinct value-count rows with how many
    units share each row.

    A unit on which all its m coders agree only adds m to its value's diagonal cell of the coincidence matrix;
    one unit with that value from k * m coders adds exactly k * m. So the k unanimous units of each value are
    passed as one such unit, and the rest one row per unit: same alpha, and the package (whose memory is
    units x values^2) only sees the units that differ.
    """
    counts = np.asarray(counts, dtype=np.int64)
    values = counts.shape[1]
    coders = counts.sum(axis=1)
    if not len(counts) or not multiplicity.sum() or coders.max() < 2:
        return None
    unanimous = counts.max(axis=1) == coders
    merged = (counts[unanimous] * multiplicity[unanimous, None]).sum(axis=0).astype(np.float64)
    mixed = np.repeat(counts[~unanimous], multiplicity[~unanimous], axis=0).astype(np.float64)
    rows = np.concatenate([mixed, np.diag(merged)[merged > 0]])
    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        value = krippendorff.alpha(value_counts=rows, value_domain=np.arange(values), level_of_measurement="nominal")
    return None if np.isnan(value) else float(value)


class Patterns:
    """How many units show each combination of the coders' values (codings: one int array per coder)."""

    def __init__(self, codings: Sequence[np.ndarray], values: int, blank: int = 0) -> None:
        """`blank`: more units, not in the codings, to which every coder gives value 0."""
        self.values = values
        self.coders = len(codings)
        units = len(codings[0]) if codings else 0
        space = values**self.coders
        code: np.ndarray = np.zeros(units, dtype=np.int32 if space < 1 << 31 else np.int64)
        for coding in reversed(codings):
            code *= values
            code += coding
        if space <= 1 << 20:
            multiplicity = np.bincount(code, minlength=space)
            multiplicity[0] += blank
            found = np.flatnonzero(multiplicity)
            multiplicity = multiplicity[found]
        else:
            found, multiplicity = np.unique(
                np.concatenate([code, np.zeros(min(blank, 1), dtype=code.dtype)]), return_counts=True
            )
            if blank:
                multiplicity[0] += blank - 1
        #: (patterns, coders): each coder's value in each pattern present; `multiplicity`: units showing it.
        self.table = (found[:, None] // values ** np.arange(self.coders)[None, :]) % values
        self.multiplicity = multiplicity.astype(np.int64)
        self.units = units + blank

    def recoded(self, mapping: np.ndarray) -> Patterns:
        """The same units under a coarser variable: value v becomes mapping[v] (e.g. "this label or not")."""
        new = Patterns.__new__(Patterns)
        new.values = int(mapping.max()) + 1
        new.coders, new.units = self.coders, self.units
        new.table, new.multiplicity = mapping[self.table], self.multiplicity
        return new

    def kappa(self, a: int, b: int) -> float | None:
        """Cohen's kappa between coder a and coder b."""
        cells = self.table[:, a] * self.values + self.table[:, b]
        confusion = np.bincount(cells, weights=self.multiplicity, minlength=self.values**2)
        return kappa_from_confusion(confusion.reshape(self.values, self.values))

    def alpha(self) -> float | None:
        """Krippendorff's alpha (nominal) over all coders."""
        if self.coders < 2 or not self.units:
            return None
        counts = np.zeros((len(self.table), self.values), dtype=np.int64)
        for coder in range(self.coders):
            counts[np.arange(len(self.table)), self.table[:, coder]] += 1
        return alpha_from_value_counts(counts, self.multiplicity)
