"""The agreement report as one self-contained HTML page (`agreement --html`): inline CSS and SVG and no external
assets, and every piece of article text or name in it goes through `escape` (`html.escape` after `literal`).
Apart from `reports.agreement` (the figures and the lines for the terminal) to keep each module short."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.literal import literal_lines
from annotator.metrics.agreement import ROWS, AgreementReport, PairScores
from annotator.metrics.consensus import Disagreement
from annotator.metrics.intervals import DRAWS
from annotator.reports.agreement import figure, report_pairs
from annotator.rows import SpanLike
from annotator.wording import counted


def escape(text: str) -> str:
    """Stored text for the page: markup escaped, and characters that would hide or reorder it (a bidi override)
    named by their code, as the terminal shows them (`literal`); line breaks kept."""
    return html.escape(literal_lines(text))


COLOURS = {"ACTOR": "#3b6fb6", "LOCATION": "#2f8f5b", "FIGURE": "#b7791f", "QUOTE": "#8a4baf", "ALL": "#555"}
CONTEXT = 60


@dataclass(frozen=True)
class ArticleDisputes:
    """One article's disagreements with what the report needs to show them in context."""

    article_id: str
    title: str
    text: str
    disagreements: Sequence[Disagreement[Any]]


def _colour(value: float | None) -> str:
    """Red (0 or below) through yellow to green (1); grey for n/a."""
    if value is None:
        return "#ddd"
    v = max(0.0, min(1.0, value))
    red, green = (220, int(60 + 340 * v)) if v < 0.5 else (int(220 - 300 * (v - 0.5)), 200)
    return f"rgb({max(red, 40)},{min(green, 200)},80)"


