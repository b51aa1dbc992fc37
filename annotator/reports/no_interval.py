"""Why a report draws no interval: one sentence for `train`'s gain, `evaluate`'s F1 and `--against`'s gain, and
`agreement`'s pairs, under the one rule of `annotator.metrics.intervals.FEWEST` (a newcomer's finding: `evaluate
--model` printed "F1 95% 0.825-0.838" from 2 articles, where `train` and `--against` refused one under 4)."""

from __future__ import annotations

from annotator.metrics.intervals import FEWEST
from annotator.wording import counted

#: Why fewer articles give no interval: their resamples are few, and single articles' own figures come up often.
WHY = "(with fewer, its 95% ends are little more than single articles' own figures)"


def no_interval(drawn: int, noun: str = "article") -> str:
    """ "no interval: 2 articles with spans, and an interval takes 4 (...)": `drawn` the articles with spans."""
    return f"no interval: {counted(drawn, noun)} with spans, and an interval takes {FEWEST} {WHY}"
