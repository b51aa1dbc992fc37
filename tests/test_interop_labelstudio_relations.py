"""Label Studio results as its annotators draw them: unlabelled relations, and a region text with its double
spaces collapsed (HumanSignal/label-studio#3078) while its offsets keep them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from real_files import annotations, run

TEXT = 'Ana Ruiz said "We rebuild." Paris is far.'


def region(rid: str, start: int, end: int, label: str, text: str = TEXT) -> dict[str, Any]:
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}}  # fmt: skip


def relation(first: str, second: str, **labels: Any) -> dict[str, Any]:
    return {"type": "relation", "from_id": first, "to_id": second, "direction": "right", **labels}


REGIONS = [region("a", 0, 8, "ACTOR"), region("q", 15, 26, "QUOTE"), region("p", 28, 33, "LOCATION")]
#: Each file's user 1 is known only by id: the import says so (its work is labelstudio-user-1's).
USER_1 = (
    "annotator: note: 1 Label Studio user known only by id is stored as labelstudio-user-1 (--user-map 1=NAME names "
    "them)\n"
)


def imported(tmp_path: Path, result: list[dict[str, Any]], text: str = TEXT) -> tuple[int, str, str, Path]:
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([{"data": {"text": text}, "annotations": [{"completed_by": 1, "result": result}]}]))
    db = tmp_path / "t.db"
    code, out, err = run("import", path, "--format", "labelstudio", "--db", db)
    return code, out, err, db


def test_an_unlabelled_relation_from_a_quote_to_its_actor_is_the_speaker(tmp_path: Path) -> None:
    """Label Studio draws a relation without a label unless the annotator picks one; with SPEAKER the only
    relation of our config, that is the common case."""
    for number, drawn in enumerate([relation("q", "a", labels=[]), relation("q", "a"), relation("a", "q", labels=[])]):
        folder = tmp_path / str(number)
        folder.mkdir()
        code, out, err, db = imported(folder, [*REGIONS, drawn])
        assert (code, out, err) == (0, f"1 record(s) imported (1 new article(s)) -> {db}\n", USER_1)
        assert annotations(db) == [
            (TEXT[:30], "labelstudio-user-1", "done",
             [("ACTOR", "Ana Ruiz", None), ("QUOTE", "We rebuild.", "Ana Ruiz"), ("LOCATION", "Paris", None)])
        ]  # fmt: skip


def test_an_unlabelled_relation_between_other_regions_is_one_line_naming_the_result(tmp_path: Path) -> None:
    code, out, err, db = imported(tmp_path, [*REGIONS, relation("q", "p", labels=[])])
    assert (code, out) == (1, "")
    assert err == (
        f"annotator: error: {tmp_path / 'tasks.json'}:1: record 1: field 'annotations[0].result[3]': an unlabelled relation "
        "is read as SPEAKER, which joins a QUOTE and an ACTOR; this one joins a QUOTE and a LOCATION\n"
    )
    assert not db.exists()


def test_a_region_text_with_its_double_spaces_collapsed_matches_the_article(tmp_path: Path) -> None:
    """The trial's file (ds-ls.json): 'New York' for the article's 'New  York' at 37:46."""
    text = "Text: Berlin,  Germany. The mayor of New  York spoke."
    given = region("r1", 37, 46, "LOCATION", text)
    given["value"]["text"] = "New York"
    code, out, err, db = imported(tmp_path, [given], text)
    assert (code, out, err) == (0, f"1 record(s) imported (1 new article(s)) -> {db}\n", USER_1)
    assert annotations(db) == [(text[:30], "labelstudio-user-1", "done", [("LOCATION", "New  York", None)])]


def test_a_region_text_that_differs_in_more_than_white_space_is_still_refused(tmp_path: Path) -> None:
    text = "Text: Berlin,  Germany. The mayor of New  York spoke."
    given = region("r1", 37, 46, "LOCATION", text)
    given["value"]["text"] = "New Yorkk"
    code, out, err, db = imported(tmp_path, [given], text)
    assert (code, out, db.exists()) == (1, "", False)
    assert err == (
        f"annotator: error: {tmp_path / 'tasks.json'}:1: record 1: field 'annotations[0].result[0].value.text': text "
        "'New Yorkk' does not match the article at 37:46 ('New  York')\n"
    )
