"""A bug in the suggesters, or in a --model pipeline's component, is one line naming the article it failed on, not
a traceback: `ingest` (one transaction: nothing stored, the database byte for byte as before), `suggest` (what it
kept), `predict` on Dask workers (the shards kept), each with the suggester versions and the file its traceback went
to, for a bug report (an `annotator-crash-*.txt` in the temporary folder, as a screen's crash keeps its own).

The fault is real: a spaCy pipeline folder (the small English model saved with one more component) whose last
component raises on a text naming "Zorblax". The component is a real registered factory, found by spaCy through
a `spacy_factories` entry point of a distribution on PYTHONPATH, in the command's process and in its workers alike.
Before, `ingest` ended in spaCy's ValueError traceback, exit 1, and `predict` too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from processes import annotator

from annotator.models import content_hash
from annotator.store import Store

COMPONENT = '''"""A spaCy component that fails on a text naming Zorblax, as a bug would."""
from spacy.language import Language


@Language.component("zorblax_check")
def zorblax_check(doc):
    if "Zorblax" in doc.text:
        raise ValueError("the component does not know Zorblax")
    return doc
'''
BUILD = """
import sys
import spacy
from annotator.suggest.loading import DEFAULT_MODELS

nlp = spacy.load(next(name for name in DEFAULT_MODELS if spacy.util.is_package(name)))
nlp.add_pipe("zorblax_check", last=True)
nlp.to_disk(sys.argv[1])
"""
ARTICLES = [
    {"id": "a1", "title": "Council", "text": "The council met on Monday in Leeds."},
    {"id": "a2", "title": "Talks", "text": "Zorblax said the talks in Gaza failed."},
    {"id": "a3", "title": "Smith", "text": "Mr. Smith agreed on Tuesday."},
]
FAILED = (
    "suggesting (entities.v1 + quotes.v6) failed on it: an unexpected error in the spaCy pipeline (ValueError: "
    "the component does not know Zorblax)"
)
ODD = "Zorblax wins\n\nZorblax won the vote.\n"
LAST_LINE = "ValueError: the component does not know Zorblax\n"


@pytest.fixture(scope="module")
def plugin(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The failing pipeline folder, and the environment that finds its component (PYTHONPATH)."""
    root = tmp_path_factory.mktemp("plugin")
    code = root / "code"
    (code / "zorblax_check-1.0.dist-info").mkdir(parents=True)
    (code / "zorblax_check.py").write_text(COMPONENT, encoding="utf-8")
    (code / "zorblax_check-1.0.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: zorblax-check\nVersion: 1.0\n", encoding="utf-8"
    )
    (code / "zorblax_check-1.0.dist-info" / "entry_points.txt").write_text(
        "[spacy_factories]\nzorblax_check = zorblax_check:zorblax_check\n", encoding="utf-8"
    )
    env = {"PYTHONPATH": str(code)}
    built = subprocess.run(
        [sys.executable, "-c", BUILD, str(root / "model")],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )
    assert built.returncode == 0, built.stderr
    return root / "model", env


def setup(tmp_path: Path, plugin: tuple[Path, dict[str, str]]) -> dict[str, str]:
    """The articles as in.jsonl, the pipeline as ./model, and the environment: its temporary folder is ./crash."""
    model, env = plugin
    (tmp_path / "model").symlink_to(model)
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    (tmp_path / "crash").mkdir()
    return {**env, "TMPDIR": str(tmp_path / "crash")}


def crash_file(tmp_path: Path) -> Path:
    """The one file the traceback went to: its end is the component's error."""
    [kept] = (tmp_path / "crash").glob("annotator-crash-*.txt")
    details = kept.read_text("utf-8")
    assert details.startswith("Traceback (most recent call last):\n")
    assert "zorblax_check.py" in details and details.endswith(LAST_LINE)
    return kept


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ingest_names_the_article_and_stores_nothing(tmp_path: Path, plugin, workers: str) -> None:
    env = setup(tmp_path, plugin)
    result = annotator(
        "ingest", "in.jsonl", "--model", "model", "--workers", workers, "--db", "x.db", cwd=tmp_path, env=env
    )
    kept = crash_file(tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"annotator: error: in.jsonl:2: article a2 'Talks': {FAILED}; nothing from this command was written; its "
        f"traceback is in {kept}, for a bug report\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crash", "in.jsonl", "model"]  # no database, no leftover


def test_ingest_into_a_database_leaves_it_byte_for_byte(tmp_path: Path, plugin) -> None:
    """A .txt file is named by its path alone; the database that was there is as it was."""
    env = setup(tmp_path, plugin)
    assert annotator("ingest", "in.jsonl", "--no-suggest", "--db", "x.db", cwd=tmp_path).returncode == 0
    before = (tmp_path / "x.db").read_bytes()
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "1-fine.txt").write_text("Floods in York\n\nThe river rose on Friday.\n", encoding="utf-8")
    (tmp_path / "new" / "2-odd.txt").write_text(ODD, encoding="utf-8")
    result = annotator("ingest", "new", "--model", "model", "--db", "x.db", cwd=tmp_path, env=env)
    kept = crash_file(tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"annotator: error: new/2-odd.txt: article {content_hash(ODD)} 'Zorblax wins': {FAILED}; nothing from this "
        f"command was written; its traceback is in {kept}, for a bug report\n"
    )
    assert (tmp_path / "x.db").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crash", "in.jsonl", "model", "new", "x.db"]


def test_suggest_says_what_it_kept(tmp_path: Path, plugin) -> None:
    env = setup(tmp_path, plugin)
    assert annotator("ingest", "in.jsonl", "--no-suggest", "--db", "x.db", cwd=tmp_path).returncode == 0
    result = annotator("suggest", "--model", "model", "--db", "x.db", cwd=tmp_path, env=env)
    kept = crash_file(tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"annotator: error: x.db: article a2 'Talks': {FAILED}; 0 of 3 article(s) got their new suggestions before "
        f"it and keep them; the other 3 are unchanged; its traceback is in {kept}, for a bug report\n"
    )
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        assert store.count("suggestions") == 0


def test_predict_on_dask_workers_says_it_too(tmp_path: Path, plugin) -> None:
    """One worker, a shard an article: the first shard is finished and kept (listed in the manifest), the second
    fails on a2, in the worker's process; the line is said here, the traceback kept here."""
    env = setup(tmp_path, plugin)
    result = annotator(
        "predict", "in.jsonl", "-o", "pred", "--model", "model", "--workers", "1", "--shard-size", "1",
        cwd=tmp_path, env=env,
    )  # fmt: skip
    kept = crash_file(tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"annotator: error: in.jsonl:2: article a2 'Talks': {FAILED}; the shards finished before it are kept in "
        f"pred; its traceback is in {kept}, for a bug report\n"
    )
    manifest = json.loads((tmp_path / "pred" / "manifest.json").read_text("utf-8"))
    assert (manifest["complete"], [shard["file"] for shard in manifest["shards"]]) == (
        False,
        ["shards/shard-000000.jsonl"],
    )


def test_ingest_with_a_trained_folder_still_records_what_it_learned(tmp_path: Path, trained: Path) -> None:
    """What a trained folder learned is recorded in ingest's one transaction now (it was written before the
    suggesters ran, and stayed when they failed): `evaluate` still finds it."""
    from annotator.store.pipelines import learned_by
    from annotator.suggest.loading import folder_hash, learned_from

    (tmp_path / "in.jsonl").write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    done = annotator("ingest", "in.jsonl", "--model", trained, "--db", "x.db", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        assert learned_by(store, folder_hash(trained)) == learned_from(trained)
