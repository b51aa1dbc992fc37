"""`import --format labelstudio --config labels.xml`: the project's labelling config says which object shows the
article text and which controls label it with which labels. Without it, a file whose regions all label one object
other than the text (a second `<Text>`) was read at the text's offsets (the objects were told from the file alone,
`tests/test_import_labelstudio_other_object.py`). With it, regions on another object are left out and counted in
one line; a `from_name` the config has no control for, and a label its control does not list, are refused in one
line naming the file, the task and the field.

Real files: a Label Studio 1.23.2 server's JSON exports (tests/fixtures/real/labelstudio, PROVENANCE.md); the
configs are the projects' as PROVENANCE.md describes them, the NER template's of Label Studio's docs, and the one
`annotator export --config` writes. The real console script, on SQLite databases it made."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from attack_support import ok, rows
from processes import annotator, one_error_line
from real_files import LABELS, REAL, TWO_TEXTS, TWO_TEXTS_CONFIG
from test_interop_labelstudio_sdk import sdk_python

BODY = REAL / "labelstudio" / "ls1232_text_named_body.json"
EXPORT = REAL / "labelstudio" / "ls1232_export.json"
#: Label Studio's Named Entity Recognition template (docs/source/templates/named_entity.md), its labels ours.
NER_TEMPLATE = """<View>
  <Labels name="label" toName="text">
    <Label value="ACTOR" background="red"/>
    <Label value="LOCATION" background="orange"/>
  </Labels>
  <Text name="text" value="$text"/>
</View>
"""
#: The config the regions of `ls1232_text_named_body.json` all label another object in (`body`, a summary).
BODY_ELSEWHERE = (
    f'<View><Text name="text" value="$text"/><Labels name="label" toName="text,body">{LABELS}</Labels>'
    '<Text name="body" value="$summary"/></View>'
)
#: The same file's project as it was: its one `<Text>`, named `body`, shows the text.
BODY_IS_TEXT = f'<View><Labels name="label" toName="body">{LABELS}</Labels><Text name="body" value="$text"/></View>'
#: label-studio-sdk's own checks of a config and of each annotation of a file against it.
SDK_CHECK = """
import json, sys
from label_studio_sdk.label_interface import LabelInterface
found = []
for config, path in json.load(sys.stdin):
    interface = LabelInterface(config)
    interface.validate()
    tasks = json.load(open(path, encoding="utf-8"))
    found.append([interface.validate_annotation(a) for task in tasks for a in task["annotations"]])
