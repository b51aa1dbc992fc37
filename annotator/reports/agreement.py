"""The agreement report: the store's spans read into a `Corpus`, the figures of `annotator.metrics.agreement`,
which pairs finished more than is compared (or articles assignments leave out), and the lines for the terminal.

No Rich here (the CLI prints the lines); the HTML page is `reports.agreement_html`'s.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from annotator.metrics.agreement import AgreementReport, Corpus
from annotator.metrics.intervals import DRAWS, FEW, FEWEST
from annotator.metrics.matching import LABEL_CODE, NO_SPEAKER, SpanColumns
from annotator.reports.no_interval import WHY
from annotator.store import Reader
from annotator.store.assignments import assignees, compared_articles
from annotator.vocabulary import Label, Status
from annotator.wording import annotators_option, counted


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
    A,B`: both marked them done, or also in progress; with assignments, those `team_of` gives both): a pair may
    share more than the articles all of them finished, which the report compares. {} for two."""
    if len(annotators) < 3:
        return {}
    return finished_pairs(store, annotators, include_in_progress, by_assignment, leaving_out=False)[0]


def finished_pairs(
    store: Reader, annotators: Sequence[str], include_in_progress: bool = False, by_assignment: bool = True,
    leaving_out: bool = True,
) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:  # fmt: skip
    """What each pair finished together, counted once for every line that says it (a newcomer's trial: the "pairs
    finished" line said 0 where the pair's own line said 1): `pair_articles`, and per pair the articles both finished
    (or have in progress) that assignments leave out, not being assigned to both (to one of them, or to others
    only; none with `by_assignment` False or no assignments, or `leaving_out` False), only the pairs that have some.
    The two add up to the articles both finished."""
    statuses = [Status.DONE, Status.IN_PROGRESS] if include_in_progress else [Status.DONE]
    assigning = leaving_out and by_assignment and bool(assignees(store))
    shared, left = {}, {}
    for a, b in itertools.combinations(annotators, 2):
        alone = len(compared_articles(store, [a, b], statuses, by_assignment=by_assignment))
        if len(annotators) >= 3:
            shared[a, b] = alone
        if assigning:
            count = len(compared_articles(store, [a, b], statuses, by_assignment=False)) - alone
            if count:
                left[a, b] = count
    return shared, left


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
        for (a, b), count in wider_pairs(compared, shared)
    ]


def left_out_notes(
    compared: Mapping[tuple[str, str], int], left: Mapping[tuple[str, str], int], again: Callable[[str, str], str],
    include_in_progress: bool = False, sharing: bool = False,
) -> list[str]:  # fmt: skip
    """A note for each pair with articles assignments leave out (`finished_pairs`), with the command (`again(a, b)`, with
    --ignore-assignments) that compares them; `sharing`: only the pairs compared on some article (for a pair
    compared on none the report's row says it)."""
    return [
        f"note: {a} and {b} both {_left_out(count, again(a, b), include_in_progress, compared.get((a, b), 0) > 0)}"
        for (a, b), count in left.items()
        if compared.get((a, b), 0) > 0 or not sharing
    ]


def _left_out(count: int, command: str, include_in_progress: bool, too: bool, why: bool = True) -> str:
    """ "finished 1 article not assigned to both (...): `command` compares it (too)"."""
    articles = counted(count, "article")
    finished = f"have {articles} done or in progress" if include_in_progress else f"finished {articles}"
    because = " (with assignments only an article's assignees are compared)" if why else ""
    return (
        f"{finished} not assigned to both{because}: `{command}` compares {'it' if count == 1 else 'them'}"
        f"{' too' if too else ''}"
    )


def wider_pairs(
    compared: Mapping[tuple[str, str], int], shared: Mapping[tuple[str, str], int]
) -> list[tuple[tuple[str, str], int]]:
    """The pairs that share more articles (`pair_articles`) than are compared for them, in `shared`'s order."""
    return [(pair, count) for pair, count in shared.items() if count > compared.get(pair, count)]


