"""Label Studio: our export as its server takes it, and the files its server writes (fixtures/real/labelstudio).

Three consumers read our export. label-studio-sdk 2.1.2's own code (its LabelInterface validating our labelling
config, tasks, annotations, predictions and speaker relations; its Converter turning our tasks into JSON_MIN,
CONLL2003, CSV and TSV) runs in tests/test_interop_labelstudio_sdk.py and test_interop_labelstudio_converter.py,
in an environment of its own (.venv-labelstudio, which `make test` makes): it brings OpenCV, pandas, nltk and lxml
and would move this environment's pins. The server's import checks are the server's code, not the SDK's: the
shape test below checks our export against the server's rules as read in Label Studio 1.23.2
(`tasks/serializers.py`, `_insert_valid_completed_by`, `add_tasks`; `tasks/validation.py`), and
`benchmarks/interop.py` sends it to a real server. `ls1232_our_export_back.json` is that server's JSON export of
our export: importing it gives back what we sent.
"""

from __future__ import annotations

import json
from pathlib import Path

from exchange_support import build, every_status
from real_files import REAL, annotations, run

from annotator.exchange.records import export_to_path

LS = REAL / "labelstudio"
MAYOR = 'Mayor Ana Ruiz said "Riverton '
OFFICIALS = "Officials in  Port Maren count"
RIVERTON = [
    ("ACTOR", "Ana Ruiz", None),
    ("LOCATION", "Riverton", None),
    ("QUOTE", "Riverton will rebuild the bridge by May", "Ana Ruiz"),
    ("FIGURE", "1,200 homes", None),
]
PORT_MAREN = [
    ("LOCATION", "Port Maren", None),
    ("FIGURE", "14 boats", None),
    ("ACTOR", "Li Wei", None),
    ("QUOTE", "We expect more tomorrow.", "Li Wei"),
]


def server_takes(task: object) -> None:
    """Label Studio 1.23.2's import rules for one task: a dict with a `data` dict holding the text the labelling
    config names; `annotations` a list of dicts, each with a `result` list; `completed_by` absent, null, a
    member's user id or {"email": a member's}: anything else (a name) rejects the whole file with HTTP 400."""
    assert isinstance(task, dict)
    assert isinstance(task["data"], dict) and isinstance(task["data"]["text"], str)
    for annotation in task["annotations"]:
        assert isinstance(annotation, dict) and isinstance(annotation["result"], list)
        assert "completed_by" not in annotation  # our annotators are not the server's users
        for result in annotation["result"]:
            assert result["type"] in ("labels", "relation")
    assert isinstance(task.get("meta", {}), dict)


def test_our_export_is_what_the_server_imports_with_annotator_and_status_in_the_task_meta(tmp_path: Path) -> None:
    with build(tmp_path / "a.db") as store:
        export_to_path(store, "labelstudio", tmp_path / "alice.json", "alice", options=every_status())
    tasks = json.loads((tmp_path / "alice.json").read_text(encoding="utf-8"))
    for task in tasks:
        server_takes(task)
        assert all("id" not in a for a in task["annotations"])  # the server gives its own
    # The task's `id`, its place in the file: the server gives its own (`add_tasks` never reads one) and
    # label-studio-sdk's converter needs one (tests/test_interop_labelstudio_converter.py)
    assert [t["id"] for t in tasks] == [1, 2]
    assert [(t["meta"]["annotator"], t["meta"]["status"]) for t in tasks] == [("alice", "done"), ("alice", "flagged")]
    assert all(t["meta"]["updated_at"] for t in tasks)


def test_the_servers_export_of_our_export_gives_back_annotators_statuses_and_speakers(tmp_path: Path) -> None:
    """Made by benchmarks/interop.py: our export, imported into Label Studio 1.23.2 and exported by it."""
    db = tmp_path / "back.db"
    code, out, err = run("import", LS / "ls1232_our_export_back.json", "--format", "labelstudio", "--db", db)
    assert (code, out, err) == (0, f"4 record(s) imported (4 new article(s)) -> {db}\n", "")
    assert annotations(db) == [
        (MAYOR, "alice", "done", RIVERTON),
        (OFFICIALS, "alice", "in_progress", PORT_MAREN),
        ("Delta Cooperative said it woul", "alice", "flagged",
         [("ACTOR", "Delta Cooperative", None), ("FIGURE", "300 workers", None), ("LOCATION", "Eastvale", None)]),
        ("Nothing in this note is worth ", "alice", "skipped", []),
    ]  # fmt: skip


