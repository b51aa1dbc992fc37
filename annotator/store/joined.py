"""Two changes one action makes, composed into one event (`Changes._one_event`): undo and redo then take back or
repeat the whole action. The speaker choice accepts a quote and links the speaker chosen (`Speaking.accept_quote_speaking`); as two
events, one `u` left the quote accepted with its suggested speaker, a state nobody had seen (re-trial 42s)."""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]
#: The rows an event changes, each group by its key.
KEYED = {"spans": "id", "decisions": "suggestion_id"}
STATES = ("status", "flag_reason")


def composed(first: tuple[Row, Row], second: tuple[Row, Row]) -> tuple[Row, Row]:
    """(before, after) of the change `first` then `second` make together: each row as it was before the first
    touched it and as the second (else the first) left it; a row the first added and the second took away is in
    neither."""
    (b1, a1), (b2, a2) = first, second
    before: Row = {}
    after: Row = {}
    for group, key in KEYED.items():
        touched1 = {row[key] for row in a1.get(group, [])}  # as the first left them
        touched2 = {row[key] for row in b2.get(group, [])}  # as the second found them
        was = {row[key]: row for row in b2.get(group, []) if row[key] not in touched1}
        was.update({row[key]: row for row in b1.get(group, [])})
        now = {row[key]: row for row in a1.get(group, []) if row[key] not in touched2}
        now.update({row[key]: row for row in a2.get(group, [])})
        same = {k for k in was.keys() & now.keys() if was[k] == now[k]}
        if group in b1 or group in b2:
            before[group] = [row for k, row in was.items() if k not in same]
        if group in a1 or group in a2:
            after[group] = [row for k, row in now.items() if k not in same]
    for state in STATES:
        if state in b1 or state in b2:
            before[state] = b1[state] if state in b1 else b2[state]
        if state in a1 or state in a2:
            after[state] = a2[state] if state in a2 else a1[state]
    named = {k: v for k, v in {**a1, **a2}.items() if k not in KEYED and k not in STATES}
    return before, {**after, **named}
