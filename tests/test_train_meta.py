"""A newcomer's trial: a folder `annotator train` wrote kept en_core_web_sm's identity in meta.json ("author":
"Explosion", "license": "MIT", version 3.8.0, `performance` with OntoNotes scores, ents_f 0.843, `sources` without
GUM or the team's gold): `spacy info` and `spacy package` would advertise scores the model never earned. Now the
meta is the model's own; the "annotator" section is as before and the folder's name (its content hash) is not
changed by any of it. A real database made by the CLI, real (tiny) training runs, real folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.suggest.loading import folder_hash

DEV = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    return trained_on_three(tmp_path_factory.mktemp("work"))


def trained_on_three(folder: Path) -> tuple[Path, Path, list[str]]:
    """A database holding the three shortest dev-gold articles as gold, a pipeline trained from it in one epoch
    (folder ours), and what `train` printed."""
    records = [json.loads(line) for line in DEV.read_text("utf-8").splitlines()]
    gold = folder / "three.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in sorted(records, key=lambda r: len(r["text"]))[:3]))
    db, out = folder / "g.db", folder / "ours"
    assert run("import", str(gold), "--db", str(db)).exit_code == 0
    result = run("train", "--db", str(db), "--out", str(out), "--epochs", "1")
    assert result.exit_code == 0, result.output
    return db, out, result.stdout.splitlines()


def _meta(folder: Path) -> dict:
    return json.loads((folder / "meta.json").read_text("utf-8"))


def test_the_meta_is_the_trained_model_s_own(work: tuple[Path, Path, list[str]]) -> None:
    _, out, lines = work
    meta = _meta(out)
    weights = folder_hash(out)
    assert (meta["name"], meta["version"]) == (f"annotator_trained_{weights}", "0.0.0")
    assert f"entities.v16@{weights}" in meta["description"] and "1 held-out article(s)" in meta["description"]
    assert meta["author"] != "Explosion" and "explosion" not in meta.get("email", "") + meta.get("url", "")
    # its own held-out figures, as `train` printed them in its entities row (after training), nothing of OntoNotes
    row = next(line for line in lines if line.startswith("entities "))
    precision, recall, f1 = (float(v) for v in row.split()[4].split("/"))
    performance = meta["performance"]
    assert set(performance) == {"entities_exact_p", "entities_exact_r", "entities_exact_f", "entities_overlap_f"}
    assert [round(performance[k], 3) for k in ("entities_exact_p", "entities_exact_r", "entities_exact_f")] == [
        precision,
        recall,
        f1,
    ]
    assert round(performance["entities_overlap_f"], 3) == float(row.split()[5])
    # what it learned from: the small model (and its own data), the shipped component's sources, the team's gold
    names = [source["name"] for source in meta["sources"]]
    assert names[:3] == ["OntoNotes 5", "ClearNLP Constituent-to-Dependency Conversion", "WordNet 3.0"]
    assert names[3] == "en_core_web_sm 3.8.0"
    assert names[4].startswith("GUM") and names[5] == "annotator's development gold (Wikinews articles)"
    assert names[6] == "the team's annotations: gold, 2 article(s) learned from"
    licences = " ".join(source.get("license", "") for source in meta["sources"])
    assert all(licence in licences for licence in ("MIT", "CC BY 4.0", "CC BY 2.5", "CC BY-NC-SA"))
    assert meta["license"].startswith("mixed: ") and "MIT" in meta["license"] and "CC BY 4.0" in meta["license"]
    # what annotator reads, as before; spaCy's own keys kept
    assert set(meta["annotator"]) == {
        "trained_on", "articles", "held_out", "learned", "held_out_hashes", "epochs", "seed", "started_from",
    }  # fmt: skip
    assert meta["labels"]["guide_ner"] == ["ACTOR", "FIGURE", "LOCATION"] and meta["lang"] == "en"


def test_spacy_reads_the_meta_and_its_package_readme_shows_its_own_figures(work: tuple[Path, Path, list[str]]) -> None:
    from spacy.cli.package import generate_readme
    from spacy.schemas import ModelMetaSchema, validate

    _, out, _ = work
    meta = _meta(out)
    assert validate(ModelMetaSchema, meta) == []
    readme = generate_readme(meta)
    assert "`ENTITIES_EXACT_F`" in readme and "ENTS_F" not in readme and "GUM" in readme
    assert "Explosion" not in readme.split("| **Author**", 1)[1].split("\n", 1)[0]


def test_a_base_s_sources_are_carried_and_the_name_is_the_content_hash(
    work: tuple[Path, Path, list[str]], tmp_path: Path
) -> None:
    db, out, _ = work
    again = tmp_path / "again"
    result = run("train", "--db", str(db), "--base", str(out), "--out", str(again), "--epochs", "1")
    assert result.exit_code == 0, result.output
    meta, base = _meta(again), _meta(out)
    assert meta["sources"][: len(base["sources"])] == base["sources"]
    assert meta["sources"][-1]["name"] == "the team's annotations: gold, 2 article(s) learned from"
    assert meta["license"] == base["license"]
    assert meta["name"] == f"annotator_trained_{folder_hash(again)}"
    assert f"its suggestions are named entities.v16@{folder_hash(again)})" in result.stdout


def test_a_base_of_an_older_release_gets_the_sources_it_never_named(
    work: tuple[Path, Path, list[str]], tmp_path: Path
) -> None:
    """A folder trained before this change still calls itself en_core_web_sm: as a --base, its sources are rebuilt
    (the small model, the shipped component's, the team's annotations it learned) rather than carried."""
    import shutil

    db, out, _ = work
    old = tmp_path / "old"
    shutil.copytree(out, old)
    meta = _meta(old)
    meta.update(name="annotator_trained", version="3.8.0", author="Explosion", license="MIT")
    meta.update(performance={"ents_f": 0.843}, sources=meta["sources"][:3])
    (old / "meta.json").write_text(json.dumps(meta), "utf-8")
    again = tmp_path / "again"
    result = run("train", "--db", str(db), "--base", str(old), "--out", str(again), "--epochs", "1")
    assert result.exit_code == 0, result.output
    rebuilt = _meta(again)
    assert [source["name"] for source in rebuilt["sources"]][3:] == [
        "en_core_web_sm 3.8.0",
        "GUM, the Georgetown University Multilayer corpus (entity annotations, mapped to annotator's guide)",
        "annotator's development gold (Wikinews articles)",
        "the team's annotations: gold, 2 article(s) learned from",  # the base's run
        "the team's annotations: gold, 2 article(s) learned from",  # this one's
    ]
    assert rebuilt["author"] != "Explosion" and "ents_f" not in rebuilt["performance"]
    assert rebuilt["license"].startswith("mixed: ")
