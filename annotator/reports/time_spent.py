"""Each annotator's time on the screens, as `stats` lists it, under the name their work goes by now.
`rename-annotator` leaves the old name's events and sessions where they are (the event log is append-only, and
sessions are the screens' record of it), so after `rename-annotator bob dan` bob's time was no one's: dan showed
only his own, bob was no longer listed (s58). Each action and each session counts for the name a write of its name on
its article goes under (`aliases.goes_under`: the rename's new name, following later renames, on the articles where
the rename stands; an article where it was undone keeps the old name's time), so none is counted twice, and none
under a name nobody works under."""

from __future__ import annotations

from annotator.metrics.activity import Session, on_screen, time_spent
from annotator.rows import Event
from annotator.store import Reader
from annotator.store.aliases import goes_under
from annotator.store.sessions import every_session


def screen_seconds(store: Reader) -> dict[str, float]:
    """Seconds on the screens (`time_spent`: commands' events left out), by the name the work goes under now."""
    whose: dict[tuple[str, str], str] = {}

    def person(name: str, article_id: str) -> str:
        if (name, article_id) not in whose:
            whose[name, article_id] = goes_under(store.conn, article_id, name) or name
        return whose[name, article_id]

    events: dict[str, list[Event]] = {}
    for event in store.events():
        if on_screen(event):
            events.setdefault(person(event.annotator, event.article_id), []).append(event)
    sessions: dict[str, list[Session]] = {}
    for name, session in every_session(store.conn):
        sessions.setdefault(person(name, session.article_id), []).append(session)
    return {who: time_spent(events.get(who, ()), sessions.get(who, ())) for who in sorted({*events, *sessions})}
