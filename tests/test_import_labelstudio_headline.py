"""A newcomer's trial from Label Studio (t2): a project labelling a headline `<Text>` (control `hl_ner`) beside the
article's body (`ner`), with a sentiment `<Choices>`.

A: its JSON_MIN, imported without --config, took a headline region whose offsets and text coincide with the
article's as an article span, without a word; where they did not coincide, the error said the text did not match.
JSON_MIN names a region's control, not its object: a file whose regions are of two controls or more is refused in
one line naming them and --config. B: the JSON refusal of regions on two objects, with --text-field given, sent
the user to --text-field. C: with --config showing a `<Labels>` on the text, a submitted annotation with no region
there (a sentiment only) is done work with no span, said in one line; the choices are named alike in JSON and
JSON_MIN.

Real files: the trial's Label Studio 1.23.2 server's JSON and JSON_MIN exports of that project and its config
(tests/fixtures/real/labelstudio, PROVENANCE.md); the real console script, on SQLite databases it made."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from attack_support import ok, rows
from processes import annotator, one_error_line
from real_files import REAL

LS = REAL / "labelstudio"
JSON = LS / "ls1232_headline_export.json"
MIN = LS / "ls1232_headline_export_min.json"
CONFIG = LS / "ls1232_headline_config.xml"
MAPS = [
    "--text-field",
    "article",
    "--label-map",
    "PER=ACTOR,ORG=ACTOR,LOC=LOCATION,MONEY=FIGURE,Quote=QUOTE",
    "--user-map",
    "1=lee",
]
TWO_CONTROLS = (
    "JSON_MIN names the control of a region, not the object it labels, and the file's regions are of 2 controls "
    "('hl_ner', 'ner'): which labels the text (data.article) cannot be told: give the project's labelling config "
    "with --config (regions on its other objects are then left out)"
)
SPANS = "SELECT article_id, start, end, label, text FROM spans ORDER BY article_id, start"
HEADLINE = (
    f"left out: 5 Label Studio region(s) on the object 'headline' (data.headline), not the text's 'body' "
    f"(data.article), as {CONFIG} says"
)
NOTE = (
    "note: Label Studio annotation(s) with no region on the text's 'body' (data.article) read as done work with no "
    f"span: {CONFIG} labels spans there ('ner'), and a submitted answer without one says the text has none"
)


def _min_records() -> list[dict[str, Any]]:
    return json.loads(MIN.read_text(encoding="utf-8"))


def _import(*args: str | Path, cwd: Path) -> Any:
    return annotator("import", *args, "--format", "labelstudio", *MAPS, "--db", "a.db", cwd=cwd)


# -- A: JSON_MIN of two controls ------------------------------------------------------------------------------


def test_a_headline_region_coinciding_with_the_articles_is_refused_without_config(tmp_path: Path) -> None:
    """The trial's min_coincide.json: task 2, the body's PER 'Li Wei' and the headline's 'Eastvale' taken out;
    the headline's 'Li Wei' (6:12) has the article's offsets and text, and was stored as an ACTOR of the body."""
    record = _min_records()[1]
    record["ner"] = [region for region in record["ner"] if region["text"] != "Li Wei"]
    record["hl_ner"] = [region for region in record["hl_ner"] if region["text"] == "Li Wei"]
    (tmp_path / "coincide.json").write_text(json.dumps([record]), encoding="utf-8")
    result = _import("coincide.json", cwd=tmp_path)
    assert one_error_line(result) == f"coincide.json:1: record 1: field 'ner': {TWO_CONTROLS}"
    assert not (tmp_path / "a.db").exists()
    out = ok("import", "coincide.json", "--format", "labelstudio", "--config", CONFIG, *MAPS, "--db", "a.db",
             cwd=tmp_path)  # fmt: skip
    assert "left out: 1 Label Studio region(s) on the object 'headline' (data.headline), not the text's 'body' " \
        f"(data.article), as {CONFIG} says" in out.splitlines()  # fmt: skip
    assert ("ACTOR", "Li Wei") not in [(label, text) for *_, label, text in rows(tmp_path / "a.db", SPANS)]


def test_headline_regions_not_coinciding_are_refused_naming_the_controls(tmp_path: Path) -> None:
    """Not 'text 'Harbor Bank' does not match the article at 0:11', which hid that `hl_ner` labels another object."""
    result = _import(MIN, cwd=tmp_path)
    assert one_error_line(result) == f"{MIN}:8: record 1: field 'ner': {TWO_CONTROLS}"
    assert not (tmp_path / "a.db").exists()


def test_json_min_of_one_control_still_imports_without_config(tmp_path: Path) -> None:
    records = [{key: value for key, value in record.items() if key != "hl_ner"} for record in _min_records()]
    (tmp_path / "one.json").write_text(json.dumps(records, indent=1), encoding="utf-8")
    result = _import("one.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "2 record(s) imported (2 new article(s)) -> a.db",
        "skipped 1 record(s):",
        "  one.json:144: record 3: only Label Studio result(s) of the control 'sentiment', no text labels: no work "
        "on spans (read as done, it would say the text has none)",
        "left out: 2 Label Studio result(s) of the control 'sentiment' (only labels and relations are read)",
        "left out: 2 quote(s)' speakers: JSON_MIN has no relations (Label Studio's JSON export keeps them)",
        "note: 2 article(s) new to this database stored as done work: Label Studio's JSON_MIN has no status",
    ]
    assert len(rows(tmp_path / "a.db", SPANS)) == 14


# -- B: the JSON refusal of two objects names --config ------------------------------------------------------------


def test_two_objects_with_text_field_given_name_config(tmp_path: Path) -> None:
    result = _import(JSON, cwd=tmp_path)
    assert one_error_line(result) == (
        f"{JSON}:1: record 1: field 'annotations[0].result[0].to_name': the region labels the object 'body', and the "
        "file's regions label 2 ('body', 'headline'), none named as the "
        "text's field 'article': which one shows data.article cannot be told: give the project's labelling config "
        "with --config, which says"
    )
    assert not (tmp_path / "a.db").exists()


def test_two_objects_without_text_field_name_config_and_text_field(tmp_path: Path) -> None:
    tasks = json.loads(JSON.read_text(encoding="utf-8"))
    for task in tasks:
        task["data"]["text"] = task["data"].pop("article")
    (tmp_path / "text.json").write_text(json.dumps(tasks), encoding="utf-8")
    result = annotator("import", "text.json", "--format", "labelstudio", *MAPS[2:], "--db", "a.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "text.json:1: record 1: field 'annotations[0].result[0].to_name': the region labels the object 'body', and "
        "the file's regions label 2 ('body', 'headline'), none named as the text's field 'text': which one shows data.text cannot be told: give the project's labelling config "
        "with --config, which says (or --text-field the field that shows it, if not 'text')"
    )


# -- C: a sentiment only, in a project labelling spans on the text ----------------------------------------------


def test_with_config_a_sentiment_only_is_done_work_with_no_span(tmp_path: Path) -> None:
    out = ok("import", JSON, "--format", "labelstudio", "--config", CONFIG, *MAPS, "--relation-map",
             "said_by=SPEAKER", "--db", "a.db", cwd=tmp_path)  # fmt: skip
    assert out.splitlines() == [
        "3 record(s) imported (3 new article(s)) -> a.db",
        HEADLINE,
        "left out: 3 Label Studio 'choices' result(s) of the control 'sentiment' (only labels and relations are read)",
        NOTE,
    ]
    annotations = "SELECT a.title, n.annotator, n.status FROM annotations n JOIN articles a ON a.id = n.article_id"
    assert sorted(rows(tmp_path / "a.db", annotations)) == [
        ("Dock workers in Riverton walked out on Monday, closing the port for the first time in a decade.", "lee",
         "done"),
        ("Harbor Bank was fined $4 million on Tuesday by the Maren Financial Authority.", "lee", "done"),
        ("Mayor Li Wei opened the Eastvale bridge on Saturday, two years after floods destroyed the old one.",
         "lee", "done"),
    ]  # fmt: skip
    assert len(rows(tmp_path / "a.db", SPANS)) == 14


def test_with_config_json_min_says_the_same(tmp_path: Path) -> None:
    out = ok("import", MIN, "--format", "labelstudio", "--config", CONFIG, *MAPS, "--db", "a.db", cwd=tmp_path)
    assert out.splitlines() == [
        "3 record(s) imported (3 new article(s)) -> a.db",
        "left out: 3 Label Studio 'choices' result(s) of the control 'sentiment' (only labels and relations are read)",
        HEADLINE,
        "left out: 2 quote(s)' speakers: JSON_MIN has no relations (Label Studio's JSON export keeps them)",
        "note: 3 article(s) new to this database stored as done work: Label Studio's JSON_MIN has no status",
        NOTE,
    ]
    assert len(rows(tmp_path / "a.db", SPANS)) == 14


def test_without_config_a_sentiment_only_is_skipped_as_before(tmp_path: Path) -> None:
    tasks = json.loads(JSON.read_text(encoding="utf-8"))
    for task in tasks:
        for annotation in task["annotations"]:
            annotation["result"] = [r for r in annotation["result"] if r.get("to_name") != "headline"]
    (tmp_path / "body.json").write_text(json.dumps(tasks), encoding="utf-8")
    out = _import("body.json", "--relation-map", "said_by=SPEAKER", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        "2 record(s) imported (2 new article(s)) -> a.db",
        "skipped 1 record(s):",
        "  body.json:1: record 3: annotations[0]: only Label Studio 'choices' result(s) of the control 'sentiment', "
        "no text labels: no work on spans (read as done, it would say the text has none)",
        "left out: 2 Label Studio 'choices' result(s) of the control 'sentiment' (only labels and relations are read)",
    ]


def test_a_config_labelling_no_span_on_the_text_keeps_the_skip(tmp_path: Path) -> None:
    config = tmp_path / "choices.xml"
    config.write_text(
        '<View><Text name="body" value="$article"/><Choices name="sentiment" toName="body"><Choice value="positive"/>'
        '<Choice value="neutral"/><Choice value="negative"/></Choices></View>',
        encoding="utf-8",
    )
    task = json.loads(JSON.read_text(encoding="utf-8"))[2]
    (tmp_path / "task3.json").write_text(json.dumps([task]), encoding="utf-8")
    result = annotator("import", "task3.json", "--format", "labelstudio", "--config", config, *MAPS, "--db", "a.db",
                       cwd=tmp_path)  # fmt: skip
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "skipped 1 record(s):",
        "  task3.json:1: record 1: annotations[0]: only Label Studio 'choices' result(s) of the control 'sentiment', "
        "no text labels: no work on spans (read as done, it would say the text has none)",
    ]
    assert not (tmp_path / "a.db").exists()
