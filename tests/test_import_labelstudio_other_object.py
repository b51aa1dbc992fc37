"""A Label Studio region's `to_name` names the object it labels: one on another object than the text (a `title`
shown beside it) has offsets into that object's value. It was read at the text's offsets: without a `value.text`
to check, LOCATION 'Lisbon' was stored for a region on the title's 'Madrid'; with one, the error blamed the text
(a newcomer's trial, F3). Now it is refused in one line naming the file, the task and its `to_name`; a project
whose one text object has another name than its field (`<Text name="body" value="$text"/>`) is read.

Real files: a Label Studio 1.23.2 server's JSON exports of two projects (tests/fixtures/real/labelstudio,
PROVENANCE.md); the real console script, on SQLite databases it made."""

from __future__ import annotations

from pathlib import Path

from attack_support import ok, rows
from processes import annotator, one_error_line
from real_files import REAL

TWO_TEXTS = REAL / "labelstudio" / "ls1232_two_texts.json"
BODY = REAL / "labelstudio" / "ls1232_text_named_body.json"
ON_TITLE = (
    "field 'annotations[0].result[1].to_name': the region labels the object 'title', which shows data.title, not "
    "the text's 'text' (data.text): its offsets are not the text's; give the project's labelling config with "
    "--config to leave the regions on other objects out, counted"  # trial t4 F10: no way forward was said
)


def test_a_region_on_the_title_is_refused_naming_its_to_name(tmp_path: Path) -> None:
    result = annotator("import", TWO_TEXTS, "--format", "labelstudio", "--db", "t.db", cwd=tmp_path)
    assert one_error_line(result) == f"{TWO_TEXTS}:1: record 1: {ON_TITLE}"
    assert not (tmp_path / "t.db").exists()


def test_skipping_them_stores_no_span_of_the_title(tmp_path: Path) -> None:
    result = annotator("import", TWO_TEXTS, "--format", "labelstudio", "--db", "t.db", "--skip-invalid", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "skipped 2 record(s):",
        f"  {TWO_TEXTS}:1: record 1: {ON_TITLE}",
        f"  {TWO_TEXTS}:1: record 2: {ON_TITLE}",
    ]
    assert not (tmp_path / "t.db").exists()


def test_a_projects_one_text_object_named_otherwise_is_the_text(tmp_path: Path) -> None:
    out = ok("import", BODY, "--format", "labelstudio", "--user-map", "1=lee", "--db", "b.db", cwd=tmp_path)
    assert out.splitlines() == ["1 record(s) imported (1 new article(s)) -> b.db"]
    assert rows(tmp_path / "b.db", "SELECT start, end, label, text FROM spans ORDER BY start") == [
        (0, 8, "ACTOR", "Ana Ruiz"),
        (17, 23, "LOCATION", "Lisbon"),
    ]
