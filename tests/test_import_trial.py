"""What a newcomer's (or an attacker's) files must not do to a database: make the model's suggestions someone's
work, carry a stamp from the future that beats all later work, bring back an older suggester version, or name an
annotator so that an export lands outside exports/. Real console scripts on real files."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from exchange_support import SEED
from processes import annotator, one_error_line

from annotator.models import Suggestion
from annotator.store import Store


def run(*args: str | Path, cwd: Path | None = None) -> str:
    result = annotator(*args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout


def by_suggester(db: Path) -> dict[str, int]:
    with closing(sqlite3.connect(db)) as connection:
        rows = connection.execute("SELECT suggester, count(*) FROM suggestions GROUP BY 1 ORDER BY 1")
        return dict(rows.fetchall())


def annotators(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as connection:
        return [row[0] for row in connection.execute("SELECT DISTINCT annotator FROM annotations ORDER BY 1")]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article ingested with the default suggesters (entities.v16, quotes.v6); alice finished it."""
    db = tmp_path_factory.mktemp("seeded") / "s.db"
    run("ingest", SEED, "--db", db)
    with Store.open(db) as store:
        [article] = store.article_ids()
        store.add_span(article, "alice", 0, 6, "ACTOR")
        store.set_status(article, "alice", "done")
    return db


def article_of(db: Path) -> tuple[str, str]:
    with Store.open(db, read_only=True) as store:
        [article] = store.article_ids()
        return article, store.article_text(article)


# -- 1. a record of the model's is never made a person's work by --annotator ----------------------------------------

FIELDS = {"jsonl": "annotator", "prodigy": "_annotator_id", "labelstudio": None, "spacy": "user_data.annotator"}


@pytest.mark.parametrize("format_name", ["jsonl", "prodigy", "labelstudio", "spacy"])
def test_annotator_option_never_makes_suggestions_someones_work(tmp_path: Path, seeded: Path, format_name: str) -> None:
    exported = tmp_path / f"sugg.{format_name}"
    run("export", "--suggestions", "--format", format_name, "-o", exported, "--db", seeded)
    for target in (tmp_path / "copy.db", tmp_path / "new.db"):
        if target.name == "copy.db":
            shutil.copy(seeded, target)
        before = target.read_bytes() if target.exists() else None
        result = annotator(
            "import", exported, "--format", format_name, "--annotator", "alice", "--replace", "--db", target
        )
        line = one_error_line(result)
        assert line.startswith(f"{exported}:"), line
        assert line.endswith(
            "this record holds the model's suggestions (model:entities.v16+quotes.v6), not anyone's work: import "
            "them without --annotator"
        ), line
        assert (target.read_bytes() if target.exists() else None) == before


def test_the_jsonl_refusal_names_line_and_field(tmp_path: Path, seeded: Path) -> None:
    exported = tmp_path / "sugg.jsonl"
    run("export", "--suggestions", "-o", exported, "--db", seeded)
    result = annotator("import", exported, "--annotator", "alice", "--db", tmp_path / "new.db")
    assert one_error_line(result) == (
        f"{exported}:1: field 'annotator': this record holds the model's suggestions (model:entities.v16+quotes.v6), "
        "not anyone's work: import them without --annotator"
    )


# -- 2. a stamp from the future -------------------------------------------------------------------------------------


def future_lines(article: str, text: str) -> dict[str, tuple[str, str]]:
    """Per format: a file's line carrying a far-future stamp, and the field the error names."""
    native = {"article_id": article, "text": text, "annotator": "mallory", "status": "done", "spans": []}
    return {
        "jsonl": (json.dumps({**native, "updated_at": "9999-12-31T23:59:59Z"}), "updated_at"),
        "prodigy": (
            json.dumps({"text": text, "_annotator_id": "mallory", "answer": "accept", "_timestamp": 253402300799}),
            "_timestamp",
        ),
    }


@pytest.mark.parametrize("format_name", ["jsonl", "prodigy"])
def test_a_stamp_from_the_future_is_one_line(tmp_path: Path, seeded: Path, format_name: str) -> None:
    article, text = article_of(seeded)
    line, field = future_lines(article, text)[format_name]
    path = tmp_path / "future.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    target = tmp_path / "copy.db"
    shutil.copy(seeded, target)
    before = target.read_bytes()
    error = one_error_line(annotator("import", path, "--format", format_name, "--db", target))
    assert error.startswith(f"{path}:1: field '{field}': 9999-12-31T23:59:59.000000Z is in the future (now is "), error
    assert target.read_bytes() == before


