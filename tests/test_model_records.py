"""The model is never an annotator: records of suggestions (`export --suggestions`, `predict`: annotator
`model:...`) read back as suggestions under their suggester versions, and no report counts a model's name as a
person's. Real console scripts on real files, the real pipeline's suggestions."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from exchange_support import SEED
from processes import annotator, one_error_line

from annotator.errors import Refused
from annotator.store import Store

MODEL = "model:entities.v2+quotes.v2"


def run(*args: str | Path) -> str:
    result = annotator(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def suggestions(db: Path) -> list[tuple[object, ...]]:
    """Every suggestion by content (ids and times differ between files)."""
    with closing(sqlite3.connect(db)) as connection:
        sql = (
            'SELECT start, "end", label, text, speaker_start, speaker_end, suggester FROM suggestions ORDER BY 1, 2, 7'
        )
        return list(connection.execute(sql))


def annotators(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as connection:
        return [row[0] for row in connection.execute("SELECT DISTINCT annotator FROM annotations ORDER BY 1")]


@pytest.fixture(scope="module")
def suggested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The seed article ingested with the default suggesters, and its `export --suggestions` file."""
    folder = tmp_path_factory.mktemp("suggested")
    run("ingest", SEED, "--db", folder / "source.db")
    run("export", "--suggestions", "-o", folder / "suggestions.jsonl", "--db", folder / "source.db")
    return folder / "source.db", folder / "suggestions.jsonl"


def test_imported_suggestions_are_suggestions_not_an_annotator(tmp_path: Path, suggested: tuple[Path, Path]) -> None:
    source, exported = suggested
    target = tmp_path / "target.db"
    assert run("import", exported, "--db", target) == (
        f"1 record(s) imported (1 new article(s), 89 suggestion(s) of the model) -> {target}\n"
    )
    assert suggestions(target) == suggestions(source)
    assert {row[6] for row in suggestions(target)} == {"entities.v16", "quotes.v6"}
    assert annotators(target) == []
    assert "model:" not in run("stats", "--db", target)


def test_an_article_without_suggestions_is_imported_into_a_new_database_not_unchanged(
    tmp_path: Path, suggested: tuple[Path, Path]
) -> None:
    """Found by a newcomer: its record brought its article, yet was counted as "unchanged" (nothing was there)."""
    _, exported = suggested
    plain = tmp_path / "plain.jsonl"
    plain.write_text('{"id": "plain", "text": "Nothing here is worth a suggestion."}\n', encoding="utf-8")
    run("ingest", plain, "--no-suggest", "--db", tmp_path / "plain.db")
    both = tmp_path / "both.jsonl"
    run("export", "--suggestions", "-o", both, "--db", tmp_path / "plain.db")
    both.write_text(exported.read_text(encoding="utf-8") + both.read_text(encoding="utf-8"), encoding="utf-8")
    target = tmp_path / "target.db"
    assert run("import", both, "--db", target) == (
        f"2 record(s) imported (2 new article(s), 89 suggestion(s) of the model) -> {target}\n"
    )
    assert run("import", both, "--db", target) == f"0 record(s) imported (0 new article(s)); 2 unchanged -> {target}\n"


def test_importing_suggestions_the_database_has_changes_nothing(tmp_path: Path, suggested: tuple[Path, Path]) -> None:
    source, exported = suggested
    target = tmp_path / "copy.db"
    shutil.copy(source, target)
    assert (
        run("import", exported, "--db", target) == f"0 record(s) imported (0 new article(s)); 1 unchanged -> {target}\n"
    )
    assert suggestions(target) == suggestions(source)
    assert annotators(target) == []


def test_suggestions_come_to_an_article_stored_without_them(tmp_path: Path, suggested: tuple[Path, Path]) -> None:
    source, exported = suggested
    target = tmp_path / "bare.db"
    run("ingest", SEED, "--no-suggest", "--db", target)
    assert run("import", exported, "--db", target) == (
        f"1 record(s) imported (0 new article(s), 89 suggestion(s) of the model) -> {target}\n"
    )
    assert suggestions(target) == suggestions(source)
    with Store.open(target) as store:
        [article] = store.article_ids()
        assert len(store.current_suggestions(article)) == 89
        assert len(store.pending(article, "alice")) == 89