def heatmap(report: AgreementReport, label: str = "ALL") -> str:
    """An SVG grid of Cohen's kappa for every pair of annotators (one label)."""
    names = report.annotators
    kappa: dict[tuple[str, str], float | None] = {}
    for pair in report.pairs:
        if pair.label == label:
            kappa[pair.a, pair.b] = kappa[pair.b, pair.a] = pair.cohen_kappa
    cell, left, top = 64, 110, 90
    size = len(names) * cell
    parts = [f'<svg width="{left + size + 10}" height="{top + size + 10}" role="img" aria-label="kappa heatmap">']
    for i, name in enumerate(names):
        parts.append(
            f'<text x="{left - 8}" y="{top + i * cell + cell / 2 + 5}" text-anchor="end">{escape(name)}</text>'
        )
        x = left + i * cell + cell / 2
        parts.append(
            f'<text x="{x}" y="{top - 10}" text-anchor="start" transform="rotate(-40 {x} {top - 10})">{escape(name)}</text>'
        )
        for j, other in enumerate(names):
            value = 1.0 if i == j else kappa.get((name, other))
            fill = "#f4f4f4" if i == j else _colour(value)
            shown = "" if i == j else figure(value)
            x, y = left + j * cell, top + i * cell
            parts.append(f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{fill}" rx="3"/>')
            parts.append(f'<text x="{x + cell / 2 - 1}" y="{y + cell / 2 + 4}" text-anchor="middle">{shown}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _mean(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def label_bars(report: AgreementReport) -> str:
    """Per label: alpha, mean pairwise exact F1 and mean pairwise overlap F1, as horizontal SVG bars."""
    measures: list[tuple[str, Callable[[str, list[PairScores]], float | None]]] = [
        ("alpha", lambda row, pairs: report.krippendorff_alpha.get(row)),
        ("exact F1", lambda row, pairs: _mean([p.exact.f1 for p in pairs])),
        ("overlap F1", lambda row, pairs: _mean([p.overlap.f1 for p in pairs])),
    ]
    width, bar, left = 360, 14, 170
    rows = list(ROWS)
    height = len(rows) * (len(measures) * (bar + 3) + 14) + 10
    parts = [f'<svg width="{left + width + 70}" height="{height}" role="img" aria-label="per-label bars">']
    y = 10
    for row in rows:
        pairs: list[PairScores] = [p for p in report.pairs if p.label == row]
        parts.append(f'<text x="0" y="{y + bar}" font-weight="bold" fill="{COLOURS[row]}">{row}</text>')
        for name, measure in measures:
            value = measure(row, pairs)
            length = max(0.0, value or 0.0) * width
            parts.append(f'<text x="{left - 8}" y="{y + bar - 3}" text-anchor="end" class="small">{name}</text>')
            parts.append(f'<rect x="{left}" y="{y}" width="{width}" height="{bar}" fill="#eee"/>')
            parts.append(f'<rect x="{left}" y="{y}" width="{length:.1f}" height="{bar}" fill="{COLOURS[row]}"/>')
            parts.append(f'<text x="{left + width + 6}" y="{y + bar - 3}" class="small">{figure(value)}</text>')
            y += bar + 3
        y += 14
    parts.append("</svg>")
    return "".join(parts)


def _version(spans: Sequence[SpanLike], text: str) -> str:
    if not spans:
        return '<span class="none">nothing</span>'
    shown = []
    for span in spans:
        speaker = f" said by {text[span.speaker.start : span.speaker.end]}" if span.speaker else ""
        shown.append(
            f'<span class="tag" style="border-color:{COLOURS[span.label.value]}">'
            f"<b>{span.label.value}</b> {escape(span.text)}</span>{escape(speaker)}"
        )
    return " ".join(shown)


def _one_line(text: str) -> str:
    """Context around a disagreement on one line: paragraph breaks shown as a pilcrow."""
    return text.replace("\n", " ¶ ")


def disputes_html(disputes: Sequence[ArticleDisputes]) -> str:
    parts = []
    for article in disputes:
        parts.append(
            f"<h3>{escape(article.title or article.article_id)} <small>{escape(article.article_id)}</small></h3><ol>"
        )
        for item in article.disagreements:
            before = _one_line(article.text[max(0, item.start - CONTEXT) : item.start])
            after = _one_line(article.text[item.end : item.end + CONTEXT])
            context = f"…{escape(before)}<mark>{escape(article.text[item.start : item.end])}</mark>{escape(after)}…"
            parts.append(
                f'<li><span class="kind">{item.kind.value}</span> <span class="context">{context}</span><table>'
            )
            for name, spans in item.versions.items():
                parts.append(f"<tr><th>{escape(name)}</th><td>{_version(spans, article.text)}</td></tr>")
            parts.append("</table></li>")
        parts.append("</ol>")
    return "".join(parts)


STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px 40px; color: #222; max-width: 1100px; }
h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 28px; border-bottom: 1px solid #ddd; }
table.figures { border-collapse: collapse; font-variant-numeric: tabular-nums; }
table.figures td, table.figures th { padding: 2px 10px; border-bottom: 1px solid #eee; text-align: right; }
table.figures th { background: #f6f6f6; } table.figures .left { text-align: left; }
svg text { font: 12px system-ui, sans-serif; } svg text.small { font-size: 11px; fill: #444; }
.summary span { display: inline-block; margin-right: 24px; } .summary b { font-size: 18px; }
.kind { display: inline-block; min-width: 64px; font-size: 11px; text-transform: uppercase; color: #fff;
        background: #777; border-radius: 3px; padding: 0 5px; text-align: center; }
.context { color: #555; } mark { background: #ffe58a; color: #000; }
li { margin-bottom: 10px; } li table th { text-align: left; padding-right: 10px; font-weight: 600; }
.tag { border-left: 4px solid; padding: 0 5px; background: #f5f5f5; } .none { color: #999; font-style: italic; }
.flex { display: flex; gap: 40px; flex-wrap: wrap; align-items: flex-start; } small { color: #888; font-weight: normal; }
"""


INTERVAL_NOTE = (
    f"<p>95% under ALL's exact F1: where it falls on other draws of as many articles like these ({DRAWS:,} bootstrap "
    "resamples of the articles compared).</p>"
)


def html_page(
    report: AgreementReport,
    disputes: Sequence[ArticleDisputes],
    shown_limit: int | None = None,
    caution: str = "",
    notes: Sequence[str] = (),
) -> str:
    """The whole report as one HTML document; a pair compared on no article is one row (its figures were all n/a).
    `caution` (the text report's, of articles only `annotator accept` worked on) stands under the summary, and the
    text's own `notes` under it (whose work is the suggestions unchanged, what a flag or a skip left out: a
    newcomer's trial found the page without them)."""
    rows = []
    compared = report_pairs(report)
    for pair in report.pairs:
        if not compared[pair.a, pair.b]:
            if pair.label == "ALL":
                who = f"{escape(pair.a)} ~ {escape(pair.b)}"
                rows.append(
                    f'<tr><td class="left">{who}</td><td class="left" colspan="9">share no compared article</td></tr>'
                )
            continue
        cells = [f"<td>{figure(v)}</td>" for v in (pair.exact.p, pair.exact.r, pair.exact.f1)]
        if pair.exact_f1_interval is not None:  # under ALL's exact F1: where other draws of articles put it
            cells[2] = (
                f"<td>{figure(pair.exact.f1)}<br><small>95%: {'-'.join(map(figure, pair.exact_f1_interval))}</small></td>"
            )
        cells += [f"<td>{figure(v)}</td>" for v in (pair.overlap.p, pair.overlap.r, pair.overlap.f1)]
        rows.append(
            f'<tr><td class="left">{escape(pair.a)} ~ {escape(pair.b)}</td><td class="left">{pair.label}</td>'
            f"<td>{pair.a_spans}/{pair.b_spans}</td>" + "".join(cells) + f"<td>{figure(pair.cohen_kappa)}</td></tr>"
        )
    more = ""
    if shown_limit is not None and report.disputed_articles > len(disputes):
        more = f"<p>Showing the first {len(disputes)} of {counted(report.disputed_articles, 'article')} with disagreements.</p>"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Annotator agreement</title><style>{STYLE}</style></head>
<body>
<h1>Inter-annotator agreement</h1>
<p class="summary"><span><b>{report.articles}</b> articles</span><span><b>{report.tokens}</b> tokens</span>
<span><b>{len(report.annotators)}</b> annotators: {escape(", ".join(report.annotators))}</span>
<span><b>{report.disputed_articles}</b> articles with disagreements</span>
<span>speaker agreement <b>{figure(report.speaker_agreement)}</b></span></p>
{f'<p class="caution"><b>Caution:</b> {escape(caution)}</p>' if caution else ""}
{"".join(f'<p class="note"><b>Note:</b> {escape(line)}</p>' for line in notes)}
<div class="flex">
<div><h2>Cohen's kappa by pair (entity tokens)</h2>{heatmap(report)}</div>
<div><h2>Per label</h2>{label_bars(report)}</div>
</div>
<h2>Every pair and label</h2>
<table class="figures"><tr><th class="left">pair</th><th class="left">label</th><th>spans</th><th>exact P</th>
<th>exact R</th><th>exact F1</th><th>overlap P</th><th>overlap R</th><th>overlap F1</th><th>kappa</th></tr>
{"".join(rows)}</table>
{INTERVAL_NOTE if any(pair.exact_f1_interval is not None for pair in report.pairs) else ""}
<h2>Disagreements</h2>{more}{disputes_html(disputes) or "<p>None: every annotator has the same spans.</p>"}
</body></html>
"""
