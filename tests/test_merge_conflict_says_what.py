"""A newcomer's trial: `annotator merge other.db`, other.db made by importing this database's Label Studio export
into a fresh database, reported "conflict: root on ... differs in other.db: kept this database's" for every
article (exit status 1), though a native re-export of both matched exactly: Label Studio carries no decisions
on suggestions, and the line never said what differed. The real console script on real database files."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.store import Store

ARTICLE = 'Rail fares rise\n\nThe minister said "fares will rise" in London on Monday, said Network Rail.\n'


def _accepted(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "annotations.db"
    assert annotator("ingest", tmp_path / "a.txt", "--db", db).returncode == 0
    assert annotator("accept", "--annotator", "root", "--done", "--db", db).returncode == 0
    return db


def _through_label_studio(tmp_path: Path, db: Path) -> Path:
    other = tmp_path / "other.db"
    ls = tmp_path / "ls.json"
    assert annotator("export", "--db", db, "--annotator", "root", "--format", "labelstudio", "-o", ls).returncode == 0
    imported = annotator("import", ls, "--format", "labelstudio", "--annotator", "root", "--db", other)
    assert imported.returncode == 0, imported.stderr
    return other


def test_decisions_a_format_cannot_carry_are_no_conflict(tmp_path: Path) -> None:
    db = _accepted(tmp_path)
    other = _through_label_studio(tmp_path, db)
    with Store.open(db) as store:
        decided = store.conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0]
    assert decided > 0
    result = annotator("merge", other, "--db", db)
    assert result.returncode == 0, result.stderr
    assert "conflict:" not in result.stdout and "0 conflict(s)" in result.stdout
    assert "1 unchanged" in result.stdout
    with Store.open(db) as store:  # this database's decisions stay
        assert store.conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0] == decided
    back = annotator("merge", db, "--db", other, "--prefer", "this")  # the other way: theirs hold more, a conflict
    assert back.returncode == 0, back.stderr
    assert f"differs in {db} (decisions on {decided} suggestion(s))" in back.stdout


def test_a_conflict_says_what_differs(tmp_path: Path) -> None:
    db = _accepted(tmp_path)
    other = _through_label_studio(tmp_path, db)
    with Store.open(other) as store:
        [article_id] = store.article_ids()
        spans = store.spans(article_id, "root")
        store.remove_span(article_id, "root", spans[0].id)
        store.set_status(article_id, "root", "in_progress")
    result = annotator("merge", other, "--db", db)
    assert result.returncode == 1
    [line] = [line for line in result.stdout.splitlines() if line.startswith("conflict:")]
    assert line == (
        f"conflict: root on {article_id} 'Rail fares rise' differs in {other} (status: done here, in_progress "
        "there; spans: 1 only here (ACTOR 'The minister'); speaker of 1 quote(s); decisions on 4 suggestion(s)): kept this database's (--prefer other takes theirs)"
    )
