"""Crash harness: a child annotates through the Store and acknowledges each action; the parent SIGKILLs it.

    python tests/crashing.py DB SEED      # the child: random actions until killed, one JSON line per action

The child prints an acknowledgement only after the Store call returned, which is the moment the TUI would
show the change as done. Used by tests/test_crash.py (a few kills) and benchmarks/crash.py (the long run).
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from support import word_tokens

from annotator.errors import Refused
from annotator.models import ArticleIn, Label, Status, Suggestion
from annotator.rows import Edit, Token
from annotator.store import Store
from annotator.store.verify import check

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "seeds" / "000_5fda543fc562549a.txt"
ANNOTATORS = ("alice", "bob")
LABELS = [label.value for label in Label]


def made_up_suggestions(text: str) -> list[Suggestion]:
    """Plenty of suggestions to accept and reject: capitalised words, numbers, and quotes with a speaker."""
    found: list[Suggestion] = []
    for m in re.finditer(r"\b[A-Z][a-z]+\b", text):
        found.append(Suggestion(start=m.start(), end=m.end(), label="ACTOR", text=m.group(), suggester="crash.v1"))
    for m in re.finditer(r"\b\d+\b", text):
        found.append(Suggestion(start=m.start(), end=m.end(), label="FIGURE", text=m.group(), suggester="crash.v1"))
    actors = [s for s in found if s.label == "ACTOR"]
    for m in re.finditer(r'"(\w[^"]*\w)"', text):
        speaker = next((a for a in actors if a.start > m.end(1)), None)
        found.append(
            Suggestion(
                start=m.start(1),
                end=m.end(1),
                label="QUOTE",
                text=m.group(1),
                speaker={"start": speaker.start, "end": speaker.end} if speaker else None,
                suggester="crash.v1",
            )
        )
    return found


def prepare(db: Path) -> list[str]:
    """A database with the seed article and two smaller pieces of it, each with made-up suggestions."""
    seed = SEED.read_text(encoding="utf-8")
    texts = [seed, *[line for line in seed.splitlines() if len(line) > 150][:2]]
    with Store.open(db) as store:
        rows = [(ArticleIn(text=t), word_tokens(t), made_up_suggestions(t)) for t in texts]
        store.add_articles(rows)
        return store.article_ids()


# -- the child --------------------------------------------------------------------------------------------------


def _near(rng: random.Random, tokens: list[Token], around: int) -> tuple[int, int]:
    first = max(0, min(len(tokens) - 1, around + rng.randint(-2, 2)))
    last = max(first, min(len(tokens) - 1, first + rng.randint(0, 3)))
    return tokens[first].start, tokens[last].end


def one_action(store: Store, rng: random.Random, article: str, who: str) -> Edit:
    """One random editing action through the Store, as the TUI would make it; Refused when it does not apply."""
    kind = rng.choices(
        ["accept", "reject", "add", "remove", "relabel", "resize", "speaker", "accept_all", "status", "undo", "redo"],
        weights=[8, 4, 5, 3, 3, 3, 2, 1, 1, 4, 2],
    )[0]
    spans = store.spans(article, who)
    if kind in ("accept", "reject"):
        pending = store.pending(article, who)
        if not pending:
            raise Refused("nothing pending")
        suggestion = rng.choice(pending)
        if kind == "accept":
            return store.accept_suggestion(article, who, suggestion.id)
        return store.reject_suggestion(article, who, suggestion.id)
    if kind == "add":
        tokens = store.tokens(article)
        start, end = _near(rng, tokens, rng.randrange(len(tokens)))
        return store.add_span(article, who, start, end, rng.choice(LABELS))
    if kind == "accept_all":
        return store.accept_all(article, who)
    if kind == "status":
        return store.set_status(article, who, rng.choice(list(Status)))
    if kind == "undo":
        return store.undo(article, who)
    if kind == "redo":
        return store.redo(article, who)
    if not spans:
        raise Refused("no spans")
    span = rng.choice(spans)
    if kind == "remove":
        return store.remove_span(article, who, span.id)
    if kind == "relabel":
        return store.relabel_span(article, who, span.id, rng.choice([x for x in LABELS if x != span.label]))
    if kind == "resize":
        tokens = store.tokens(article)
        index = next(i for i, t in enumerate(tokens) if t.start >= span.start)
        start, end = _near(rng, tokens, index)
        return store.resize_span(article, who, span.id, start, end)
    quotes = [s for s in spans if s.label is Label.QUOTE]
    actors = [s for s in spans if s.label is Label.ACTOR]
    if not quotes:
        raise Refused("no quotes")
    return store.set_speaker(article, who, rng.choice(quotes).id, rng.choice(actors).id if actors else None)


def child(db: str, seed: int) -> None:
    rng = random.Random(seed)
    with Store.open(db) as store:
        articles = store.article_ids()
        number = 0
        while True:
            article, who = rng.choice(articles), rng.choice(ANNOTATORS)
            print(json.dumps({"working": number + 1}), flush=True)
            try:
                edit = one_action(store, rng, article, who)
            except Refused:
                continue
            if not edit.event_id:  # a status mark already there: nothing was written (`Store.set_status`)
                continue
            number += 1
            ack = {"n": number, "event": edit.event_id, "action": edit.action, "article": article, "who": who}
            print(json.dumps(ack), flush=True)


# -- the parent -------------------------------------------------------------------------------------------------


@dataclass
class CrashReport:
    kills: int = 0
    acknowledged: int = 0
    lost: list[dict] = field(default_factory=list)
    integrity: list[str] = field(default_factory=list)
    inconsistent: list[str] = field(default_factory=list)
    undo_redo_failures: list[str] = field(default_factory=list)
    killed_mid_action: int = 0

    @property
    def ok(self) -> bool:
        return not (self.lost or self.integrity or self.inconsistent or self.undo_redo_failures)


def run_and_kill(db: Path, seed: int, after_acks: int, rng: random.Random) -> tuple[list[dict], bool]:
    """Start a child, SIGKILL it a moment after it acknowledged `after_acks` actions.

    Returns its acknowledgements and whether it died inside an action (it had announced one, unacknowledged).
    """
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), str(db), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    acks: list[dict] = []
    assert process.stdout is not None
    for line in process.stdout:
        if not line.endswith("\n"):  # the child's output ended mid-line: it died by itself (reported below)
            break
        try:
            message = json.loads(line)
        except json.JSONDecodeError:
            process.kill()
            raise RuntimeError(f"the child wrote {line!r}: {process.communicate()[1].strip()[-500:]}") from None
        if "event" in message:
            acks.append(message)
        if len(acks) >= after_acks:
            break
    time.sleep(rng.uniform(0, 0.004))  # a random moment, usually in the middle of the next action
    os.kill(process.pid, signal.SIGKILL)
    rest, errors = process.communicate()
    working = False
    for line in rest.splitlines(keepends=True):
        if not line.endswith("\n") or not line.strip():  # a line cut off by the kill was never acknowledged
            continue
        try:
            message = json.loads(line)
        except json.JSONDecodeError:  # the kill split a write: not an acknowledgement
            continue
        working = "event" not in message
        if not working:
            acks.append(message)
    if process.returncode != -signal.SIGKILL:
        raise RuntimeError(f"the child ended by itself ({process.returncode}): {errors.strip()[-500:]}")
    return acks, working


def _state(store: Store, article: str, who: str) -> tuple:
    spans = tuple(store.spans(article, who))
    decisions = tuple(
        store.db.execute(
            "SELECT suggestion_id, decision FROM decisions WHERE article_id = ? AND annotator = ? ORDER BY 1",
            [article, who],
        ).fetchall()
    )
    return spans, decisions, store.status(article, who)


def verify_after_kill(db: Path, acks: list[dict], report: CrashReport) -> None:
    """Integrity, every acknowledged action present, log and tables agree, undo and redo still work."""
    raw = sqlite3.connect(db)
    result = [row[0] for row in raw.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        report.integrity.extend(result)
    by_id = {row[0]: row[1:] for row in raw.execute("SELECT id, action, article_id, annotator FROM events")}
    raw.close()
    for ack in acks:
        if by_id.get(ack["event"]) != (ack["action"], ack["article"], ack["who"]):
            report.lost.append(ack)
    with Store.open(db) as store:
        report.inconsistent.extend(check(store))
        if acks:
            last = acks[-1]
            article, who = last["article"], last["who"]
            if store.applied_events(article, who):  # something to undo
                before = _state(store, article, who)
                store.undo(article, who)
                store.redo(article, who)
                if _state(store, article, who) != before:
                    report.undo_redo_failures.append(f"undo then redo changed {article}/{who}")
            report.inconsistent.extend(check(store))


def crash_run(
    db: Path, kills: int, actions: int, seed: int = 0, log: Callable[[str], None] | None = None
) -> CrashReport:
    """`kills` children, each killed at a random moment, about `actions` acknowledged actions in all."""
    rng = random.Random(seed)
    if not db.exists():
        prepare(db)
    report = CrashReport()
    per_kill = max(1, actions // kills)
    for number in range(kills):
        after = rng.randint(max(1, per_kill // 2), per_kill + per_kill // 2)
        acks, working = run_and_kill(db, rng.randrange(2**32), after, rng)
        report.kills += 1
        report.killed_mid_action += working
        report.acknowledged += len(acks)
        verify_after_kill(db, acks, report)
        if log:
            log(f"kill {number + 1:>2}: {len(acks):>3} acknowledged, lost so far {len(report.lost)}")
    return report


if __name__ == "__main__":
    child(sys.argv[1], int(sys.argv[2]))
