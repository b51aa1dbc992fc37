"""Honest figures for a trained pipeline (a newcomer's trial): the held-out split depends on each article alone,
a `--base` pipeline's articles are never held out, `evaluate --model` leaves out what the pipeline learned from,
a plain `suggest` keeps a trained pipeline's suggestions, and broken inputs and folders are one line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.exchange.held_out import _draw, split
from annotator.spans import fit
from annotator.store import Store
from annotator.suggest.learn import Article
from annotator.suggest.loading import folder_hash
from annotator.vocabulary import content_hash

DEV = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"
#: Gold the shipped component never learned: what a trained folder is scored on (it starts from that component).
UNSEEN = Path(__file__).parent / "fixtures" / "gold" / "entities_dev2.jsonl"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def dev_articles() -> list[Article]:
    records = [json.loads(line) for line in DEV.read_text("utf-8").splitlines()]
    return [Article(r["article_id"], r["text"], []) for r in records]


def test_a_fifth_is_held_out_the_lowest_draws_whatever_the_order() -> None:
    articles = dev_articles()
    held_all = {a.id for a in split(articles, seed=0)[1]}
    held_reversed = {a.id for a in split(articles[::-1], seed=0)[1]}
    assert len(held_all) == 4  # round(18/5)
    assert held_reversed == held_all
    assert {a.id for a in split(articles, seed=1)[1]} != held_all
    for n in range(2, 19):  # round(n/5), at least one; the rest learned from
        assert [len(split(articles[:n], seed)[1]) for seed in range(4)] == [max(1, round(n / 5))] * 4
    lowest = sorted(articles[:10], key=lambda a: _draw(0, a))[:2]
    assert {a.id for a in split(articles[:10], seed=0)[1]} == {a.id for a in lowest}


def test_what_the_base_learned_is_never_held_out() -> None:
    articles = dev_articles()
    held = split(articles, seed=0)[1]
    learned = frozenset(content_hash(a.text) for a in held)
    train_part, held_again = split(articles, seed=0, base_learned=learned)
    assert not {a.id for a in held_again} & {a.id for a in held}
    assert len(train_part) + len(held_again) == 18
    everything = frozenset(content_hash(a.text) for a in articles)
    with pytest.raises(Exception, match="learned from all 18 of these articles"):
        split(articles, seed=0, base_learned=everything)


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = [json.loads(line) for line in UNSEEN.read_text("utf-8").splitlines()]
    path = tmp_path_factory.mktemp("gold") / "three.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in sorted(records, key=lambda r: len(r["text"]))[:3]), "utf-8")
    return path


@pytest.fixture(scope="module")
def work(three: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A database with the three as gold and the seed, and a pipeline trained from the database."""
    folder = tmp_path_factory.mktemp("work")
    db, out = folder / "g.db", folder / "ours"
    assert run("import", str(three), "--db", str(db)).exit_code == 0
    result = run("train", "--db", str(db), "--out", str(out), "--epochs", "1")
    assert result.exit_code == 0, result.output
    return db, out


def test_the_database_and_its_export_hold_out_the_same_article(
    work: tuple[Path, Path], three: Path, tmp_path: Path
) -> None:
    _, out = work
    from_file = tmp_path / "from-file"
    assert run("train", "--from", str(three), "--out", str(from_file), "--epochs", "1").exit_code == 0
    about = json.loads((out / "meta.json").read_text("utf-8"))["annotator"]
    again = json.loads((from_file / "meta.json").read_text("utf-8"))["annotator"]
    assert about["held_out_hashes"] == again["held_out_hashes"]
    assert len(about["learned"]) == 4 and len(about["held_out_hashes"]) == 1  # two texts' hashes and ids


def test_a_pipeline_from_a_base_learned_what_its_base_did(work: tuple[Path, Path], three: Path, tmp_path: Path) -> None:
    _, out = work
    again = tmp_path / "again"
    assert run("train", "--from", str(three), "--base", str(out), "--out", str(again), "--epochs", "1").exit_code == 0
    base = json.loads((out / "meta.json").read_text("utf-8"))["annotator"]
    about = json.loads((again / "meta.json").read_text("utf-8"))["annotator"]
    assert about["held_out_hashes"] == base["held_out_hashes"]  # the only article the base did not learn
    assert set(base["learned"]) <= set(about["learned"])