print(json.dumps(found))
"""
ON_TITLE = "Label Studio region(s) on the object 'title' (data.title), not the text's 'text' (data.text)"


def _config(folder: Path, text: str, name: str = "labels.xml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_regions_on_another_object_are_left_out_and_counted(tmp_path: Path) -> None:
    """The file's two tasks show one text: each is imported as its own user's, whole, from a file of its own."""
    config = _config(tmp_path, TWO_TEXTS_CONFIG)
    for number, who in enumerate(("lee", "kim")):
        task = tmp_path / f"task{number + 1}.json"
        task.write_text(json.dumps([json.loads(TWO_TEXTS.read_text(encoding="utf-8"))[number]]), encoding="utf-8")
        out = ok("import", task, "--format", "labelstudio", "--config", config, "--user-map", f"1={who}", "--db",
                 "t.db", cwd=tmp_path)  # fmt: skip
        assert out.splitlines() == [
            f"1 record(s) imported ({1 - number} new article(s)) -> t.db",
            f"left out: 1 {ON_TITLE}, as {config} says",
        ]
    assert rows(tmp_path / "t.db", "SELECT annotator, start, end, label, text FROM spans ORDER BY start") == [
        ("lee", 0, 8, "ACTOR", "Ana Ruiz"),  # its title's region, with no value.text, was once stored as 'Lisbon'
        ("kim", 17, 23, "LOCATION", "Lisbon"),
    ]


def test_a_file_whose_regions_all_label_another_object_is_not_read_at_the_texts_offsets(tmp_path: Path) -> None:
    """The case the file alone cannot tell: every region labels `body`, which this config says shows a summary.
    Its `label` labels the text too: the annotation, submitted with no region there, says the text has none
    (trial t2, C: done work with no span, said in one line)."""
    config = _config(tmp_path, BODY_ELSEWHERE)
    out = ok("import", BODY, "--format", "labelstudio", "--config", config, "--user-map", "1=lee", "--db", "b.db",
             cwd=tmp_path)  # fmt: skip
    assert out.splitlines() == [
        "1 record(s) imported (1 new article(s)) -> b.db",
        f"left out: 2 Label Studio region(s) on the object 'body' (data.summary), not the text's 'text' (data.text), "
        f"as {config} says",
        "note: Label Studio annotation(s) with no region on the text's 'text' (data.text) read as done work with no "
        f"span: {config} labels spans there ('label'), and a submitted answer without one says the text has none",
    ]
    assert rows(tmp_path / "b.db", "SELECT annotator, status FROM annotations") == [("lee", "done")]
    assert rows(tmp_path / "b.db", "SELECT COUNT(*) FROM spans") == [(0,)]


def test_regions_only_on_another_object_of_a_project_labelling_none_on_the_text_are_skipped(tmp_path: Path) -> None:
    """Where no `<Labels>` labels the text, an annotation of regions elsewhere is no work on its spans."""
    config = _config(tmp_path, BODY_ELSEWHERE.replace('toName="text,body"', 'toName="body"'))
    result = annotator("import", BODY, "--format", "labelstudio", "--config", config, "--user-map", "1=lee", "--db",
                       "b.db", cwd=tmp_path)  # fmt: skip
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "skipped 1 record(s):",
        f"  {BODY}:1: record 1: annotations[0]: only Label Studio region(s) on the object 'body', none on the text's "
        "'text' (data.text), as the labelling config says: no work on the text's spans (read as done, it would say "
        "the text has none)",
    ]
    assert result.stderr.startswith("annotator: error: nothing imported: every record of")
    assert not (tmp_path / "b.db").exists()


def test_the_config_names_the_text_object_otherwise_named(tmp_path: Path) -> None:
    config = _config(tmp_path, BODY_IS_TEXT)
    out = ok("import", BODY, "--format", "labelstudio", "--config", config, "--user-map", "1=lee", "--db", "b.db",
             cwd=tmp_path)  # fmt: skip
    assert out.splitlines() == ["1 record(s) imported (1 new article(s)) -> b.db"]
    assert rows(tmp_path / "b.db", "SELECT start, end, label FROM spans ORDER BY start") == [
        (0, 8, "ACTOR"),
        (17, 23, "LOCATION"),
    ]


def test_a_from_name_the_config_has_no_control_for_is_refused(tmp_path: Path) -> None:
    config = _config(tmp_path, NER_TEMPLATE.replace('name="label"', 'name="ner"'))
    result = annotator("import", BODY, "--format", "labelstudio", "--config", config, "--db", "b.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"{BODY}:1: record 1: field 'annotations[0].result[0].from_name': 'label' is no control of the labelling "
        f"config {config} (its controls: 'ner')"
    )
    assert not (tmp_path / "b.db").exists()


def test_a_label_the_configs_control_does_not_list_is_refused(tmp_path: Path) -> None:
    config = _config(tmp_path, NER_TEMPLATE)
    result = annotator("import", EXPORT, "--format", "labelstudio", "--config", config, "--db", "e.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"{EXPORT}:1: record 1: field 'annotations[0].result[1].value.labels': 'QUOTE' is not a label of the "
        f"control 'label' in the labelling config {config} (its labels: ACTOR, LOCATION)"
    )
    assert not (tmp_path / "e.db").exists()


def test_a_relation_label_the_configs_relations_do_not_list_is_refused(tmp_path: Path) -> None:
    ner = f'<Labels name="label" toName="text">{LABELS}</Labels><Text name="text" value="$text"/>'
    config = _config(tmp_path, f'<View>{ner}<Relations><Relation value="said_by"/></Relations></View>')
    result = annotator("import", EXPORT, "--format", "labelstudio", "--config", config, "--db", "e.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"{EXPORT}:1: record 1: field 'annotations[0].result[4].labels': 'SPEAKER' is not a relation of the "
        f"labelling config {config} (its relations: said_by)"
    )
    config = _config(tmp_path, f"<View>{ner}</View>", "no-relations.xml")
    result = annotator("import", EXPORT, "--format", "labelstudio", "--config", config, "--db", "e.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"{EXPORT}:1: record 1: field 'annotations[0].result[4].labels': 'SPEAKER' is not a relation of the "
        f"labelling config {config} (it lists no <Relation>)"
    )
    assert not (tmp_path / "e.db").exists()


def test_a_region_on_an_object_its_control_does_not_label_is_refused(tmp_path: Path) -> None:
    config = _config(tmp_path, TWO_TEXTS_CONFIG.replace('toName="title"', 'toName="text"'))
    result = annotator("import", TWO_TEXTS, "--format", "labelstudio", "--config", config, "--db", "t.db",
                       cwd=tmp_path)  # fmt: skip
    assert one_error_line(result) == (
        f"{TWO_TEXTS}:1: record 1: field 'annotations[0].result[1].to_name': the control 'tlabel' of the labelling "
        f"config {config} labels 'text', not 'title'"
    )


def test_the_config_export_writes_reads_its_own_export_back(tmp_path: Path) -> None:
    ok("import", EXPORT, "--format", "labelstudio", "--user-map", "1=lee,2=kim", "--db", "a.db", cwd=tmp_path)
    said = ok("export", "--db", "a.db", "--annotator", "lee", "--format", "labelstudio", "-o", "lee.json", "--config",
              "lee.xml", cwd=tmp_path)  # fmt: skip
    assert "lee.xml" in said
    out = ok("import", "lee.json", "--format", "labelstudio", "--config", "lee.xml", "--db", "b.db", cwd=tmp_path)
    assert out.splitlines() == ["2 record(s) imported (2 new article(s)) -> b.db"]
    spans = "SELECT article_id, start, end, label, annotator FROM spans WHERE annotator = 'lee' ORDER BY 1, 2, 3"
    assert rows(tmp_path / "b.db", spans) == rows(tmp_path / "a.db", spans)
    assert len(rows(tmp_path / "b.db", spans)) == 8


def test_a_config_with_a_doctype_is_refused_unread(tmp_path: Path) -> None:
    config = _config(
        tmp_path,
        '<?xml version="1.0"?>\n<!DOCTYPE View [<!ENTITY a "ACTOR">]>\n'
        '<View><Labels name="label" toName="text"><Label value="&a;"/></Labels><Text name="text" value="$text"/></View>',
    )
    result = annotator("import", BODY, "--format", "labelstudio", "--config", config, "--db", "b.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"{config}:2: a labelling config declares no DOCTYPE (its entities are not expanded): give the <View> "
        "Label Studio's Labeling Interface shows"
    )
    assert not (tmp_path / "b.db").exists()


def test_a_config_that_is_no_xml_is_refused_with_its_line(tmp_path: Path) -> None:
    config = _config(tmp_path, '<View>\n  <Text name="text" value="$text">\n</View>\n')
    result = annotator("import", BODY, "--format", "labelstudio", "--config", config, "--db", "b.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"{config}:3: expected a Label Studio labelling config (XML): mismatched tag (column 2)"
    )


def test_a_config_without_the_texts_object_is_refused(tmp_path: Path) -> None:
    config = _config(tmp_path, '<View><Text name="a" value="$title"/><Text name="b" value="$body"/></View>')
    result = annotator("import", BODY, "--format", "labelstudio", "--config", config, "--db", "b.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"{config}: the labelling config has no <Text> showing data.text (its <Text> objects: 'a' ($title), 'b' "
        "($body)): give the field the article's text is in with --text-field NAME"
    )


def test_config_goes_with_labelstudio_only(tmp_path: Path) -> None:
    config = _config(tmp_path, NER_TEMPLATE)
    result = annotator("import", BODY, "--format", "doccano", "--config", config, "--db", "b.db", cwd=tmp_path)
    assert one_error_line(result) == (
        "--config is a Label Studio project's labelling config: it goes with --format labelstudio"
    )


MIN = REAL / "labelstudio" / "ls1232_export_min.json"


def test_json_min_keys_are_the_configs_controls(tmp_path: Path) -> None:
    """JSON_MIN names each result by its control (the key), and no object: the control's are."""
    labels = LABELS.replace('"LOCATION"', '"PLACE"')
    config = _config(
        tmp_path, f'<View><Labels name="label" toName="text">{labels}</Labels><Text name="text" value="$text"/></View>'
    )
    result = annotator("import", MIN, "--format", "labelstudio", "--config", config, "--user-map", "1=lee,2=kim",
                       "--db", "m.db", cwd=tmp_path)  # fmt: skip
    assert one_error_line(result) == (
        f"{MIN}:23: record 1: field 'label[2].labels': 'LOCATION' is not a label of the control 'label' in the "
        f"labelling config {config} (its labels: ACTOR, PLACE, FIGURE, QUOTE)"
    )
    config = _config(tmp_path, NER_TEMPLATE.replace('name="label"', 'name="ner"'), "ner.xml")
    result = annotator("import", MIN, "--format", "labelstudio", "--config", config, "--user-map", "1=lee,2=kim",
                       "--db", "m.db", cwd=tmp_path)  # fmt: skip
    assert one_error_line(result) == (
        f"{MIN}:6: record 1: field 'label': 'label' is no control of the labelling config {config} (its controls: "
        "'ner')"
    )
    assert not (tmp_path / "m.db").exists()
    config = _config(tmp_path, TWO_TEXTS_CONFIG, "t.xml")
    out = ok("import", MIN, "--format", "labelstudio", "--config", config, "--user-map", "1=lee,2=kim", "--db",
             "m.db", cwd=tmp_path)  # fmt: skip
    assert out.splitlines()[0] == "3 record(s) imported (2 new article(s)) -> m.db"


