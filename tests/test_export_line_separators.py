"""Every JSON export carried an article's U+2028, U+2029 and NEL (U+0085) raw: valid JSON, but `str.splitlines()`
and many line-based readers end a line at each, and split a JSONL record (or a Label Studio task's line) there.
Now every JSON the tool writes, to a file as to standard output, escapes them (`formats.json_text`): the same
JSON once parsed, one record a line, and the file imports back to the same records. The real console script on a
real database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from processes import annotator

#: A line separator, a paragraph separator and a NEL in the text, around names the suggesters mark (spans after
#: each keep their offsets), and one in the title.
TEXT = "Mayor Jane Smith said\u2028 the bridge in Riverton\u2029 would open, and Omar Haddad\u0085 agreed in Paris."
TITLE = "Bridge\u2028news"
JSON_FORMATS = ["jsonl", "prodigy", "doccano", "doccano-relations", "labelstudio"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("separators")
    article = {"id": "s1", "title": TITLE, "text": TEXT}
    (folder / "a.jsonl").write_text(json.dumps(article) + "\n", encoding="utf-8")
    for args in (("ingest", "a.jsonl"), ("accept", "--annotator", "bob", "--done")):
        done = annotator(*args, "--db", "s.db", cwd=folder)
        assert done.returncode == 0, done.stderr
    return folder


def records(text: str, form: str) -> list[dict]:
    """The file's records, read as JSON; JSONL split at \\n only, as JSON Lines defines a line."""
    if form == "labelstudio":
        return json.loads(text)
    return [json.loads(line) for line in text.split("\n") if line]


@pytest.mark.parametrize("form", JSON_FORMATS)
def test_a_json_export_keeps_each_record_on_its_line(folder: Path, form: str) -> None:
    done = annotator("export", "--db", "s.db", "--annotator", "bob", "--format", form, "-o", f"out.{form}", cwd=folder)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    written = (folder / f"out.{form}").read_bytes()
    assert [char for char in "\u2028\u2029\x85" if char.encode("utf-8") in written] == []
    text = written.decode("utf-8")
    assert text.splitlines() == text.split("\n")[:-1]  # no line break but \n: splitlines reads the same lines
    assert "Mayor Jane Smith said\\u2028 the bridge in Riverton\\u2029 would open, and Omar Haddad\\u0085" in text
    [record] = records(text, form)
    data = record["data"] if form == "labelstudio" else record
    assert data["text"] == TEXT  # the same JSON value: the escapes read back as the characters


@pytest.mark.parametrize("form", JSON_FORMATS)
def test_the_escaped_export_imports_back_to_the_same_records(folder: Path, form: str) -> None:
    export = ("export", "--annotator", "bob", "--format", form, "-o")
    assert annotator(*export, f"first.{form}", "--db", "s.db", cwd=folder).returncode == 0
    done = annotator(
        "import", f"first.{form}", "--format", form, "--annotator", "bob", "--db", f"{form}.db", cwd=folder
    )
    assert (done.returncode, done.stdout) == (0, f"1 record(s) imported (1 new article(s)) -> {form}.db\n")
    assert annotator(*export, f"again.{form}", "--db", f"{form}.db", cwd=folder).returncode == 0
    first = (folder / f"first.{form}").read_text(encoding="utf-8")
    again = (folder / f"again.{form}").read_text(encoding="utf-8")
    assert records(again, form) == records(first, form)
    assert again == first


def test_standard_output_writes_the_file_s_bytes(folder: Path) -> None:
    """`-o -` escapes more (`literal.json_shown_literally`); its JSON is the file's, here byte for byte, as this text
    holds nothing else it escapes."""
    done = annotator("export", "--db", "s.db", "--annotator", "bob", "-o", "-", cwd=folder)
    assert annotator("export", "--db", "s.db", "--annotator", "bob", "-o", "std.jsonl", cwd=folder).returncode == 0
    assert done.stdout == (folder / "std.jsonl").read_text(encoding="utf-8")


def test_label_studio_s_own_reader_takes_the_escaped_export(folder: Path) -> None:
    """label-studio-sdk (its environment: tests/test_interop_labelstudio_sdk.py) validates the task and its
    converter reads the text back whole, the escapes as the characters."""
    from test_interop_labelstudio_sdk import read_by_sdk

    export = ("export", "--db", "s.db", "--annotator", "bob", "--format", "labelstudio", "-o", "sdk.json")
    done = annotator(*export, "--config", "sdk.xml", cwd=folder)
    assert done.returncode == 0, done.stderr
    read = read_by_sdk(folder / "sdk.xml", {"bob": folder / "sdk.json"})["files"]["bob"]
    assert read["tasks"] == [{"missing_data": [], "annotations": [{"valid": True, "errors": []}], "predictions": []}]
    assert [task["text"] for task in read["JSON_MIN"]] == [TEXT]


def test_predict_writes_its_shards_and_manifest_so(folder: Path) -> None:
    """`predict`'s shards are native JSONL and its manifest names the input, here a file named with a U+2028."""
    name = "in\u2028put.jsonl"
    (folder / name).write_text(json.dumps({"id": "p1", "title": TITLE, "text": TEXT}) + "\n", encoding="utf-8")
    done = annotator("predict", name, "-o", "predicted", "--workers", "1", cwd=folder)
    assert done.returncode == 0, done.stderr
    written = {p.relative_to(folder / "predicted"): p.read_bytes() for p in (folder / "predicted").rglob("*.json*")}
    assert {str(p) for p in written} >= {"manifest.json", "shards/shard-000000.jsonl"}
    assert {str(p): [c for c in "\u2028\u2029\x85" if c.encode("utf-8") in b] for p, b in written.items()} == {
        str(p): [] for p in written
    }
    [record] = records(written[Path("shards/shard-000000.jsonl")].decode("utf-8"), "jsonl")
    assert (record["text"], record["title"]) == (TEXT, TITLE)
    assert json.loads(written[Path("manifest.json")])["inputs"] == [name]