def test_a_projects_json_export_with_two_annotators_a_cancelled_task_and_one_nobody_did(tmp_path: Path) -> None:
    db = tmp_path / "ls.db"
    code, out, _ = run("import", LS / "ls1232_export.json", "--format", "labelstudio", "--db", db)
    assert code == 0
    assert out.splitlines() == [
        f"4 record(s) imported (3 new article(s)) -> {db}",
        "left out: 1 Label Studio prediction(s) given by id only, without their results (not read)",
        "left out: 1 task(s) without an annotation",
        f"note: the 1 task(s) without an annotation: task 4 ({LS / 'ls1232_export.json'}:1 record 4); `annotator "
        f"ingest {LS / 'ls1232_export.json'} --db {db}` stores their texts to annotate (the articles already stored "
        "stay as they are)",
    ]
    assert annotations(db) == [
        (MAYOR, "labelstudio-user-1", "done", RIVERTON),
        (OFFICIALS, "labelstudio-user-1", "done", PORT_MAREN),
        (OFFICIALS, "labelstudio-user-2", "done", [("LOCATION", "Port Maren", None), ("ACTOR", "Li Wei", None)]),
        ("This task was skipped by the a", "labelstudio-user-1", "skipped", []),
    ]


def test_json_min_export_one_flat_record_per_annotation(tmp_path: Path) -> None:
    """JSON_MIN has no `data` and no relations: the spans come back, the speakers cannot."""
    db = tmp_path / "min.db"
    code, out, _ = run("import", LS / "ls1232_export_min.json", "--format", "labelstudio", "--db", db)
    assert code == 0
    assert out.splitlines() == [f"3 record(s) imported (2 new article(s)) -> {db}", "left out: 1 task(s) without an annotation",
                                "left out: 2 quote(s)' speakers: JSON_MIN has no relations (Label Studio's JSON export "
                                "keeps them)", "note: 2 article(s) new to this database stored as done work: Label Studio's JSON_MIN has no status",
                                f"note: the 1 task(s) without an annotation: task 4 ({LS / 'ls1232_export_min.json'}:118 "
                                "record 4); ingest does not read Label Studio's JSON_MIN: its JSON export of the project "
                                "is a task file `annotator ingest FILE` stores their texts from"]  # fmt: skip
    without_speakers = [(label, text, None) for label, text, _ in RIVERTON]
    assert annotations(db) == [
        (MAYOR, "labelstudio-user-1", "done", without_speakers),
        (OFFICIALS, "labelstudio-user-2", "done", [("LOCATION", "Port Maren", None), ("ACTOR", "Li Wei", None)]),
        (OFFICIALS, "labelstudio-user-1", "done", [(label, text, None) for label, text, _ in PORT_MAREN]),
    ]


def test_choices_and_other_results_are_left_out_and_counted(tmp_path: Path) -> None:
    for name, counted in (
        ("ls1232_export_choices.json", "left out: 2 Label Studio 'choices' result(s) of the control 'sentiment' (only labels and relations are read)"),
        ("ls1232_export_choices_min.json", "left out: 2 Label Studio result(s) of the control 'sentiment' (only labels and relations are read)"),
    ):  # fmt: skip
        db = tmp_path / f"{name}.db"
        code, out, err = run("import", LS / name, "--format", "labelstudio", "--db", db)
        id_only = "annotator: note: 1 Label Studio user known only by id is stored as labelstudio-user-1 (--user-map "
        assert (code, err.startswith(id_only) or err == "") == (0, True), name
        assert counted in out.splitlines(), out
    assert annotations(tmp_path / "ls1232_export_choices.json.db")[0] == (MAYOR, "labelstudio-user-1", "done", RIVERTON)
    # an annotation with choices only is no work on spans: test_import_labelstudio_not_spans