def test_the_configs_are_label_studios_and_the_real_files_their_projects() -> None:
    """label-studio-sdk 2.1.2 validates each config the tests give, and every annotation of the real file against
    it: the configs are ones a Label Studio project can have, and each file could be that project's export."""
    pairs = [(TWO_TEXTS_CONFIG, TWO_TEXTS), (BODY_ELSEWHERE, BODY), (BODY_IS_TEXT, BODY)]
    done = subprocess.run(
        [str(sdk_python()), "-c", SDK_CHECK],
        input=json.dumps([(config, str(path)) for config, path in pairs]), capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout) == [[True, True], [True], [True]]


def test_the_configs_one_text_names_the_field_unless_text_field_does(tmp_path: Path) -> None:
    config = _config(tmp_path, f'<View><Labels name="label" toName="body">{LABELS}</Labels>'
                               '<Text name="body" value="$content"/></View>')  # fmt: skip
    result = annotator("import", BODY, "--format", "labelstudio", "--config", config, "--db", "b.db", cwd=tmp_path)
    assert one_error_line(result) == (
        f"{BODY}:1: record 1: field 'data.content': the task's data has no 'content' (it has 'text'): give the field "
        'the project\'s labelling config reads (<Text value="$NAME">) with --text-field NAME, e.g. --text-field text'
    )
    result = annotator("import", BODY, "--format", "labelstudio", "--config", config, "--text-field", "text", "--db",
                       "b.db", cwd=tmp_path)  # fmt: skip
    assert one_error_line(result) == (
        f"{config}: the labelling config has no <Text> showing data.text (its <Text> objects: 'body' ($content)): "
        "give the field the article's text is in with --text-field, as a <Text>'s value names it"
    )
