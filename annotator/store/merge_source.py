"""The other file of a merge (`annotator.store.merge`): another annotator database, opened read-only and never
changed, and an annotator's work on an article in a form that compares across the two files.

Rows are compared by content, not ids (ids differ between files): suggestions by (offsets, label, suggester,
speaker), spans by (offsets, label, text, speaker).
"""

from __future__ import annotations

import shlex
import sqlite3
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError, found
from annotator.literal import literal, quoted
from annotator.store.connection import SPAN_SELECT, Row, db_option, rows_of
from annotator.store.content import content_problems, moment_problems
from annotator.store.names import length_problem, name_problems, renamed_away, stored_names
from annotator.store.new_names import EnteringNames
from annotator.store.opening import DatabaseError, open_database
from annotator.store.reads import Reader, edited
from annotator.store.schema import READABLE_AS_IS, SCHEMA_VERSION
from annotator.store.unlocked import Unlocked, written_under
from annotator.store.verify import merged_replay_problems, schema_problems_of
from annotator.vocabulary import MODEL_PREFIX

#: An annotator's work on an article, comparable across databases: (status, spans, decisions by content, the
#: reason of a flag: a flag given again with a new reason is new work, trial 30).
Work = tuple[str, frozenset[tuple[Any, ...]], frozenset[tuple[Any, ...]], str | None]
SUGGESTION_KEY = ("start", "end", "label", "suggester", "speaker_start", "speaker_end")
SPAN_KEY = ("start", "end", "label", "text", "speaker_start", "speaker_end")


def work(connection: sqlite3.Connection, article_id: str, annotator: str) -> Work:
    """An annotator's work on an article, comparable across databases (`Work`)."""
    status = connection.execute(
        "SELECT status, flag_reason FROM annotations WHERE article_id = ? AND annotator = ?", [article_id, annotator]
    ).fetchone()
    span_columns = ", ".join(f'"{k}"' for k in SPAN_KEY)
    spans = frozenset(
        connection.execute(
            f"SELECT {span_columns} FROM spans WHERE article_id = ? AND annotator = ?", [article_id, annotator]
        )
    )
    key_columns = ", ".join(f'g."{k}"' for k in SUGGESTION_KEY)
    decisions = frozenset(
        connection.execute(
            f"SELECT {key_columns}, d.decision FROM decisions d JOIN suggestions g ON g.id = d.suggestion_id "
            "WHERE d.article_id = ? AND d.annotator = ?",
            [article_id, annotator],
        )
    )
    return (status[0] if status else "todo"), spans, decisions, (status[1] if status else None)


def empty(found: Work) -> bool:
    """Nothing done: to do, no span, no decision (an article only opened)."""
    return found[0] == "todo" and not found[1] and not found[2]


