"""A trained pipeline's figures, honest by default (a newcomer's findings): the real console script on a real
database of 8 gold articles the shipped component never learned, a pipeline `annotator train` fine-tuned from it
(6 learned, 2 held out) and its suggestions stored by `annotator suggest --model`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from processes import annotator

from annotator.suggest.loading import folder_hash

#: Gold the shipped component never learned: what a trained folder is scored on (it starts from that component).
UNSEEN = Path(__file__).parent / "fixtures" / "gold" / "entities_dev2.jsonl"
WHY = "(with fewer, its 95% ends are little more than single articles' own figures)"


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """g.db: the 8 shortest articles of entities_dev2 as gold; models/ours trained on it (one epoch); its
    suggestions stored in g.db."""
    folder = tmp_path_factory.mktemp("honest")
    records = [json.loads(line) for line in UNSEEN.read_text("utf-8").splitlines()]
    eight = sorted(records, key=lambda r: len(r["text"]))[:8]
    (folder / "eight.jsonl").write_text("".join(json.dumps(r) + "\n" for r in eight), encoding="utf-8")
    for command in (
        ("import", "eight.jsonl", "--db", "g.db"),
        ("train", "--db", "g.db", "--out", "models/ours", "--epochs", "1"),
        ("suggest", "--db", "g.db", "--model", "models/ours"),
    ):
        done = annotator(*command, cwd=folder)
        assert done.returncode == 0, done.stderr
    return folder


def evaluated(work: Path, *options: str):
    return annotator("evaluate", "--db", "g.db", *options, cwd=work)


def test_no_interval_of_an_f1_from_two_held_out_articles(work: Path) -> None:
    """`evaluate --model` on the 2 held-out articles: no "F1 95%" from 2 articles, as `train` and `--against` draw
    none under 4, and the line says why as theirs do."""
    done = evaluated(work, "--model", "models/ours")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].endswith("against gold: 2 article(s) gold has marked done")
    assert [line for line in lines if "95%" in line] == [
        f"  F1 95%: no interval: 2 articles with spans, and an interval takes 4 {WHY}"
    ]
    data = json.loads(evaluated(work, "--model", "models/ours", "--json").stdout)
    assert data["micro_interval"] is None


def test_no_interval_of_a_gain_from_two_articles_says_why_in_the_same_words(work: Path) -> None:
    done = evaluated(work, "--model", "models/ours", "--suggester", "entities.v16", "--against", "entities.v1")
    assert done.returncode == 0, done.stderr
    [line] = [line for line in done.stdout.splitlines() if line.startswith("ALL exact F1 ")]
    assert line.endswith(f"; no interval: 2 articles with spans, and an interval takes 4 {WHY}")
    assert [line for line in done.stdout.splitlines() if line.startswith("  F1 95%")] == [
        f"  F1 95%: no interval: 2 articles with spans, and an interval takes 4 {WHY}"
    ]


def scores(work: Path, *options: str, db: str = "g.db") -> dict:
    done = annotator("evaluate", "--db", db, *options, "--json", cwd=work)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_stored_suggestions_leave_out_what_their_pipeline_learned_by_default(work: Path) -> None:
    """Plain `evaluate` after `suggest --model`: the 6 articles the pipeline learned are left out, as `evaluate
    --model` leaves them out (until 2026-12-05: all 8 scored, ALL F1 0.911 against the honest 0.832), by what
    `suggest --model` recorded of its meta.json; the same figures as the folder's run now."""
    name = f"entities.v16@{folder_hash(work / 'models' / 'ours')}"
    done = evaluated(work)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2] == [
        f"model:{name}+quotes.v6 against gold: 2 article(s) gold has marked done",
        f"  6 more left out: the pipeline that made the suggestions @{name.split('@')[1]} learned from them "
        "(`annotator suggest --model` recorded them from its meta.json; --include-learned keeps them)",
    ]
    stored, run_now = scores(work), scores(work, "--model", "models/ours")
    assert (stored["articles"], stored["learned_left_out"], stored["learned_left_out_by"]) == (
        2, 6, {"model": 6, "unseen_by": 0, "shipped": 0}
    )  # fmt: skip
    assert stored["labels"] == run_now["labels"]
    assert stored["caution"] is None


