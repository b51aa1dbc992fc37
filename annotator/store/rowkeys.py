"""The row keys of an annotator's article list: which articles (by rowid) a filter shows, in their order.

The order: the annotator's assigned articles first (queue order), then the rest in ingest order (rowid). A
list of 100,000 articles is never held as 100,000 ints when it need not be: the rest is "every rowid from 1 to
the last, but these" (`Gaps`), so opening the list costs the annotator's assignments, a to-do filter their
statuses, and a title search the titles that match or the ones that do not, whichever are fewer. Rowids are
1..N with no gaps in a database made by ingest, import and merge (articles are never deleted); where some are
missing, the rest is read as an explicit list instead.

A title search of three characters or more asks the trigram index (`title_search`, schema 4): at 100,000
titles "storm" takes 0.7 ms of CPU, "ter" (in a quarter of the titles) 2.5 ms, against a scan of every title
(12 to 19 ms) for one or two characters or a file read as schema 3 left it. What a key changes is all a key recomputes: the exclusions of a status filter
are kept until `refresh()`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from typing import TYPE_CHECKING, overload

from annotator.vocabulary import Status

if TYPE_CHECKING:
    from annotator.store.listing import ListFilter
    from annotator.store.reads import Reader


#: Typing on narrows the earlier matches (instead of scanning every title) when they are at most this many.
NARROW = 5000
#: Titles sampled (the first ones) to guess whether most titles contain a needle.
SAMPLE = 2000


class Gaps(Sequence[int]):
    """The ints 1..top in order, without those in `excluded`; the k-th found by a bisection, not a scan."""

    def __init__(self, top: int, excluded: Iterable[int]) -> None:
        self.top = top
        self.excluded = sorted({x for x in excluded if 1 <= x <= top})
        # before[j]: how many kept ints come before excluded[j]
        self.before = [x - 1 - j for j, x in enumerate(self.excluded)]

    def __len__(self) -> int:
        return self.top - len(self.excluded)

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return index + 1 + bisect_right(self.before, index)

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, int) or not 1 <= value <= self.top:
            return False
        at = bisect_left(self.excluded, value)
        return at == len(self.excluded) or self.excluded[at] != value

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        if value not in self:
            raise ValueError(f"{value} is not shown")
        assert isinstance(value, int)
        return value - 1 - bisect_left(self.excluded, value)

    def __iter__(self) -> Iterator[int]:
        skip = set(self.excluded)
        return (x for x in range(1, self.top + 1) if x not in skip)


class Joined(Sequence[int]):
    """A short explicit list followed by a (possibly lazy) sequence: the assigned articles, then the rest."""

    def __init__(self, first: list[int], rest: Sequence[int]) -> None:
        self.first, self.rest = first, rest
        self._where = {key: i for i, key in enumerate(first)}

    def __len__(self) -> int:
        return len(self.first) + len(self.rest)

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if index < len(self.first):
            return self.first[index]
        return self.rest[index - len(self.first)]

    def __contains__(self, value: object) -> bool:
        return value in self._where or value in self.rest

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        if value in self._where:
            return self._where[value]
        return len(self.first) + self.rest.index(value)


class Matches:
    """What a title search found: the rowids, ascending, of the titles that contain the needle (`keep`) or of
    those that do not, whichever are fewer as a rule. A sorted list, not a set: filtered against a status
    filter's exclusions it stays in order (the set needed a sort of up to 50,000 rowids per key), a bisection
    answers the few lookups of the assigned articles, and a set is made only for a filter that looks up many."""

    def __init__(self, keep: bool, rowids: list[int]) -> None:
        self.keep, self.rowids = keep, rowids
        self._set: set[int] | None = None

    @classmethod
    def joined(cls, keep: bool, joined: str | None) -> Matches:
        """From SQL's group_concat of the rowids."""
        rowids = list(map(int, joined.split(","))) if joined else []
        rowids.sort()  # a pass over rowids already in order (the trigram index's)
        return cls(keep, rowids)

    def shows(self, rowid: int) -> bool:
        """Whether the title of this article matches (by a bisection: for a few lookups)."""
        at = bisect_left(self.rowids, rowid)
        return (at < len(self.rowids) and self.rowids[at] == rowid) == self.keep

    def members(self) -> set[int]:
        """The rowids as a set, for many lookups."""
        if self._set is None:
            self._set = set(self.rowids)
        return self._set

    def both(self, other: Matches) -> Matches:
        """The titles that this search and `other` both match: the matching rowids kept when either keeps them,
        else the rowids either leaves out."""
        if self.keep and other.keep:
            return Matches(True, [r for r in self.rowids if r in other.members()])
        if self.keep or other.keep:
            kept, left_out = (self, other) if self.keep else (other, self)
            return Matches(True, [r for r in kept.rowids if r not in left_out.members()])
        return Matches(False, sorted(self.members() | other.members()))