class MergeSource:
    """Another annotator database, read-only."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        # Examined like every database before it is read (ours, sound, this schema), read-only, path quoted.
        self.connection = open_database(self.path, read_only=True, create=False)
        self.connection.execute("BEGIN")  # one state of the file for every read below, whatever is committed meanwhile
        version = self.connection.execute("PRAGMA user_version").fetchone()[0]
        if not READABLE_AS_IS <= version <= SCHEMA_VERSION:
            self.connection.close()
            raise DatabaseError(f"{path}: not an annotator database of schema {SCHEMA_VERSION} (found {version})")
        changed = schema_problems_of(self.connection, self.path)  # trial 28: a renamed column went through
        if changed:
            self.connection.close()
            raise AnnotatorError(f"{path}: {changed[0]}; nothing was merged")
        problems = name_problems(self.connection)
        if problems:  # an id or name no file could give: shown, stored and exported, it would act on terminals
            self.connection.close()
            raise AnnotatorError(f"{path}: table {problems[0][0]!r}: {problems[0][1]}; nothing was merged")
        stored = content_problems(self.connection) or moment_problems(self.connection)
        if stored:  # trial 30: tokens at -4, a suggestion at 0:5000, text that is not UTF-8 crashed commands later
            self.connection.close()
            raise AnnotatorError(f"{path}: {stored[0]}; nothing was merged")
        unexplained = merged_replay_problems(Reader(self.connection, self.path, read_only=True))
        if unexplained:  # trial 30: tables its event log does not explain made the target fail `check` too
            self.connection.close()
            raise AnnotatorError(
                f"{path}: {unexplained[0]}; nothing was merged (annotator check --db {path} lists every problem)"
            )

    def check_names(self, entering: EnteringNames) -> None:
        """Refuses a name of this file's that looks like one of the target's (or an earlier source's) it is not
        (`new_names.entering_problem`): "аlісе" in Cyrillic letters would be a second annotator beside alice."""
        away = renamed_away(self.connection)  # history only: no name of anyone's, compared with none
        for table, name, article_id, _ in stored_names(self.connection):
            problem = None if name in away else entering.problem(name)
            if problem:
                shorter = (  # a name too long to enter here: renamed there first
                    f" (`annotator rename-annotator {shlex.quote(name)} NEW{db_option(self.path)}` gives it a shorter name there)"
                    if problem == length_problem(name)
                    else ""
                )
                raise AnnotatorError(
                    f"{self.path}: table {table!r}: article {found(article_id)}: {problem}; nothing was merged{shorter}"
                )

    def close(self) -> None:
        self.connection.close()

    def check_unchanged(self) -> None:
        """A source nobody had open is read without locks (`Unlocked`): if another process wrote its file while it
        was read, what was read may be torn, and nothing of it may be merged."""
        if isinstance(self.connection, Unlocked) and self.connection.changed():
            raise AnnotatorError(written_under(self.path, "nothing was merged"))

    def __enter__(self) -> MergeSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def articles(self) -> list[Row]:
        return list(rows_of(self.connection, "SELECT * FROM articles ORDER BY rowid"))

    def as_suggested(self, article_id: str, annotator: str) -> bool:
        """Whether an annotator's work here is the model's suggestions unchanged (`store.as_suggested`): a merge
        that takes it over ours says so, as an import of its native record does."""
        from annotator.store.as_suggested import as_suggested

        reader = Reader(self.connection, self.path, read_only=True)
        return bool(as_suggested(reader, [(article_id, annotator)]))

    def suggestions(self, article_id: str) -> list[Row]:
        return list(
            rows_of(self.connection, "SELECT * FROM suggestions WHERE article_id = ? ORDER BY id", [article_id])
        )

    def annotations(self) -> list[Row]:
        """Everyone's annotations, article by article; a model's name (an earlier release's import of
        `export --suggestions`) is nobody's, and its rows stay behind."""
        sql = """SELECT n.* FROM annotations n JOIN articles a ON a.id = n.article_id WHERE substr(n.annotator, 1, ?) != ?
                 ORDER BY a.rowid, n.annotator"""
        return list(rows_of(self.connection, sql, [len(MODEL_PREFIX), MODEL_PREFIX]))

    def spans(self, article_id: str, annotator: str) -> list[Row]:
        """Span rows as events hold them (`SPAN_COLUMNS`): a `merge` event stores them as they are."""
        sql = f"{SPAN_SELECT} WHERE article_id = ? AND annotator = ? ORDER BY id"
        return list(rows_of(self.connection, sql, [article_id, annotator]))

    def decisions(self, article_id: str, annotator: str) -> list[Row]:
        sql = "SELECT suggestion_id, decision FROM decisions WHERE article_id = ? AND annotator = ?"
        return list(rows_of(self.connection, sql, [article_id, annotator]))

    def comments(self) -> list[Row]:
        return list(rows_of(self.connection, "SELECT article_id, annotator, text, at FROM comments ORDER BY id"))

    def edited(self, article_id: str, annotator: str) -> bool:
        """Whether the annotator ever edited the article in that file (`Reader.edited`)."""
        return edited(self.connection, article_id, annotator)

    def events(self, article_id: str, annotator: str) -> list[Row]:
        sql = "SELECT * FROM events WHERE article_id = ? AND annotator = ? ORDER BY id"
        return list(rows_of(self.connection, sql, [article_id, annotator]))

    def assignments(self) -> list[Row]:
        return list(rows_of(self.connection, "SELECT * FROM assignments ORDER BY rowid"))


def only_decisions_missing(mine: Work, theirs: Work) -> bool:
    """Their work is ours less some decisions on suggestions (same status, flag reason and spans): what a file
    in a format without suggestions (Label Studio, doccano ...) brings back of ours. Nothing of theirs is lost
    by keeping ours, so it is no conflict."""
    return mine[0] == theirs[0] and mine[3] == theirs[3] and mine[1] == theirs[1] and theirs[2] < mine[2]


def differences(mine: Work, theirs: Work) -> str:
    """What differs between our work and theirs, in a few words: "status: done here, in_progress there; spans:
    2 only here, 1 only there; speaker of 1 quote(s); decisions on 3 suggestion(s)"; where one side holds nothing
    (`empty`), "nothing here; there: done, 2 span(s) (...), decisions on 3 suggestion(s)" (re-trial s59 t20 F4: "status:
    todo here" was said of a name with no row here at all)."""
    for side, other, empty_one, held in (("here", "there", mine, theirs), ("there", "here", theirs, mine)):
        if empty(empty_one) and not empty(held):
            return f"nothing {side}; {other}: {_holding(held)}"
    said = []
    if mine[0] != theirs[0]:
        said.append(f"status: {mine[0]} here, {theirs[0]} there")
    if mine[3] != theirs[3] and mine[0] == theirs[0]:
        said.append("flag reason")
    said += span_differences(mine[1], theirs[1])
    if mine[2] != theirs[2]:
        decided = {key[:-1] for key in mine[2] ^ theirs[2]}  # a suggestion decided on one side, or each otherwise
        said.append(f"decisions on {len(decided)} suggestion(s)")
    return "; ".join(said)


def _holding(found: Work) -> str:
    """What one side's work holds, in a few words: "done, 2 span(s) (ACTOR 'Ann', ...), decisions on 3 suggestion(s)"."""
    said = [found[0] + (f" ({quoted(literal(found[3]))})" if found[3] else "")]
    if found[1]:
        said.append(f"{len(found[1])} span(s){_named(list(found[1]))}")
    if found[2]:
        said.append(f"decisions on {len({key[:-1] for key in found[2]})} suggestion(s)")
    return ", ".join(said)


def span_differences(
    mine: frozenset[tuple[Any, ...]], theirs: frozenset[tuple[Any, ...]], there: str = "there"
) -> list[str]:
    """How two sets of spans differ, in words ("spans: 2 only here, 1 only there", "speaker of 1 quote(s)"): a
    span is its first four fields (offsets, label, text), the rest its speaker, so a quote whose speaker alone
    differs is counted as that. `there`: how the other side is named (merge's other file, an import's file)."""
    speakers_only = {span[:4] for span in mine - theirs} & {span[:4] for span in theirs - mine}
    here = [span for span in mine - theirs if span[:4] not in speakers_only]
    elsewhere = [span for span in theirs - mine if span[:4] not in speakers_only]
    said = []
    if here or elsewhere:
        sides = [f"{len(here)} only here{_named(here)}" if here else "",
                 f"{len(elsewhere)} only {there}{_named(elsewhere)}" if elsewhere else ""]  # fmt: skip
        said.append(f"spans: {', '.join(side for side in sides if side)}")
    if speakers_only:
        said.append(f"speaker of {len(speakers_only)} quote(s)")
    return said


def _named(spans: list[tuple[Any, ...]], shown: int = 2) -> str:
    """The first spans in text order by label and words, literally ("(LOCATION 'Gaza', ACTOR 'Ann' ...)"): a
    trial's conflict line counted a relabelled span without saying which one."""
    first = sorted(spans, key=lambda span: (span[0], span[1]))[:shown]
    words = ", ".join(f"{span[2]} {quoted(literal(str(span[3])))}" for span in first)
    return f" ({words}{' ...' if len(spans) > shown else ''})"
