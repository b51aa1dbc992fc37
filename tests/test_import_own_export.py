"""An annotator's own export, imported back, changes nothing and is no conflict, in a format that cannot say all
of the work (a newcomer's trial: doccano and CoNLL exports imported back were three conflicts "differing from the
work stored here", since the stored work has quotes and speakers those formats cannot say)."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator, small_database
from support import SMALL_TEXT

from annotator.store import Store


@pytest.mark.parametrize(("name", "suffix"), [("doccano", "jsonl"), ("conll", "conll")])
def test_an_own_export_in_a_format_that_cannot_say_speakers_imports_back_unchanged(
    tmp_path: Path, name: str, suffix: str
) -> None:
    db = tmp_path / "x.db"
    article = small_database(db)  # alice: ACTOR 'Washington', done
    with Store.open(db) as store:
        start = SMALL_TEXT.index("talks failed")
        store.add_span(article, "alice", start, start + len("talks failed"), "QUOTE")
        quote = next(s for s in store.spans(article, "alice") if s.label == "QUOTE")
        actor = next(s for s in store.spans(article, "alice") if s.label == "ACTOR")
        store.set_speaker(article, "alice", quote.id, actor.id)
    out = f"alice.{suffix}"
    exported = annotator("export", "--annotator", "alice", "--format", name, "-o", out, "--db", db, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    result = annotator("import", out, "--format", name, "--annotator", "alice", "--db", db, cwd=tmp_path)
    realigned = "; 1 put on the stored article with the same words" if name == "conll" else ""
    assert (result.returncode, result.stderr, result.stdout) == (
        0,
        "",
        f"0 record(s) imported (0 new article(s)); 1 unchanged{realigned} -> {db}\n",
    )
    with Store.open(db, read_only=True) as store:
        assert [(s.label, s.speaker is not None) for s in store.spans(article, "alice")] == [
            ("ACTOR", False),
            ("QUOTE", True),
        ]