def narrowing(
    compared: Mapping[tuple[str, str], int], shared: Mapping[tuple[str, str], int], include_in_progress: bool = False
) -> str:
    """For the first line a lead reads (trial 34: the notes came after perfect figures): the pair that finished the
    most articles beyond those compared, with the option that compares them ("alice and bob both finished 6:
    --annotators alice,bob"), and how many other pairs the notes (`pair_notes`) name; "" when none did."""
    wider = wider_pairs(compared, shared)
    if not wider:
        return ""
    (a, b), count = max(wider, key=lambda item: item[1])
    finished = f"have {count} done or in progress" if include_in_progress else f"finished {count}"
    others = f" (and {counted(len(wider) - 1, 'other pair')}: see the notes)" if len(wider) > 1 else ""
    return f"{a} and {b} both {finished}: {annotators_option([a, b])}{others}"


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


def command_only_line(count: int, total: int, there: str) -> str:
    """How many compared articles hold, for everyone compared, the model's suggestions as no person changed them
    (`store.unchecked.model_unchanged`: `annotator accept`'s work, or A then d on the screen): "on 2 of the 2
    article(s) compared, ...: `there`"."""
    return (
        f"on {count} of the {total} article(s) compared, every annotator's work is the model's suggestions unchanged "
        f"(accepted as suggested, on the screen or by `annotator accept`): {there}"
    )


def unchanged_by(
    store: Reader, annotators: Sequence[str], whose: Sequence[tuple[str, Sequence[str]]]
) -> dict[str, tuple[int, int]]:
    """Per annotator compared (of `annotators`, in their order), on how many of their compared articles (`whose`: each with whose work counts) their
    own work is the model's suggestions unchanged (`store.unchecked.model_unchanged` of them alone), and of how
    many: a team lead's trial found one who did A then d everywhere, paired with a careful one, never named (the
    caution needs everyone's work so), so that pair's figures were the model's against a person's."""
    from annotator.store.unchecked import model_unchanged

    names = [name for name in annotators if any(name in who for _, who in whose)]  # in the report's order
    return {
        name: (
            len(model_unchanged(store, [(article, [name]) for article, who in whose if name in who])),
            sum(1 for _, who in whose if name in who),
        )
        for name in names
    }


def unchanged_by_line(counts: Mapping[str, tuple[int, int]]) -> str:
    """The note naming, per annotator (`unchanged_by`), "ann 4 of 4, cara 0 of 4"; "" when nobody's work is so on
    any article."""
    if not any(count for count, _ in counts.values()):
        return ""
    each = ", ".join(f"{name} {count} of {total}" for name, (count, total) in counts.items())
    return (
        f"note: per annotator, articles compared where their own work is the model's suggestions unchanged (accepted "
        f"as suggested, on the screen or by `annotator accept`): {each}; a pair with such work measures the model "
        "against the other annotator there"
    )


#: What agreement says of such articles (`command_only_line`).
MODEL_AGREES = "there the model's suggestions agree with themselves"


#: Said under an interval drawn from fewer than `intervals.FEW` articles.
ROUGH = "  with so few articles, a rough guide: the draws cannot hold what other articles would bring"


def legend(annotators: Sequence[str]) -> str:
    """The line under the table that says what `spans` counts and whose spans P and R divide by: the first of a
    pair is the reference (`metrics.matching.ratios`), named when there is one pair."""
    if len(annotators) == 2:
        a, b = annotators
        return f"  spans: {a}'s/{b}'s; {a} is the reference for P and R: P = matched / {b}'s spans, R = matched / {a}'s"
    return (
        "  spans: the first's/the second's of a pair; the first is the reference for P and R: P = matched / the "
        "second's spans, R = matched / the first's"
    )


def figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def text_lines(
    report: AgreementReport,
    include_in_progress: bool = False,
    shared: Mapping[tuple[str, str], int] | None = None,
    notes: Sequence[str] = (),
    left: Mapping[tuple[str, str], int] | None = None,
    again: Callable[[str, str], str] | None = None,
    unchecked: int = 0,
) -> list[str]:
    """The readable report: what was compared (done, or also in progress), alpha per label, then each pair per
    label. With `notes` (`pair_notes`: a pair shares more articles than are compared), the first line names the
    pair that finished the most (`narrowing`), and each pair's articles (`shared`, with those assignments leave out
    beside them: `left`) and the notes follow it. A pair compared on no article is one line (its rows were all
    n/a), with its articles assignments leave out (`left`, `finished_pairs`) and the command that compares them
    (`again`, with --ignore-assignments); other pairs with such articles get a note. On `unchecked` articles
    everyone's work is the model's suggestions unchanged: a caution under the first line says how many."""
    left = left or {}
    command = again or (lambda a, b: "")
    overlaps = [pair for pair in report.pairs if pair.label == "ALL"]
    apart = any(pair.articles != report.articles for pair in overlaps)
    who = compared_whom(report.annotators, apart, include_in_progress)
    narrowed = narrowing(report_pairs(report), shared, include_in_progress) if notes and shared else ""
    lines = [
        f"articles compared  {report.articles} ({who}){f'; {narrowed}' if narrowed else ''}",
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
        each = ", ".join(  # what the pair's own line and the notes say assignments leave out, beside it
            f"{a} ~ {b} {count}{f' (+{left[a, b]} not assigned to both)' if left.get((a, b)) else ''}"
            for (a, b), count in shared.items()
        )
        at = lines.index("")
        lines[at:at] = [f"pairs finished     {each} article(s) both {both}", *notes]
    at, compared = lines.index(""), report_pairs(report)
    lines[at:at] = left_out_notes(compared, left, command, include_in_progress, sharing=True)
    lines += [f"  {row:<9} {figure(value)}" for row, value in report.krippendorff_alpha.items()]
    lines += ["", f"{'pair':<24} {'label':<9} {'spans':>11}  {'exact P/R/F1':<20}  {'overlap P/R/F1':<20}  kappa"]
    for pair in report.pairs:
        who = f"{pair.a} ~ {pair.b}"
        if not compared[pair.a, pair.b]:
            if pair.label == "ALL":
                count = left.get((pair.a, pair.b), 0)
                also = f"; both {_left_out(count, command(pair.a, pair.b), include_in_progress, False, False)}"
                lines.append(f"{who:<24} share no compared article{also if count else ''}")
            continue
        exact = "/".join(figure(v) for v in (pair.exact.p, pair.exact.r, pair.exact.f1))
        partial = "/".join(figure(v) for v in (pair.overlap.p, pair.overlap.r, pair.overlap.f1))
        spans = f"{pair.a_spans}/{pair.b_spans}"
        lines.append(f"{who:<24} {pair.label:<9} {spans:>11}  {exact:<20}  {partial:<20}  {figure(pair.cohen_kappa)}")
        if pair.exact_f1_interval is not None:
            interval = "-".join(figure(v) for v in pair.exact_f1_interval)
            lines.append(f"{'':<24} {'  F1 95%':<9} {'':>11}  {interval:>17}")
    if any(compared.values()):  # what the columns are (a trial: "118/119" and P and R's reference said nowhere)
        lines.append(legend(report.annotators))
    drawn = [pair.articles for pair in report.pairs if pair.exact_f1_interval is not None]
    if drawn:
        lines.append(f"  F1 95%: a pair's ALL exact F1 on other draws of its articles (bootstrap, {DRAWS:,} draws)")
        lines += [ROUGH] if min(drawn) < FEW else []
    undrawn = [
        f"{p.a} ~ {p.b}"
        for p in report.pairs
        if p.label == "ALL" and compared[p.a, p.b] and p.exact_f1_interval is None
    ]
    if undrawn:  # the rule of every report's interval (`intervals.FEWEST`), said as they say it
        lines.append(f"  F1 95%: none for {', '.join(undrawn)}: fewer than {FEWEST} articles with spans {WHY}")
    if unchecked:  # read first, beside what was compared (`unchecked`: `store.unchecked.model_unchanged`)
        lines.insert(1, f"caution: {command_only_line(unchecked, report.articles, MODEL_AGREES)}")
    return lines
