"""The article list and the order an annotator goes through articles, as SQL that reads only what is shown.

An annotator's order: their assigned articles first (in queue order), then every other article in ingest
order. The list screen asks for the row keys of a filter (`annotator.store.rowkeys`: a sequence of rowids that
is mostly computed, not stored) and the rows it draws page by page (`rows`); counts come from SQL too
(`counts`). Nothing here holds the texts. With 100,000 articles a title search reads an index, never the
articles' pages: the trigram index `title_search` for three characters or more, else `articles_by_title`, which
covers the title; the statuses come through `annotations_by_annotator`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.rows import ArticleSummary
from annotator.store.current import pending_ids
from annotator.store.reads import Reader
from annotator.vocabulary import GOLD, Status

TO_DO = (Status.TODO.value, Status.IN_PROGRESS.value)


@dataclass(frozen=True)
class ListFilter:
    """Which articles the list shows: one status (None: all) and pieces of the title, case-insensitive (for every
    letter from three characters on, through the trigram index; for ASCII letters below, as LIKE): the words of
    `title` (white space between them), every one in the title, in any order."""

    status: Status | None = None
    title: str = ""
    assigned_only: bool = False


@dataclass(frozen=True)
class Counts:
    """The annotator's progress over all articles, or over their assigned ones when they have any."""

    total: int
    by_status: dict[Status, int]
    assigned: int

    @property
    def done(self) -> int:
        return self.by_status.get(Status.DONE, 0)


def counts(reader: Reader, annotator: str) -> Counts:
    """Articles by this annotator's status: over their assigned articles if they have any, else over all."""
    assigned = reader.conn.execute("SELECT COUNT(*) FROM assignments WHERE annotator = ?", [annotator]).fetchone()[0]
    if assigned:
        sql = """SELECT COALESCE(n.status, 'todo'), COUNT(*) FROM assignments s LEFT JOIN annotations n
                 ON n.article_id = s.article_id AND n.annotator = s.annotator WHERE s.annotator = ? GROUP BY 1"""
        found = {Status(status): count for status, count in reader.conn.execute(sql, [annotator])}
        return Counts(assigned, found, assigned)
    total = reader.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    sql = "SELECT status, COUNT(*) FROM annotations WHERE annotator = ? AND status != 'todo' GROUP BY status"
    found = {Status(status): count for status, count in reader.conn.execute(sql, [annotator])}
    found[Status.TODO] = total - sum(found.values())
    return Counts(total, found, 0)


def row_keys(reader: Reader, annotator: str, wanted: ListFilter) -> Sequence[int]:
    """The rowids of the articles the list shows, in the annotator's order (`annotator.store.rowkeys`)."""
    from annotator.store.rowkeys import ArticleKeys

    return ArticleKeys(reader, annotator).keys(wanted)


def row_keys_among(reader: Reader, annotator: str, ids: Sequence[str], wanted: ListFilter) -> list[int]:
    """The rowids of these articles (the review's, a few thousand at most) the filter lets through, in this order."""
    order = {article_id: i for i, article_id in enumerate(ids)}
    title = wanted.title.casefold()
    found = []
    for start in range(0, len(ids), 500):
        part = list(ids[start : start + 500])
        sql = f"""SELECT a.id, a.rowid, a.title, COALESCE(n.status, 'todo') FROM articles a
                  LEFT JOIN annotations n ON n.article_id = a.id AND n.annotator = ?
                  WHERE a.id IN ({",".join("?" * len(part))})"""
        for article_id, rowid, article_title, status in reader.conn.execute(sql, [annotator, *part]):
            if _wanted(article_title, status, wanted, title):
                found.append((order[article_id], rowid))
    return [rowid for _, rowid in sorted(found)]


def counts_among(reader: Reader, annotator: str, ids: Sequence[str]) -> Counts:
    """This annotator's statuses over these articles."""
    found: dict[Status, int] = {}
    for start in range(0, len(ids), 500):
        part = list(ids[start : start + 500])
        sql = f"""SELECT status FROM annotations WHERE annotator = ? AND article_id IN ({",".join("?" * len(part))})"""
        for (status,) in reader.conn.execute(sql, [annotator, *part]):
            found[Status(status)] = found.get(Status(status), 0) + 1
    found[Status.TODO] = len(ids) - sum(n for status, n in found.items() if status is not Status.TODO)
    return Counts(len(ids), found, 0)


def _wanted(title: str, status: str, wanted: ListFilter, needle: str) -> bool:
    folded = title.casefold()
    return (wanted.status is None or status == wanted.status.value) and all(word in folded for word in needle.split())


