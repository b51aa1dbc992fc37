"""An annotator's own export, imported back, changes nothing and is no conflict, in a format that cannot say all
of the work (a newcomer's trial: doccano and CoNLL exports imported back were three conflicts "differing from the
work stored here", since the stored work has quotes and speakers those formats cannot say)."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator, one_error_line, small_database
from support import SMALL_TEXT, word_tokens

from annotator.models import ArticleIn
from annotator.store import Store


def quoted(db: Path) -> str:
    """alice's done work: ACTOR 'Washington' and the QUOTE 'talks failed' it speaks; the article's id."""
    article = small_database(db)
    with Store.open(db) as store:
        start = SMALL_TEXT.index("talks failed")
        store.add_span(article, "alice", start, start + len("talks failed"), "QUOTE")
        quote = next(s for s in store.spans(article, "alice") if s.label == "QUOTE")
        actor = next(s for s in store.spans(article, "alice") if s.label == "ACTOR")
        store.set_speaker(article, "alice", quote.id, actor.id)
    return article


@pytest.mark.parametrize(("name", "suffix"), [("doccano", "jsonl"), ("conll", "conll")])
def test_an_own_export_in_a_format_that_cannot_say_speakers_imports_back_unchanged(
    tmp_path: Path, name: str, suffix: str
) -> None:
    db = tmp_path / "x.db"
    article = quoted(db)
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


@pytest.mark.parametrize(("name", "suffix"), [("spacy", "spacy"), ("conll", "conll"), ("doccano", "jsonl")])
def test_an_own_export_of_flagged_work_imports_back_unchanged_where_the_format_has_no_flag_reason(
    tmp_path: Path, name: str, suffix: str
) -> None:
    """Newcomer 42c: a spaCy export of a flagged article, imported back into its own database, was a conflict on
    the flag reason ("the file does not show it is newer"), exit 1; the export had said it left the reason out."""
    db = tmp_path / "x.db"
    article = small_database(db)  # alice: ACTOR 'Washington', done
    with Store.open(db) as store:
        store.set_status(article, "alice", "flagged", reason="is this a place? \U0001f600")
    out = f"alice.{suffix}"
    exported = annotator(
        "export", "--annotator", "alice", "--status", "all", "--format", name, "-o", out, "--db", db, cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    result = annotator("import", out, "--format", name, "--annotator", "alice", "--db", db, cwd=tmp_path)
    realigned = "; 1 put on the stored article with the same words" if name == "conll" else ""
    assert (result.returncode, result.stdout.splitlines()[0]) == (
        0,
        f"0 record(s) imported (0 new article(s)); 1 unchanged{realigned} -> {db}",
    )
    with Store.open(db, read_only=True) as store:
        assert store.status(article, "alice").value == "flagged"


@pytest.mark.parametrize(("name", "suffix"), [("jsonl", "jsonl"), ("doccano", "jsonl"), ("conll", "conll")])
def test_an_older_export_does_not_bring_back_work_undone_to_nothing(tmp_path: Path, name: str, suffix: str) -> None:
    """An attacker's trial: an annotator's only edit exported, then undone (back to "todo", nothing on it); the
    older export imported: "1 record(s) imported" and the undone span back (CoNLL even set "done"). Work undone to
    nothing is still work: the export is a conflict."""
    db = tmp_path / "x.db"
    with Store.open(db) as store:
        [article] = store.add_articles([(ArticleIn(text=SMALL_TEXT, title="Small"), word_tokens(SMALL_TEXT), [])])[0]
        store.add_span(article, "bob", 0, 10, "ACTOR")
    out = f"bob.{suffix}"
    exported = annotator(
        "export", "--annotator", "bob", "--status", "all", "--format", name, "-o", out, "--db", db, cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    with Store.open(db) as store:
        store.undo(article, "bob")
    result = annotator("import", out, "--format", name, "--annotator", "bob", "--db", db, cwd=tmp_path)
    realigned = "; 1 put on the stored article with the same words" if name == "conll" else ""
    assert (result.returncode, result.stdout.splitlines()[0]) == (  # a conflict: status 1
        1,
        f"0 record(s) imported (0 new article(s)); 1 conflict(s){realigned} -> {db}",
    )
    assert "--replace takes the file's" in one_error_line(result)
    with Store.open(db, read_only=True) as store:
        assert (store.spans(article, "bob"), store.status(article, "bob").value) == ([], "todo")


@pytest.mark.parametrize(("name", "suffix"), [("conll", "conll"), ("spacy", "spacy"), ("doccano", "jsonl")])
def test_replace_with_a_format_that_cannot_say_all_keeps_what_it_cannot_say(
    tmp_path: Path, name: str, suffix: str
) -> None:
    """Re-trial 42r: `import --replace` of a CoNLL file turned a flagged article with a quote into done work without
    the quote or the flag reason, and of a spaCy file dropped the flag reason, though the same file without
    --replace was "unchanged" (the comparison leaves out what the format cannot say; the replacement did not).
    A replacement takes what the file says and keeps the stored work for the rest: quotes, speakers, status, flag
    reason."""
    db = tmp_path / "x.db"
    article = quoted(db)
    with Store.open(db) as store:
        store.set_status(article, "alice", "flagged", reason="Gaza or the strip?")
    out = f"alice.{suffix}"
    exported = annotator(
        "export", "--annotator", "alice", "--status", "all", "--format", name, "-o", out, "--db", db, cwd=tmp_path
    )
    assert exported.returncode == 0, exported.stderr
    with Store.open(db) as store:  # alice's work goes on: Gaza marked after the export
        gaza = SMALL_TEXT.index("Gaza")
        store.add_span(article, "alice", gaza, gaza + 4, "LOCATION")
    result = annotator("import", out, "--format", name, "--annotator", "alice", "--replace", "--db", db, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with Store.open(db, read_only=True) as store:
        kept = [(s.label.value, s.text, s.speaker is not None) for s in store.spans(article, "alice")]
        assert kept == [("ACTOR", "Washington", False), ("QUOTE", "talks failed", True)]  # Gaza: the file's
        assert (store.status(article, "alice").value, store.flag_reason(article, "alice")) == (
            "flagged",
            "Gaza or the strip?",
        )
