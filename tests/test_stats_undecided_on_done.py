"""`annotator stats` gave no way to see the suggestions left undecided on articles marked done: marking an article
done settles what is pending there (`store.current.is_pending`: a later model's suggestions do not make finished
work look unfinished), so nothing counted what was never decided. stats says how many, per annotator, and on how
many done articles; the pending count itself stays 0 there. The real console script, a database the CLI made."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.models import Suggestion
from annotator.store import Store
from annotator.suggest.tokens import tokenize
from annotator.vocabulary import GOLD

TEXTS = {
    "a1": "Rita Ora sang in Leeds on Friday before 3,000 fans, said Tom Jones.",
    "a2": "Angela Merkel met Emmanuel Macron in Berlin.",
}


def ok(*args: str | Path) -> str:
    result = annotator(*args, timeout=120)
    assert result.returncode == 0, (result.stdout, result.stderr)
    return result.stdout


def test_stats_counts_suggestions_left_undecided_on_done_articles(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    (tmp_path / "in.jsonl").write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in TEXTS.items()))
    ok("ingest", tmp_path / "in.jsonl", "--db", db)
    with Store.open(db) as store:
        assert [len(store.suggestions(i)) for i in TEXTS] == [5, 3]
        rita = next(s.id for s in store.suggestions("a1") if s.text == "Rita Ora")
        fans = next(s.id for s in store.suggestions("a1") if s.text == "fans")
        store.accept_suggestion("a1", "alice", rita)
        store.reject_suggestion("a1", "alice", fans)
        store.set_status("a1", "alice", "done")  # 3 of 5 never decided
        store.add_span("a2", "alice", 0, 6, "ACTOR")  # "Angela": covers "Angela Merkel", in progress: 2 pending
        store.set_status("a2", "carol", "done")  # 3 of 3 never decided
    ok("accept", "--annotator", "bob", "--done", "--db", db)  # every one accepted: none left
    out = ok("stats", "--db", db)
    table = out[out.index("suggestions left undecided") :].splitlines()
    assert table == [
        "suggestions left undecided on done articles (not pending: O on its screen reopens an article and asks about them again)",
        "annotator   suggestions   done articles",
        "───────────────────────────────────────",
        "alice                 3               1",
        "carol                 3               1",
    ]
    with Store.open(db, read_only=True) as store:  # the pending count stays as it is
        assert [len(store.pending("a1", "alice")), len(store.pending("a2", "alice"))] == [0, 2]
        assert len(store.pending("a2", "carol")) == 0


def test_stats_without_any_says_nothing_of_them(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "a1", "text": TEXTS["a1"]}) + "\n")
    ok("ingest", tmp_path / "in.jsonl", "--db", db)
    ok("accept", "--annotator", "bob", "--done", "--db", db)
    assert "undecided" not in ok("stats", "--db", db)


def test_stats_counts_them_by_the_pending_rule_after_a_new_model_suggests(tmp_path: Path) -> None:
    """The same rule as pending, in one pass over every done annotation: a newer suggester's batch is what counts
    (the older version's decided rows are history), an earlier decision on the same offer or an entity span over
    it settles a suggestion, and neither gold, nor work whose status came by import, is counted."""
    db = tmp_path / "w.db"
    (tmp_path / "in.jsonl").write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in TEXTS.items()))
    ok("ingest", tmp_path / "in.jsonl", "--db", db)
    text = TEXTS["a1"]
    with Store.open(db) as store:
        of = {s.text: s.id for s in store.suggestions("a1")}
        assert list(of) == ["Rita Ora", "Leeds", "3,000", "fans", "Tom Jones"]
        store.reject_suggestion("a1", "alice", of["fans"])
        store.add_span("a1", "alice", 0, 4, "ACTOR")  # "Rita": covers "Rita Ora"
        store.set_status("a1", "alice", "done")
        store.accept_suggestion("a1", "bob", of["Leeds"])
        store.set_status("a1", "bob", "done")
        newer = [
            Suggestion(start=text.index(w), end=text.index(w) + len(w), label=label, text=w, suggester="entities.v99")
            for w, label in [("Rita Ora", "ACTOR"), ("Leeds", "LOCATION"), ("fans", "ACTOR"), ("Tom Jones", "ACTOR")]
        ]
        store.replace_suggestions("a1", tokenize([text])[0], newer)
        store.set_status("a2", "carol", "done")  # 3 of 3 never decided
        store.replace_annotation("a2", "dave", [], "done")  # another tool's work: left out
        store.set_status("a2", GOLD, "done")  # gold takes no suggestions
    out = ok("stats", "--db", db)
    assert out[out.index("suggestions left undecided") :].splitlines()[1:] == [
        "annotator   suggestions   done articles",
        "───────────────────────────────────────",
        "alice                 2               1",  # Leeds, Tom Jones (v99): Rita Ora covered, fans rejected (v11)
        "bob                   3               1",  # Rita Ora, fans, Tom Jones: Leeds accepted (v11)
        "carol                 3               1",
    ]
