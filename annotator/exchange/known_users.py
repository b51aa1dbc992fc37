"""Who a Label Studio user is here: the name an earlier import stored them under, read from the annotation ids
each article keeps per annotator (`kept_ids`). A file names a user by id, an email or `--user-map`; the database
may already know that server user by another name (re-trial s52 t6 F7-v2-a: a first import with `--user-map
11=ana`, then a later export without it, stored everyone's work again under `labelstudio-user-11`, the same
annotation id kept for two names and their agreement counted twice). Annotation ids are the server's, one per
annotation: the id of an annotation user 11 made (`completed_by`, not changed since by another user; on a task
not of our export, whose server copy its importer made), kept on that article for 'ana', says that user 11 is ana.
The ids are taken to be of one server, as `kept_ids` keeps them; a name of the import's own for another id
keeping one says they are not.

- A user the file knows only by id or by an email goes under the database's name for them, said in one note line.
- A `--user-map` name other than the database's, one user stored under two names, or two users who would go under
  one name is refused in one line naming the file, the user(s) and both names, before anything is written: one
  user is one annotator, and the database cannot tell which of two names the work goes under."""

from __future__ import annotations

import dataclasses
import shlex
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.errors import InputError
from annotator.exchange.formats.common import ImportedRecord
from annotator.exchange.formats.labelstudio_ids import ANNOTATION_IDS
from annotator.exchange.formats.labelstudio_users import SYNTHETIC
from annotator.literal import quoted
from annotator.models import ArticleIn
from annotator.store import Store
from annotator.store.names import stored_names

if TYPE_CHECKING:
    from annotator.exchange.formats.common import Read
    from annotator.exchange.importing import Entering

NOTHING = "(nothing was imported)"


@dataclass(frozen=True)
class Kept:
    """An annotation of the file's user that an article here keeps for `name`."""

    name: str
    annotation: int | str
    article: str

    def said(self, whose: str = "their ") -> str:
        return f"{whose}annotation {self.annotation} on article {quoted(self.article)}"


def as_stored(
    store: Store, items: Sequence[Read | Entering], user_map: Mapping[int, str], path: Path
) -> tuple[list[Read | Entering], list[str]]:
    """The records of a Label Studio file with each user it knows only by id under the name the database keeps
    their annotation ids for, and the note saying so (none, or one line); an error where the database and the file (its --user-map)
    name one user twice, or two users once."""
    numbers = {name: number for number, name in user_map.items()}
    kept = _kept(store, items)
    renamed: dict[int, Kept] = {}
    as_given: dict[str, str] = {}  # the file's name for a user -> the database's
    for number, names in sorted(kept.items()):
        given = user_map.get(number) or _given(items, number)
        if given is None:
            continue
        if len(names) > 1:
            first, second = sorted(names.values(), key=lambda one: one.name)[:2]
            way_out = _renaming(first.name, second.name)
            raise InputError(
                f"Label Studio user {number} is stored here under two names: {quoted(first.name)} ({first.said()}) "
                f"and {quoted(second.name)} ({second.said()}); one user is one annotator, and which name their work "
                f"goes under this database cannot tell {NOTHING}; keep one with `{way_out}`",
                path=str(path),
                advised=way_out,
            )
        [(name, one)] = names.items()
        if name == given:
            continue
        if number in user_map:
            raise InputError(
                f"--user-map {number}={given} names Label Studio user {number} otherwise than this database does: it "
                f"keeps {one.said()} for {quoted(name)}; one user is one annotator: {_as_stored(number, name)} "
                f"{NOTHING}",
                path=str(path),
            )
        renamed[number] = one
        as_given[given] = one.name
    _one_name_each(renamed, _users(items, numbers), user_map, path)
    _refuse_unnamed_beside_named(store, items, {*_users(items, numbers), *as_given.values()})
    if not renamed:
        return list(items), []
    records = [
        dataclasses.replace(item, record=item.record.model_copy(update={"annotator": as_given[item.record.annotator]}))
        if isinstance(item, ImportedRecord) and item.record.annotator in as_given
        else item
        for item in items
    ]
    said = [f"user {number} as {quoted(one.name)}" for number, one in sorted(renamed.items())]
    those = "those names" if len(renamed) > 1 else "that name"
    return records, [
        f"Label Studio {said[0].replace(' as ', ' is stored here as ', 1)}{''.join(f', {one}' for one in said[1:])} "
        f"(the {those.split()[1]} an earlier import gave them: the annotation ids of {path} kept here for {those} are "
        f"theirs): their work is imported under {those}"
    ]


