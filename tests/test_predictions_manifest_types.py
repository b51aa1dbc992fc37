"""A predictions manifest's fields are of the types predict writes, or the manifest is refused in one line naming
the file and the field, by `ingest --suggestions-from` and a resumed `predict`: `"complete": "yes"` was taken for
true, an article total of `1.0` or `true` for 1, and a `pipeline` that is no object was a traceback. Real
processes, real files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from processes import annotator, one_error_line

from annotator.suggest.pipeline import DEFAULT_SUGGESTERS

ARTICLE = '{"id": "a", "text": "\\"We will rebuild the school,\\" said Maria Lopez in Lyon."}\n'


@pytest.fixture(scope="module")
def predicted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A finished predictions folder of one article, `preds/`, beside its input `c.jsonl`."""
    folder = tmp_path_factory.mktemp("predicted")
    (folder / "c.jsonl").write_text(ARTICLE, encoding="utf-8")
    result = annotator("predict", folder / "c.jsonl", "-o", folder / "preds", "--workers", "1", timeout=120)
    assert result.returncode == 0, result.stderr
    return folder


def edited(predicted: Path, tmp_path: Path, path: tuple[str | int, ...], value: object) -> Path:
    """A copy of the predictions whose manifest has `value` at `path`."""
    shutil.copy(predicted / "c.jsonl", tmp_path / "c.jsonl")
    folder = shutil.copytree(predicted / "preds", tmp_path / "preds")
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    place = manifest
    for key in path[:-1]:
        place = place[key]
    place[path[-1]] = value
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return folder


#: the default quote suggester, whose counts the manifest records
QUOTES = DEFAULT_SUGGESTERS.quotes
INTEGER, BOOLEAN = "Input should be a valid integer", "Input should be a valid boolean"
CASES = [
    (("complete",), "yes", f"{BOOLEAN}, got a string"),
    (("complete",), 1, f"{BOOLEAN}, got a whole number"),
    (("complete",), None, f"{BOOLEAN}, got null"),
    (("articles",), 1.0, f"{INTEGER}, got a number with a fraction or an exponent"),
    (("articles",), True, f"{INTEGER}, got true"),
    (("pipeline",), 5, "Input should be a valid dictionary, got a whole number"),
    (("pipeline",), "ab", "Input should be a valid dictionary, got a string"),
    (("suggesters", QUOTES), ["QUOTE"], "Input should be a valid dictionary, got a list"),
    (("suggesters", QUOTES, "QUOTE"), "1", f"{INTEGER}, got a string"),
    (("shard_size",), "100", f"{INTEGER}, got a string"),
    (("inputs",), "c.jsonl", "Input should be a valid list, got a string"),
    (("shards", 0, "made", QUOTES), 1, "Input should be a valid dictionary, got a whole number"),
    (("shards", 0, "words"), -1, "Input should be greater than or equal to 0"),
]


@pytest.mark.parametrize(
    ("path", "value", "problem"), CASES, ids=[f"{'.'.join(map(str, c[0]))}={c[1]!r}" for c in CASES]
)
def test_a_manifest_field_of_another_type_is_one_line_and_nothing_is_stored(
    predicted: Path, tmp_path: Path, path: tuple[str | int, ...], value: object, problem: str
) -> None:
    folder = edited(predicted, tmp_path, path, value)
    manifest = folder / "manifest.json"
    field = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")
    expected = f"{manifest}: field {field!r}: not a predictions manifest: {problem}"
    before = manifest.read_bytes()
    assert one_error_line(annotator("ingest", "--suggestions-from", folder, "--db", tmp_path / "x.db")) == expected
    assert not (tmp_path / "x.db").exists()
    assert one_error_line(annotator("predict", tmp_path / "c.jsonl", "-o", folder, "--workers", "1")) == expected
    assert manifest.read_bytes() == before


def test_complete_false_is_still_unfinished_and_true_is_read(predicted: Path, tmp_path: Path) -> None:
    folder = edited(predicted, tmp_path, ("complete",), False)
    assert one_error_line(annotator("ingest", "--suggestions-from", folder, "--db", tmp_path / "x.db")) == (
        f"{folder / 'manifest.json'}: field 'complete': the predictions are not finished: run the same "
        "`annotator predict` again to complete them"
    )
    result = annotator("ingest", "--suggestions-from", predicted / "preds", "--db", tmp_path / "y.db")
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert result.stdout.startswith("1 article(s) added")
