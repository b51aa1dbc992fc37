"""Prodigy's binary answers (ner.teach and the like) as decisions about suggestions.

A binary task asks one question about a suggested span (files from 2017 repeat earlier spans of the same text,
each with its own `answer`): accept means the span is right, reject means that suggestion is wrong (the text
there may still be something else), ignore says nothing. Unlabelled text is unknown, not "no entity". So:

- every task about one text, by one annotator, makes one record of that article, however many tasks there
  are and however their spans overlap;
- each answered span becomes a suggestion (suggester `prodigy`, or `prodigy:<source>` from the span's
  `source`, with its `score`) and the annotator's decision on it: accepted or rejected; ignored ones stay
  pending. Accepted spans are also the annotator's spans; a rejected span never is. A later answer about the
  same span replaces an earlier one (later in the file, unless both have a `_timestamp`: then the later one);
- the annotation's status is in progress: answering questions about a text is not annotating all of it;
- a rejected or ignored suggestion whose span the span rules refuse (the model's `&amp`, `:|`) is no span of anyone's
  and none we would suggest: left out and counted, never an error, and never trimmed (rejecting `&amp` is not
  rejecting `amp`). An accepted one is the annotator's span, checked as every span is, and on the tokens (or,
  with --snap, snapped onto them) in its own task, so that --skip-invalid skips that task alone, at its line.

Two accepted entity spans that overlap cannot both be the annotator's spans: that is an error naming both lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from annotator.exchange.files import Where
from annotator.exchange.formats.common import (
    Dropped,
    ImportedRecord,
    Question,
    Read,
    Skipped,
    annotator_of,
    checked_span,
    guarded,
    label_of,
    native_record,
)
from annotator.exchange.formats.options import ReadOptions
from annotator.exchange.formats.prodigy import (
    ProdigyTask,
    annotator_key,
    article_fields,
    check_token_indices,
    file_tokens,
    keep_hashes,
)
from annotator.literal import quoted
from annotator.models import Label, Span, SpanError, Status, Suggestion, check_span, utc_timestamp
from annotator.rows import Token
from annotator.spans import edge_problem

DECISIONS = {"accept": "accepted", "reject": "rejected", "ignore": None}


@dataclass
class Answer:
    span: Span
    suggester: str
    score: float | None
    decision: str | None
    where: Where
    at: int | None = None  # the task's `_timestamp`
    field: str = ""  # the span's in its task: `spans[2]`


def _stands(answer: Answer, earlier: Answer | None) -> bool:
    """Whether an answer about a span replaces the earlier one in the file: unless both have a `_timestamp` and its
    own is the earlier (the later `_timestamp` stands, as for manual tasks answered twice: `exchange.duplicates`)."""
    return earlier is None or answer.at is None or earlier.at is None or answer.at >= earlier.at


@dataclass
class Text:
    """Every answer one annotator gave about one text."""

    first: ProdigyTask
    where: Where
    annotator: str
    annotator_field: str
    tokens: list[Token] | None = None
    answers: dict[tuple[int, int, Label], Answer] = field(default_factory=dict)
    dropped: Counter[str] = field(default_factory=Counter)
    latest: int | None = None


class Questions:
    """Binary tasks gathered over a file, then given out as one record per text and annotator."""

    def __init__(self, options: ReadOptions) -> None:
        self.options = options
        self.texts: dict[tuple[str, str], Text] = {}
        self.ours: dict[str, list[Token]] = {}  # a text's tokens, when its tasks give none
        self.first_unruly: str | None = None  # the first suggestion left out (`UNRULY`), as the count names it

    def add(self, task: ProdigyTask, where: Where) -> None:
        """Take in one binary task, checking it now (so that an error names its line)."""
        options = self.options
        annotator = annotator_of(task.annotator_id or task.session_id, options, where, annotator_key(task))
        tokens = file_tokens(task, where) if task.tokens else None
        found: list[tuple[tuple[int, int, Label], Answer]] = []
        dropped: Counter[str] = Counter()
        for index, item in enumerate(task.spans):
            where_field = f"spans[{index}]"
            check_token_indices(item, task, where, where_field)
            label = label_of(item.label, options, where, f"{where_field}.label", dropped)
            if label is None:
                continue
            decision = DECISIONS.get(item.answer or task.answer or "ignore")
            if decision != "accepted" and _unruly(task.text, item.start, item.end, label, item.text):
                dropped[UNRULY] += 1  # a rejected "&amp" is nobody's span; trimmed, it would reject "amp"
                self.first_unruly = self.first_unruly or task.text[item.start : item.end]
                continue
            span = checked_span(
                task.text, item.start, item.end, label, item.text, where, where_field, options.trim(dropped)
            )
            if decision == "accepted":  # checked on its task: a bad answer is refused (or skipped) alone, at its line
                self._check_on_tokens(task, index, span, tokens or self._tokens(task.text), where)
            suggester = f"prodigy:{item.source}" if item.source else "prodigy"
            answer = Answer(span, suggester, item.score, decision, where, task.timestamp, where_field)
            found.append(((item.start, item.end, label), answer))
        # only once the whole task is read: a bad task adds nothing, not even its text (trial 8: with --skip-invalid,
        # a text whose one task was bad was listed again as "no answer left to import")
        text = self.texts.setdefault((task.text, annotator), Text(task, where, annotator, annotator_key(task)))
        if text.tokens is None:
            text.tokens = tokens
        if task.timestamp is not None:
            text.latest = max(text.latest or task.timestamp, task.timestamp)
        text.answers.update((key, answer) for key, answer in found if _stands(answer, text.answers.get(key)))
        text.dropped.update(dropped)

    def _tokens(self, text: str) -> list[Token]:
        """The tokens a new article of this text gets on import (spaCy's tokenizer), once a text."""
        if text not in self.ours:
            from annotator.suggest.tokens import tokenize

            self.ours[text] = tokenize([text])[0]
        return self.ours[text]

    def _check_on_tokens(self, task: ProdigyTask, index: int, span: Span, tokens: list[Token], where: Where) -> None:
        """An accepted span on the tokens, or, with --snap, still a span once snapped outward onto them; else the
        error at this task's line (re-trial: checked on the combined record, a bad answer took the text's other
        answers with it, and --skip-invalid listed the text's first line). The import checks again on the tokens
        it stores, and snaps there."""
        field_name = f"spans[{index}]"
        starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
        if span.start in starts and span.end in ends:
            return
        if not self.options.snap:
            raise where.error(
                f"span {span.start}:{span.end} {quoted(span.text)} does not fall on token boundaries (--snap moves it)",
                field_name,
            )
        start = max((t.start for t in tokens if t.start <= span.start), default=span.start)
        end = min((t.end for t in tokens if t.end >= span.end), default=span.end)
        try:
            check_span(span.model_copy(update={"start": start, "end": end, "text": task.text[start:end]}), task.text)
        except SpanError as error:
            given = task.spans[index]  # as refused without --snap: the reason, and why --snap cannot trim it
            checked_span(task.text, given.start, given.end, span.label, given.text, where, field_name)
            raise where.error(f"after snapping to tokens: {error}", field_name) from None

    def records(self) -> Iterator[Read]:
        said = unruly(self.first_unruly or "")
        for text in self.texts.values():
            yield guarded(self.options, text.where, lambda text=text: _record(text, said))  # type: ignore[misc]


#: The key a task's rejected or ignored suggestions the span rules refuse are counted under, until the file is read
#: and the first of them is known (trial 8: `&amp`, `:|` blocked the file): said as `unruly` says.
UNRULY = "unruly"


def unruly(first: str) -> str:
    """What import says of them, naming the first left out (re-trial 11: it named '&amp' for 'Acme ')."""
    return f"rejected or ignored suggestion(s) whose span the span rules refuse (as {quoted(first)}): no one's span, no decision"


def _unruly(text: str, start: int, end: int, label: Label, given: str | None) -> bool:
    """Whether a span, inside the text and quoting it, breaks only the edge rules (`spans.edge_problem`): a question
    about it that was not accepted is left out, not refused, since no annotation or suggestion of ours can be it."""
    inside = 0 <= start < end <= len(text) and (given is None or given == text[start:end])
    return inside and edge_problem(text, start, end, label) is not None


def _overlap(one: Answer, other: Answer) -> bool:
    same_layer = (one.span.label is Label.QUOTE) == (other.span.label is Label.QUOTE)
    return same_layer and one.span.start < other.span.end and other.span.start < one.span.end


def _record(text: Text, said: str) -> Read:
    if not text.answers and text.dropped[UNRULY]:  # counted: nothing else of the text to say
        return Dropped(said, text.dropped[UNRULY])
    if not text.answers:
        why = "--label-map dropped every span" if text.dropped else "its tasks have no span"
        return Skipped(text.where, f"no answer left to import ({why})")
    accepted = sorted((a for a in text.answers.values() if a.decision == "accepted"), key=lambda a: a.span.start)
    for index, one in enumerate(accepted):
        for other in accepted[index + 1 :]:
            if _overlap(one, other):
                at = f"line {one.where.line}" if one.where.line is not None else f"record {one.where.record}"
                raise other.where.error(
                    f"accepted span {other.span.start}:{other.span.end} overlaps the accepted span "
                    f"{one.span.start}:{one.span.end} at {at}: one of them must go",
                    "spans",
                )
    updated = None
    if text.latest is not None:
        updated = utc_timestamp(datetime.fromtimestamp(text.latest, UTC))
    record = native_record(
        text.where,
        **article_fields(text.first, text.where),
        annotator=text.annotator,
        status=Status.IN_PROGRESS,
        spans=[a.span for a in accepted],
        updated_at=updated,
    )
    questions = tuple(
        Question(Suggestion(**a.span.model_dump(), suggester=a.suggester, score=a.score), a.decision, a.where, a.field)
        for a in text.answers.values()
    )
    record = keep_hashes(record, text.first.model_copy(update={"task_hash": None}), text.tokens)
    dropped = Counter({said if what == UNRULY else what: count for what, count in text.dropped.items()})
    return ImportedRecord(text.where, record, text.tokens, dropped, questions, annotator_field=text.annotator_field)
