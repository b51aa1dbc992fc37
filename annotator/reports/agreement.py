"""The agreement report: the store's spans read into a `Corpus`, the figures of `annotator.metrics.agreement`,
and the report for people: plain text for the terminal, and one self-contained HTML page.

No Rich here (the CLI prints the lines); the HTML has inline CSS and SVG and no external assets, and every
piece of article text or name in it goes through `escape` (`html.escape` after `literal`).
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from annotator.literal import literal_lines
from annotator.metrics.agreement import ROWS, AgreementReport, Corpus, PairScores
from annotator.metrics.consensus import Disagreement
from annotator.metrics.matching import LABEL_CODE, NO_SPEAKER, SpanColumns
from annotator.rows import SpanLike
from annotator.store import Reader
from annotator.store.assignments import compared_articles
from annotator.vocabulary import Label, Status
from annotator.wording import counted


def escape(text: str) -> str:
    """Stored text for the page: markup escaped, and characters that would hide or reorder it (a bidi override)
    named by their code, as the terminal shows them (`literal`); line breaks kept."""
    return html.escape(literal_lines(text))


COLOURS = {"ACTOR": "#3b6fb6", "LOCATION": "#2f8f5b", "FIGURE": "#b7791f", "QUOTE": "#8a4baf", "ALL": "#555"}
CONTEXT = 60


def load(
    store: Reader, annotators: Sequence[str], include_in_progress: bool = False, by_assignment: bool = True
) -> Corpus:
    """The articles every annotator marked done (or, optionally, still has in progress), as a `Corpus`.

    With assignments (`annotator assign`), an article counts for the annotators it was assigned to, once all of
    them (two or more) have finished it; each pair is then scored on the articles it shares. `by_assignment`
    False (`--ignore-assignments`): every article counts for all of them.
    """
    names = list(annotators)
    statuses = [Status.DONE, Status.IN_PROGRESS] if include_in_progress else [Status.DONE]
    compared = compared_articles(store, names, statuses, by_assignment=by_assignment)
    ids = [article_id for article_id, _ in compared]
    coders: dict[str, np.ndarray] | None = None
    if any(len(who) < len(names) for _, who in compared):
        coders = {name: np.array([name in who for _, who in compared], dtype=bool) for name in names}
    counted = {(article_id, name) for article_id, who in compared for name in who}
    index = {article_id: i for i, article_id in enumerate(ids)}
    tokens = store.token_offsets(ids)
    token_lists = [np.asarray(tokens[i], dtype=np.int64).reshape(-1, 2) for i in ids]
    stacked = np.concatenate(token_lists) if token_lists else np.zeros((0, 2), dtype=np.int64)
    rows: dict[str, list[tuple[int, ...]]] = {name: [] for name in names}
    for article_id, annotator, start, end, label, speaker_start, speaker_end in store.span_rows(names):
        if (article_id, annotator) in counted:
            speaker = (
                (NO_SPEAKER, NO_SPEAKER)
                if speaker_start is None or speaker_end is None
                else (speaker_start, speaker_end)
            )
            rows[annotator].append((index[article_id], start, end, LABEL_CODE[Label(label)], *speaker))
    return Corpus(
        article_ids=ids,
        token_starts=np.ascontiguousarray(stacked[:, 0]),
        token_ends=np.ascontiguousarray(stacked[:, 1]),
        token_counts=np.array([len(t) for t in token_lists], dtype=np.int64),
        spans={name: SpanColumns.from_rows(rows[name]) for name in names},
        coders=coders,
    )


def pair_articles(
    store: Reader, annotators: Sequence[str], include_in_progress: bool = False, by_assignment: bool = True
) -> dict[tuple[str, str], int]:
    """For three annotators or more, how many articles each pair would compare alone (`agreement --annotators
    A,B`: both marked them done, or also in progress; with assignments, articles assigned to both): a pair may
    share more than the articles all of them finished, which the report compares. {} for two."""
    if len(annotators) < 3:
        return {}
    statuses = [Status.DONE, Status.IN_PROGRESS] if include_in_progress else [Status.DONE]
    return {
        (a, b): len(compared_articles(store, [a, b], statuses, by_assignment=by_assignment))
        for a, b in itertools.combinations(annotators, 2)
    }


def pair_notes(
    compared: Mapping[tuple[str, str], int], shared: Mapping[tuple[str, str], int], again: Callable[[str, str], str],
    include_in_progress: bool = False,
) -> list[str]:  # fmt: skip
    """A note for each pair that shares more articles (`pair_articles`) than are compared for it (`compared`:
    `report_pairs` for agreement, `pairs_compared` for adjudication), with the command (`again(a, b)`) that
    compares them all."""
    finished = "have {} done or in progress" if include_in_progress else "finished {}"
    return [
        f"note: {a} and {b} both {finished.format(counted(count, 'article'))} ({compared[a, b]} compared here): "
        f"`{again(a, b)}`"
        for (a, b), count in shared.items()
        if count > compared.get((a, b), count)
    ]


def report_pairs(report: AgreementReport) -> dict[tuple[str, str], int]:
    """How many articles the report compares each pair on."""
    return {(pair.a, pair.b): pair.articles for pair in report.pairs if pair.label == "ALL"}


def pairs_compared(
    annotators: Sequence[str], compared: Sequence[tuple[str, Sequence[str]]]
) -> dict[tuple[str, str], int]:
    """How many of the articles `compared_articles` gives (each with the annotators whose versions count) each
    pair of `annotators` is compared on, the pairs in `pair_articles`' order."""
    return {
        (a, b): sum(1 for _, who in compared if a in who and b in who) for a, b in itertools.combinations(annotators, 2)
    }