def test_conll2003_export_one_task_a_block(tmp_path: Path) -> None:
    """Label Studio writes one `-DOCSTART- -X- O` line, then each annotation as a block: four blocks, four
    documents. Its tokenizer leaves a sentence's full stop on "boats." (line 52), so that FIGURE breaks the span
    rules until --snap trims it. Two blocks are one task by two annotators, which CoNLL cannot tell apart: with
    one --annotator, the second is a duplicate (listed with --skip-invalid)."""
    path, db = LS / "ls1232_export_conll2003.conll", tmp_path / "conll.db"
    options = ["--format", "conll", "--annotator", "bob", "--db", db]
    code, _, err = run("import", path, *options)
    assert (code, err) == (1, f"annotator: error: {path}:52: field 'tag.start': span 32:41 '14 boats.': a FIGURE span "
                              "may not end with punctuation ('.') (--snap trims it to '14 boats')\n")  # fmt: skip
    code, _, err = run("import", path, *options, "--snap")
    clash = ("duplicate record: article '405879312b55aa82' by 'bob' is already at line 23: the block at line 47 and "
             "the block at line 23 hold one text, and CoNLL names no annotator, so --annotator makes both 'bob''s "
             "(Label Studio's CONLL2003 export writes a block for each user's annotation of a task): export the "
             "project as JSON to keep each user's work (`annotator import FILE.json --format labelstudio`), or "
             "--skip-invalid keeps the block at line 23 and lists this one")  # trial t4 F12(a)  # fmt: skip
    assert (code, err) == (1, f"annotator: error: {path}:47: {clash}\n")
    code, out, _ = run("import", path, *options, "--snap", "--skip-invalid")
    assert code == 0
    assert out.splitlines() == [
        f"3 record(s) imported (3 new article(s), 0 span(s) snapped to token boundaries) -> {db}",
        "skipped 1 record(s):",
        f"  {path}:47: {clash}",
        "note: 3 new article(s) with a text rebuilt from the file's tokens, the white space between them guessed: "
        "no stored article has the same words",
        "note: 3 article(s) new to this database stored as done work: CoNLL has no status",
        f"note: 1 article(s) with no tag at all, stored as done with no entity ({path}:71 272008c2290354cb 'Delta "
        "Cooperative said it would hire ...'): if nobody annotated them (Label Studio's CONLL2003 export writes a "
        "task nobody annotated as an all-O block), they are no gold: take their blocks out of the file and import it "
        "again into a fresh database, or reopen them in the screen ('O') to annotate them",
    ]  # trial t4 F12(b): the all-O block of the task nobody annotated is named
    assert annotations(db) == [
        ('Mayor Ana Ruiz said " Riverton', "bob", "done",
         [("ACTOR", "Ana Ruiz", None), ("QUOTE", "Riverton will rebuild the bridge by May", None), ("FIGURE", "1,200 homes", None)]),
        ("Officials in Port Maren counte", "bob", "done", [("LOCATION", "Port Maren", None), ("ACTOR", "Li Wei", None)]),
        ("Delta Cooperative said it woul", "bob", "done", []),
    ]  # fmt: skip


def test_the_models_suggestions_go_out_as_predictions_and_come_back_as_suggestions(tmp_path: Path) -> None:
    """As annotations, a server would count the model's spans as someone's finished work."""
    with build(tmp_path / "a.db") as store:
        export_to_path(store, "labelstudio", tmp_path / "model.json", None)
    tasks = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    assert [("annotations" in t, t["meta"]["annotator"], [p["model_version"] for p in t["predictions"]]) for t in tasks] == [
        (False, "model:entities.v1", ["entities.v1"]),
        (False, "model:", [""]),  # the seed article has no suggestions: an empty prediction, so it comes back
    ]  # fmt: skip
    assert [r["value"]["text"] for r in tasks[0]["predictions"][0]["result"]] == ["Washington"]
    db = tmp_path / "back.db"
    code, out, err = run("import", tmp_path / "model.json", "--format", "labelstudio", "--db", db)
    said = f"2 record(s) imported (2 new article(s), 1 suggestion(s) of the model) -> {db}\n"
    assert (code, out, err) == (0, said, "")
    assert annotations(db) == []


