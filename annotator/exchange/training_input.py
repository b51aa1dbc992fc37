"""What `annotator train` says of what it was given: too little to train on (and what to train on instead), an
article too long for spaCy, and the articles in progress `--include-in-progress` took (their unmarked text is
learned as "no entity", so a half-done article teaches its misses)."""

from __future__ import annotations

import shlex
from collections import Counter

from annotator.store import Reader, db_option
from annotator.store.assignments import not_in_gold
from annotator.vocabulary import GOLD, Status
from annotator.wording import annotators_option, counted, together

#: spaCy's limit on one text's length (`nlp.max_length`): longer articles cannot be parsed whole to learn from.
MAX_CHARS = 1_000_000
#: In-progress articles named in the note at most.
NAMED = 3


def in_progress_note(store: Reader | None, annotator: str, unfinished: list[str]) -> str | None:
    """How many in-progress articles training took and, read from `store` (a file keeps no suggestions), how many
    suggestions nobody decided on they hold, naming the first of them; None when it took none."""
    if not unfinished:
        return None
    said = (
        f"{len(unfinished)} in-progress article(s) included (--include-in-progress): what nobody marked in "
        "them is learned as no entity"
    )
    pending = {i: len(store.pending(i, annotator)) for i in unfinished} if store is not None else {}
    holding = sorted(i for i, n in pending.items() if n)
    if not holding:
        return said
    named = ", ".join(holding[:NAMED]) + (", ..." if len(holding) > NAMED else "")
    return (
        f"{said}; {len(holding)} of them still hold {sum(pending.values())} suggestion(s) nobody decided on "
        f"({named}): finish them (or leave out --include-in-progress) if those name entities"
    )


def too_long(chars: int) -> str:
    return (
        f"{chars:,} characters, over spaCy's limit of {MAX_CHARS:,} for one text: train cannot learn from it "
        "(leave it out, or cut it into articles)"
    )


def too_few(count: int, left_out: Counter[str], *, gold: bool = False, store: Reader | None = None) -> str:
    """Why there is not enough to train on: how many were found, and what the others' statuses were. Gold in
    progress (`gold`) is waiting for its review (`adjudicate --auto` leaves an article with a disagreement so):
    reviewing it comes first, training on it unreviewed second. With the `store` gold is read from, annotators'
    finished articles gold lacks are named with the command that adjudicates them (`store.assignments.not_in_gold`)."""
    notes = []
    where = db_option(store.path) if store is not None else ""  # its commands run on the database train read
    if left_out.get(Status.TODO.value):
        notes.append("a todo record holds no finished work, such as a file of suggestions")
    if left_out.get(Status.IN_PROGRESS.value) and gold:
        notes.append(
            f"gold in progress waits for its review: `annotator review{where}` settles its disagreements and marks it done "
            "(d); --include-in-progress would train on it unreviewed"
        )
    elif left_out.get(Status.IN_PROGRESS.value):
        notes.append("--include-in-progress adds in_progress ones")
    lacking = not_in_gold(store) if store is not None else None
    if lacking is not None:
        who = lacking.annotators
        notes.append(
            f"{together(who)} {'both' if len(who) == 2 else 'all'} finished {counted(lacking.articles, 'article')}, "
            f"{lacking.missing} of them not in gold: `annotator adjudicate --auto{where} {annotators_option(who)}` takes "
            "what they agree on into gold"
        )
    statuses = ", ".join(f"{n} {status}" for status, n in sorted(left_out.items()))
    why = f" ({statuses} left out{': ' if notes else ''}{'; '.join(notes)})" if left_out else ""
    if lacking is not None and not left_out:
        why = f" ({notes[-1]})"
    return f"training needs at least 2 finished articles, one to learn from and one to hold out; found {count}{why}"


def without_gold(store: Reader, include_in_progress: bool) -> str:
    """What to train on when nobody adjudicated gold (with a leading ": "; or nothing): adjudicating (one annotator's
    done articles too: a team of one's gold is its work); one annotator's articles with `--annotator`; or, with
    nothing done, marking done."""
    where = db_option(store.path)  # its commands run on the database train read
    finished = [name for name in store.finished_annotators() if name != GOLD]
    working = [name for name in store.annotators() if name != GOLD]
    done = {name: set(store.articles_annotated_by([name], [Status.DONE])) for name in finished}
    if len(finished) >= 2 and not set.intersection(*done.values()):  # adjudicate --auto would refuse (re-trial 43c)
        best = max(finished, key=lambda name: len(done[name]))  # the first of the most
        pasted = shlex.quote(best)  # in a command to paste, whole
        return (
            f": no article is done by all of {', '.join(finished)}, which adjudicating needs: `--annotator {pasted}` "
            f"trains on {best}'s {len(done[best])} done articles, or `annotator adjudicate --auto{where} "
            f"--annotators {pasted}` makes them gold first"
        )
    if len(finished) >= 2:
        return (
            f": adjudicate into gold first (`annotator adjudicate --auto{where}`, then `annotator review{where}`), or "
            f"`--annotator NAME` trains on one annotator's done articles ({', '.join(finished)})"
        )
    if finished:
        return (
            f": `--annotator {shlex.quote(finished[0])}` trains on {finished[0]}'s done articles, or `annotator "
            f"adjudicate --auto{where} --annotators {shlex.quote(finished[0])}` makes them gold first"
        )
    if not working:
        return f": annotate first (`annotator{where}`, d marking each finished article done), or `--from FILE` trains on native JSONL"
    who = shlex.quote(working[0]) if len(working) == 1 else "NAME"
    whose = f"{working[0]}'s" if len(working) == 1 else f"one annotator's ({', '.join(working)})"
    if include_in_progress:
        return f": `--annotator {who} --include-in-progress` trains on {whose} work in progress"
    return (
        f": nobody has marked an article done yet: d in `annotator{where}` marks a finished one done, then "
        f"`--annotator {who}` trains on {whose} done articles (or add --include-in-progress)"
    )
