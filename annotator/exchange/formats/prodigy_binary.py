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
An accepted span is checked on the tokens its new article stores: its task's, else those another task gives the
text (two tasks giving it different ones are refused: an article has one tokenization), else spaCy's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from annotator.errors import InputError
from annotator.exchange.files import Where
from annotator.exchange.formats.common import (
    Dropped,
    ImportedRecord,
    Question,
    Read,
    Skipped,
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
from annotator.exchange.formats.whose import annotator_of
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
    answers: dict[tuple[int, int, Label], list[Answer]] = field(default_factory=dict)  # in the file's order
    dropped: Counter[str] = field(default_factory=Counter)
    latest: int | None = None
    unchecked: list[tuple[ProdigyTask, int, Span, Where]] = field(default_factory=list)  # accepted, tokens unknown


class Questions:
    """Binary tasks gathered over a file, then given out as one record per text and annotator."""

    def __init__(self, options: ReadOptions) -> None:
        self.options = options
        self.texts: dict[tuple[str, str], Text] = {}
        self.ours: dict[str, list[Token]] = {}  # a text's tokens, when its tasks give none
        self.given: dict[str, tuple[list[Token], Where]] = {}  # a text's tokens, as the first task giving some
        self.first_unruly: str | None = None  # the first suggestion left out (`UNRULY`), as the count names it

    def add(self, task: ProdigyTask, where: Where) -> None:
        """Take in one binary task, checking it now (so that an error names its line)."""
        options = self.options
        annotator = annotator_of(task.annotator_id or task.session_id, options, where, annotator_key(task))
        tokens = file_tokens(task, where) if task.tokens else None
        given = self.given.get(task.text)
        if tokens is not None and given is not None and given[0] != tokens:
            raise where.error(_other_tokens(task.text, tokens, *given), "tokens")
        unchecked: list[tuple[ProdigyTask, int, Span, Where]] = []
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
            if decision == "accepted" and tokens is not None:  # a bad answer is refused (or skipped) alone, at its line
                self._check_on_tokens(task, index, span, tokens, where)
            elif decision == "accepted" and given is not None:  # on the tokens its article stores, another task's
                self._check_on_tokens(task, index, span, given[0], where, given[1])
            elif decision == "accepted":  # a later task may give the text tokens: checked once the file is read
                unchecked.append((task, index, span, where))
            suggester = f"prodigy:{item.source}" if item.source else "prodigy"
            answer = Answer(span, suggester, item.score, decision, where, task.timestamp, where_field)
            found.append(((item.start, item.end, label), answer))
        # only once the whole task is read: a bad task adds nothing, not even its text (trial 8: with --skip-invalid,
        # a text whose one task was bad was listed again as "no answer left to import")
        text = self.texts.setdefault((task.text, annotator), Text(task, where, annotator, annotator_key(task)))
        if tokens is not None:
            self.given.setdefault(task.text, (tokens, where))
        if task.timestamp is not None:
            text.latest = max(text.latest or task.timestamp, task.timestamp)
        for key, answer in found:
            text.answers.setdefault(key, []).append(answer)
        text.dropped.update(dropped)
        text.unchecked += unchecked

    def _tokens(self, text: str) -> list[Token]:
        """The tokens a new article of this text gets on import (spaCy's tokenizer), once a text."""
        if text not in self.ours:
            from annotator.suggest.tokens import tokenize

            self.ours[text] = tokenize([text])[0]
        return self.ours[text]

    def _check_on_tokens(
        self, task: ProdigyTask, index: int, span: Span, tokens: list[Token], where: Where, giver: Where | None = None
    ) -> None:
        """An accepted span on the tokens its new article stores (its task's, else those another task gives the
        text (`giver`), else spaCy's), or, with --snap, still a span once snapped outward onto them; else the
        error at this task's line (re-trial: checked on the combined record, a bad answer took the text's other
        answers with it, and --skip-invalid listed the text's first line). The import checks again on the tokens
        it stores (a stored article's), and snaps there."""
        field_name = f"spans[{index}]"
        starts, ends = {t.start for t in tokens}, {t.end for t in tokens}
        if span.start in starts and span.end in ends:
            return
        if not self.options.snap:
            whose = "" if giver is None else f"those {giver.named()} gives the text, which its article stores; "
            raise where.error(
                f"span {span.start}:{span.end} {quoted(span.text)} does not fall on token boundaries ({whose}--snap "
                "moves it)",
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
            bad = yield from self._checked_late(text)
            if bad and not any(a.where not in bad for answers in text.answers.values() for a in answers):
                continue  # its only answers were bad, each listed
            text.answers = {key: [a for a in answers if a.where not in bad] for key, answers in text.answers.items()}
            yield guarded(self.options, text.where, lambda text=text: _record(text, said))  # type: ignore[misc]

    def _checked_late(self, text: Text) -> Generator[Read, None, set[Where]]:
        """The text's accepted answers of tasks without tokens, checked on those its article stores (given by a
        later task, else spaCy's); with --skip-invalid, each bad task skipped (given here) and returned."""
        given = self.given.get(text.first.text)
        text.tokens = None if given is None else given[0]
        bad: set[Where] = set()
        for task, index, span, where in text.unchecked:
            try:
                if given is None:
                    self._check_on_tokens(task, index, span, self._tokens(task.text), where)
                else:
                    self._check_on_tokens(task, index, span, given[0], where, given[1])
            except InputError as error:
                if not self.options.skip_invalid:
                    raise
                if where not in bad:
                    bad.add(where)
                    yield Skipped.of(where, error)
        return bad


def _other_tokens(text: str, tokens: list[Token], first: list[Token], giver: Where) -> str:
    """Why a task's tokens are refused: another task gave the same text other ones, and an article has one."""
    at = next((i for i, pair in enumerate(zip(tokens, first, strict=False)) if pair[0] != pair[1]), None)
    at = min(len(tokens), len(first)) if at is None else at

    def token(found: list[Token]) -> str:
        return (
            f"{found[at].start}:{found[at].end} {quoted(text[found[at].start : found[at].end])}"
            if at < len(found)
            else "none"
        )

    return (
        f"they differ from the tokens {giver.named()} gives the same text ({token(tokens)} here, {token(first)} "
        "there): its article stores one tokenization"
    )


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


def _standing(answers: list[Answer]) -> Answer:
    """Of the answers about one span, in the file's order, the one that stands (`_stands`)."""
    standing = answers[0]
    for answer in answers[1:]:
        standing = answer if _stands(answer, standing) else standing
    return standing


def _record(text: Text, said: str) -> Read:
    answers = {key: _standing(given) for key, given in text.answers.items() if given}
    if not answers and text.dropped[UNRULY]:  # counted: nothing else of the text to say
        return Dropped(said, text.dropped[UNRULY])
    if not answers:
        why = "--label-map dropped every span" if text.dropped else "its tasks have no span"
        return Skipped(text.where, f"no answer left to import ({why})")
    accepted = sorted((a for a in answers.values() if a.decision == "accepted"), key=lambda a: a.span.start)
    for index, one in enumerate(accepted):
        for other in accepted[index + 1 :]:
            if _overlap(one, other):
                raise other.where.error(
                    f"accepted span {other.span.start}:{other.span.end} overlaps the accepted span "
                    f"{one.span.start}:{one.span.end} at {one.where.named()}: one of them must go",
                    other.field,
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
        for a in answers.values()
    )
    record = keep_hashes(record, text.first.model_copy(update={"task_hash": None}), text.tokens)
    dropped = Counter({said if what == UNRULY else what: count for what, count in text.dropped.items()})
    again = tuple(
        (a.where, f"{a.span.label.value} {a.span.start}:{a.span.end} {quoted(a.span.text)}", answers[key].where)
        for key, given in text.answers.items()
        for a in given
        if key in answers and a.decision != answers[key].decision  # a repeat of the same answer replaces nothing
    )
    return ImportedRecord(
        text.where, record, text.tokens, dropped, questions, annotator_field=text.annotator_field, answered_again=again
    )