def rows(reader: Reader, annotator: str, rowids: Sequence[int]) -> dict[int, ArticleSummary]:
    """The list's rows for these articles (a page of them), by row key; whether each is assigned to others only, by
    `assignments.team_of`'s rule (gold is nobody's to be assigned)."""
    if not rowids:
        return {}
    marks = ",".join(f":r{i}" for i in range(len(rowids)))
    sql = f"""
        SELECT a.rowid, a.id, a.title, a.chars, COALESCE(n.status, 'todo'),
            (SELECT COUNT(*) FROM spans s WHERE s.article_id = a.id AND s.annotator = :who),
            n.flag_reason, (SELECT COUNT(*) FROM comments m WHERE m.article_id = a.id),
            EXISTS (SELECT 1 FROM assignments s WHERE s.article_id = a.id) AND NOT EXISTS (
                SELECT 1 FROM assignments s WHERE s.article_id = a.id AND s.annotator = :who)
        FROM articles a LEFT JOIN annotations n ON n.article_id = a.id AND n.annotator = :who
        WHERE a.rowid IN ({marks})"""
    params = {"who": annotator, **{f"r{i}": rowid for i, rowid in enumerate(rowids)}}
    return {
        row[0]: ArticleSummary(
            row[1],
            row[2],
            row[3],
            Status(row[4]),
            row[5],
            _pending(reader, row[1], annotator),
            row[6],
            row[7],
            bool(row[8]) and annotator != GOLD,
        )
        for row in reader.conn.execute(sql, params)
    }


def _pending(reader: Reader, article_id: str, annotator: str) -> int:
    """What the annotate screen's header counts as pending (`store.current.is_pending`), so the list and the
    screen agree."""
    return len(pending_ids(reader.conn, article_id, annotator))


def rowid_of(reader: Reader, article_id: str) -> int | None:
    row = reader.conn.execute("SELECT rowid FROM articles WHERE id = ?", [article_id]).fetchone()
    return row[0] if row else None


# -- going through articles ------------------------------------------------------------------------------------


def first_article(reader: Reader, annotator: str) -> str | None:
    """Where an annotator starts: the article they had open last, else the one they last worked on that is still
    in progress (begun by a command, which opens no screen), else their first assigned article still to do, else
    the first article."""
    found = reader.last_opened(annotator)
    if found is None:
        row = reader.conn.execute(
            "SELECT article_id FROM annotations WHERE annotator = ? AND status = ? ORDER BY updated_at DESC LIMIT 1",
            [annotator, Status.IN_PROGRESS.value],
        ).fetchone()
        found = row[0] if row else None
    if found is None:
        found = next_article(reader, annotator, None, 1, to_do=True)
    if found is None:
        row = reader.conn.execute("SELECT id FROM articles ORDER BY rowid LIMIT 1").fetchone()
        found = row[0] if row else None
    return found


def next_article(reader: Reader, annotator: str, article_id: str | None, step: int, to_do: bool = False) -> str | None:
    """The article after (step 1) or before (-1) this one in the annotator's order, wrapping around; with
    `to_do`, the next one still to annotate (to do or in progress) among the assigned ones first, then among
    those nobody is assigned: an article assigned to others is theirs, and work on it is left out of agreement,
    adjudicate and review (`assignments.team_of`; a team trial's `d` opened a colleague's). None when there is none."""
    here = _place(reader, annotator, article_id)
    if not to_do:
        return _step(reader, annotator, here, step, ())
    assigned_place = here if here is not None and here[0] == 0 else None
    found = _within(reader, annotator, 0, assigned_place, step, TO_DO)
    if found is None:
        found = _within(reader, annotator, 2, here if here is not None and here[0] == 1 else None, step, TO_DO)
    return found


def none_left(reader: Reader, annotator: str) -> str:
    """What the list says when no article is left to do (`next_article`), naming those it passed over: the
    articles assigned to others only that this annotator has not finished."""
    others = reader.conn.execute(
        """SELECT COUNT(DISTINCT s.article_id) FROM assignments s WHERE NOT EXISTS (
               SELECT 1 FROM assignments m WHERE m.article_id = s.article_id AND m.annotator = :who)
           AND COALESCE((SELECT n.status FROM annotations n WHERE n.article_id = s.article_id AND n.annotator = :who),
               'todo') IN ('todo', 'in_progress')""",
        {"who": annotator},
    ).fetchone()[0]
    also = f" but {others} assigned to others (work there is not compared)" if others else ""
    return f"No article is left to do{also}"


