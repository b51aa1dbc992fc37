"""How an undo or redo says what it changed (`history`): the spans it takes away, puts back or changes, a quote
with its speaker, the suggestions decided again, and the status as it was -> as it is now."""

from __future__ import annotations

from collections import Counter

from annotator.store.changes import describe
from annotator.store.connection import Row
from annotator.wording import counted


def accepted_as(suggestion: Row, spans: list[Row]) -> str:
    """ ", as 'Harbour master' at 4:18": the span a suggestion is accepted as, where its edges or label differ from
    the suggestion's (newcomer 42t: a redo said 'Israeli' was accepted again of 'Israeli forces')."""
    if len(spans) != 1:
        return ""
    [span] = spans
    if (span["start"], span["end"], span["label"]) == (suggestion["start"], suggestion["end"], suggestion["label"]):
        return ""
    return f", as {describe(span, label=span['label'] != suggestion['label'])}"


def relabel_words(suggestion: Row, span: Row, decision: str | None) -> str:
    """ " relabel of LOCATION 'Iran' at 4:8 to ACTOR; the suggestion is pending again": an accept of a suggestion
    with another label at its edges, which a label key on it makes ("relabelled ..., now ACTOR"), as undo and redo
    name it (a trial: "undid accept of ACTOR 'Iran'", an accept the user never made); "" for any other span."""
    if (span["start"], span["end"]) != (suggestion["start"], suggestion["end"]) or span["label"] == suggestion["label"]:
        return ""
    state = "accepted again, with the new label" if decision == "accepted" else f"{decision or 'pending'} again"
    return f" relabel of {describe(suggestion)} to {span['label']}; the suggestion is {state}"


def span_changes(before: Row, after: Row) -> tuple[list[Row], list[Row], list[tuple[Row, Row]]]:
    """(spans put back, spans taken away, (was, now) of spans changed) from `before` to `after`. A span taken away
    and one put back with the same words, label and speaker is no change: `import --replace` writes every span of
    the work anew, and an undo of it takes away and puts back rows that are mostly the same spans."""
    was, now = by_id(before, "spans"), by_id(after, "spans")
    changed = [(was[i], now[i]) for i in sorted(was.keys() & now.keys()) if _content(was[i]) != _content(now[i])]
    back = [now[i] for i in sorted(now.keys() - was.keys())]
    gone = [was[i] for i in sorted(was.keys() - now.keys())]
    same = Counter(map(_content, back)) & Counter(map(_content, gone))
    return _less(back, same), _less(gone, same), changed


def _content(row: Row) -> tuple[object, ...]:
    return row["start"], row["end"], row["label"], row.get("speaker_start"), row.get("speaker_end")


def _less(rows: list[Row], same: Counter[tuple[object, ...]]) -> list[Row]:
    """`rows` less as many of each content as `same` counts."""
    left = Counter(same)
    kept = []
    for row in rows:
        if left[_content(row)] > 0:
            left[_content(row)] -= 1
        else:
            kept.append(row)
    return kept


def first(rows: list[Row]) -> Row:
    return min(rows, key=lambda r: (r["start"], r["end"]))


def others(count: int) -> str:
    return counted(count, "other span")


def some(rows: list[Row]) -> str:
    """Spans in a message: the one, or how many from the first ("3 spans: ACTOR 'Ann' at 0:3 and 2 others")."""
    if len(rows) == 1:
        return describe(rows[0])
    return f"{counted(len(rows), 'span')} ({describe(first(rows))} and {counted(len(rows) - 1, 'other')})"


def speakers_relinked(changed: list[tuple[Row, Row]]) -> str:
    """Quotes whose only change is their speaker, as a note ("QUOTE '...' at 4:30 has its speaker again"); "" when
    anything else changed too."""
    if not changed or any(
        was["label"] != "QUOTE" or (was["start"], was["end"]) != (now["start"], now["end"]) for was, now in changed
    ):
        return ""
    speaking = [now for _, now in changed if now.get("speaker_start") is not None]
    silent = [now for _, now in changed if now.get("speaker_start") is None]
    notes = (
        [f"{_quotes(speaking)} {'has its' if len(speaking) == 1 else 'have their'} speaker again"] if speaking else []
    )
    notes += [f"{_quotes(silent)} {'has' if len(silent) == 1 else 'have'} no speaker again"] if silent else []
    return "; ".join(notes)


def speaker_followed(was: Row, now: Row, quotes: list[tuple[Row, Row]]) -> str:
    """Quotes whose speaker is the resized span `was` -> `now`, before and after alike, as a note ("the speaker
    of 2 quotes"): they never lost it (a newcomer's trial read "have their speaker again" as if the resize had
    taken it away); "" when any quote's speaker changed otherwise."""
    said_by = [(q_was.get("speaker_start"), q_was.get("speaker_end"), q_now.get("speaker_start"),
                q_now.get("speaker_end")) for q_was, q_now in quotes]  # fmt: skip
    if not quotes or any(offsets != (was["start"], was["end"], now["start"], now["end"]) for offsets in said_by):
        return ""
    return f"the speaker of {_quotes([q_now for _, q_now in quotes])}"


def _quotes(rows: list[Row]) -> str:
    return describe(rows[0]) if len(rows) == 1 else counted(len(rows), "quote")


def quote_and_speaker(spans: list[Row], short: bool = False) -> str:
    """A quote accepted with its speaker, as one change: " of QUOTE '...' at a:b and its speaker ACTOR '...'" (the
    speaker, earlier in the text, had been named first, as if the change were about it); "" for other changes."""
    if len(spans) != 2:
        return ""
    quotes = [row for row in spans if row["label"] == "QUOTE"]
    actors = [row for row in spans if row["label"] == "ACTOR"]
    if len(quotes) != 1 or len(actors) != 1:
        return ""
    quote, actor = quotes[0], actors[0]
    if (quote.get("speaker_start"), quote.get("speaker_end")) != (actor["start"], actor["end"]):
        return ""
    return f" of {describe(quote, short=short)} and its speaker {describe(actor)}"


def by_id(change: Row, part: str, key: str = "id") -> dict[int, Row]:
    return {row[key]: row for row in change.get(part, [])}


def as_changed(was: Row | None, now: Row, short: bool = False) -> str:
    """A span an undo or redo changed, as it was and what it is now ("ACTOR 'The Harbour master' at 0:18, now
    'Harbour master' at 4:18"); a span it adds or takes away, as it is."""
    same_words = (was or now)["start"] == now["start"] and (was or now)["end"] == now["end"]
    if was is None or (same_words and was["label"] == now["label"]):  # added, removed, or its speaker changed
        return describe(now, short=short)
    if same_words:
        return f"{describe(was, short=short)}, now {now['label']}"
    label = f"{now['label']} " if was["label"] != now["label"] else ""
    return f"{describe(was, short=short)}, now {label}{describe(now, label=False, short=short)}"


def action_words(action: str, what: str) -> str:
    """An undone or redone action and what it changed, after "undid"/"redid": " add of ACTOR ...", and for a status
    set by hand ": status done -> in progress", from the one it had to the one it has now, in words (trial 31:
    "status: done -> in_progress" named the stored values; trial 43b: "redid: marked in progress -> done" read as
    marking it in progress)."""
    if action == "status" and what.startswith(": "):
        return f": status {what[2:]}"
    return f" {action.replace('_', ' ')}{what}"


def joined(spans: str, status: str) -> str:
    """ " of ACTOR 'Israel' at 0:6 and 76 other spans; done -> in progress": what an undo changed, status too."""
    if not status:
        return spans
    return f"{spans}; {status}" if spans else f": {status}"
