"""An id ingest makes from a text (`ID~HASH` for `--changed-text new`, or the text's hash when no id is given) may be
held by another text: made so by `--changed-text replace`, or taken by an explicit id, stored or earlier in the same
input. The text then goes under the first of `ID~2`, `ID~3`, ... that nothing holds, as a replaced hash id's text
always did. Found by an attacker (trial 39a, 1): `--changed-text new` stored nothing, counted the text "already
stored" and exited 0. Real console script, real files, real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.models import content_hash
from annotator.store import Store

V0, V1, V2 = "Version zero of the story.", "Version one of the story.", "Version two, corrected."
NEW_ID = f"s0~{content_hash(V1)[:8]}"


def write_jsonl(path: Path, *records: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def ids_and_texts(db: Path) -> list[tuple[str, str]]:
    with Store.open(db, read_only=True) as store:
        return sorted((a, store.article(a).text) for a in store.article_ids())


def ingest(tmp_path: Path, path: Path, *options: str) -> tuple[int, str, str]:
    result = annotator("ingest", path, "--no-suggest", "--db", "r.db", *options, cwd=tmp_path)
    return result.returncode, result.stdout, result.stderr


def test_a_changed_text_whose_new_id_a_replace_gave_another_text_is_stored_under_a_free_id(tmp_path: Path) -> None:
    v1 = write_jsonl(tmp_path / "v1.jsonl", {"id": "s0", "text": V1})
    assert ingest(tmp_path, write_jsonl(tmp_path / "v0.jsonl", {"id": "s0", "text": V0}))[0] == 0
    assert ingest(tmp_path, v1, "--changed-text", "new")[0] == 0
    v2 = write_jsonl(tmp_path / "v2.jsonl", {"id": NEW_ID, "text": V2})
    assert ingest(tmp_path, v2, "--changed-text", "replace")[0] == 0
    assert ids_and_texts(tmp_path / "r.db") == [("s0", V0), (NEW_ID, V2)]

    assert ingest(tmp_path, v1, "--changed-text", "new") == (
        0,
        "1 article(s) added, 0 already stored, 0 suggestion(s) -> r.db\n",
        "",
    )
    assert ids_and_texts(tmp_path / "r.db") == [("s0", V0), (NEW_ID, V2), (f"{NEW_ID}~2", V1)]
    assert ingest(tmp_path, v1, "--changed-text", "new") == (
        0,
        "0 article(s) added, 1 already stored, 0 suggestion(s) -> r.db\n",
        "",
    )


def test_a_changed_text_whose_new_id_is_squatted_goes_past_every_taken_one(tmp_path: Path) -> None:
    """Stored squatters (`ID~HASH`, `ID~HASH~2`), and lines of the same input before (`ID~HASH~3`) and after it
    (`ID~HASH~4`)."""
    first = write_jsonl(
        tmp_path / "first.jsonl",
        {"id": "s0", "text": V0},
        {"id": NEW_ID, "text": "Another story."},
        {"id": f"{NEW_ID}~2", "text": "A third story."},
    )
    assert ingest(tmp_path, first)[0] == 0
    changed = write_jsonl(
        tmp_path / "changed.jsonl",
        {"id": f"{NEW_ID}~3", "text": "A fourth."},
        {"id": "s0", "text": V1},
        {"id": f"{NEW_ID}~4", "text": "A fifth."},
    )
    assert ingest(tmp_path, changed, "--changed-text", "new") == (
        0,
        "3 article(s) added, 0 already stored, 0 suggestion(s) -> r.db\n",
        "",
    )
    assert ids_and_texts(tmp_path / "r.db") == [
        ("s0", V0),
        (NEW_ID, "Another story."),
        (f"{NEW_ID}~2", "A third story."),
        (f"{NEW_ID}~3", "A fourth."),
        (f"{NEW_ID}~4", "A fifth."),
        (f"{NEW_ID}~5", V1),
    ]
    again = write_jsonl(tmp_path / "again.jsonl", {"id": "s0", "text": V1})
    assert ingest(tmp_path, again, "--changed-text", "new") == (
        0,
        "0 article(s) added, 1 already stored, 0 suggestion(s) -> r.db\n",
        "",
    )


def test_a_text_whose_hash_id_an_earlier_line_of_the_input_holds_is_stored_under_hash_2(tmp_path: Path) -> None:
    """The same rule for a text with no id: a line before it gave its hash as an id to another text."""
    squat = write_jsonl(tmp_path / "a.jsonl", {"id": content_hash(V1), "text": V2}, {"text": V1})
    assert ingest(tmp_path, squat) == (0, "2 article(s) added, 0 already stored, 0 suggestion(s) -> r.db\n", "")
    assert ids_and_texts(tmp_path / "r.db") == [(content_hash(V1), V2), (f"{content_hash(V1)}~2", V1)]
    assert ingest(tmp_path, squat) == (0, "0 article(s) added, 2 already stored, 0 suggestion(s) -> r.db\n", "")