def _refuse_unnamed_beside_named(store: Store, items: Sequence[Read | Entering], named: Collection[str]) -> None:
    """R10: a user the file knows only by id, new to the database (`labelstudio-user-N`, no work here), whose work
    would go on an article that keeps a Label Studio annotation id for a name of someone's (an earlier import's
    `--user-map N=ana`, or an email) whom none of the file's users is: the database cannot tell whether user N is
    that person (a skip imported with `--user-map 1=ana`, then user 1's answer to another copy of the text without
    it, sharing no annotation id with it, went in silently under `labelstudio-user-1` beside ana). Refused in one
    line naming the file, the user, the article and the name, asking for --user-map, before anything is written.
    `named`: the names the file's work goes under (its users' own, and those the database knows them by)."""
    working = set(store.annotators())
    known = {name for _, name, _, _ in stored_names(store.conn)}  # a name renamed away too: the rename says who
    metas: dict[str, object] = {}
    for item in items:
        if not isinstance(item, ImportedRecord) or item.user is None:
            continue
        record = item.record
        if record.annotator != f"{SYNTHETIC}{item.user}" or record.annotator in known:
            continue
        if (existing := store.has_article(ArticleIn(id=record.article_id, text=record.text))) is None:
            continue
        if existing not in metas:
            metas[existing] = store.article(existing).meta.get(ANNOTATION_IDS)
        ids = metas[existing]
        for name, annotation in sorted(ids.items()) if isinstance(ids, dict) else ():
            if name.startswith(SYNTHETIC) or name in named or name not in working:
                continue
            raise item.where.error(
                f"Label Studio user {item.user} is known here only by id, and article {quoted(existing)} keeps "
                f"Label Studio annotation {annotation} of {quoted(name)}, whom no user of this file is: this database "
                f"cannot tell whether user {item.user} is {quoted(name)}; give --user-map {item.user}="
                f"{shlex.quote(name)} if so, else --user-map {item.user}=NAME {NOTHING}",
                item.annotator_field,
            )


def _renaming(first: str, second: str) -> str:
    """The command that keeps one of a user's two names (`annotator rename-annotator`): the name the import gave a
    user known only by id moves to the other, a name someone chose; of two such, the second to the first."""
    old, new = (first, second) if first.startswith(SYNTHETIC) and not second.startswith(SYNTHETIC) else (second, first)
    return f"annotator rename-annotator {shlex.quote(old)} {shlex.quote(new)}"


def _given(items: Sequence[Read | Entering], number: int) -> str | None:
    """The name the file gives user `number`'s work under without --user-map: the import's own for a user known
    only by id, or their email (re-trial s53 t7 F7-v2-a-1: after --user-map 1=ana, an export naming user 1 by
    email stored ana's work again under it); None when the file gives none, or two."""
    names = {i.record.annotator for i in items if isinstance(i, ImportedRecord) and i.user == number}
    return names.pop() if len(names) == 1 else None


def _as_stored(number: int, name: str) -> str:
    """The --user-map that stores user `number`'s work under `name`, the database's name for them: none for the
    import's own name for a user known only by id, which no --user-map may give."""
    if name == f"{SYNTHETIC}{number}":
        return f"leave user {number} out of --user-map (their work goes under {quoted(name)}, as before)"
    return f"give --user-map {number}={name}"