class ArticleKeys:
    """One annotator's list keys for any filter (see the module docstring). `refresh()` after the annotator
    changed something; `prefetch()` reads what a status filter needs ahead of time (in a worker)."""

    def __init__(self, reader: Reader, annotator: str) -> None:
        self.reader, self.annotator = reader, annotator
        self._shape: tuple[int, int] | None = None  # (count, last rowid)
        self._all: list[int] | None = None  # every rowid, only when some are missing
        self._assigned: list[tuple[int, str]] | None = None
        self._statuses: dict[int, str] | None = None
        self._titles: dict[str, Matches] = {}
        self._has_index: bool | None = None
        # per status filter (None: all), until refresh(): the rowids it leaves out of the rest, and the rest
        self._excluded: dict[Status | None, set[int]] = {}
        self._rests: dict[Status | None, Sequence[int]] = {}

    def refresh(self) -> None:
        self._assigned = self._statuses = None
        self._shape = None
        self._excluded, self._rests = {}, {}

    def _count(self) -> int:
        """How many articles there are."""
        if self._shape is None:
            self._rest(set())
        assert self._shape is not None
        return self._shape[0]

    def _rest(self, excluded: set[int]) -> Sequence[int]:
        """Every article's rowid in ingest order but the excluded ones."""
        if self._shape is None:
            count, top = self.reader.conn.execute("SELECT COUNT(*), COALESCE(MAX(rowid), 0) FROM articles").fetchone()
            if (count, top) != getattr(self, "_seen_shape", None):
                self._titles, self._all = {}, None
                self._seen_shape = (count, top)
            self._shape = (count, top)
        count, top = self._shape
        if count == top:
            return Gaps(top, excluded)
        if self._all is None:
            joined = self.reader.conn.execute("SELECT group_concat(rowid) FROM articles").fetchone()[0]
            self._all = sorted(map(int, joined.split(","))) if joined else []
        return [rowid for rowid in self._all if rowid not in excluded]

    def _assigned_rows(self) -> list[tuple[int, str]]:
        if self._assigned is None:
            sql = """SELECT a.rowid, COALESCE(n.status, 'todo') FROM assignments s JOIN articles a ON a.id = s.article_id
                     LEFT JOIN annotations n ON n.article_id = s.article_id AND n.annotator = s.annotator
                     WHERE s.annotator = ? ORDER BY s.position, a.rowid"""
            self._assigned = list(self.reader.conn.execute(sql, [self.annotator]))
        return self._assigned

    def _status_of(self) -> dict[int, str]:
        """rowid -> status, for the articles whose status is not to do."""
        if self._statuses is None:
            sql = """SELECT n.status, group_concat(a.rowid) FROM annotations n JOIN articles a ON a.id = n.article_id
                     WHERE n.annotator = ? AND n.status != 'todo' GROUP BY n.status"""
            found: dict[int, str] = {}
            for status, joined in self.reader.conn.execute(sql, [self.annotator]):
                found.update(zip(map(int, joined.split(",")), repeat(status)))
            self._statuses = found
        return self._statuses

    def prefetch(self) -> None:
        self._status_of()

    def _title(self, needle: str) -> Matches:
        """The titles that contain every word of `needle` (white space between them), in any order, or those that do
        not (`Matches`): a search of several words narrows the list as a filter box does (t5: "poland fire" found
        no title, as a phrase, where "Escape room fire kills five teen girls in Koszalin, Poland" was meant)."""
        words = needle.split()
        if len(words) < 2:
            return self._word(needle)
        if needle not in self._titles:
            found = self._word(words[0])
            for word in words[1:]:
                found = found.both(self._word(word))
            self._titles[needle] = found
        return self._titles[needle]

    def _word(self, needle: str) -> Matches:
        """The titles that contain `needle`, or those that do not (`Matches`). Three characters or more:
        through the trigram index (`title_search`), where the database has it; shorter needles, and a file read
        as an older release left it, read the titles."""
        if needle not in self._titles:
            if len(needle) >= 3 and self._indexed():
                self._titles[needle] = self._title_indexed(needle)
            else:
                self._titles[needle] = self._title_scanned(needle)
        return self._titles[needle]

    def _indexed(self) -> bool:
        if self._has_index is None:
            sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'title_search'"
            self._has_index = self.reader.conn.execute(sql).fetchone() is not None
        return self._has_index

    def _title_indexed(self, needle: str) -> Matches:
        """The trigram index's matches (any letter's case folded), counted first: when they are most titles, the
        others are read instead."""
        phrase = '"' + needle.replace('"', '""') + '"'
        matching = "SELECT rowid FROM title_search WHERE title_search MATCH ?"
        count = self.reader.conn.execute(f"SELECT COUNT(*) FROM ({matching})", [phrase]).fetchone()[0]
        keep = count * 2 <= self._count()
        if keep:
            sql = f"SELECT group_concat(rowid) FROM ({matching} ORDER BY rowid)"
        else:
            sql = f"""SELECT group_concat(rowid) FROM (SELECT rowid FROM articles INDEXED BY articles_by_title
                      WHERE rowid NOT IN ({matching}) ORDER BY rowid)"""
        return Matches.joined(keep, self.reader.conn.execute(sql, [phrase]).fetchone()[0])

    def _title_scanned(self, needle: str) -> Matches:
        """One scan of the title index (LIKE: ASCII letters' case folded; % and _ taken literally) reads the
        matching titles' rowids, or the others' when the first titles say most will match (a needle of a
        letter or two). Typing on (a needle containing an earlier one) narrows the earlier matches when they
        were few, without a scan."""
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        like = "title LIKE ? ESCAPE '\\'"
        earlier = [
            found.rowids
            for before, found in self._titles.items()
            if found.keep and before in needle and len(found.rowids) <= NARROW
        ]
        if earlier:
            candidates = min(earlier, key=len)
            narrowed: list[int] = []
            for start in range(0, len(candidates), 500):
                part = candidates[start : start + 500]
                sql = f"SELECT rowid FROM articles WHERE rowid IN ({','.join('?' * len(part))}) AND {like}"
                narrowed.extend(row[0] for row in self.reader.conn.execute(sql, [*part, pattern]))
            narrowed.sort()
            return Matches(True, narrowed)
        sample = self.reader.conn.execute(
            f"SELECT COUNT(*), COALESCE(SUM({like}), 0) FROM (SELECT title FROM articles LIMIT {SAMPLE})", [pattern]
        ).fetchone()
        keep = sample[1] * 2 <= sample[0]
        # in title order: sorting 50,000 rowids in Python took a third of SQL's ORDER BY
        sql = f"""SELECT group_concat(rowid) FROM articles INDEXED BY articles_by_title
                  WHERE {"" if keep else "NOT "}{like}"""
        return Matches.joined(keep, self.reader.conn.execute(sql, [pattern]).fetchone()[0])

    def keys(self, wanted: ListFilter) -> Sequence[int]:
        assigned = self._assigned_rows()
        title = self._title(wanted.title) if wanted.title else None

        def titled(rowid: int) -> bool:
            return title is None or title.shows(rowid)

        first = [
            rowid
            for rowid, status in assigned
            if (wanted.status is None or status == wanted.status.value) and titled(rowid)
        ]
        if wanted.assigned_only:
            return first
        if wanted.status not in (None, Status.TODO):
            assert wanted.status is not None
            value, mine = wanted.status.value, self._excluded_by(None)
            members, keep = (title.members(), title.keep) if title is not None else (set(), False)
            found = sorted(
                r for r, s in self._status_of().items() if s == value and r not in mine and (r in members) == keep
            )
            return Joined(first, found)
        excluded = self._excluded_by(wanted.status)
        if title is None:
            if wanted.status not in self._rests:
                self._rests[wanted.status] = self._rest(excluded)
            return Joined(first, self._rests[wanted.status])
        if title.keep:  # few titles match: an explicit list
            return Joined(first, [r for r in title.rowids if r not in excluded])
        return Joined(first, self._rest(excluded.union(title.rowids)))

    def _excluded_by(self, status: Status | None) -> set[int]:
        """What the rest leaves out under this status filter (all, or to do): the assigned articles, and for
        to do those with another status. Kept until refresh(), so a key that changes only the title search
        does not gather them again."""
        if status not in self._excluded:
            excluded = {rowid for rowid, _ in self._assigned_rows()}
            if status is Status.TODO:
                excluded.update(self._status_of())
            self._excluded[status] = excluded
        return self._excluded[status]