def test_evaluate_with_the_pipeline_leaves_out_what_it_learned(work: tuple[Path, Path]) -> None:
    db, out = work
    result = run("evaluate", "--db", str(db), "--model", str(out), "--suggester", "entities.v16")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        f"model:entities.v16@{folder_hash(out)} (run now) against gold: 1 article(s) gold has marked done",
        "  2 more left out: the pipeline learned from them (its meta.json names them)",
    ]


def test_stored_suggestions_of_a_trained_pipeline_leave_out_what_it_learned(
    work: tuple[Path, Path], tmp_path: Path
) -> None:
    """`suggest --model` records what the folder learned: the stored suggestions are scored as `--model` scores
    the folder (until 2026-12-05 they were scored on every article, under a caution)."""
    db, out = work
    copy = tmp_path / "copy.db"
    shutil.copyfile(db, copy)
    assert run("suggest", "--db", str(copy), "--model", str(out), "--all").exit_code == 0
    result = run("evaluate", "--db", str(copy), "--suggester", f"entities.v16@{folder_hash(out)}")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        f"model:entities.v16@{folder_hash(out)} against gold: 1 article(s) gold has marked done",
        f"  2 more left out: the pipeline that made the suggestions @{folder_hash(out)} learned from them "
        "(`annotator suggest --model` recorded them from its meta.json; --include-learned keeps them)",
    ]


def test_a_plain_suggest_keeps_a_trained_pipeline_s_suggestions(work: tuple[Path, Path], tmp_path: Path) -> None:
    _, out = work
    db = tmp_path / "s.db"
    assert run("ingest", str(SEEDS), "--db", str(db)).exit_code == 0
    assert run("suggest", "--db", str(db), "--model", str(out)).exit_code == 0
    name = f"entities.v16@{folder_hash(out)}"
    result = run("suggest", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "0 suggestion(s) for 0 article(s)",
        f"1 article(s) keep {name}'s suggestions (a trained pipeline's, kept): `annotator suggest --db {db} --all` "
        "replaces them with the shipped pipeline's, `--model FOLDER` with another pipeline's",
    ]
    with Store.open(db) as store:
        [article] = store.article_ids()
        assert {s.suggester for s in store.current_suggestions(article)} == {name, "quotes.v6"}
    assert run("suggest", "--db", str(db), "--all").exit_code == 0
    with Store.open(db) as store:
        assert {s.suggester for s in store.current_suggestions(article)} == {"entities.v16", "quotes.v6"}


def test_a_span_off_the_tokens_is_refused_by_train_as_by_import(three: Path, tmp_path: Path) -> None:
    records = [json.loads(line) for line in three.read_text("utf-8").splitlines()]
    first = records[1]["spans"][0]
    first["end"] -= 1
    first["text"] = first["text"][:-1]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    result = run("train", "--from", str(bad), "--curve", "--epochs", "1")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert f"{bad}:2: field 'spans[0]': span " in result.stderr
    assert "does not fall on token boundaries (`annotator import --snap` moves it onto them" in result.stderr


def test_a_damaged_pipeline_folder_is_one_line(work: tuple[Path, Path], tmp_path: Path) -> None:
    db, out = work
    broken = tmp_path / "broken"
    shutil.copytree(out, broken)
    weights = broken / "guide_ner" / "model"
    weights.write_bytes(weights.read_bytes()[:100])
    before = weights.read_bytes()
    for args in (
        ["suggest", "--db", str(db), "--model", str(broken)],
        ["evaluate", "--db", str(db), "--model", str(broken), "--suggester", "entities.v16"],
    ):
        result = run(*args)
        assert result.exit_code == 1, result.output
        assert result.stderr.count("\n") == 1
        assert f"{broken}: a pipeline folder spaCy cannot load (" in result.stderr
    assert weights.read_bytes() == before


def test_a_control_character_is_no_edge_of_a_span() -> None:
    text = "in Kabul.\x07 Then"
    assert fit(text, 3, 10, "LOCATION") == (3, 8)
    assert fit("\u202eKabul", 0, 6, "LOCATION") == (1, 6)


def test_a_file_of_suggestions_is_not_enough_to_train_and_says_why(three: Path, tmp_path: Path) -> None:
    records = [json.loads(line) for line in three.read_text("utf-8").splitlines()]
    for record in records:
        record["status"] = "todo"
    todo = tmp_path / "todo.jsonl"
    todo.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    result = run("train", "--from", str(todo), "--curve")
    assert result.exit_code == 1
    assert result.stderr == (
        "annotator: error: training needs at least 2 finished articles, one to learn from and one to hold out; "
        "found 0 (3 todo left out: a todo record holds no finished work, such as a file of suggestions)\n"
    )