def test_a_label_studio_stamp_from_the_future_is_one_line(tmp_path: Path, seeded: Path) -> None:
    exported = tmp_path / "alice.json"
    run("export", "--annotator", "alice", "--format", "labelstudio", "-o", exported, "--db", seeded)
    tasks = json.loads(exported.read_text(encoding="utf-8"))
    tasks[0]["annotations"][0]["updated_at"] = "9999-12-31T23:59:59Z"
    exported.write_text(json.dumps(tasks), encoding="utf-8")
    error = one_error_line(annotator("import", exported, "--format", "labelstudio", "--db", tmp_path / "n.db"))
    assert error.startswith(
        f"{exported}:1: record 1: field 'annotations[0].updated_at': 9999-12-31T23:59:59.000000Z "
    ), error
    assert "is in the future (now is " in error


def test_a_stored_stamp_from_the_future_is_never_newer(tmp_path: Path, seeded: Path) -> None:
    """An older release stored a far-future stamp: a real, later record is a conflict, never a silent loss, and
    a record from the future does not replace it either."""
    target = tmp_path / "copy.db"
    shutil.copy(seeded, target)
    article, text = article_of(target)
    with closing(sqlite3.connect(target)) as connection, connection:
        connection.execute("UPDATE annotations SET updated_at = '9999-12-31T23:59:59.000000Z'")
    record = {"article_id": article, "text": text, "annotator": "alice", "status": "in_progress", "spans": []}
    path = tmp_path / "later.jsonl"
    path.write_text(json.dumps({**record, "updated_at": "2026-01-01T00:00:00Z"}) + "\n", encoding="utf-8")
    result = annotator("import", path, "--db", target)
    assert result.returncode == 1, result.stderr  # a conflict: the file was not applied
    assert result.stdout.startswith(f"0 record(s) imported (0 new article(s)); 1 conflict(s) -> {target}\n")
    with Store.open(target, read_only=True) as store:
        assert store.status(article, "alice").value == "done"


# -- 3. an older suggester version never replaces a newer one -------------------------------------------------------


def old_record(db: Path, tmp_path: Path, annotator_name: str) -> Path:
    article, text = article_of(db)
    spans = [
        {"start": 0, "end": 6, "label": "ACTOR", "text": text[0:6]},
        {"start": text.index("Gaza Strip"), "end": text.index("Gaza Strip") + 10, "label": "LOCATION",
         "text": "Gaza Strip"},
    ]  # fmt: skip
    path = tmp_path / "old.jsonl"
    record = {"article_id": article, "text": text, "annotator": annotator_name, "spans": spans}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_importing_an_older_suggester_version_is_refused(tmp_path: Path, seeded: Path) -> None:
    target = tmp_path / "copy.db"
    shutil.copy(seeded, target)
    before = by_suggester(target)
    assert before == {"entities.v16": 83, "quotes.v6": 6}
    path = old_record(target, tmp_path, "model:entities.v1+quotes.v1")
    assert one_error_line(annotator("import", path, "--db", target)) == (
        f"{path}:1: field 'annotator': suggester entities.v1 is older than entities.v16, whose suggestions this "
        "article has: an older version never replaces a newer one"
    )
    assert by_suggester(target) == before


def test_an_unknown_suggester_version_is_refused(tmp_path: Path, seeded: Path) -> None:
    target = tmp_path / "copy.db"
    shutil.copy(seeded, target)
    before = by_suggester(target)
    path = old_record(target, tmp_path, "model:entities.v17+quotes.v2")
    assert one_error_line(annotator("import", path, "--db", target)) == (
        f"{path}:1: field 'annotator': unknown suggester version 'entities.v17' (this release knows entities.v1, "
        "entities.v2, entities.v3, entities.v4, entities.v5, entities.v6, entities.v7, entities.v8, entities.v9, entities.v10, entities.v11, entities.v12, entities.v13, entities.v14, entities.v15, entities.v16, quotes.v1, quotes.v2, quotes.v3, quotes.v4, quotes.v5, quotes.v6)"
    )
    assert by_suggester(target) == before


def test_an_older_version_on_a_new_article_is_stored(tmp_path: Path, seeded: Path) -> None:
    path = old_record(seeded, tmp_path, "model:entities.v1+quotes.v1")
    target = tmp_path / "new.db"
    assert run("import", path, "--db", target) == (
        f"1 record(s) imported (1 new article(s), 2 suggestion(s) of the model) -> {target}\n"
    )
    assert by_suggester(target) == {"entities.v1": 2}


