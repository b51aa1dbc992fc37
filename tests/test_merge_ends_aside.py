"""An article of another file whose text is one stored here but for white space at its end is that article: merge
puts its work there and says so, naming both ids (newcomer trial F4: alice ingested the `.txt` files, bob the JSONL a
script made of them, `.rstrip()`ed; merged, each story was two articles, and `agreement` compared none). Work that
lies past the text the two share is a conflict, never dropped unsaid. The real console script on real SQLite
files, as the trial ran it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from processes import annotator

from annotator.models import content_hash
from annotator.store import Store

TEXT = "Port to close\n\nThe port will close, said Jane Okafor\n"


def done_apart(tmp_path: Path) -> None:
    """alice.db from a.txt (TEXT), bob.db from a.jsonl (TEXT rstripped), each accepted and marked done there."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": TEXT.rstrip()}) + "\n", encoding="utf-8")
    for name, given in (("alice", "a.txt"), ("bob", "a.jsonl")):
        assert annotator("ingest", given, "--db", f"{name}.db", cwd=tmp_path).returncode == 0
        accepted = annotator("accept", "--annotator", name, "--done", "--db", f"{name}.db", cwd=tmp_path)
        assert (accepted.returncode, accepted.stderr) == (0, "")


def test_the_work_on_a_text_without_the_trailing_newline_goes_onto_the_stored_article(tmp_path: Path) -> None:
    done_apart(tmp_path)
    with Store.open(tmp_path / "alice.db", read_only=True) as store:
        suggestions = store.count("suggestions")
    merged = annotator("merge", "alice.db", "bob.db", "--db", "review.db", cwd=tmp_path)
    assert (merged.returncode, merged.stderr) == (0, "")
    stored, theirs = content_hash(TEXT), content_hash(TEXT.rstrip())
    assert merged.stdout == (
        "1 article(s), 2 annotation(s) and 2 event(s) added; 0 annotation(s) replaced by the other's; 0 unchanged; "
        "0 conflict(s) -> review.db\n"
        f"{suggestions} suggestion(s) added\n"
        f"note: article {theirs} of bob.db merged onto article {stored} 'Port to close': its text is that one's but "
        "for white space at its end (only a trailing newline differs: the stored text has one more)\n"
    )
    with Store.open(tmp_path / "review.db", read_only=True) as store:
        assert store.article_ids() == [stored]
        assert [(who, store.status(stored, who).value) for who in ("alice", "bob")] == [
            ("alice", "done"),
            ("bob", "done"),
        ]
        spans = {who: [(s.start, s.end, s.label, s.text) for s in store.spans(stored, who)] for who in ("alice", "bob")}
        assert spans["bob"] == spans["alice"] == [(0, 4, "LOCATION", "Port"), (41, 52, "ACTOR", "Jane Okafor")]
    checked = annotator("check", "--db", "review.db", cwd=tmp_path)
    assert (checked.returncode, checked.stdout) == (
        0,
        "review.db: ok (integrity check passed; 4 event(s) replay to the stored annotations)\n",
    )


def test_work_past_the_shared_text_is_a_conflict_naming_it(tmp_path: Path) -> None:
    """A span over the newline only one text has (an older release's, or a hand-made file's: today's span rules
    refuse white space at a span's edge) does not lie on the stored text: bob's work stays out, said so."""
    done_apart(tmp_path)
    with sqlite3.connect(tmp_path / "alice.db") as db:  # alice's text has the newline: her ACTOR span takes it in
        db.execute("DROP TRIGGER events_are_append_only_update")
        db.execute('UPDATE spans SET "end" = "end" + 1, text = text || char(10) WHERE label = \'ACTOR\'')
        db.execute("UPDATE events SET after = replace(after, '\"end\":52,\"label\":\"ACTOR\",\"text\":\"Jane Okafor\"', "
                   "'\"end\":53,\"label\":\"ACTOR\",\"text\":\"Jane Okafor\\n\"')")  # fmt: skip
        db.execute("CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events "
                   "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END")  # fmt: skip
    assert annotator("check", "--db", "alice.db", cwd=tmp_path).returncode == 0  # sound, as an older release's
    merged = annotator("merge", "alice.db", "--db", "bob.db", cwd=tmp_path)
    stored, theirs = content_hash(TEXT.rstrip()), content_hash(TEXT)
    assert merged.returncode == 1
    assert merged.stdout == (
        "0 article(s), 0 annotation(s) and 0 event(s) added; 0 annotation(s) replaced by the other's; 0 unchanged; "
        "1 conflict(s) -> bob.db\n"
        f"note: article {theirs} of alice.db merged onto article {stored} 'Port to close': its text is that one's but "
        "for white space at its end (only a trailing newline differs: the other file's text has one more)\n"
        f"conflict: alice on article {theirs} of alice.db not merged onto {stored} 'Port to close' (the same text but "
        "for white space at its end): its span ACTOR at 41:53 ends past the 52 characters the two texts share\n"
    )
    assert merged.stderr == (
        "annotator: error: 1 annotation(s) of alice.db not merged: past the text shared (listed above); the rest is "
        "merged into bob.db\n"
    )
    with Store.open(tmp_path / "bob.db", read_only=True) as store:
        assert store.annotators() == ["bob"]
