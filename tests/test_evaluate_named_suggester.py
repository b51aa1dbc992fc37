"""`annotator evaluate --suggester NAME`: the corrections table describes the suggester named (annotators were
shown none of a version run now: it says so, and whose suggestions they did see), an entity-only run says why
speakers are not scored, and suggestions `annotator accept` accepted (a command, no person's check) are left out
of the people's corrections and counted apart. A newcomer's trial (new34). Real SQLite, the real pipeline."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from support import SMALL_TEXT, find

from annotator.models import Span, Status
from annotator.store import Store
from annotator.vocabulary import GOLD


def gold_and_two(db: Path, store: Store, article: str) -> None:
    """Gold has the actor, the place and the quote; alice accepted the place on the screen; bob ran `accept`."""
    quote = Span(**find(SMALL_TEXT, "talks failed", "QUOTE"), speaker={"start": 0, "end": 10})
    gold = [Span(**find(SMALL_TEXT, "Washington", "ACTOR")), Span(**find(SMALL_TEXT, "Gaza", "LOCATION")), quote]
    store.replace_annotation(article, GOLD, gold, Status.DONE)
    gaza = next(s.id for s in store.suggestions(article) if s.text == "Gaza")
    store.accept_suggestion(article, "alice", gaza)
    store.set_status(article, "alice", Status.DONE)
    store.close()
    accepted = annotator("accept", "--db", db, "--annotator", "bob", "--done")
    assert accepted.returncode == 0, accepted.stderr


def test_accept_commands_acceptances_are_left_out_of_the_peoples_corrections(
    db_path: Path, store: Store, small_article: str
) -> None:
    gold_and_two(db_path, store, small_article)
    result = annotator("evaluate", "--db", db_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[
        lines.index("corrections of the suggestions by alice (1 article annotation(s) of those scored)") :
    ] == [  # bob's work is all `accept`'s: not among those the table is by (trial s59 t19 F5)
        "corrections of the suggestions by alice (1 article annotation(s) of those scored)",
        "suggester      label      suggested   accepted      moved relabelled   rejected    pending",
        "entities.v1    ACTOR              1       0.0%       0.0%       0.0%       0.0%     100.0%",
        "entities.v1    LOCATION           1     100.0%       0.0%       0.0%       0.0%       0.0%",
        "entities.v1    FIGURE             1       0.0%       0.0%       0.0%       0.0%     100.0%",
        "quotes.v1      QUOTE              1       0.0%       0.0%       0.0%       0.0%     100.0%",
        "4 suggestion(s) `annotator accept` accepted, unchanged since, are left out, and with them bob's 1 article "
        "annotation(s), which hold nothing else: a command's accept is no person's check",
        "spans added with no suggestion: ACTOR 0, LOCATION 0, FIGURE 0, QUOTE 0",
    ]


def test_a_suggester_run_now_says_its_suggestions_were_never_corrected_and_why_speakers_are_not_scored(
    db_path: Path, store: Store, small_article: str
) -> None:
    gold_and_two(db_path, store, small_article)
    result = annotator("evaluate", "--db", db_path, "--suggester", "entities.v12")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "model:entities.v12 (run now) against gold: 1 article(s) gold has marked done"
    assert lines[-6:] == [
        "",
        "speaker accuracy not scored: no quote suggester in this run (gold has 1 quote; --suggester "
        "entities.v12,quotes.v6 scores speakers too)",
        "",
        "corrections of entities.v12's suggestions by alice, bob (2 article annotation(s) of those scored)",
        "  none of them were shown to alice, bob (their articles have entities.v1's, quotes.v1's: `annotator "
        f"evaluate --db {db_path}` without --suggester tells how those were corrected)",
        "spans added with no suggestion: ACTOR 0, LOCATION 0, FIGURE 0, QUOTE 0",
    ]