def _number(name: str, numbers: Mapping[str, int]) -> int | None:
    """The Label Studio user id a record's annotator name is of: the import's name for a user known only by id,
    or a --user-map name; None for a name the file gives (an email, our export's annotator)."""
    if name in numbers:
        return numbers[name]
    number = name.removeprefix(SYNTHETIC)
    return int(number) if number != name and number.isascii() and number.isdigit() else None


def _users(items: Sequence[Read | Entering], numbers: Mapping[str, int]) -> dict[str, int | None]:
    """Every annotator name of the file's records, with the user id it is of (None: a name the file gives)."""
    return {
        item.record.annotator: item.user if item.user is not None else _number(item.record.annotator, numbers)
        for item in items
        if isinstance(item, ImportedRecord)
    }


def _kept(store: Store, items: Sequence[Read | Entering]) -> dict[int, dict[str, Kept]]:
    """Of each user who made annotations of the file (`ImportedRecord.user`), the names the database keeps those
    annotations' ids for, on the article each is on, with the first such annotation. A name of the import's own
    for another user id (`labelstudio-user-3` keeping user 5's annotation id) says the id is no evidence."""
    kept: dict[int, dict[str, Kept]] = {}
    metas: dict[str, object] = {}
    for item in items:
        if not isinstance(item, ImportedRecord) or item.annotation_id is None or item.user is None:
            continue
        record = item.record
        if (existing := store.has_article(ArticleIn(id=record.article_id, text=record.text))) is None:
            continue
        if existing not in metas:
            metas[existing] = store.article(existing).meta.get(ANNOTATION_IDS)
        ids = metas[existing]
        for name, annotation in ids.items() if isinstance(ids, dict) else ():
            if name.startswith(SYNTHETIC) and name != f"{SYNTHETIC}{item.user}":
                continue  # another user's id made it: the ids are not this file's server's, or not its users'
            if annotation == item.annotation_id and type(annotation) is type(item.annotation_id):
                kept.setdefault(item.user, {}).setdefault(name, Kept(name, annotation, existing))
    return kept


def _one_name_each(
    renamed: Mapping[int, Kept], users: Mapping[str, int | None], user_map: Mapping[int, str], path: Path
) -> None:
    """Two users of the file never go under one name: a name the database gives a user known only by id that
    another of the file's users has (by --user-map, their email) is refused."""
    for number, one in sorted(renamed.items()):
        if one.name not in users or users[one.name] == number:
            continue
        other = users[one.name]
        how = (
            f"--user-map {other}={one.name} names user {other} so"
            if other is not None and user_map.get(other) == one.name
            else f"the file names another user {quoted(one.name)}"
        )
        pair = f"users {number} and {other}" if other is not None else f"user {number} and another user"
        raise InputError(
            f"Label Studio {pair} would both be stored as {quoted(one.name)}: this database keeps user {number}'s "
            f"{one.said('')} for {quoted(one.name)}, and {how}; one user is one annotator {NOTHING}",
            path=str(path),
        )


def user_notes(records: Sequence[Read | Entering], user_map: Mapping[int, str]) -> list[str]:
    """Who of a Label Studio file is stored under the import's own name for a user known only by id, and which
    --user-map entries named nobody whose work came in (a trial, 38c: both were silent)."""
    names = {r.record.annotator for r in records if isinstance(r, ImportedRecord)}
    ids = {name: name.removeprefix(SYNTHETIC) for name in names if name.startswith(SYNTHETIC)}
    by_id = sorted((int(number), name) for name, number in ids.items() if number.isascii() and number.isdigit())
    notes = []
    if by_id:
        many = len(by_id) > 1
        notes.append(
            f"{len(by_id)} Label Studio user{'s' if many else ''} known only by id {'are' if many else 'is'} stored "
            f"as {', '.join(name for _, name in by_id)} (--user-map {','.join(f'{n}=NAME' for n, _ in by_id)} "
            "names them)"
        )
    notes += [
        f"--user-map {number}={name}: no work of user {number}'s was imported (the file names no such user, or only "
        "beside work that is someone else's)"
        for number, name in user_map.items()
        if name not in names
    ]
    return notes
