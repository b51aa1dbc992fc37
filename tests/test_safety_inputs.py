"""Issue 10: imports and ingests never silently replace work, and check exactly the editor's rules (items 3, 6,
12, 16, 17 and 20's FIFO). The real console script on real files; the annotating in between is what the TUI
does, through the store."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from processes import annotator, one_error_line
from support import word_tokens

from annotator.exchange.formats import FORMATS
from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.store.verify import check

WORDS = " ".join(f"Name{n}" for n in range(40))
TEXT = f"Officials said on Monday that {WORDS} met in Paris.\nThe second line says nothing."


def article_db(path: Path, text: str = TEXT, suggestions: list[Suggestion] | None = None) -> str:
    with Store.open(path) as store:
        [article] = store.add_articles([(ArticleIn(text=text, title="Names"), word_tokens(text), suggestions or [])])[0]
    return article


def annotate_names(store: Store, article: str, count: int, start_at: int = 0) -> None:
    text = store.article_text(article)
    for n in range(start_at, count):
        begin = text.index(f"Name{n} ")
        store.add_span(article, "alice", begin, begin + len(f"Name{n}"), "ACTOR")


def spans_and_status(db: Path, article: str) -> tuple[int, str]:
    with Store.open(db, read_only=True) as store:
        return len(store.spans(article, "alice")), store.status(article, "alice").value


# -- item 3: an import never silently replaces newer work; a replacement is undoable ------------------------


def test_importing_an_older_export_over_newer_work_is_a_conflict_and_replace_is_undoable(tmp_path: Path) -> None:
    db = tmp_path / "alice.db"
    article = article_db(db)
    with Store.open(db) as store:
        annotate_names(store, article, 5)
    assert (
        annotator(
            "export", "--db", db, "--annotator", "alice", "--status", "all", "-o", tmp_path / "old.jsonl"
        ).returncode
        == 0
    )
    with Store.open(db) as store:
        annotate_names(store, article, 25, start_at=5)
        store.set_status(article, "alice", "done")
    events = Store.open(db, read_only=True).count("events")

    result = annotator("import", tmp_path / "old.jsonl", "--db", db)
    assert (result.returncode, result.stdout) == (  # a conflict: status 1, after the report
        1,
        f"0 record(s) imported (0 new article(s)); 1 conflict(s) -> {db}\n"
        f"conflict: alice on {article} 'Names' ({tmp_path / 'old.jsonl'}:1) differs from newer work stored here "
        "(status: done here, in_progress in the file; spans: 20 only here (ACTOR 'Name5', ACTOR 'Name6' ...)): kept this database's (--replace takes the file's)\n",
    )
    assert spans_and_status(db, article) == (25, "done")
    assert Store.open(db, read_only=True).count("events") == events

    result = annotator("import", tmp_path / "old.jsonl", "--db", db, "--replace")
    assert (result.returncode, result.stdout) == (
        0,
        f"1 record(s) imported (0 new article(s)); 1 replaced newer work in the database (--replace) -> {db}\n",
    )
    assert spans_and_status(db, article) == (5, "in_progress")
    with Store.open(db) as store:
        assert store.undo(article, "alice").message.startswith("undid import of ")  # ... and the other spans
        assert check(store) == []
    assert spans_and_status(db, article) == (25, "done")


def test_a_newer_export_replaces_older_work_and_the_same_one_changes_nothing(tmp_path: Path) -> None:
    db, other = tmp_path / "a.db", tmp_path / "b.db"
    article = article_db(db)
    with Store.open(db) as store:
        annotate_names(store, article, 3)
    assert (
        annotator(
            "export", "--db", db, "--annotator", "alice", "--status", "all", "-o", tmp_path / "v1.jsonl"
        ).returncode
        == 0
    )
    assert annotator("import", tmp_path / "v1.jsonl", "--db", other).returncode == 0
    with Store.open(db) as store:
        annotate_names(store, article, 6, start_at=3)
    assert (
        annotator(
            "export", "--db", db, "--annotator", "alice", "--status", "all", "-o", tmp_path / "v2.jsonl"
        ).returncode
        == 0
    )
    result = annotator("import", tmp_path / "v2.jsonl", "--db", other)
    assert result.stdout == f"1 record(s) imported (0 new article(s)); 1 replaced older work -> {other}\n"
    events = Store.open(other, read_only=True).count("events")
    result = annotator("import", tmp_path / "v2.jsonl", "--db", other)
    assert result.stdout == f"0 record(s) imported (0 new article(s)); 1 unchanged -> {other}\n"
    assert (Store.open(other, read_only=True).count("events"), spans_and_status(other, article)) == (
        events,
        (6, "in_progress"),
    )


# -- item 6: spans an older release stored with a no-break space at an edge --------------------------------


def older_release_work(db: Path) -> str:
    """What an older suggester left ('about 1\\xa0', a FIGURE ending in a no-break space) and an annotator who
    accepted it then: rows written as that release wrote them, its event included, so the log stays whole."""
    text = "It cost about 1\xa0million dollars, Ann Lee said in Paris."
    article = article_db(db, text)
    start, end = text.index("about"), text.index("million")
    connection = sqlite3.connect(db)
    connection.execute(
        'INSERT INTO suggestions (article_id, start, "end", label, text, suggester, created_at) '
        "VALUES (?, ?, ?, 'FIGURE', ?, 'entities.v0', '2024-01-01T00:00:00Z')",
        [article, start, end, text[start:end]],
    )
    [suggestion] = connection.execute("SELECT id FROM suggestions").fetchone()
    span = {"id": 1, "start": start, "end": end, "label": "FIGURE", "text": text[start:end], "speaker_start": None,
            "speaker_end": None, "suggestion_id": suggestion}  # fmt: skip
    connection.execute(
        'INSERT INTO spans (id, article_id, annotator, start, "end", label, text, suggestion_id) '
        "VALUES (1, ?, 'alice', ?, ?, 'FIGURE', ?, ?)",
        [article, start, end, text[start:end], suggestion],
    )
    connection.execute(
        "INSERT INTO decisions (suggestion_id, annotator, article_id, decision) VALUES (?, 'alice', ?, 'accepted')",
        [suggestion, article],
    )
    connection.execute(
        "INSERT INTO annotations (article_id, annotator, status, updated_at) VALUES (?, 'alice', 'done', "
        "'2024-01-01T00:00:01.000000Z')",  # a moment, as every release wrote its own edits' (`check` reads them)
        [article],
    )
    after = {"spans": [span], "decisions": [{"suggestion_id": suggestion, "decision": "accepted"}], "status": "done"}
    connection.execute(
        "INSERT INTO events (article_id, annotator, action, before, after, at) VALUES (?, 'alice', 'accept', ?, ?, "
        "'2024-01-01T00:00:01.000000Z')",
        [article, json.dumps({"spans": [], "decisions": [], "status": "todo"}), json.dumps(after)],
    )
    connection.commit()
    connection.close()
    return article


@pytest.mark.parametrize("format_name", list(FORMATS))
def test_older_spans_with_a_no_break_space_export_and_import_in_every_format(tmp_path: Path, format_name: str) -> None:
    db = tmp_path / "old.db"
    article = older_release_work(db)
    with Store.open(db, read_only=True) as store:
        assert check(store) == []
    for who, out in ((["--suggestions"], "model.out"), (["--annotator", "alice"], "alice.out")):
        result = annotator("export", "--db", db, *who, "--format", format_name, "-o", tmp_path / out)
        if out == "model.out" and format_name == "conll":  # CoNLL names nobody: the model's spans are not written
            assert one_error_line(result).startswith("CoNLL cannot say that spans are the model's")
            continue
        assert result.returncode == 0, result.stderr
        result = annotator("import", tmp_path / out, "--format", format_name, "--annotator", "alice2",
                           "--db", tmp_path / f"fresh-{out}.db")  # fmt: skip
        if out == "model.out":
            assert one_error_line(result).endswith(  # the model's suggestions never become alice2's work
                "this record holds the model's suggestions (model:entities.v0), not anyone's work: import them "
                "without --annotator"
            )
            continue
        who = "alice2"
        if format_name != "conll":  # alice's record never becomes alice2's (attack 31): imported as hers
            assert "names 'alice' as its annotator, not 'alice2'" in one_error_line(result)
            who = "alice"
            result = annotator("import", tmp_path / out, "--format", format_name, "--db", tmp_path / f"fresh-{out}.db")
        assert result.returncode == 0, result.stderr
        with Store.open(tmp_path / f"fresh-{out}.db", read_only=True) as fresh:
            assert [s.text for s in fresh.spans(fresh.article_ids()[0], who)] == ["about 1"]
    if format_name != "conll":  # CoNLL names no annotator and no article: its own export is alice's again
        result = annotator("import", tmp_path / "alice.out", "--format", format_name, "--db", db)
        assert result.stdout == f"0 record(s) imported (0 new article(s)); 1 unchanged -> {db}\n", result.stderr
    assert spans_and_status(db, article) == (1, "done")


# -- item 12: a known id with a changed text -------------------------------------------------------------------


def test_a_changed_text_under_a_known_id_is_an_error_unless_an_option_says_what_to_do(tmp_path: Path) -> None:
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": "a1", "text": "Ann said it rained in Paris."}) + "\n", encoding="utf-8")
    changed = tmp_path / "changed.jsonl"
    changed.write_text(json.dumps({"id": "a1", "text": "Ann said it snowed in Oslo."}) + "\n", encoding="utf-8")
    db = tmp_path / "a.db"
    assert annotator("ingest", first, "--no-suggest", "--db", db).returncode == 0
    line = one_error_line(annotator("ingest", changed, "--no-suggest", "--db", db))
    assert line == f"{changed}:1: field 'id': article id 'a1' is stored with a different text (they first differ " \
        "at character 13: the stored text has 'Ann said it rained in Paris.' (its end), the given 'Ann said it " \
        "snowed in Oslo.' (its end); --changed-text new adds this one as a new article, --changed-text replace replaces the stored one if nobody has opened it)"  # fmt: skip
    with Store.open(db, read_only=True) as store:
        assert (store.article_ids(), store.article("a1").text) == (["a1"], "Ann said it rained in Paris.")
    result = annotator("ingest", changed, "--no-suggest", "--db", db, "--changed-text", "replace")
    assert result.stdout == f"0 article(s) added, 0 already stored, 1 replaced, 0 suggestion(s) -> {db}\n"
    with Store.open(db) as store:
        assert store.article("a1").text == "Ann said it snowed in Oslo."
        store.add_span("a1", "bob", 0, 3, "ACTOR")
    result = annotator("ingest", first, "--no-suggest", "--db", db, "--changed-text", "replace")
    assert (result.returncode, result.stdout) == (
        1,
        f"0 article(s) added, 0 already stored, 1 conflict(s), 0 suggestion(s) -> {db}\n"
        f"conflict: a1 'Ann said it snowed in Oslo.' ({first}:1) is stored with a different text that bob opened, "
        "annotated or packed (they first differ at character 13: the stored text has 'Ann said it snowed in Oslo.' "
        "(its end), the given 'Ann said it rained in Paris.' (its end)): left as stored (--changed-text new adds the new text as an article of its own)\n",
    )
    result = annotator("ingest", first, "--no-suggest", "--db", db, "--changed-text", "new")
    assert result.returncode == 0, result.stderr
    with Store.open(db, read_only=True) as store:
        [added] = [a for a in store.article_ids() if a != "a1"]
        assert (added.startswith("a1~"), store.article(added).text) == (True, "Ann said it rained in Paris.")
        assert store.article("a1").text == "Ann said it snowed in Oslo."


# -- item 16: an import checks the editor's rules; a record without a title gets ingest's --------------------


def test_duplicate_or_overlapping_quotes_are_refused_and_a_missing_title_is_made(tmp_path: Path) -> None:
    text = 'Ann said "it rained all day in Paris" and left.\nSecond line.'
    start = text.index("it rained")
    quote, inner = (start, text.index('"', start)), (start + 3, start + 9)
    path = tmp_path / "q.jsonl"
    for spans in ([quote, quote], [quote, inner]):
        native = [{"start": s, "end": e, "label": "QUOTE", "text": text[s:e]} for s, e in spans]
        path.write_text(json.dumps({"article_id": "q", "text": text, "annotator": "alice", "spans": native}) + "\n",
                        encoding="utf-8")  # fmt: skip
        line = one_error_line(annotator("import", path, "--db", tmp_path / "q.db"))
        assert line.startswith(f"{path}:1: field ") and line.endswith(
            f"quotes {start}:{quote[1]} and {spans[1][0]}:{spans[1][1]} overlap"
        ), line
    path.write_text(json.dumps({"text": text, "label": [[*quote, "QUOTE"], [*inner, "QUOTE"]]}) + "\n")
    line = one_error_line(
        annotator("import", path, "--format", "doccano", "--annotator", "a", "--db", tmp_path / "q.db")
    )
    assert line.startswith(f"{path}:1: field ") and line.endswith(
        f"quotes {start}:{quote[1]} and {inner[0]}:{inner[1]} overlap"
    ), line
    assert not (tmp_path / "q.db").exists()
    # doccano's own files hold some spans twice: an exact repeat is one span, counted, never a second quote
    path.write_text(json.dumps({"text": text, "label": [[*quote, "QUOTE"], [*quote, "QUOTE"]]}) + "\n")
    result = annotator("import", path, "--format", "doccano", "--annotator", "a", "--db", tmp_path / "r.db")
    assert (result.returncode, result.stdout.splitlines()[-1]) == (0, "left out: 1 repeated span(s) (kept once)")
    with Store.open(tmp_path / "r.db", read_only=True) as store:
        assert [(s.start, s.end) for s in store.spans(store.article_ids()[0], "a")] == [quote]
    path.write_text(json.dumps({"text": text, "label": [[*quote, "QUOTE"]]}) + "\n", encoding="utf-8")
    assert (
        annotator("import", path, "--format", "doccano", "--annotator", "a", "--db", tmp_path / "q.db").returncode == 0
    )
    with Store.open(tmp_path / "q.db", read_only=True) as store:
        assert store.article(store.article_ids()[0]).title == 'Ann said "it rained all day in Paris" and left.'


# -- item 17: NaN and 1e999 ---------------------------------------------------------------------------------------


def test_nan_and_infinity_are_refused_at_input_and_never_written(tmp_path: Path) -> None:
    articles = tmp_path / "a.jsonl"
    articles.write_text('{"text": "Ann said it rained.", "meta": {"score": NaN}}\n', encoding="utf-8")
    assert one_error_line(annotator("ingest", articles, "--no-suggest", "--db", tmp_path / "a.db")) == (
        f"{articles}:1: field 'meta': meta.score is NaN, which is not standard JSON"
    )
    records = tmp_path / "r.jsonl"
    records.write_text('{"text": "Ann said it rained.", "annotator": "a", "big": 1}\n'
                       '{"text": "Bob said it snowed.", "annotator": "a", "meta": {"n": 1e999}}\n', encoding="utf-8")  # fmt: skip
    line = one_error_line(annotator("import", records, "--format", "doccano", "--db", tmp_path / "a.db"))
    assert line == f"{records}:2: field 'meta': meta.n is Infinity (or a number too large, as 1e999), which is not " \
        "standard JSON"  # fmt: skip
    assert not (tmp_path / "a.db").exists()
    db = tmp_path / "old.db"  # an older release stored such a value: exports refuse it rather than write it
    article_db(db)
    connection = sqlite3.connect(db)
    connection.execute("""UPDATE articles SET meta = '{"score": NaN}'""")
    connection.commit()
    connection.close()
    with Store.open(db) as store:
        [article] = store.article_ids()
        store.add_span(article, "alice", TEXT.index("Paris"), TEXT.index("Paris") + 5, "LOCATION")
    for who in (["--annotator", "alice"], ["--suggestions"]):
        line = one_error_line(annotator("export", "--db", db, *who, "--status", "all", "-o", tmp_path / "out.jsonl"))
        assert line == (f"{db}: table 'articles', article {article!r}: its meta holds NaN, which is not "
                        "standard JSON (an older release stored it); nothing was exported (annotator check --db "
                        f"{db} lists every problem)")  # fmt: skip
        assert not (tmp_path / "out.jsonl").exists()


# -- item 20: a FIFO named like an article ---------------------------------------------------------------------


def test_a_fifo_named_like_an_article_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.txt")
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "folder" / "y.jsonl")
    for args, named in ((["ingest", "x.txt"], "x.txt"), (["ingest", "folder"], "folder/y.jsonl"),
                        (["import", "x.txt"], "x.txt")):  # fmt: skip
        line = one_error_line(annotator(*args, "--db", "a.db", cwd=tmp_path, timeout=60))
        assert line.startswith(f"{named}: a FIFO (named pipe), not a regular file"), line  # a folder's: the way on too
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "x.txt"]


def test_a_conflict_with_a_record_that_gives_no_time_does_not_call_the_stored_work_newer(tmp_path: Path) -> None:
    """Found by a newcomer: a record with no `updated_at` (doccano, CoNLL give none) or the same moment was
    reported as differing from "newer work", which nothing showed."""
    db = tmp_path / "alice.db"
    article = article_db(db)
    with Store.open(db) as store:
        annotate_names(store, article, 5)
    exported = tmp_path / "old.jsonl"
    assert annotator("export", "--db", db, "--annotator", "alice", "--status", "all", "-o", exported).returncode == 0
    record = json.loads(exported.read_text(encoding="utf-8"))
    del record["updated_at"]
    record["spans"] = record["spans"][:2]
    exported.write_text(json.dumps(record) + "\n", encoding="utf-8")

    result = annotator("import", exported, "--db", db)
    assert (result.returncode, result.stdout) == (  # a conflict: status 1, after the report
        1,
        f"0 record(s) imported (0 new article(s)); 1 conflict(s) -> {db}\n"
        f"conflict: alice on {article} 'Names' ({exported}:1) differs from the work stored here (spans: 3 only here "
        "(ACTOR 'Name2', ACTOR 'Name3' ...); "
        "the file does not show it is newer): kept this database's (--replace takes the file's)\n",
    )
    assert spans_and_status(db, article) == (5, "in_progress")
