"""The reference `annotator evaluate` scores against (gold, another annotator or a native JSONL file), and what to
say when it has no article to score on: the way on that the database's state allows, never one that leads back.

Adjudicating (`adjudicate --auto`, `review`) needs two annotators' done articles, and `--gold-from NAME` someone's
done work (or work in progress, with `--include-in-progress`), so the advice depends on who has done what.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.differ import where_texts_differ
from annotator.errors import AnnotatorError, InputError
from annotator.literal import quoted
from annotator.lookalike import python_quoted
from annotator.models import ArticleIn
from annotator.places import kind_of
from annotator.rows import SpanLike
from annotator.store import Reader, db_option
from annotator.store.unchecked import everyone_by_command
from annotator.vocabulary import GOLD, Status, content_hash


@dataclass(frozen=True)
class Reference:
    """The reference side: its name, the rule that chose its articles, and its spans per article id."""

    name: str
    articles_rule: str
    spans: dict[str, list[SpanLike]]
    #: A native JSONL file (`name` its path, said once in a report's first line), not an annotator.
    from_file: bool = False
    #: The file's articles whose record says commands alone wrote its work (`unchecked`, still as they wrote it).
    unchecked: frozenset[str] = frozenset()
    #: The file's articles whose record says its work is the model's suggestions unchanged (`as_suggested`).
    as_suggested: frozenset[str] = frozenset()


def wanted_statuses(include_in_progress: bool) -> list[Status]:
    return [Status.DONE, Status.IN_PROGRESS] if include_in_progress else [Status.DONE]


def _rule(include_in_progress: bool) -> str:
    return "marked done" + (" or in progress" if include_in_progress else "")


def annotator_reference(store: Reader, name: str, include_in_progress: bool = False) -> Reference:
    """An annotator of the database (gold included) as the reference."""
    wanted = set(wanted_statuses(include_in_progress))
    ids = [article_id for article_id, status, _ in store.annotated_articles(name) if status in wanted]
    return Reference(
        name=name,
        articles_rule=_rule(include_in_progress),
        spans={article_id: list(store.spans(article_id, name)) for article_id in ids},
    )


def file_reference(store: Reader, path: str | Path, include_in_progress: bool = False) -> Reference:
    """Native JSONL records as the reference; each record's article must be in the database with that text."""
    from annotator.exchange.formats.jsonl import read_records
    from annotator.exchange.formats.stored_spans import said_as_suggested, unchecked_commands

    wanted = set(wanted_statuses(include_in_progress))
    spans: dict[str, list[SpanLike]] = {}
    lines: dict[str, int] = {}
    unchecked: set[str] = set()
    suggested: set[str] = set()
    for line, record in read_records(path):
        if record.status not in wanted:
            continue
        article_id = store.has_article(ArticleIn(id=record.article_id, text=record.text))
        if article_id is None:
            raise InputError(
                f"article {quoted(record.article_id)} is not in the database (ingest or import it first)",
                path=str(path), line=line, field="article_id",
            )  # fmt: skip
        stored = store.article(article_id)
        if stored.content_hash != content_hash(record.text):
            where = where_texts_differ(stored.text, record.text, ("stored", "file's"))
            raise InputError(
                f"article {quoted(record.article_id)} is stored with a different text ({where})",
                path=str(path),
                line=line,
                field="text",
            )
        if article_id in lines:
            raise InputError(
                f"article {quoted(record.article_id)} appears twice (first on line {lines[article_id]})",
                path=str(path), line=line, field="article_id",
            )  # fmt: skip
        lines[article_id] = line
        spans[article_id] = list(record.spans)
        if unchecked_commands(record):  # `annotator accept`'s work, exported: the model's suggestions, unchecked
            unchecked.add(article_id)
        if said_as_suggested(record):  # A then d on the screen too, exported: the model's suggestions unchanged
            suggested.add(article_id)
    rule = _rule(include_in_progress)
    return Reference(name=str(path), articles_rule=rule, spans=spans, from_file=True, unchecked=frozenset(unchecked),
                     as_suggested=frozenset(suggested))  # fmt: skip


def command_only(store: Reader, reference: Reference, article_ids: list[str]) -> int:
    """On how many of these articles all the work, the reference's included, was written by commands alone
    (`store.unchecked`): for a file, its records that say so (`unchecked`), the only work compared there."""
    if reference.from_file:
        return len(reference.unchecked.intersection(article_ids))
    return len(everyone_by_command(store, article_ids))