def compared_whom(annotators: Sequence[str], apart: bool, include_in_progress: bool = False) -> str:
    """Which articles were compared: "done by all of alice, bob", or with assignments (`apart`: some article
    compared among fewer than all) "each done by the annotators assigned it, of alice, bob, carol"."""
    done = "done or in progress" if include_in_progress else "done"
    if apart:
        return f"each {done} by the annotators assigned it, of {', '.join(annotators)}"
    if len(annotators) == 1:
        return f"{done} by {annotators[0]}"
    return f"{done} by all of {', '.join(annotators)}"


def annotators_of(corpus: Corpus, index: int) -> list[str]:
    """Whose versions of the corpus's article `index` count (all its annotators, without assignments)."""
    return [name for name in corpus.spans if corpus.coded(name)[index]]


@dataclass(frozen=True)
class ArticleDisputes:
    """One article's disagreements with what the report needs to show them in context."""

    article_id: str
    title: str
    text: str
    disagreements: Sequence[Disagreement[Any]]


def figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def text_lines(
    report: AgreementReport,
    include_in_progress: bool = False,
    shared: Mapping[tuple[str, str], int] | None = None,
    notes: Sequence[str] = (),
) -> list[str]:
    """The readable report: what was compared (done, or also in progress), alpha per label, then each pair per
    label. With `notes` (`pair_notes`: a pair shares more articles than are compared), each pair's articles
    (`shared`) and the notes follow what was compared."""
    overlaps = [pair for pair in report.pairs if pair.label == "ALL"]
    apart = any(pair.articles != report.articles for pair in overlaps)
    who = compared_whom(report.annotators, apart, include_in_progress)
    lines = [
        f"articles compared  {report.articles} ({who})",
        f"tokens             {report.tokens}",
        f"articles differing {report.disputed_articles}",
        f"speaker agreement  {figure(report.speaker_agreement)} ({report.matched_quotes} jointly found quote pairs)",
        "",
        "Krippendorff's alpha (nominal, tokens)",
    ]
    if any(pair.articles != report.articles for pair in overlaps):
        sharing = ", ".join(f"{pair.a} ~ {pair.b} {pair.articles}" for pair in overlaps)
        lines[4:4] = [f"pairs share        {sharing} article(s)"]
    if notes and shared:
        both = "done or in progress" if include_in_progress else "marked done"
        each = ", ".join(f"{a} ~ {b} {count}" for (a, b), count in shared.items())
        at = lines.index("")
        lines[at:at] = [f"pairs finished     {each} article(s) both {both}", *notes]
    lines += [f"  {row:<9} {figure(value)}" for row, value in report.krippendorff_alpha.items()]
    lines += ["", f"{'pair':<24} {'label':<9} {'spans':>11}  {'exact P/R/F1':<20}  {'overlap P/R/F1':<20}  kappa"]
    for pair in report.pairs:
        exact = "/".join(figure(v) for v in (pair.exact.p, pair.exact.r, pair.exact.f1))
        partial = "/".join(figure(v) for v in (pair.partial.p, pair.partial.r, pair.partial.f1))
        who = f"{pair.a} ~ {pair.b}"
        spans = f"{pair.a_spans}/{pair.b_spans}"
        lines.append(f"{who:<24} {pair.label:<9} {spans:>11}  {exact:<20}  {partial:<20}  {figure(pair.cohen_kappa)}")
    return lines


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
        ("overlap F1", lambda row, pairs: _mean([p.partial.f1 for p in pairs])),
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


def html_page(report: AgreementReport, disputes: Sequence[ArticleDisputes], shown_limit: int | None = None) -> str:
    """The whole report as one HTML document."""
    rows = []
    for pair in report.pairs:
        cells = [pair.exact.p, pair.exact.r, pair.exact.f1, pair.partial.p, pair.partial.r, pair.partial.f1]
        rows.append(
            f'<tr><td class="left">{escape(pair.a)} ~ {escape(pair.b)}</td><td class="left">{pair.label}</td>'
            f"<td>{pair.a_spans}/{pair.b_spans}</td>"
            + "".join(f"<td>{figure(v)}</td>" for v in cells)
            + f"<td>{figure(pair.cohen_kappa)}</td></tr>"
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
<div class="flex">
<div><h2>Cohen's kappa by pair (entity tokens)</h2>{heatmap(report)}</div>
<div><h2>Per label</h2>{label_bars(report)}</div>
</div>
<h2>Every pair and label</h2>
<table class="figures"><tr><th class="left">pair</th><th class="left">label</th><th>spans</th><th>exact P</th>
<th>exact R</th><th>exact F1</th><th>overlap P</th><th>overlap R</th><th>overlap F1</th><th>kappa</th></tr>
{"".join(rows)}</table>
<h2>Disagreements</h2>{more}{disputes_html(disputes) or "<p>None: every annotator has the same spans.</p>"}
</body></html>
"""