def test_an_unknown_label_says_how_to_train_on_it(three: Path, tmp_path: Path) -> None:
    records = [json.loads(line) for line in three.read_text("utf-8").splitlines()]
    records[2]["spans"][1]["label"] = "PERSON"
    other = tmp_path / "person.jsonl"
    other.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    result = run("train", "--from", str(other), "--curve")
    assert result.exit_code == 1
    assert result.stderr == (
        f"annotator: error: {other}:3: field 'spans[1].label': Input should be 'ACTOR', 'LOCATION', 'FIGURE' or "
        "'QUOTE', got 'PERSON': train learns ACTOR, LOCATION and FIGURE; import the file with --label-map (e.g. "
        "PERSON=ACTOR) and train from the database\n"
    )


def test_a_suggester_run_now_that_finds_nothing_says_so(tmp_path: Path) -> None:
    text = "Police said three people died in Kabul on Monday."
    record = {
        "article_id": "kabul",
        "text": text,
        "status": "done",
        "annotator": "gold",
        "spans": [{"start": 0, "end": 6, "label": "ACTOR", "text": "Police"}],
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", "utf-8")
    db = tmp_path / "q.db"
    assert run("import", str(gold), "--db", str(db)).exit_code == 0
    result = run("evaluate", "--db", str(db), "--suggester", "quotes.v2")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        "model:quotes.v2 (run now) against gold: 1 article(s) gold has marked done",
        "  1 of them without any suggestions from model:quotes.v2 (run now) (it found nothing there)",
    ]


def _meta(folder: Path) -> dict:
    return json.loads((folder / "meta.json").read_text("utf-8"))


def _copy_with_meta(folder: Path, copy: Path, meta: dict) -> Path:
    """A copy of a pipeline folder whose meta.json is `meta` (an edited or damaged one)."""
    shutil.copytree(folder, copy)
    (copy / "meta.json").write_text(json.dumps(meta), "utf-8")
    return copy


def test_an_article_learned_is_known_by_its_id_when_its_text_changed(work: tuple[Path, Path], tmp_path: Path) -> None:
    db, out = work
    exported = tmp_path / "gold.jsonl"
    assert run("export", "--db", str(db), "--gold", "-o", str(exported)).exit_code == 0
    records = [json.loads(line) for line in exported.read_text("utf-8").splitlines()]
    for record in records:
        record["text"] += "\n"  # as a .txt file's last line break would make it
    changed = tmp_path / "changed.jsonl"
    changed.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    other = tmp_path / "other.db"
    assert run("import", str(changed), "--db", str(other)).exit_code == 0
    result = run("evaluate", "--db", str(other), "--model", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        f"model:entities.v16@{folder_hash(out)}+quotes.v6 (run now) against gold: 1 article(s) gold has marked done",
        "  2 more left out: the pipeline learned from them (its meta.json names them)",
    ]


def test_two_pipelines_compare_on_the_articles_neither_learned(
    work: tuple[Path, Path], three: Path, tmp_path: Path
) -> None:
    db, out = work
    other = tmp_path / "other"
    assert run("train", "--db", str(db), "--base", str(out), "--out", str(other), "--epochs", "1").exit_code == 0
    firsts = []
    for model, unseen in ((out, other), (other, out)):
        result = run("evaluate", "--db", str(db), "--model", str(model), "--unseen-by", str(unseen), "--json")
        assert result.exit_code == 0, result.output
        firsts.append(json.loads(result.stdout))
    assert [(f["articles"], f["learned_left_out"]) for f in firsts] == [(1, 2), (1, 2)]
    assert [f["learned_left_out_by"] for f in firsts] == [{"model": 2, "unseen_by": 0, "shipped": 0}] * 2
    text = run("evaluate", "--db", str(db), "--model", str(out), "--unseen-by", str(other))
    assert [line for line in text.stdout.splitlines() if "left out" in line] == [  # each learned both: one line
        "  2 more left out: the pipeline learned from them (its meta.json names them)"
    ]


def test_stored_suggestions_of_another_pipeline_are_not_scored_as_model_s(
    work: tuple[Path, Path], tmp_path: Path
) -> None:
    db, out = work
    result = run("evaluate", "--db", str(db), "--model", str(out), "--suggester", "entities.v16@0123456789ab")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1


def test_entities_v3_with_a_trained_pipeline_carries_its_hash(work: tuple[Path, Path]) -> None:
    db, out = work
    result = run("evaluate", "--db", str(db), "--model", str(out), "--suggester", "entities.v3")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"model:entities.v3@{folder_hash(out)} (run now) against gold")