def test_merge_never_brings_an_older_version(tmp_path: Path, seeded: Path) -> None:
    """Their file holds a later batch (by time) of an older version (imported by an earlier release): ours stay."""
    theirs, ours = tmp_path / "v.db", tmp_path / "sm.db"
    shutil.copy(seeded, theirs)
    shutil.copy(seeded, ours)
    article, text = article_of(theirs)
    with Store.open(theirs) as store, store.write():
        store.drop_undecided_suggestions(article, ["entities.v16"])
        store.keep_suggestions(article, [Suggestion(start=0, end=6, label="ACTOR", text=text[:6],
                                                    suggester="entities.v1")])  # fmt: skip
    assert by_suggester(theirs) == {"entities.v1": 1, "entities.v16": 1, "quotes.v6": 6}  # v5's one alice accepted
    out = run("merge", theirs, "--db", ours)
    assert "suggestion(s) added" not in out, out
    assert by_suggester(ours) == {"entities.v16": 83, "quotes.v6": 6}


# -- 4. an annotator's name is a name, never a path -----------------------------------------------------------------

BAD_NAMES = {
    "../../evil": "an annotator's name may not contain a path separator (/ or \\): '../../evil'",
    "/tmp/w2/abs": "an annotator's name may not contain a path separator (/ or \\): '/tmp/w2/abs'",
    ".": "an annotator's name may not be '.'",
    " alice ": "an annotator's name may not begin or end with white space: ' alice '",
    "al\x1bice": "an annotator's name may not contain a control character: 'al\\x1bice'",
}


@pytest.mark.parametrize("name", list(BAD_NAMES), ids=["up", "absolute", "dot", "spaces", "escape"])
def test_a_record_naming_a_path_as_annotator_is_one_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / "in.jsonl"
    record = {"article_id": "a1", "text": "Alice Smith spoke.", "annotator": name, "status": "done"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert one_error_line(annotator("import", path, "--db", tmp_path / "n.db")) == (
        f"{path}:1: field 'annotator': {BAD_NAMES[name]}"
    )
    assert not (tmp_path / "n.db").exists()


def files(folder: Path) -> list[str]:
    """Every file and folder under `folder` but the database's own (its WAL files come and go)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if not p.name.startswith("s.db"))


@pytest.mark.parametrize("name", list(BAD_NAMES), ids=["up", "absolute", "dot", "spaces", "escape"])
def test_an_option_naming_a_path_is_one_line(tmp_path: Path, seeded: Path, name: str) -> None:
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    db = work / "s.db"
    shutil.copy(seeded, db)
    with Store.open(db) as store:  # an older release stored the name
        [article] = store.article_ids()
        store.add_span(article, name, 0, 6, "ACTOR")
        store.set_status(article, name, "done")
    record = tmp_path / "in.jsonl"
    record.write_text(json.dumps({"article_id": "a1", "text": "Alice Smith spoke.", "annotator": "bob"}) + "\n")
    before = files(tmp_path)
    for command, option in (
        (["export", "--annotator", name], "--annotator"),
        (["import", str(record), "--annotator", name], "--annotator"),
        *([] if name.strip() != name else [(["agreement", "--annotators", f"alice,{name}"], "--annotators")]),
        (["adjudicate", "--auto", "--annotators", "alice,bob", "--reviewer", name], "--reviewer"),
    ):
        assert one_error_line(annotator(*command, "--db", db, cwd=work)) == f"{option}: {BAD_NAMES[name]}"
    assert files(tmp_path) == before
    assert annotators(db) == sorted(["alice", name])


@pytest.mark.parametrize("command", [["pack", "-o", "p.db"], ["serve"], ["annotate"]])
def test_pack_serve_and_annotate_take_a_name_not_a_path(tmp_path: Path, seeded: Path, command: list[str]) -> None:
    db = tmp_path / "s.db"
    shutil.copy(seeded, db)
    result = annotator(*command, "--annotator", "../../evil", "--db", db, cwd=tmp_path)
    assert one_error_line(result) == (
        "--annotator: an annotator's name may not contain a path separator (/ or \\): '../../evil'"
    )
    assert files(tmp_path) == []


def test_the_default_export_never_leaves_exports(tmp_path: Path, seeded: Path) -> None:
    """exports/alice.jsonl a link to a file outside exports/: the default output is refused, nothing written."""
    shutil.copy(seeded, tmp_path / "s.db")
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "alice.jsonl").symlink_to(Path("..") / "outside.jsonl")
    result = annotator("export", "--annotator", "alice", "--db", tmp_path / "s.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "the default output exports/alice.jsonl would not be inside exports/: give -o PATH"
    )
    assert not (tmp_path / "outside.jsonl").exists()
