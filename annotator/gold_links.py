"""Which of gold's ACTORs speaks a quote: the one rule a pick (`gold_write.adjudicate`) and an ACTOR gold gets by hand
(`Store.gold_speakers`) link a version's speaker by, and the review's "settled" (`gold_drift.gold_holds`) compares by."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from annotator.rows import Offsets
from annotator.store import Store
from annotator.store.changes import GoldSpeakers
from annotator.store.connection import Row
from annotator.vocabulary import Label


def gold_speaker(actors: Sequence[Row], speaker: tuple[int, int] | None) -> Row | None:
    """Gold's ACTOR for a version's speaker: the one at its offsets, else one that is the same speaker by the rule
    `agreement` counts speakers by (`speakers_agree_pairs`: sharing a character), the most shared first (trial 39b:
    a quote whose speaker was 'Durham Hall QC' went into gold without one beside gold's 'Durham Hall')."""
    if speaker is None or not actors:
        return None
    exact = [a for a in actors if (a["start"], a["end"]) == speaker]
    if exact:
        return exact[0]
    from annotator.metrics.matching import speakers_agree_pairs  # numpy: only here, not for every command

    wanted = Offsets(*speaker)
    agree = speakers_agree_pairs([(Offsets(a["start"], a["end"]), wanted) for a in actors])
    same = [a for a, ok in zip(actors, agree, strict=True) if ok]
    return min(same, key=lambda a: (max(a["start"], speaker[0]) - min(a["end"], speaker[1]), a["start"]), default=None)


def speakers_for(
    store: Store, article_id: str, annotators: Sequence[str], rows: Sequence[Row], actors: Sequence[Row]
) -> list[tuple[Row, Row]]:
    """Gold's quotes among `rows` without a speaker that one of `actors` speaks, each with that ACTOR: the quote's
    versions (the annotators' quotes at its offsets) name a speaker it is by the rule a pick links by
    (`gold_speaker`: 'Durham Hall QC' for 'Durham Hall'). For an ACTOR gold gets by hand (`Store.gold_speakers`;
    trial 39c: a label key at the speaker's boundary left the agreed quote speakerless, and d marked gold done)."""
    quotes = [r for r in rows if r["label"] == Label.QUOTE and r["speaker_start"] is None]
    if not quotes or not actors:
        return []
    versions = [
        (s.start, s.end, s.speaker.start, s.speaker.end)
        for name in annotators
        for s in store.spans(article_id, name)
        if s.label is Label.QUOTE and s.speaker is not None
    ]
    found = []
    for quote in quotes:
        speakers = [(a, b) for start, end, a, b in versions if (start, end) == (quote["start"], quote["end"])]
        actor = next((actor for speaker in speakers if (actor := gold_speaker(actors, speaker))), None)
        if actor is not None:
            found.append((quote, actor))
    return found


def gold_speakers(store: Store, annotators_for: Callable[[str], Sequence[str]]) -> GoldSpeakers:
    """`Store.gold_speakers` for a review of these articles' annotators (`speakers_for`)."""

    def link(article_id: str, rows: list[Row], actors: list[Row]) -> list[tuple[Row, Row]]:
        return speakers_for(store, article_id, annotators_for(article_id), rows, actors)

    return link
