"""How a count is said in a message: `counted(1, "span")` is "1 span", `counted(2, "span")` "2 spans", and 0 takes
the plural too ("0 spans"). The screen's header, the Store's undo and edit messages and the reports say every count
of a noun through it, so that none says "1 spans" (a newcomer's trial)."""

from __future__ import annotations

import shlex
from collections.abc import Sequence


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`count` and `noun`, the noun in the plural (`plural`, else the noun and an s) unless the count is 1."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def them(count: int) -> str:
    """The pronoun for `count` things just counted: "it" for one (a tester: "1 suggestion ... to decide them")."""
    return "it" if count == 1 else "them"


#: A status as the screens name it ("in progress", not its stored value "in_progress"): the article list's column
#: and the undo messages (trial 31: "undid status: done -> in_progress").
STATUS_WORDS = {"todo": "to do", "in_progress": "in progress"}


def status_words(status: str) -> str:
    """A stored status value in words: "in progress", "to do", "done"."""
    return STATUS_WORDS.get(status, status.replace("_", " "))


#: After an annotator's status on an article assigned to others only: their work there is not compared.
OTHERS_MARK = "*"


def own_status_words(status: str, others: bool) -> str:
    """An annotator's status on an article in words, as their article list shows it: "others'" on an article assigned
    to others only that they have not begun (a newcomer read "to do" as theirs), their status with a * once they
    have (`stats --articles` marks it the same)."""
    if not others:
        return status_words(status)
    return "others'" if status == "todo" else f"{status_words(status)}{OTHERS_MARK}"


def together(names: Sequence[str]) -> str:
    """ "bob and root", "carl, dave and root"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def whose(names: Sequence[str], noun: str) -> str:
    """ "bob's annotation was", "alice's and bob's annotations were"."""
    possessives = [name + "'s" for name in names]
    return f"{together(possessives)} {noun}{'s were' if len(names) > 1 else ' was'}"


def annotators_option(names: Sequence[str]) -> str:
    """`--annotators` naming these annotators in a command to copy: a name holding a comma (or white space) is
    given whole, the option once for each name (`cli.names.named`)."""
    if any("," in name for name in names):
        return " ".join(f"--annotators {shlex.quote(name)}" for name in names)
    return f"--annotators {shlex.quote(','.join(names))}"


def clipped(text: str, width: int) -> str:
    """`text` whole when it fits `width` characters, else its first words up to `width` and "…": cut between words,
    never inside one (a trial at 80x24 read "is tryin…"), unless the first word alone is longer than half of it."""
    if len(text) <= width:
        return text
    return _head(text, width) + "…"


def elided(text: str, head: int, tail: int) -> str:
    """`text` whole when it fits `head + tail` characters, else its first words up to `head`, " … " and its last
    words up to `tail`, each cut between words (a trial read "… ey didn't invade it yet")."""
    if len(text) <= head + tail:
        return text
    return _head(text, head) + " … " + _tail(text, tail)


def _head(text: str, width: int) -> str:
    head = text[:width]
    if not text[width].isspace():
        space = max((i for i, char in enumerate(head) if char.isspace()), default=-1)
        head = head[:space] if space >= width // 2 else head
    return head.rstrip()


def _tail(text: str, width: int) -> str:
    tail = text[-width:]
    if not text[-width - 1].isspace():
        space = next((i for i, char in enumerate(tail) if char.isspace()), width)
        tail = tail[space:] if space <= width // 2 else tail
    return tail.lstrip()


def left_on_done(count: int) -> str:
    """What opening a done article says at once of the `count` suggestions left undecided when it was marked done,
    which tab finds none of (a newcomer: only tab said so)."""
    return (
        f"Done, with {counted(count, 'suggestion')} left undecided when it was marked done (not pending while it is "
        f"done); O reopens it to decide {them(count)}"
    )


#: What a key that would change an annotator's done article says instead (`annotator.locking`): nothing is written,
#: and O is the way on, as `left_on_done` says.
DONE_LOCKED = "Not changed: this article is done; O reopens it to change it"
#: What the status line offers on a done article in place of keys that would be refused (a re-trial: the line still
#: said "1-3 add 'complained'" and "4 only: ..." there, and each key then refused).
DONE_HINT = "done: O reopens it to change it"


def flag_taken_off(reason: str | None) -> str:
    """What reopening a flagged article says of its flag: a reason (`reason`, quoted) goes with the flag (the store
    keeps none on an article not flagged), named so that it is not lost unseen (a newcomer: O dropped it without a
    word)."""
    if reason is None:
        return "; the flag is off (u puts it back)"
    return f"; the flag is off, and its reason {reason} with it (u puts them back; C keeps a note as a comment)"
