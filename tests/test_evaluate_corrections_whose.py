"""Trial s59 t19 F5: `evaluate --gold-from bob` headed the corrections "by bob, root (2 article annotation(s) ...)",
then left all of root's acceptances out (`annotator accept`'s: no person's check), so the table was bob's alone.
The heading names only whose corrections the table holds; the line of what is left out names root's work with it,
once; carol, whose work there is not done, is not named. Real SQLite, the real console script."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator
from support import SMALL_TEXT, find

from annotator.models import Span, Status
from annotator.store import Store
from annotator.vocabulary import GOLD

ROOTS = (
    "4 suggestion(s) `annotator accept` accepted, unchanged since, are left out, and with them root's 1 article "
    "annotation(s), which hold nothing else: a command's accept is no person's check"
)


def suggestion(store: Store, article: str, text: str) -> int:
    return next(s.id for s in store.suggestions(article) if s.text == text)


def root_accepts(db: Path, store: Store) -> None:
    store.close()
    accepted = annotator("accept", "--db", db, "--annotator", "root", "--done")
    assert accepted.returncode == 0, accepted.stderr


def corrections(db: Path, *args: str) -> list[str]:
    result = annotator("evaluate", "--db", db, *args)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout[result.stdout.index("corrections of") :].splitlines()


def test_the_heading_names_only_whose_corrections_the_table_holds(
    db_path: Path, store: Store, small_article: str
) -> None:
    """bob, the reference, accepted Gaza and rejected the figure on the screen; root ran `accept`; carol began."""
    store.accept_suggestion(small_article, "bob", suggestion(store, small_article, "Gaza"))
    store.reject_suggestion(small_article, "bob", suggestion(store, small_article, "at least 35"))
    store.set_status(small_article, "bob", Status.DONE)
    store.accept_suggestion(small_article, "carol", suggestion(store, small_article, "Washington"))
    root_accepts(db_path, store)
    assert corrections(db_path, "--gold-from", "bob") == [
        "corrections of the suggestions by bob (1 article annotation(s) of those scored)",
        "suggester      label      suggested   accepted      moved relabelled   rejected    pending",
        "entities.v1    ACTOR              1       0.0%       0.0%       0.0%       0.0%     100.0%",
        "entities.v1    LOCATION           1     100.0%       0.0%       0.0%       0.0%       0.0%",
        "entities.v1    FIGURE             1       0.0%       0.0%       0.0%     100.0%       0.0%",
        "quotes.v1      QUOTE              1       0.0%       0.0%       0.0%       0.0%     100.0%",
        ROOTS,
        "spans added with no suggestion: ACTOR 0, LOCATION 0, FIGURE 0, QUOTE 0",
    ]
    result = annotator("evaluate", "--db", db_path, "--gold-from", "bob", "--json")
    data = json.loads(result.stdout)
    assert (data["corrections"]["annotators"], data["corrections"]["annotations"]) == (["bob"], 1)
    assert (data["corrections"]["accepted_by_command"], data["corrections_left_out"]) == (
        {"entities.v1": 3, "quotes.v1": 1},
        {"root": 1},
    )


def test_with_only_accept_commands_work_the_table_is_nobodys(db_path: Path, store: Store, small_article: str) -> None:
    store.replace_annotation(small_article, GOLD, [Span(**find(SMALL_TEXT, "Gaza", "LOCATION"))], Status.DONE)
    root_accepts(db_path, store)
    assert corrections(db_path) == [
        "corrections of the suggestions: none a person made on the articles scored",
        ROOTS,
        "spans added with no suggestion: ACTOR 0, LOCATION 0, FIGURE 0, QUOTE 0",
    ]
