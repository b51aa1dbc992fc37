"""Work no person has touched: an annotation whose every event a command wrote (`annotator accept`, `adjudicate
--auto`, `pack`: their events name the `command`). Two annotators who only ran `annotator accept` agree perfectly,
and gold settled from them is the model's own suggestions (newcomer 42c: agreement 1.000, then `evaluate` 1.000);
agreement, adjudication and evaluation say how many of their articles are such."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from annotator.store.reads import Reader


def command_only(store: Reader, articles: Iterable[tuple[str, Collection[str]]]) -> list[str]:
    """The articles, of these (article id, whose work there counts), where everyone's work counted was written by
    commands alone: each of them has events there, none of them a person's (no `command` in it)."""
    sql = """SELECT article_id, annotator, MIN(json_extract(after, '$.command') IS NOT NULL) FROM events
             GROUP BY article_id, annotator"""
    by_command = {(article, who): bool(only) for article, who, only in store.conn.execute(sql)}
    return [
        article for article, whose in articles if whose and all(by_command.get((article, who), False) for who in whose)
    ]


def everyone_by_command(store: Reader, article_ids: Iterable[str]) -> list[str]:
    """The articles, of these, where all the work anyone did (gold included) was written by commands alone: a
    reference made there is the model's suggestions as `annotator accept` took them."""
    sql = "SELECT DISTINCT article_id, annotator FROM events"
    whose: dict[str, list[str]] = {}
    for article, who in store.conn.execute(sql):
        whose.setdefault(article, []).append(who)
    return command_only(store, ((article, whose.get(article, [])) for article in article_ids))