def test_a_note_beside_the_weights_does_not_rename_them(work: tuple[Path, Path], tmp_path: Path) -> None:
    _, out = work
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    before = folder_hash(copy)
    (copy / "notes.txt").write_text("trained on Tuesday")
    meta = _meta(copy)
    meta["description"] = "ours, edited"
    (copy / "meta.json").write_text(json.dumps(meta), "utf-8")
    assert folder_hash(copy) == before
    (copy / "guide_ner" / "cfg").write_text((copy / "guide_ner" / "cfg").read_text() + " ")
    assert folder_hash(copy) != before


@pytest.mark.parametrize("learned", ["garbage", [1, None], [], None])
def test_a_folder_that_does_not_say_what_it_learned_is_refused(
    work: tuple[Path, Path], tmp_path: Path, learned: object
) -> None:
    db, out = work
    meta = _meta(out)
    meta["annotator"]["learned"] = learned
    meta["annotator"]["articles"] = []
    copy = _copy_with_meta(out, tmp_path / "copy", meta)
    result = run("evaluate", "--db", str(db), "--model", str(copy))
    assert result.exit_code == 1
    assert result.stderr == (
        f'annotator: error: {copy}: its meta.json does not say which articles it learned from ("annotator" -> '
        '"articles"), so it cannot be scored honestly: train it again\n'
    )


def test_a_trained_folder_without_its_annotator_section_is_refused(work: tuple[Path, Path], tmp_path: Path) -> None:
    db, out = work
    meta = _meta(out)
    del meta["annotator"]
    copy = _copy_with_meta(out, tmp_path / "copy", meta)
    for args in (["suggest", "--model", str(copy)], ["evaluate", "--model", str(copy)]):
        result = run(*args, "--db", str(db))
        assert result.exit_code == 1, result.output
        assert result.stderr == (
            f"annotator: error: {copy}: it holds annotator's learned component, but its meta.json lacks the "
            '"annotator" section `annotator train` writes (what it learned from, its name): train it again\n'
        )


def test_a_seed_out_of_range_is_a_usage_error(three: Path) -> None:
    result = run("train", "--from", str(three), "--curve", "--seed", str(2**64 + 1))
    assert result.exit_code == 1
    assert result.stderr == (
        "annotator: error: Invalid value for '--seed': 18446744073709551617 is not in the range 0<=x<=4294967295.\n"
    )


def test_an_article_over_spacy_s_limit_is_one_line(tmp_path: Path) -> None:
    text = "Police said so. " * 62_500 + "x"
    record = {"article_id": "long", "text": text, "status": "done", "annotator": "gold", "spans": []}
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps({**record, "article_id": "b", "text": "b"}) + "\n", "utf-8")
    result = run("train", "--from", str(path), "--curve")
    assert result.exit_code == 1
    assert result.stderr == (
        f"annotator: error: {path}:1: field 'text': 1,000,001 characters, over spaCy's limit of 1,000,000 for one "
        "text: train cannot learn from it (leave it out, or cut it into articles)\n"
    )


def test_unseen_by_names_a_trained_folder(work: tuple[Path, Path], tmp_path: Path) -> None:
    db, out = work
    result = run("evaluate", "--db", str(db), "--model", str(out), "--unseen-by", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"annotator: error: --unseen-by {tmp_path}: not a pipeline folder written by `annotator train`\n"
    )


def test_articles_ingested_without_the_model_say_the_trained_one_was_not_used(
    work: tuple[Path, Path], tmp_path: Path
) -> None:
    """New articles ingested into a database whose articles carry a trained pipeline's suggestions got the
    shipped pipeline's without a word (a newcomer expected the team's model); now a note says so, and how."""
    _, out = work
    db = tmp_path / "s.db"
    assert run("ingest", str(SEEDS), "--db", str(db)).exit_code == 0
    assert run("suggest", "--db", str(db), "--model", str(out)).exit_code == 0
    new = tmp_path / "new.txt"
    new.write_text("Police in Lagos said 12 people were hurt.\n", encoding="utf-8")
    result = run("ingest", str(new), "--db", str(db))
    assert result.exit_code == 0, result.output
    name = f"entities.v16@{folder_hash(out)}"
    assert result.stdout.splitlines()[-1] == (
        f"note: 1 stored article(s) have {name}'s suggestions (a trained pipeline's); the 1 added now have the "
        f"shipped pipeline's: `annotator suggest --db {db} --model FOLDER` gives them the trained one's"
    )
