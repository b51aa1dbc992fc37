"""What a command refuses before it reads a database: everything `check` names that would end the command in a
traceback or travel on through it into gold or another database (`damage`); `check` itself names more
(`verify.check`)."""

from __future__ import annotations

import sqlite3

from annotator.errors import found
from annotator.store.content import (
    _tokens_problem,
    event_problems,
    fit_problems,
    hash_problems,
    moment_problems,
    token_problems,
)
from annotator.store.kinds import kind_problems, speaker_problems, type_problems


def damage(db: sqlite3.Connection, *, spans: bool = True, tokens: bool = False) -> list[str]:
    """What would end a command reading articles, spans, suggestions, events and comments in a traceback, or travel
    on through it into gold or another database: values of the wrong kind (`kind_problems`, `type_problems`),
    spans and suggestions that do not fit their text and speakers that are no ACTOR (`spans` False: not looked
    at, for `stats`, which counts them), events and comments another program wrote, moments that name none (one
    in the future is `check`'s to name, not a command's to refuse), texts that are not their hash's, and tokens
    that are no JSON list (`tokens`: every token checked, `token_problems`: 2 s on 30,000 articles)."""
    found = kind_problems(db, older=True) or type_problems(db)  # an older release's NaN meta: read
    if spans:
        found = found or fit_problems(db) or speaker_problems(db)
    found = found or event_problems(db) or moment_problems(db, future=False) or hash_problems(db)
    return found or (token_problems(db) if tokens else _token_kind_problems(db))


def _token_kind_problems(db: sqlite3.Connection) -> list[str]:
    """Articles whose tokens are no JSON list, in SQL: what every command that reads tokens would fail on."""
    rows = db.execute(
        "SELECT id, tokens FROM articles WHERE tokens IS NOT NULL AND NOT (json_valid(tokens) AND "
        "json_type(tokens) = 'array') ORDER BY rowid"
    )
    return [f"table 'articles', article {found(i)}: tokens: {_tokens_problem(t, 0)}" for i, t in rows]