def test_a_gain_over_another_version_is_drawn_on_the_articles_the_pipeline_did_not_learn(work: Path) -> None:
    name = f"entities.v16@{folder_hash(work / 'models' / 'ours')}"
    done = evaluated(work, "--suggester", name, "--against", "entities.v16")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"model:{name} against gold: 2 article(s) gold has marked done"
    assert lines[1].startswith("  6 more left out: the pipeline that made the suggestions @")
    [gain] = [line for line in lines if line.startswith("ALL exact F1 ")]
    assert gain.endswith(f"; no interval: 2 articles with spans, and an interval takes 4 {WHY}")


def test_stored_suggestions_with_nothing_recorded_are_refused_naming_the_commands(work: Path, tmp_path: Path) -> None:
    """Suggestions a release before 0005 stored: which articles the pipeline learned is not in the file, so they are
    not scored as if it learned none; the line names the commands that work, and `suggest --model` records it."""
    import shutil
    import sqlite3

    shutil.copyfile(work / "g.db", tmp_path / "old.db")
    with sqlite3.connect(tmp_path / "old.db") as db:
        db.execute("DELETE FROM pipeline_learned")  # as an earlier release left it: nothing recorded
    db.close()
    weights = folder_hash(work / "models" / "ours")
    done = annotator("evaluate", "--db", "old.db", "--suggester", f"entities.v16@{weights}", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"annotator: error: the suggestions of the pipeline @{weights} are stored without which articles it learned "
        "from (stored by a release before 2026-12-05, or brought by merge or predict), and it scores too high on "
        "those: `annotator suggest --db old.db --model FOLDER` records them (FOLDER: the folder `annotator train` "
        f"wrote, whose suggestions are named @{weights}), then `annotator evaluate --db old.db --suggester "
        f"entities.v16@{weights}` leaves them out; or `annotator evaluate --db old.db --model FOLDER` runs it now; "
        "--include-learned scores them all\n"
    )
    kept = scores(tmp_path, "--include-learned", db="old.db")
    assert (kept["articles"], kept["learned_included"], kept["learned_left_out"]) == (8, 0, 0)
    assert kept["caution"] == (
        f"model:entities.v16@{weights}+quotes.v6 is a trained pipeline's, read as stored, and which articles it "
        "learned from is not recorded (--include-learned): those score too high; `--model FOLDER` leaves them out"
    )
    assert scores(tmp_path, "--unseen-by", str(work / "models" / "ours"), db="old.db")["articles"] == 2
    recorded = annotator("suggest", "--db", "old.db", "--model", work / "models" / "ours", cwd=tmp_path)
    assert recorded.returncode == 0, recorded.stderr
    assert scores(tmp_path, db="old.db")["learned_left_out_by"] == {"model": 6, "unseen_by": 0, "shipped": 0}