def unchanged_articles(store: Reader, reference: Reference, article_ids: list[str]) -> set[str]:
    """The articles, of these, where the reference is the model's suggestions as no person changed them: all the
    work there commands' (`command_only`), or the reference's spans exactly the suggestions it was made from
    (`store.as_suggested`: gold settled from work done with A then d on the screen). One count, one caution. A
    file says only what its records' `unchecked` says (its commands, or `as_suggested`, as the export read the
    database): when its work was made, against which suggestions, it does not say (a pipeline trained on it
    suggests it back)."""
    from annotator.store.as_suggested import as_suggested

    if reference.from_file:
        return set(reference.unchecked.union(reference.as_suggested).intersection(article_ids))
    unchanged = {article for article, _ in as_suggested(store, ((a, reference.name) for a in article_ids))}
    return unchanged.union(everyone_by_command(store, article_ids))


def choose_reference(store: Reader, gold_from: str | None, include_in_progress: bool = False) -> Reference:
    """`--gold-from`: an existing file, else an annotator of the database; gold by default."""
    if gold_from is None or gold_from == GOLD:
        return annotator_reference(store, GOLD, include_in_progress)
    if Path(gold_from).is_file():
        return file_reference(store, gold_from, include_in_progress)
    if gold_from in store.annotators():
        return annotator_reference(store, gold_from, include_in_progress)
    if Path(gold_from).exists():  # /dev/null, a folder, a FIFO: there, but no file to read ("no such file" was false)
        raise InputError(f"{kind_of(Path(gold_from).stat().st_mode)}, not a regular file", path=gold_from)
    if gold_from.endswith(".jsonl") or "/" in gold_from:
        raise InputError("no such file", path=gold_from)
    from annotator.store.new_names import unknown_name_line

    said = f"no annotator named {python_quoted(gold_from)} (in the database: {names(store)})"
    raise AnnotatorError(unknown_name_line(store, gold_from, "--gold-from") or said)


def names(store: Reader) -> str:
    return ", ".join(store.annotators()) or "none"


def way_on(store: Reader, reference: Reference, annotator: str | None, include_in_progress: bool) -> str:
    """What unblocks `evaluate` when the reference has no article (with a leading space, in brackets; or nothing):
    its work in progress marked done; with no gold, adjudicating when two annotators have done articles, or
    someone else's work as the reference (the scored `annotator` cannot be), done or, with nothing done yet,
    in progress; with nobody else's work, annotating or a file."""
    where = db_option(store.path)  # each command runs on the database evaluate read
    started = [status for _, status, _ in store.annotated_articles(reference.name) if status == Status.IN_PROGRESS]
    if started and not include_in_progress:
        screen = f"`annotator review{where}`" if reference.name == GOLD else f"`annotator{where}`"
        return f" ({len(started)} in progress: d in {screen} marks an article done; or add --include-in-progress)"
    if reference.name != GOLD:
        return ""
    finished = [name for name in store.finished_annotators() if name != GOLD]
    done = [name for name in finished if name != annotator]
    working = [name for name in store.annotators() if name not in (GOLD, annotator)]
    if len(finished) >= 2:
        return (
            f" (adjudicate first: `annotator adjudicate --auto{where}`, `annotator review{where}`; or `--gold-from NAME` "
            "scores "
            f"against one annotator's done articles: {', '.join(done)})"
        )
    adjudicating = "adjudicating needs two annotators' done articles"
    if done:
        return f" (`--gold-from {done[0]}` scores against {done[0]}'s done articles; {adjudicating})"
    if not working:
        if annotator is not None:
            return (
                f" (nobody but {annotator} has annotated: another annotator's done articles, `--gold-from NAME`, "
                "or a native JSONL file, `--gold-from FILE`, can be the reference)"
            )
        return (
            f" (nobody has annotated an article yet: annotate with `annotator{where}`, d marking each finished article "
            "done; or `--gold-from FILE` scores against a native JSONL file)"
        )
    who = working[0] if len(working) == 1 else "NAME"
    whose = f"{who}'s" if len(working) == 1 else f"one annotator's ({', '.join(working)})"
    if include_in_progress:
        return f" (`--gold-from {who}` scores against {whose} work; {adjudicating})"
    nobody = f"nobody but {annotator}" if annotator in finished else "nobody"
    return (
        f" ({nobody} has marked an article done yet: d in `annotator{where}` marks a finished one done, then "
        f"`--gold-from {who}` scores against {whose}; or `--gold-from {who} --include-in-progress` against work in "
        "progress)"
    )
