"""Every format round-trips: export, import into a fresh database, export again; identical where it can carry it."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from exchange_support import SMALL, build, every_status

from annotator.exchange.formats.common import Record
from annotator.exchange.formats.options import ReadOptions
from annotator.exchange.importing import read_file, store_records
from annotator.exchange.records import annotator_records, export, export_to_path
from annotator.models import Label
from annotator.store import Store

#: Formats that carry a native record whole.
LOSSLESS = ["jsonl", "prodigy", "doccano-relations", "labelstudio", "spacy"]


@pytest.fixture
def store(tmp_path: Path):
    with build(tmp_path / "first.db") as built:
        yield built


def round_trip(store: Store, tmp_path: Path, name: str, annotator: str | None = None) -> tuple[bytes, bytes, Store]:
    path = tmp_path / f"first.{name}"
    export_to_path(store, name, path, "alice", options=every_status())
    fresh = Store.open(tmp_path / "second.db")
    report = store_records(fresh, read_file(path, name, ReadOptions(annotator=annotator)))
    assert (report.records, report.new_articles) == (2, 2)
    again = io.BytesIO()
    export(fresh, name, again, "alice", options=every_status())
    return path.read_bytes(), again.getvalue(), fresh


@pytest.mark.parametrize("name", LOSSLESS)
def test_lossless_formats_round_trip_to_identical_files_and_records(store: Store, tmp_path: Path, name: str) -> None:
    first, second, fresh = round_trip(store, tmp_path, name)
    assert second == first
    assert list(annotator_records(fresh, "alice", None)) == list(annotator_records(store, "alice", None))
    fresh.close()


def test_doccano_plain_round_trips_all_but_speakers(store: Store, tmp_path: Path) -> None:
    first, second, fresh = round_trip(store, tmp_path, "doccano")
    assert second == first

    def without_speakers(record: Record) -> Record:
        return replace(record, spans=[s._replace(speaker=None) for s in record.spans])

    assert list(annotator_records(fresh, "alice", None)) == [
        without_speakers(r) for r in annotator_records(store, "alice", None)
    ]
    fresh.close()


def test_conll_round_trips_the_entity_layer_only(store: Store, tmp_path: Path) -> None:
    """CoNLL cannot carry quotes, speakers, titles, meta, status, timestamps, ids or the text's white space."""
    first, second, fresh = round_trip(store, tmp_path, "conll", annotator="alice")
    assert second == first
    [small, _] = list(annotator_records(fresh, "alice", None))
    assert small.text.startswith('Washington said " the talks failed " on Monday .\nAt least 35')
    assert [(s.label.value, s.text) for s in small.spans] == [
        ("ACTOR", "Washington"),
        ("FIGURE", "At least 35"),
        ("LOCATION", "Gaza"),
        ("LOCATION", "New York"),
    ]
    # no title in CoNLL: the imported article gets the one ingest would give it, its first line
    assert small.status == "done" and small.title == 'Washington said " the talks failed " on Monday .'
    assert small.meta == {}
    fresh.close()


def test_prodigy_task_shape(store: Store) -> None:
    out = io.BytesIO()
    export(store, "prodigy", out, "alice", options=every_status())
    import json

    task = json.loads(out.getvalue().decode().splitlines()[0])
    assert task["spans"][1] == {"start": 17, "end": 33, "text": "the talks failed", "token_start": 3,
                                "token_end": 5, "label": "QUOTE"}  # fmt: skip
    assert task["relations"] == [{"head": 5, "child": 0, "head_span": task["spans"][1],
                                  "child_span": task["spans"][0], "label": "SPEAKER"}]  # fmt: skip
    assert task["tokens"][0] == {"text": "Washington", "start": 0, "end": 10, "id": 0, "ws": True}
    assert (task["answer"], task["_annotator_id"], task["_session_id"], task["_view_id"]) == (
        "accept", "alice", "alice", "relations")  # fmt: skip
    assert isinstance(task["_input_hash"], int) and isinstance(task["_task_hash"], int)


def test_docbin_holds_entities_quotes_and_speakers(store: Store, tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    export_to_path(store, "spacy", tmp_path / "alice.spacy", "alice", options=every_status())
    doc = next(DocBin().from_disk(tmp_path / "alice.spacy").get_docs(spacy.blank("en").vocab))
    assert doc.text == SMALL
    assert [(e.text, e.label_) for e in doc.ents] == [("Washington", "ACTOR"), ("At least 35", "FIGURE"),
                                                      ("Gaza", "LOCATION"), ("New York", "LOCATION")]  # fmt: skip
    assert [(s.text, s.label_) for s in doc.spans["quotes"]] == [("the talks failed", "QUOTE")]
    assert [list(link) for link in doc.user_data["annotator.speakers"]] == [[17, 33, 0, 10]]


def test_docbin_trains_a_spacy_ner_pipeline(store: Store, tmp_path: Path) -> None:
    """`spacy train` accepts the export: two steps of a blank English NER pipeline from `spacy init config`."""
    from spacy.cli.init_config import init_config
    from spacy.cli.train import train

    export_to_path(store, "spacy", tmp_path / "train.spacy", "alice", options=every_status())
    init_config(lang="en", pipeline=["ner"], optimize="efficiency").to_disk(tmp_path / "config.cfg")
    overrides = {"paths.train": str(tmp_path / "train.spacy"), "paths.dev": str(tmp_path / "train.spacy"),
                 "training.max_steps": 2, "training.eval_frequency": 1}  # fmt: skip
    train(tmp_path / "config.cfg", tmp_path / "model", overrides=overrides)
    nlp = spacy_load(tmp_path / "model" / "model-last")
    assert set(nlp.get_pipe("ner").labels) == {"ACTOR", "FIGURE", "LOCATION"}


def spacy_load(path: Path):
    import spacy

    return spacy.load(path)


def test_label_studio_reads_several_annotators_and_maps_labels(tmp_path: Path) -> None:
    text = "Ana Lima spoke in Lisbon."
    path = tmp_path / "ls.json"
    path.write_text(
        '[{"id": 7, "data": {"text": "Ana Lima spoke in Lisbon."}, "annotations": ['
        '{"completed_by": 3, "result": [{"id": "a", "type": "labels", "from_name": "label", "to_name": "text",'
        ' "value": {"start": 0, "end": 8, "text": "Ana Lima", "labels": ["PERSON"]}}]},'
        '{"completed_by": {"email": "bo@example.org"}, "was_cancelled": true, "result": []}]}]',
        encoding="utf-8",
    )
    with Store.open(tmp_path / "db.db") as store:
        store_records(store, read_file(path, "labelstudio", ReadOptions(label_map={"PERSON": Label.ACTOR})))
        [article_id] = store.article_ids()
        assert store.article(article_id).text == text
        assert [(s.label, s.text) for s in store.spans(article_id, "labelstudio-user-3")] == [(Label.ACTOR, "Ana Lima")]
        assert store.status(article_id, "bo@example.org") == "skipped"
