"""Accept all on a batch whose suggestions overlap each other and the annotator's own spans: what is accepted, what
is left pending and what the event says, exactly (re-trial s56 t13 G1 made the batch check overlaps in memory,
not in a query per span: these rows are the ones the query-per-span code wrote). A real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.models import ArticleIn, Offsets, Span, Suggestion
from annotator.store import Store
from annotator.suggest.tokens import tokenize

TEXT = (
    'Mayor Ann Lee said: "We stay here now." Bob Day said: "Ships leave." Kim said: "Rain falls." '
    '"Sun shines," Eve said. Dan Roe said: "Go on."'
)


def at(words: str, after: str = "") -> tuple[int, int]:
    start = TEXT.index(words, TEXT.index(after) if after else 0)
    return start, start + len(words)


def suggestion(words: str, label: str, speaker: str | None = None, after: str = "") -> Suggestion:
    start, end = at(words, after)
    said = Offsets(start=at(speaker)[0], end=at(speaker)[1]) if speaker else None
    return Suggestion(start=start, end=end, label=label, text=words, speaker=said, suggester="t.v1")


def held(words: str, label: str) -> Span:
    start, end = at(words)
    return Span(start=start, end=end, label=label, text=words)


SUGGESTIONS = [
    suggestion("Mayor Ann Lee", "ACTOR"),
    suggestion("Ann Lee", "ACTOR"),  # inside the one before: covered once it is accepted
    suggestion("We stay here now", "QUOTE", speaker="Ann Lee"),  # its speaker overlaps an accepted ACTOR
    suggestion("here now", "QUOTE"),  # overlaps the quote before: left pending
    suggestion("Bob Day", "ACTOR"),  # over alice's "Bob": covered, never pending
    suggestion("Ships leave", "QUOTE", speaker="Bob Day"),  # over alice's quote "Ships": left pending
    suggestion("Kim", "ACTOR"),
    suggestion("Rain falls", "QUOTE", speaker="Kim"),  # its speaker accepted before it
    suggestion("Sun shines", "QUOTE", speaker="Eve"),  # its speaker comes with it
    suggestion("Eve", "ACTOR"),
    suggestion("Go on", "QUOTE", speaker="Dan Roe"),  # no speaker suggested: alice's "Roe" replaced it
]


def test_accept_all_over_overlapping_suggestions_and_spans(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        store.add_articles([(ArticleIn(id="a1", text=TEXT), tokenize([TEXT])[0], SUGGESTIONS)])
        mine = [held("Bob", "ACTOR"), held("Ships", "QUOTE"), held("Roe", "ACTOR")]
        store.replace_annotation("a1", "alice", mine, "in_progress")
        before = {s.id: s.text for s in store.spans("a1", "alice")}

        edit = store.accept_all("a1", "alice")

        assert edit.message == "accepted 7 suggestions; 2 left pending because they overlap accepted spans"
        spans = [
            (s.id in before, s.label.value, s.text, TEXT[s.speaker.start : s.speaker.end] if s.speaker else None)
            for s in store.spans("a1", "alice")
        ]
        assert spans == [
            (False, "ACTOR", "Mayor Ann Lee", None),
            (False, "QUOTE", "We stay here now", None),
            (True, "ACTOR", "Bob", None),
            (True, "QUOTE", "Ships", None),
            (False, "ACTOR", "Kim", None),
            (False, "QUOTE", "Rain falls", "Kim"),
            (False, "QUOTE", "Sun shines", "Eve"),
            (False, "ACTOR", "Eve", None),
            (True, "ACTOR", "Roe", None),
            (False, "QUOTE", "Go on", "Roe"),
        ]
        texts = {s.id: s.text for s in store.suggestions("a1")}
        decided = {texts[i]: d for i, d in store.decisions("a1", "alice").items()}
        assert decided == {
            "Mayor Ann Lee": "accepted",
            "We stay here now": "accepted",
            "Kim": "accepted",
            "Rain falls": "accepted",
            "Sun shines": "accepted",
            "Eve": "accepted",
            "Go on": "accepted",
        }
        assert [s.text for s in store.pending("a1", "alice")] == ["here now", "Ships leave"]
        row = store.conn.execute("SELECT action, before, after FROM events ORDER BY id DESC LIMIT 1").fetchone()
        after = json.loads(row[2])
        assert (row[0], json.loads(row[1])) == ("accept_all", {"spans": [], "decisions": []})
        assert [(s["text"], s["suggestion_id"] is not None) for s in after["spans"]] == [
            ("Mayor Ann Lee", True),
            ("We stay here now", True),
            ("Kim", True),
            ("Rain falls", True),
            ("Sun shines", True),
            ("Eve", True),
            ("Go on", True),
        ]

        store.undo("a1", "alice")  # one undo takes the whole batch back
        assert {s.id: s.text for s in store.spans("a1", "alice")} == before
        assert store.decisions("a1", "alice") == {}