def test_the_servers_export_of_our_suggestions_names_its_predictions_by_id_only(tmp_path: Path) -> None:
    """Made by Label Studio 1.23.2: our `export --suggestions` (two tasks, one prediction each) imported and exported
    as JSON. The server accepted 2 tasks with 0 annotations and 2 predictions, and exports a task's predictions as
    their ids (`"predictions": [1]`): their results are not in the file, so nothing comes back, and it says so,
    as an error that creates no database (nothing to import; a newcomer's re-trial, 37b, 3)."""
    db = tmp_path / "back.db"
    path = LS / "ls1232_our_suggestions_back.json"
    code, out, err = run("import", path, "--format", "labelstudio", "--db", db)
    assert (code, err) == (
        1,
        f"annotator: error: nothing imported: every record of {path} was left out (2 Label Studio prediction(s) "
        f"given by id only, without their results (not read); 2 task(s) without an annotation; listed above); {db} "
        f"was not created; `annotator ingest {path} --db {db}` stores their texts to annotate\n",
    )
    assert out.splitlines() == [
        "left out: 2 Label Studio prediction(s) given by id only, without their results (not read)",
        "left out: 2 task(s) without an annotation",
    ]
    assert not db.exists()


def test_another_models_predictions_are_counted_not_read(tmp_path: Path) -> None:
    """A prediction with its results that is not our model's record (an ML backend's) is nobody's work here."""
    text = "Ana Ruiz spoke."
    region = {"id": "r", "from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start": 0, "end": 8, "text": "Ana Ruiz", "labels": ["ACTOR"]}}  # fmt: skip
    tasks = [{"data": {"text": text}, "annotations": [{"completed_by": 1, "result": [region]}],
              "predictions": [{"model_version": "their-ner", "result": [region]}]}]  # fmt: skip
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    db = tmp_path / "t.db"
    code, out, err = run("import", path, "--format", "labelstudio", "--db", db)
    assert (code, err) == (
        0,
        "annotator: note: 1 Label Studio user known only by id is stored as labelstudio-user-1 (--user-map 1=NAME "
        "names them)\n",
    )
    assert out.splitlines() == [
        f"1 record(s) imported (1 new article(s)) -> {db}",
        "left out: 1 Label Studio prediction(s) (not read)",
    ]
    assert annotations(db) == [(text, "labelstudio-user-1", "done", [("ACTOR", "Ana Ruiz", None)])]


def test_the_labelling_config_names_only_the_exported_labels(tmp_path: Path) -> None:
    """`--labels` without QUOTE: no quotes, so no SPEAKER relation either (label-studio-sdk reads the full config in
    test_interop_labelstudio_sdk.py)."""
    db, config = tmp_path / "a.db", tmp_path / "ls.xml"
    build(db).close()
    code, out, err = run("export", "--db", db, "--annotator", "alice", "--format", "labelstudio", "--labels",
                         "ACTOR,FIGURE", "-o", tmp_path / "a.json", "--config", config)  # fmt: skip
    assert (code, out, err) == (
        0,
        f"1 record(s) -> {tmp_path / 'a.json'}; Label Studio labelling config -> {config}\n",
        "note: 1 flagged record(s) left out (--status all takes every status)\n",  # the build's flagged one
    )
    assert config.read_text(encoding="utf-8") == (
        '<View>\n  <Labels name="label" toName="text">\n    <Label value="ACTOR"/>\n    <Label value="FIGURE"/>\n'
        '  </Labels>\n  <Text name="text" value="$text"/>\n</View>\n'
    )
    code, _, err = run("export", "--db", db, "--annotator", "alice", "--format", "labelstudio", "-o", "-",
                       "--config", config)  # fmt: skip
    assert (code, err) == (1, "annotator: error: --config is written with the export: give it a file (-o PATH), not "
                              "standard output\n")  # fmt: skip
