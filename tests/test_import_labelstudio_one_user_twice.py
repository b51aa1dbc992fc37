"""A fresh clone's trial: a Label Studio task holding two answers both `completed_by` user 1 was imported as two
annotators. The task was our export's, back from a server: its first annotation is the server's import of alice's
work, which Label Studio makes its importer (user 1) the completer of (tests/fixtures/real/labelstudio/
ls1232_our_export_back.json, Label Studio 1.23.2: `completed_by` 1, stamped once, no `lead_time`); the second is
an answer user 1 then submitted there (another annotation of the task, as the quick view's + makes). The import read
the first as alice's (the task's `meta.annotator`) and the second as labelstudio-user-1's, without a word: to Label
Studio both are user 1's, and whether user 1 is alice nothing in the file tells. It is now refused in one line
naming the field, the database left as it was; `--user-map 1=NAME` says who user 1 is, and with it the import goes
on. Real files shaped by the real server's export; the real console script; real SQLite."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from processes import annotator, one_error_line
from real_files import REAL

from annotator.store import Store

BACK = REAL / "labelstudio" / "ls1232_our_export_back.json"


def answered_again(tmp_path: Path) -> Path:
    """Task 1 of the server's export of alice's work, with a second answer user 1 submitted there a while after
    the import, as the server writes one: made and updated in the same moment, the editor's seconds in `lead_time`;
    user 1 left the FIGURE out."""
    (task, *_) = json.loads(BACK.read_text("utf-8"))
    again = copy.deepcopy(task["annotations"][0])
    again["result"] = [r for r in again["result"] if r.get("value", {}).get("labels") != ["FIGURE"]]
    again.update(id=5, ground_truth=False, lead_time=42.1, unique_id="5e1c6a4e-0d8f-4a77-9b8e-2f6f0c1d7a21",
                 created_at="2026-12-01T05:02:11.412301Z", updated_at="2026-12-01T05:02:11.412338Z")  # fmt: skip
    task["annotations"].append(again)
    task["total_annotations"] = 2
    path = tmp_path / "twice.json"
    path.write_text(json.dumps([task]), "utf-8")
    return path


def test_two_answers_of_one_user_in_a_task_back_from_a_server_are_refused_in_one_line(tmp_path: Path) -> None:
    path = answered_again(tmp_path)
    result = annotator("import", path, "--format", "labelstudio", "--db", "x.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"{path}:1: record 1: field 'annotations[1].completed_by': Label Studio user 1 completed this annotation and "
        "annotations[0], the server's import of the work meta.annotator names ('alice': a server makes its importer "
        "the completer): one user to Label Studio, two annotators here, and whether user 1 is 'alice' cannot be told "
        "(give --user-map 1=NAME to say who user 1 is)"
    )
    assert not (tmp_path / "x.db").exists()


def test_with_the_user_named_each_answer_is_imported_as_whose_it_is(tmp_path: Path) -> None:
    path = answered_again(tmp_path)
    result = annotator("import", path, "--format", "labelstudio", "--user-map", "1=carol", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[0] == "2 record(s) imported (1 new article(s)) -> x.db"
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        (article,) = store.article_ids()
        assert {who: len(store.spans(article, who)) for who in store.annotators()} == {"alice": 4, "carol": 3}


def test_when_the_user_is_the_metas_annotator_their_answer_made_since_stands(tmp_path: Path) -> None:
    """`--user-map 1=alice`: both answers are alice's, one annotator. The second, a fresh answer Label Studio stamped
    once (no moment of work by `updated_at`), was refused as a duplicate 'only one gives a time'; made on the server
    after its import of the first, it is her later answer, and the first is left out in the note that says so."""
    path = answered_again(tmp_path)
    result = annotator("import", path, "--format", "labelstudio", "--user-map", "1=alice", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "1 record(s) imported (1 new article(s)) -> x.db",
        f"note: 1 earlier answer(s) in {path} left out for a later answer of the same article by the same annotator "
        "(the later updated_at or _timestamp stands; of one Label Studio task's answers, the one made or changed "
        "last): task 1 (id 1)'s annotations[0] of 'alice' (by task 1 (id 1)'s annotations[1])",
    ]
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        (article,) = store.article_ids()
        assert {who: len(store.spans(article, who)) for who in store.annotators()} == {"alice": 3}
