"""Older Label Studio releases counted a region's offsets in UTF-16 code units, as JavaScript strings do: past an
emoji (two units, one character) every offset is one too far (HumanSignal/label-studio#1347: "💩This is an
annotation." gave "annotation" at 13:23, not 12:22). Such a file was refused at the first region after an emoji
("text ... does not match"), with no hint. A region whose `text` is the article's at the offsets read as UTF-16
units, and not at them as characters, is read there, and the import says how many were. A region without `text`
cannot tell, and one whose text matches neither is refused as before. The real console script, real SQLite files;
the file in the shape of Label Studio's JSON export (the offsets as that issue reports them)."""

from __future__ import annotations

import json
from pathlib import Path

from attack_support import ok, rows
from processes import annotator, one_error_line

TEXT = "💩 Ann Lee flew to 🇵🇹 Lisbon on Monday."


def utf16(text: str, offset: int) -> int:
    """A character offset as JavaScript counts it: UTF-16 code units."""
    return len(text[:offset].encode("utf-16-le")) // 2


def region(part: str, label: str, *, as_js: bool = True, text: bool = True) -> dict[str, object]:
    start = TEXT.index(part)
    end = start + len(part)
    value: dict[str, object] = {
        "start": utf16(TEXT, start) if as_js else start,
        "end": utf16(TEXT, end) if as_js else end,
        "labels": [label],
    }
    if text:
        value["text"] = part
    return {"id": part[:3], "from_name": "label", "to_name": "text", "type": "labels", "value": value}


def export(folder: Path, *results: dict[str, object]) -> Path:
    task = {
        "id": 1,
        "data": {"text": TEXT, "article_id": "a1"},
        "annotations": [{"id": 7, "completed_by": 1, "result": list(results), "was_cancelled": False}],
    }
    path = folder / "ls.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    return path


def test_regions_at_utf16_offsets_are_read_at_the_characters_their_text_names(tmp_path: Path) -> None:
    export(tmp_path, region("Ann Lee", "ACTOR"), region("Lisbon", "LOCATION"))
    out = ok("import", "ls.json", "--format", "labelstudio", "--annotator", "alice", "--db", "a.db", cwd=tmp_path)
    assert out.splitlines()[0] == (
        "1 record(s) imported (1 new article(s), 2 span(s) at offsets in UTF-16 code units (an older Label "
        "Studio's) read at the characters their text names) -> a.db"
    )
    assert rows(tmp_path / "a.db", 'SELECT label, start, "end" FROM spans ORDER BY start') == [
        ("ACTOR", 2, 9),
        ("LOCATION", 21, 27),  # the flag is two characters, four units
    ]


def test_regions_at_character_offsets_are_read_as_they_are(tmp_path: Path) -> None:
    export(tmp_path, region("Ann Lee", "ACTOR", as_js=False), region("Lisbon", "LOCATION", as_js=False))
    out = ok("import", "ls.json", "--format", "labelstudio", "--annotator", "alice", "--db", "a.db", cwd=tmp_path)
    assert out.splitlines()[0] == "1 record(s) imported (1 new article(s)) -> a.db"
    assert rows(tmp_path / "a.db", 'SELECT start, "end" FROM spans ORDER BY start') == [(2, 9), (21, 27)]


def test_a_region_without_its_text_cannot_tell_and_is_refused_where_its_offsets_cut_a_word(tmp_path: Path) -> None:
    export(tmp_path, region("Lisbon", "LOCATION", text=False))  # 24:30 as units: "bon on" as characters
    result = annotator("import", "ls.json", "--format", "labelstudio", "--annotator", "alice", "--db", "b.db",
                       cwd=tmp_path)  # fmt: skip
    assert result.returncode == 1
    assert one_error_line(result).startswith("ls.json:")
    assert not (tmp_path / "b.db").exists()


def test_an_annotation_whose_regions_prove_utf16_reads_an_ambiguous_one_as_units_too(tmp_path: Path) -> None:
    """Attacker 40f, 4: "No" at 21:23 reads as "No" both ways; its siblings prove the annotation counted UTF-16
    units, so it is the first "No" (17:19), not the second."""
    text = "🇺🇸🇫🇷 Macron said No, No to Biden."
    regions = []
    for part, label, start in (("Macron", "ACTOR", 5), ("No", "ACTOR", 17), ("Biden", "ACTOR", 27)):
        assert text[start : start + len(part)] == part
        value = {"start": utf16(text, start), "end": utf16(text, start + len(part)), "text": part, "labels": [label]}
        regions.append({"id": part, "from_name": "label", "to_name": "text", "type": "labels", "value": value})
    task = {"id": 1, "data": {"text": text}, "annotations": [{"id": 7, "completed_by": 1, "result": regions}]}
    (tmp_path / "ls.json").write_text(json.dumps([task]), encoding="utf-8")
    out = ok("import", "ls.json", "--format", "labelstudio", "--annotator", "alice", "--db", "a.db", cwd=tmp_path)
    assert "3 span(s) at offsets in UTF-16 code units" in out
    assert rows(tmp_path / "a.db", 'SELECT start, "end" FROM spans ORDER BY start') == [(5, 11), (17, 19), (27, 32)]


def test_a_region_matching_as_characters_only_up_to_white_space_is_read_as_units(tmp_path: Path) -> None:
    """Attacker 40f, 9: "Zoe😀 left", region 0:5 in units with text "Zoe😀": as characters 0:5 is "Zoe😀 ", the
    same but for white space, and was refused for ending in white space; as units it is exactly "Zoe😀"."""
    text = "Zoe😀 left Lima."
    value = {"start": 0, "end": 5, "text": "Zoe😀", "labels": ["ACTOR"]}
    result = [{"id": "z", "from_name": "label", "to_name": "text", "type": "labels", "value": value}]
    task = {"id": 1, "data": {"text": text}, "annotations": [{"id": 7, "completed_by": 1, "result": result}]}
    (tmp_path / "ls.json").write_text(json.dumps([task]), encoding="utf-8")
    ok("import", "ls.json", "--format", "labelstudio", "--annotator", "alice", "--db", "a.db", cwd=tmp_path)
    assert rows(tmp_path / "a.db", 'SELECT start, "end", label FROM spans') == [(0, 4, "ACTOR")]
