"""Work no person has touched: an annotation whose every event a command wrote (`annotator accept`, `adjudicate
--auto`, `pack`: their events name the `command`). Two annotators who only ran `annotator accept` agree perfectly,
and gold settled from them is the model's own suggestions (newcomer 42c: agreement 1.000, then `evaluate` 1.000);
agreement, adjudication and evaluation say how many of their articles are such.

Such work keeps being said so across files: the native export names, per record, the commands that alone wrote it
(`commands_alone`), and an import of that record writes an "import" event naming `import` as its command and those
commands as `unchecked` (`Store.replace_annotation`), so it counts here as a command's too (newcomer 43); so does a
`merge --prefer other` of such work (`merge`, from `pair_commands` in the other file). Such an event replaces the
work whole (so does a person's import or merge, which is a person's work), so only it and the events after it say
whose the work is: a person's edit before it is no longer there. Work that is the model's suggestions unchanged
however it was made (A then d on the screen) travels beside it, as the record's `as_suggested` (`store.as_suggested`).

Gold is settled from others' work (`adjudicate --auto` takes their agreed spans): its work is commands' alone only
where commands alone wrote everyone's work on the article (`everyone_by_command`), and then its commands are theirs
and gold's (`accept`, then `adjudicate --auto`). Read from gold's events alone, gold `adjudicate --auto` took from
a person's work was exported as no person's (a newcomer's 11 articles, all edited by hand)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable

from annotator.store.reads import NOT_EDITS, Reader
from annotator.vocabulary import GOLD

#: The actions that replace an annotator's work on an article whole: the work is theirs and what came after.
REPLACING = ("import", "merge")


def _since(*columns: str) -> str:
    """`edits` in SQL: the events that are edits (assign, unassign, pack are none, a person's or a command's), of
    the pairs whose `columns` equal the values given (twice), from the last that replaced the work whole on
    (`REPLACING`)."""
    replacing, not_edits = ", ".join(map(repr, REPLACING)), ", ".join(map(repr, sorted(NOT_EDITS)))
    those = "".join(f" AND {column} = ?" for column in columns)
    return f"""WITH last AS (SELECT article_id, annotator, MAX(id) AS id FROM events
                             WHERE action IN ({replacing}){those} GROUP BY article_id, annotator),
               edits AS (SELECT events.* FROM events LEFT JOIN last USING (article_id, annotator)
                         WHERE action NOT IN ({not_edits}){those.replace(" AND ", " AND events.")}
                         AND events.id >= COALESCE(last.id, 0))"""


def _by_command(store: Reader) -> dict[tuple[str, str], bool]:
    """(article id, annotator) -> whether commands alone wrote their events there (since the work was last replaced
    whole): one scan of the events (about a second over 300,000 of them; finding each pair's last replacement
    about doubled a plain scan's time, 0.3 s to 0.6 s, over 300,000 made-up events)."""
    sql = f"""{_since()} SELECT article_id, annotator, MIN(json_extract(after, '$.command') IS NOT NULL) FROM edits
              GROUP BY article_id, annotator"""
    return {(article, who): bool(only) for article, who, only in store.conn.execute(sql)}


def _command_only(
    by_command: dict[tuple[str, str], bool], articles: Iterable[tuple[str, Collection[str]]]
) -> list[str]:
    return [
        article for article, whose in articles if whose and all(by_command.get((article, who), False) for who in whose)
    ]


def command_only(store: Reader, articles: Iterable[tuple[str, Collection[str]]]) -> list[str]:
    """The articles, of these (article id, whose work there counts), where everyone's work counted was written by
    commands alone: each of them has events there, none of them a person's (no `command` in it)."""
    return _command_only(_by_command(store), articles)


def model_unchanged(store: Reader, articles: Iterable[tuple[str, Collection[str]]]) -> list[str]:
    """The articles, of these (article id, whose work there counts), where everyone's work counted is the model's
    suggestions as no person changed them: commands alone wrote it (`command_only`), or it is exactly the model's
    suggestions (`store.as_suggested`: A then d on the screen). One count for the one caution a user reads."""
    from annotator.store.as_suggested import as_suggested

    chosen = [(article, list(whose)) for article, whose in articles]
    suggested = as_suggested(store, ((article, who) for article, whose in chosen for who in whose))
    by_command = _by_command(store)
    return [
        article
        for article, whose in chosen
        if whose and all(by_command.get((article, who), False) or (article, who) in suggested for who in whose)
    ]


def everyone_by_command(store: Reader, article_ids: Iterable[str]) -> list[str]:
    """The articles, of these, where all the work anyone did (gold included) was written by commands alone: a
    reference made there is the model's suggestions as `annotator accept` took them."""
    by_command = _by_command(store)
    whose: dict[str, list[str]] = {}
    for article, who in by_command:
        whose.setdefault(article, []).append(who)
    return _command_only(by_command, ((article, whose.get(article, [])) for article in article_ids))


def commands_alone(store: Reader, annotator: str) -> dict[str, list[str]]:
    """Article id -> the commands that alone wrote `annotator`'s work there, in the order they first did, for the
    articles where no person did any (as `command_only` counts them; for gold, everyone's work there, as
    `everyone_by_command` counts it): what a native export says of such work. An import or merge of such work
    names the commands its record or file named (`unchecked`), not itself."""
    if annotator == GOLD:
        return _commands(store.conn, (), [])
    return _commands(store.conn, ("annotator",), [annotator])


def pair_commands(connection: sqlite3.Connection, article_id: str, annotator: str) -> list[str]:
    """The commands that alone wrote `annotator`'s work on an article (none: a person did some, or nobody any; for
    gold, a person did some of anyone's work there, as `commands_alone` reads it): what `merge` says of it."""
    if annotator == GOLD:
        return _commands(connection, ("article_id",), [article_id]).get(article_id, [])
    return _commands(connection, ("article_id", "annotator"), [article_id, annotator]).get(article_id, [])


def _commands(connection: sqlite3.Connection, columns: tuple[str, ...], values: list[str]) -> dict[str, list[str]]:
    sql = f"""{_since(*columns)} SELECT article_id, json_extract(after, '$.command'), json_extract(after, '$.unchecked')
              FROM edits ORDER BY id"""
    names: dict[str, dict[str, None]] = {}
    touched: set[str] = set()
    for article, command, unchecked in connection.execute(sql, values * 2):
        if command is None:
            touched.add(article)
            continue
        named = _names(unchecked) or [str(command)]
        names.setdefault(article, {}).update(dict.fromkeys(named))
    return {article: list(named) for article, named in names.items() if article not in touched}


def _names(unchecked: object) -> list[str]:
    """The command names an import event's `unchecked` holds (a JSON list of text), or none."""
    try:
        names = json.loads(unchecked) if isinstance(unchecked, str) else None
    except ValueError:
        return []
    return names if isinstance(names, list) and names and all(isinstance(n, str) and n for n in names) else []


def first_named(commands: Iterable[Iterable[str]]) -> list[str]:
    """The commands named, each once, in the order first named."""
    return list(dict.fromkeys(name for names in commands for name in names))
