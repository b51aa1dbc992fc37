"""Time per article comes from the event log."""

from __future__ import annotations

from annotator.metrics.activity import Session, on_screen, time_spent
from annotator.rows import Event


def event(at: str) -> Event:
    return Event(id=1, article_id="a", annotator="alice", action="add", before={}, after={}, at=at)


def test_time_spent_sums_gaps_between_actions() -> None:
    events = [
        event("2026-11-24T10:00:00.000000Z"),
        event("2026-11-24T10:00:30.000000Z"),
        event("2026-11-24T10:01:00.000000Z"),
    ]
    assert time_spent(events) == 60.0


def test_a_long_pause_counts_as_the_idle_cap() -> None:
    events = [event("2026-11-24T10:00:00.000000Z"), event("2026-11-24T12:00:00.000000Z")]
    assert time_spent(events, idle=300) == 300.0


def test_no_events_no_time() -> None:
    assert time_spent([]) == 0.0


def made(action: str, at: str, **after: object) -> Event:
    return Event(id=1, article_id="a", annotator="bob", action=action, before={}, after=dict(after), at=at)


def test_events_a_command_wrote_are_no_time_on_a_screen() -> None:
    """Found by a newcomer: two `annotator accept` runs two minutes apart showed 1.8 min spent. An event a command
    wrote (`accept` names itself as `command`; `import`, `merge` and `adjudicate --auto`'s events are theirs by
    their action) is left out: only the gaps between the screens' actions count."""
    events = [
        made("add", "2026-11-24T10:00:00.000000Z"),
        made("add", "2026-11-24T10:00:30.000000Z"),
        made("accept_all", "2026-11-24T10:02:30.000000Z", command="accept"),
        made("import", "2026-11-24T10:04:30.000000Z"),
        made("merge", "2026-11-24T10:06:30.000000Z"),
        made("adjudicate", "2026-11-24T10:08:30.000000Z", source="all", reviewer="carol"),
        made("adjudicate", "2026-11-24T10:09:00.000000Z", source="reviewer", reviewer="carol"),  # the review screen
    ]
    assert [on_screen(e) for e in events] == [True, True, False, False, False, False, True]
    assert time_spent(e for e in events if on_screen(e)) == 30.0 + 300.0  # the gap to the review's edit, capped


def test_the_agreed_source_is_golds() -> None:
    from annotator import gold
    from annotator.metrics import activity

    assert activity.AGREED == gold.AGREED


def session(article: str, opened: str, closed: str | None) -> Session:
    return Session(article, f"2026-11-24T{opened}.000000Z", None if closed is None else f"2026-11-24T{closed}.000000Z")


def on(article: str, clock: str) -> Event:
    return Event(
        id=1, article_id=article, annotator="alice", action="add", before={}, after={}, at=f"2026-11-24T{clock}.000000Z"
    )


def test_sessions_open_at_once_in_two_windows_are_one_stretch() -> None:
    sessions = [session("a", "10:00:00", "10:10:00"), session("b", "10:05:00", "10:20:00")]
    events = [on("a", "10:01:00"), on("b", "10:12:00"), on("b", "10:13:00")]
    # a opened 10:00, its action 10:01, b opened 10:05, then 10:12 (7 min: capped at 5) and 10:13
    assert time_spent(events, sessions) == 60.0 + 240.0 + 300.0 + 60.0


def test_actions_in_no_session_count_among_themselves_never_across_a_session_s_edge() -> None:
    """Actions from before the database had sessions keep the rule without them; the gap from the last of them to
    a session's opening crosses its edge and does not count."""
    events = [on("a", "09:00:00"), on("a", "09:01:00"), on("a", "10:00:30")]
    assert time_spent(events, [session("a", "10:00:00", "10:01:00")]) == 60.0 + 30.0


def test_a_session_without_an_end_ends_at_its_own_article_s_last_action_before_the_next_opening() -> None:
    sessions = [session("a", "10:00:00", None), session("b", "10:02:00", "10:03:00")]
    events = [on("a", "10:00:40"), on("b", "10:02:30")]
    assert time_spent(events, sessions) == 40.0 + 30.0  # 10:00:40 to 10:02:00 crosses the end of a's session