def place(reader: Reader, annotator: str, article_id: str) -> tuple[int, int, bool, bool] | None:
    """Where an article stands for this annotator: (its number from 1, out of how many, whether among their
    assigned articles, whether assigned to others only). An assigned article counts among the annotator's
    assigned ones, in queue order; any other among all articles, in ingest order (counted on the title index,
    which is far smaller than the articles)."""
    here = _place(reader, annotator, article_id)
    if here is None:
        return None
    if here[0] == 0:
        number = reader.conn.execute(
            """SELECT COUNT(*) FROM assignments s JOIN articles a ON a.id = s.article_id
               WHERE s.annotator = ? AND (s.position, a.rowid) <= (?, ?)""",
            [annotator, here[1], here[2]],
        ).fetchone()[0]
        total = reader.conn.execute("SELECT COUNT(*) FROM assignments WHERE annotator = ?", [annotator]).fetchone()[0]
        return number, total, True, False
    number = reader.conn.execute(
        "SELECT COUNT(*) FROM articles INDEXED BY articles_by_title WHERE rowid <= ?", [here[2]]
    ).fetchone()[0]
    total = reader.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    others = reader.conn.execute("SELECT 1 FROM assignments WHERE article_id = ? LIMIT 1", [article_id]).fetchone()
    return number, total, False, others is not None


Place = tuple[int, int, int]  # (0 assigned / 1 not, position, rowid)


def _place(reader: Reader, annotator: str, article_id: str | None) -> Place | None:
    if article_id is None:
        return None
    row = reader.conn.execute(
        """SELECT a.rowid, s.position FROM articles a LEFT JOIN assignments s
           ON s.article_id = a.id AND s.annotator = ? WHERE a.id = ?""",
        [annotator, article_id],
    ).fetchone()
    if row is None:
        return None
    rowid, position = row
    return (0, position, rowid) if position is not None else (1, 0, rowid)


def _query(part: int, step: int, after: Place | None, statuses: Sequence[str]) -> tuple[str, list[object]]:
    """SQL for the first article of one part of the order (0 assigned, 1 the rest, 2 the rest that nobody is
    assigned) after or before `after`."""
    direction = "ASC" if step > 0 else "DESC"
    compare = ">" if step > 0 else "<"
    status = ""
    params: list[object] = []
    if statuses:
        status = (
            " AND COALESCE((SELECT n.status FROM annotations n WHERE n.article_id = a.id AND n.annotator = :who),"
            f" 'todo') IN ({','.join(repr(s) for s in statuses)})"
        )
    if part == 0:
        where = f" AND (s.position, a.rowid) {compare} (:position, :rowid)" if after is not None else ""
        sql = f"""SELECT a.id FROM assignments s JOIN articles a ON a.id = s.article_id
                  WHERE s.annotator = :who{where}{status} ORDER BY s.position {direction}, a.rowid {direction} LIMIT 1"""
    else:
        where = f" AND a.rowid {compare} :rowid" if after is not None else ""
        whose = "" if part == 2 else " AND s.annotator = :who"
        sql = f"""SELECT a.id FROM articles a WHERE NOT EXISTS (
                      SELECT 1 FROM assignments s WHERE s.article_id = a.id{whose}){where}{status}
                  ORDER BY a.rowid {direction} LIMIT 1"""
    return sql, params


def _first(
    reader: Reader, annotator: str, part: int, step: int, after: Place | None, statuses: Sequence[str]
) -> str | None:
    sql, _ = _query(part, step, after, statuses)
    params = {"who": annotator, "position": after[1] if after else 0, "rowid": after[2] if after else 0}
    row = reader.conn.execute(sql, params).fetchone()
    return row[0] if row else None


def _within(
    reader: Reader, annotator: str, part: int, here: Place | None, step: int, statuses: Sequence[str]
) -> str | None:
    """The next article of one part after `here` (in that part), wrapping within the part."""
    found = _first(reader, annotator, part, step, here, statuses) if here is not None else None
    return found or _first(reader, annotator, part, step, None, statuses)


def _step(reader: Reader, annotator: str, here: Place | None, step: int, statuses: Sequence[str]) -> str | None:
    """One step through the whole order (assigned, then the rest), wrapping at either end."""
    parts = (0, 1) if step > 0 else (1, 0)
    if here is not None:
        found = _first(reader, annotator, here[0], step, here, statuses)
        if found is not None:
            return found
        later = parts[parts.index(here[0]) + 1 :]
    else:
        later = parts
    for part in later:
        found = _first(reader, annotator, part, step, None, statuses)
        if found is not None:
            return found
    for part in parts:  # wrap around
        found = _first(reader, annotator, part, step, None, statuses)
        if found is not None:
            return found
    return None