def test_an_older_release_s_database_is_upgraded_by_suggest_and_records_what_the_pipeline_learned(
    work: Path, tmp_path: Path
) -> None:
    """The file release 0.1.0 made (schema 1): `suggest --model` upgrades it (migration 0005 adds pipeline_learned)
    and records the folder's meta.json; its gold article, which the pipeline never learned, is scored."""
    import shutil
    import sqlite3

    shutil.copyfile(Path(__file__).parent / "fixtures" / "release-0.1.0.db", tmp_path / "r.db")
    done = annotator("suggest", "--db", "r.db", "--model", work / "models" / "ours", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    about = json.loads((work / "models" / "ours" / "meta.json").read_text("utf-8"))["annotator"]
    with sqlite3.connect(tmp_path / "r.db") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 6
        rows = db.execute("SELECT pipeline, learned FROM pipeline_learned ORDER BY learned").fetchall()
    db.close()
    weights = folder_hash(work / "models" / "ours")
    assert rows == [(weights, item) for item in sorted({*about["learned"], *about["articles"]})]
    figures = scores(tmp_path, db="r.db")
    assert (figures["predicted"], figures["articles"], figures["learned_left_out"]) == (
        f"model:entities.v16@{weights}+quotes.v6", 1, 0
    )  # fmt: skip


def test_against_the_shipped_version_under_model_is_refused_with_the_command_that_works(work: Path) -> None:
    """Under --model, "--against entities.v16" ran the folder's own weights: "+0.000 over entities.v16@<hash>", the
    pipeline against itself; with no --suggester it asked for one, naming nothing to run. Both are refused in one
    line naming the command that compares the pipeline with the shipped entities.v16, and that command works."""
    weights = folder_hash(work / "models" / "ours")
    name = f"entities.v16@{weights}"
    expected = (
        f"annotator: error: --against entities.v16 under --model models/ours is {name}, the version scored (--model "
        "runs this release's versions on the folder's weights): it would be compared with itself. To compare the "
        f"pipeline with the shipped entities.v16: `annotator evaluate --db g.db --suggester {name} --against "
        "entities.v16 --unseen-by models/ours` (its suggestions as `annotator suggest --db g.db --model models/ours` "
        "stored them, on the articles it did not learn)\n"
    )
    for options in (["--suggester", name, "--against", "entities.v16"], ["--against", "entities.v16"]):
        done = evaluated(work, "--model", "models/ours", *options)
        assert (done.returncode, done.stdout, done.stderr) == (1, "", expected)
    both = scores(work, "--suggester", name, "--against", "entities.v16", "--unseen-by", "models/ours")
    shipped = scores(work, "--suggester", "entities.v16", "--unseen-by", "models/ours")
    assert (both["predicted"], both["articles"], both["against"]["predicted"]) == (f"model:{name}", 2, "entities.v16")
    assert both["against"]["f1"] == shipped["labels"]["ALL"]["exact"]["f1"]
    assert both["against"]["gain"] == both["labels"]["ALL"]["exact"]["f1"] - shipped["labels"]["ALL"]["exact"]["f1"]


def test_against_another_version_under_model_runs_both_on_the_folder_s_weights(work: Path) -> None:
    """`--model F --against entities.v14` with no --suggester: the pipeline's own entities.v16@<hash> against
    entities.v14 on the same weights (it asked for a --suggester before)."""
    weights = folder_hash(work / "models" / "ours")
    both = scores(work, "--model", "models/ours", "--against", "entities.v14")
    assert (both["predicted"], both["articles"]) == (f"model:entities.v16@{weights}+quotes.v6 (run now)", 2)
    assert both["against"]["predicted"] == f"entities.v14@{weights}+quotes.v6"  # its quotes.v6 too, as scored


def test_merge_and_pack_carry_what_a_pipeline_learned(work: Path, tmp_path: Path) -> None:
    """Stored suggestions brought by `merge` keep what their pipeline learned: `evaluate` there leaves the 6 out
    as in the file they came from; `pack` copies the record too."""
    import sqlite3

    weights = folder_hash(work / "models" / "ours")
    merged = annotator("merge", work / "g.db", "--db", "m.db", cwd=tmp_path)
    assert merged.returncode == 0, merged.stderr
    assert scores(tmp_path, db="m.db")["learned_left_out_by"] == {"model": 6, "unseen_by": 0, "shipped": 0}
    assigned = annotator("assign", "--db", "m.db", "--annotators", "bob", "--overlap", "1", cwd=tmp_path)
    assert assigned.returncode == 0, assigned.stderr
    packed = annotator("pack", "--db", "m.db", "--annotator", "bob", "-o", "bob.db", cwd=tmp_path)
    assert packed.returncode == 0, packed.stderr
    with sqlite3.connect(tmp_path / "bob.db") as db, sqlite3.connect(work / "g.db") as source:
        query = "SELECT pipeline, learned FROM pipeline_learned ORDER BY learned"
        assert db.execute(query).fetchall() == source.execute(query).fetchall()
        assert {pipeline for (pipeline, _) in db.execute(query)} == {weights}
    db.close()
    source.close()


def test_a_folder_named_by_model_and_unseen_by_is_named_once(work: Path, tmp_path: Path) -> None:
    """Found by an attacker: `--model models/ours --unseen-by models/ours` said "the pipeline(s) at models/ours,
    models/ours". On the project's dev gold, which the shipped component learned whole, nothing is left to score."""
    dev = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"
    assert annotator("import", dev, "--db", tmp_path / "dev.db").returncode == 0
    result = annotator(
        "evaluate", "--db", tmp_path / "dev.db", "--model", "models/ours", "--unseen-by", "models/ours/", cwd=work
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        "annotator: error: the pipeline(s) at models/ours and the shipped learned component (annotator/data/guide/) "
        "learned from all 18 article(s) gold has marked done: none is left to score on honestly (add gold they have "
        "not seen, or --include-learned to score them anyway)\n",
    )