def test_a_model_record_naming_two_suggesters_of_a_label_is_one_error_line(tmp_path: Path) -> None:
    exported = tmp_path / "odd.jsonl"
    exported.write_text(
        '{"article_id": "x", "text": "Alice Smith spoke.", "annotator": "model:entities.v1+entities.v2", '
        '"status": "todo", "spans": [{"start": 0, "end": 11, "label": "ACTOR", "text": "Alice Smith"}]}\n',
        encoding="utf-8",
    )
    assert one_error_line(annotator("import", exported, "--db", tmp_path / "odd.db")) == (
        f"{exported}:1: field 'spans[0]': cannot tell which of ['entities.v1', 'entities.v2'] made this ACTOR span "
        "(the suggester versions whose kind makes ACTOR: ['entities.v1', 'entities.v2'])"
    )
    assert not (tmp_path / "odd.db").exists()


@pytest.fixture
def with_model_annotation(tmp_path: Path) -> Path:
    """alice and bob finished the seed; an earlier release imported the model's record as an annotation (done)."""
    db = tmp_path / "team.db"
    run("ingest", SEED, "--no-suggest", "--db", db)
    with Store.open(db) as store:
        [article] = store.article_ids()
        for who in ("alice", "bob"):
            store.add_span(article, who, 0, 6, "ACTOR")
            store.set_status(article, who, "done")
        with store.write():
            store.conn.execute(
                "INSERT INTO annotations (article_id, annotator, status) VALUES (?, ?, 'done')", [article, MODEL]
            )
            store.conn.execute(
                'INSERT INTO spans (article_id, annotator, start, "end", label, text) VALUES (?, ?, 0, 6, ?, ?)',
                [article, MODEL, "ACTOR", "Israel"],
            )
    return db


@pytest.mark.parametrize("options", [[], ["--include-in-progress"]], ids=["done", "in-progress"])
def test_agreement_never_counts_a_model(with_model_annotation: Path, options: list[str]) -> None:
    first = run("agreement", *options, "--db", with_model_annotation).splitlines()[0]
    done = "done or in progress" if options else "done"  # what was included, said
    assert first == f"articles compared  1 ({done} by all of alice, bob)"


@pytest.mark.parametrize("command", ["agreement", "review", "adjudicate"])
def test_a_model_named_as_an_annotator_is_refused(with_model_annotation: Path, command: str) -> None:
    extra = ["--auto"] if command == "adjudicate" else []
    result = annotator(command, *extra, "--annotators", f"alice,{MODEL}", "--db", with_model_annotation)
    assert one_error_line(result) == (
        f"{MODEL!r} names the model's suggestions, not an annotator (`annotator evaluate --db "
        f"{with_model_annotation} --suggester NAME` scores a suggester)"
    )


def test_the_store_takes_no_edit_in_a_models_name(tmp_path: Path) -> None:
    db = tmp_path / "edits.db"
    run("ingest", SEED, "--no-suggest", "--db", db)
    with Store.open(db) as store:
        [article] = store.article_ids()
        with pytest.raises(Refused, match="names the model's suggestions, not an annotator"):
            store.add_span(article, MODEL, 0, 6, "ACTOR")
        assert store.spans(article, MODEL) == []


def test_merge_leaves_a_models_annotation_behind(tmp_path: Path, with_model_annotation: Path) -> None:
    target = tmp_path / "merged.db"
    run("merge", with_model_annotation, "--db", target)
    assert annotators(target) == ["alice", "bob"]


def test_a_model_name_in_upper_case_is_still_the_model(tmp_path: Path) -> None:
    """Found by an attacker: "MODEL:entities.v3+quotes.v2" imported as a person's work."""
    from annotator.vocabulary import is_model

    assert [is_model(n) for n in ("model:entities.v3", "MODEL:entities.v3", "Model:x", "modeller", "alice")] == [
        True,
        True,
        True,
        False,
        False,
    ]
    record = {"article_id": "x", "text": "Alice Smith spoke.", "annotator": "MODEL:entities.v3+quotes.v2",
              "status": "done", "spans": []}  # fmt: skip
    path = tmp_path / "m.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = annotator("import", path, "--annotator", "alice", "--db", tmp_path / "m.db")
    assert "holds the model's suggestions" in one_error_line(result)
