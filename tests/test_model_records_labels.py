"""`export --suggestions --labels`: a record of the model names only the suggesters whose labels it carries whole,
so importing it elsewhere never passes a suggester's other labels off as suggested (a trial's finding: QUOTE
alone, imported into a database ingested with --no-suggest, left its entities unsuggested for good). Real console
scripts on real files, the real pipeline's suggestions."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from exchange_support import SEED
from processes import annotator


def run(*args: str | Path) -> str:
    result = annotator(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def suggestions(db: Path, where: str = "1") -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as connection:
        sql = f'SELECT start, "end", label, text, speaker_start, speaker_end, suggester FROM suggestions WHERE {where}'
        return list(connection.execute(sql + " ORDER BY 1, 2, 7"))


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article ingested with the default suggesters."""
    folder = tmp_path_factory.mktemp("source")
    run("ingest", SEED, "--db", folder / "source.db")
    return folder / "source.db"


@pytest.mark.parametrize(
    ("labels", "named"),
    [
        ("QUOTE", "model:quotes.v6"),
        ("ACTOR,LOCATION,FIGURE", "model:entities.v16"),
        ("ACTOR,QUOTE", "model:quotes.v6"),
        ("ACTOR", "model:"),
        ("ACTOR,LOCATION,FIGURE,QUOTE", "model:entities.v16+quotes.v6"),
    ],
)
def test_a_suggestions_record_names_the_suggesters_whose_labels_it_carries_whole(
    tmp_path: Path, source: Path, labels: str, named: str
) -> None:
    run("export", "--suggestions", "--labels", labels, "-o", tmp_path / "s.jsonl", "--db", source)
    [record] = [json.loads(line) for line in (tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["annotator"] == named
    assert sorted({s["label"] for s in record["spans"]}) == sorted(labels.split(","))
    run("export", "--suggestions", "--labels", labels, "--format", "labelstudio", "-o", tmp_path / "s.json",
        "--db", source)  # fmt: skip
    [task] = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert [p["model_version"] for p in task["predictions"]] == [named.removeprefix("model:")]


def test_spans_of_a_suggester_whose_labels_were_cut_are_left_out_on_import(tmp_path: Path, source: Path) -> None:
    """ACTOR without LOCATION and FIGURE is not entities.v16's suggestion of the article: stored under its name, it
    would read as the whole of it."""
    exported, target = tmp_path / "aq.jsonl", tmp_path / "aq.db"
    run("export", "--suggestions", "--labels", "ACTOR,QUOTE", "-o", exported, "--db", source)
    run("ingest", SEED, "--no-suggest", "--db", target)
    quotes, actors = suggestions(source, "label = 'QUOTE'"), suggestions(source, "label = 'ACTOR'")
    assert run("import", exported, "--db", target).splitlines() == [
        f"1 record(s) imported (0 new article(s), {len(quotes)} suggestion(s) of the model) -> {target}",
        f"left out: {len(actors)} suggestion(s) of a suggester the record does not name (its export kept only "
        "some of that suggester's labels)",
    ]
    assert suggestions(target) == quotes
