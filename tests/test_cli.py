"""The command line: thin over the core, one-line errors, non-zero exits, nothing written on failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import COMMANDS, app
from annotator.store import Store
from annotator.suggest import SUGGESTER_NAMES

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_ingest_reports_what_it_stored(db_path: Path) -> None:
    code, out, _ = run("ingest", str(SEEDS), "--db", str(db_path), "--no-suggest")
    assert (code, out) == (0, f"1 article(s) added, 0 already stored, 0 suggestion(s) -> {db_path}\n")


def test_bad_input_is_one_line_on_stderr_and_writes_nothing(tmp_path: Path, db_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A good article.", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\n{"id": 3}\n', encoding="utf-8")
    code, _, err = run("ingest", str(good), str(bad), "--db", str(db_path), "--no-suggest")
    assert (code, err) == (1, f"annotator: error: {bad}:2: field 'text': missing\n")
    with Store.open(db_path) as store:
        assert store.count("articles") == 0


def test_export_and_import_round_trip(tmp_path: Path, db_path: Path, store: Store, small_article: str) -> None:
    store.accept_all(small_article, "alice")
    store.set_status(small_article, "alice", "done")
    out = tmp_path / "alice.jsonl"
    assert run("export", "--db", str(db_path), "--annotator", "alice", "-o", str(out))[0] == 0
    fresh = tmp_path / "fresh.db"
    code, message, _ = run("import", str(out), "--db", str(fresh))
    assert (code, message) == (0, f"1 record(s) imported (1 new article(s)) -> {fresh}\n")
    again = tmp_path / "again.jsonl"
    run("export", "--db", str(fresh), "--annotator", "alice", "-o", str(again))
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_export_to_standard_output(db_path: Path, store: Store, small_article: str) -> None:
    code, out, _ = run("export", "--db", str(db_path), "--suggestions", "-o", "-")
    assert code == 0
    assert json.loads(out)["annotator"] == "model:entities.v1+quotes.v1"


def test_export_defaults_to_the_exports_folder(
    tmp_path: Path, db_path: Path, store: Store, small_article: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.accept_all(small_article, "alice")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("export", "--db", str(db_path), "--annotator", "alice")
    assert (code, out) == (0, "0 record(s) -> exports/alice.jsonl\n")  # in progress: not finished work
    store.set_status(small_article, "alice", "done")
    code, out, _ = run("export", "--db", str(db_path), "--annotator", "alice")
    assert (code, out) == (0, "1 record(s) -> exports/alice.jsonl\n")
    assert (tmp_path / "exports" / "alice.jsonl").exists()


def test_stats_counts_by_annotator_and_status(db_path: Path, store: Store, small_article: str) -> None:
    store.accept_all(small_article, "alice")
    store.set_status(small_article, "bob", "done")
    code, out, _ = run("stats", "--db", str(db_path))
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "articles     1"
    assert lines[lines.index("annotations") :] == [
        "annotations",
        "annotator   todo   in_progress   done   skipped   flagged   time spent",
        "─" * 70,
        "alice          0             1      0         0         0      0.0 min",
        "bob            0             0      1         0         0      0.0 min",
        "",  # bob marked the article done deciding nothing: nothing asks him, stats says so
        "suggestions left undecided on done articles (not pending: O on its screen reopens an article and asks about them again)",
        "annotator   suggestions   done articles",
        "─" * 39,
        "bob                   4               1",
    ]


def test_stats_and_export_agree_that_opening_an_article_is_no_annotation(
    tmp_path: Path, db_path: Path, store: Store, small_article: str
) -> None:
    """Found by a newcomer: the login name got a "todo" in stats for an article the TUI only opened, and `export
    --status todo` wrote nothing for it. Opening is not work (as `export`, `agreement` and `evaluate` have it):
    only a status beyond to do, or spans, make an annotation."""
    store.save_cursor(small_article, "carol", 3)  # what opening it in the TUI stores
    store.add_span(small_article, "alice", 0, 10, "ACTOR")
    store.set_status(small_article, "alice", "todo")  # spans, and the status put back to to do
    code, out, _ = run("stats", "--db", str(db_path))
    assert code == 0
    lines = out.splitlines()
    assert lines[lines.index("annotations") :] == [
        "annotations",
        "annotator   todo   in_progress   done   skipped   flagged   time spent",
        "─" * 70,
        "alice          1             0      0         0         0      0.0 min",
    ]
    for who, written in (("alice", "1 record(s) written\n"), ("carol", "")):
        code, _, err = run("export", "--db", str(db_path), "--annotator", who, "--status", "todo", "-o", "-")
        assert (code, err) == ((0, written) if written else (1, "annotator: error: no annotations by 'carol' to "
                                                                "export (in the database: alice)\n"))  # fmt: skip


def test_stats_with_no_annotations_says_so_in_one_line(db_path: Path, store: Store, small_article: str) -> None:
    """Found by a newcomer: "annotations: none yet" came with the header of a table of no rows under it."""
    code, out, _ = run("stats", "--db", str(db_path))
    assert code == 0
    assert out.splitlines()[-2:] == ["", "annotations: none yet"]


def test_a_file_that_is_not_a_database_is_a_one_line_error(tmp_path: Path) -> None:
    not_db = tmp_path / "notes.db"
    not_db.write_text("not a database" * 200, encoding="utf-8")
    code, _, err = run("stats", "--db", str(not_db))
    assert (code, err.count("\n")) == (1, 1)
    assert err.startswith(f"annotator: error: {not_db}: not a SQLite database")


def test_every_command_has_help_with_an_example() -> None:
    assert len(COMMANDS) == 20
    for command in COMMANDS:
        code, out, _ = run(command, "--help")
        assert (command, code, "Example: annotator" in out) == (command, 0, True)


def test_every_command_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert [command for command in COMMANDS if f"annotator {command}" not in readme] == []


def test_the_console_script_is_installed(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "annotator"
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0
    assert "ingest" in result.stdout


def test_ingest_with_suggestions_stores_them_under_versioned_names(db_path: Path) -> None:
    assert run("ingest", str(SEEDS), "--db", str(db_path))[0] == 0
    with Store.open(db_path) as store:
        assert store.suggesters() == sorted(SUGGESTER_NAMES)
        [article_id] = store.article_ids()
        assert len([s for s in store.suggestions(article_id) if s.label.value == "QUOTE"]) == 6


def test_suggest_fills_in_articles_ingested_without_suggestions(db_path: Path) -> None:
    run("ingest", str(SEEDS), "--db", str(db_path), "--no-suggest")
    code, out, _ = run("suggest", "--db", str(db_path))
    assert code == 0
    assert out.endswith("suggestion(s) of entities.v16 + quotes.v6 for 1 article(s)\n")
    assert run("suggest", "--db", str(db_path))[1] == "0 suggestion(s) for 0 article(s)\n"


def test_a_missing_model_is_a_one_line_error_saying_what_to_pass(db_path: Path) -> None:
    code, _, err = run("ingest", str(SEEDS), "--db", str(db_path), "--model", "no_such_pipeline_xyz")
    assert (code, err) == (
        1,
        "annotator: error: spaCy pipeline 'no_such_pipeline_xyz' is neither installed nor a pipeline folder: "
        "pass an installed pipeline's name or path, or leave --model out for the default English model\n",
    )


def test_db_before_the_command_is_the_commands_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # where annotations.db would go if the option were dropped
    named = tmp_path / "named.db"
    code, out, _ = run("--db", str(named), "ingest", str(SEEDS), "--no-suggest")
    assert (code, out) == (0, f"1 article(s) added, 0 already stored, 0 suggestion(s) -> {named}\n")
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".db") == ["named.db"]


def test_a_command_that_only_reads_does_not_create_a_mistyped_database(tmp_path: Path) -> None:
    missing = tmp_path / "mistyped.db"
    code, _, err = run("stats", "--db", str(missing))
    assert (code, err) == (1, f"annotator: error: {missing}: no such database\n")
    assert not missing.exists()


def test_a_database_in_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "a.db"
    code, _, err = run("ingest", str(SEEDS), "--db", str(target), "--no-suggest")
    assert (code, err) == (1, f"annotator: error: {target}: cannot create the database: No such file or directory\n")


def test_a_failed_import_leaves_no_new_database_behind(tmp_path: Path) -> None:
    record = {"article_id": "a", "text": "Gaza said so.", "annotator": "x",
              "spans": [{"start": 0, "end": 3, "label": "ACTOR", "text": "Gaz"}]}  # fmt: skip
    source = tmp_path / "off-token.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    code, _, err = run("import", str(source), "--db", str(fresh))
    assert code == 1 and "does not fall on token boundaries" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["off-token.jsonl"]


def test_exporting_someone_without_annotations_says_who_has_some(
    db_path: Path, store: Store, small_article: str
) -> None:
    store.accept_all(small_article, "alice")
    code, _, err = run("export", "--db", str(db_path), "--annotator", "nobody", "-o", "-")
    assert (code, err) == (1, "annotator: error: no annotations by 'nobody' to export (in the database: alice)\n")


def test_a_top_level_option_the_command_does_not_take_is_an_error(db_path: Path, store: Store) -> None:
    code, _, err = run("--annotator", "carol", "stats", "--db", str(db_path))
    assert (code, err) == (1, "annotator: error: --annotator does not apply to `annotator stats`\n")


def test_stats_shows_a_name_that_looks_like_markup_as_it_is(db_path: Path, store: Store, small_article: str) -> None:
    store.set_status(small_article, "[bold]ann[/bold]", "done")
    code, out, _ = run("stats", "--db", str(db_path))
    assert code == 0
    assert "[bold]ann[/bold]      0             0      1         0         0      0.0 min" in out.splitlines()
    assert out.splitlines()[-1] == "[bold]ann[/bold]             4               1"  # left undecided on done


def test_closed_choices_are_checked_before_the_command_runs(tmp_path: Path) -> None:
    for args, message in (
        (["merge", "other.db", "--prefer", "mine"], "Invalid value for '--prefer': 'mine' is not one of 'this', 'other'."),
        (["ingest", "x.txt", "--changed-text", "keep"], "Invalid value for '--changed-text': 'keep' is not one of 'new', 'replace'."),
    ):  # fmt: skip
        code, _, err = run(*args, "--db", str(tmp_path / "x.db"))
        assert (code, err) == (1, f"annotator: error: {message}\n")
    assert not (tmp_path / "x.db").exists()


def test_an_interrupted_command_says_what_its_finished_steps_keep(capsys: pytest.CaptureFixture[str]) -> None:
    """ctrl+c in a command that commits article by article (adjudicate --auto) must not claim nothing was
    written; one that writes in one transaction says so."""
    import typer

    from annotator.cli.common import errors_as_lines
    from annotator.cli.printed import begin_output

    begin_output()  # as a command begins: an earlier test's command in this process printed
    for said, expected in (
        ((), "annotator: error: interrupted; nothing from this command was written\n"),
        (
            ("articles settled before it keep their gold",),
            "annotator: error: interrupted; articles settled before it keep their gold\n",
        ),
    ):
        with pytest.raises(typer.Exit) as stop, errors_as_lines(*said):
            raise KeyboardInterrupt
        assert (stop.value.exit_code, capsys.readouterr().err) == (130, expected)  # 128 + SIGINT, as everywhere
