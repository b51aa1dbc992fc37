"""Trial 39c, P1: at the ACTOR boundary of a quote's speaker ('Durham Hall QC' against 'Durham Hall'), the reviewer
pressed a label key (the status line offers "1-3 add 'Durham Hall QC'") instead of a pick. The disagreement counted
settled, but the agreed gold quote stayed without a speaker: d marked gold done without a word and the export had a
speakerless quote. An ACTOR gold gets by hand links the gold quotes whose annotators' versions have a speaker it
overlaps, by the rule a pick links by (`gold_links.speakers_for`), in the same event (one undo). Pilot at 80x24 on a real
two-annotator database, spaCy's tokens.
"""

from __future__ import annotations

from pathlib import Path

from tests.tui.test_review_speakers_overlap import WORDS, gold, reviewing


async def test_a_label_key_at_the_speakers_boundary_links_the_agreed_quote(tmp_path: Path) -> None:
    async with reviewing(tmp_path) as (app, pilot, path, article_id):
        screen = app.screen
        assert screen.current is None
        assert gold(path, article_id) == [("QUOTE", WORDS, None)]
        await pilot.press("1")
        await pilot.pause()
        assert screen.status_line.text.plain.startswith(
            "added ACTOR 'Durham Hall QC' at 0:14; QUOTE 'appear not to have shown any respect for … behaviour.' at "
            "43:126 linked to ACTOR 'Durham Hall QC' at 0:14, gold's ACTOR overlapping its speaker"
        )
        assert screen.review.open == []
        assert gold(path, article_id) == [("ACTOR", "Durham Hall QC", None), ("QUOTE", WORDS, (0, 14))]
        await pilot.press("u")  # one action, one undo: the ACTOR and the quote's link go together
        await pilot.pause()
        assert gold(path, article_id) == [("QUOTE", WORDS, None)]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert gold(path, article_id) == [("ACTOR", "Durham Hall QC", None), ("QUOTE", WORDS, (0, 14))]


async def test_a_resized_actor_at_the_speakers_boundary_links_the_agreed_quote(tmp_path: Path) -> None:
    """An ACTOR gold has by hand without the quote linked (an older database), then resized: the resize links it."""
    async with reviewing(tmp_path) as (app, pilot, path, article_id):
        screen = app.screen
        hook, app.store.gold_speakers = app.store.gold_speakers, None  # as before the fix: the ACTOR goes in alone
        await pilot.press("1")
        await pilot.pause()
        assert gold(path, article_id) == [("ACTOR", "Durham Hall QC", None), ("QUOTE", WORDS, None)]
        app.store.gold_speakers = hook  # the cursor stays on the span added
        assert screen.current is not None and screen.model.get(screen.current).text == "Durham Hall QC"
        await pilot.press("{")
        await pilot.pause()
        assert screen.status_line.text.plain.startswith(
            "resized to ACTOR 'Durham Hall' at 0:11; QUOTE 'appear not to have shown any respect for … behaviour.' at "
            "43:126 linked to ACTOR 'Durham Hall' at 0:11, gold's ACTOR overlapping its speaker"
        )
        assert gold(path, article_id) == [("ACTOR", "Durham Hall", None), ("QUOTE", WORDS, (0, 11))]
