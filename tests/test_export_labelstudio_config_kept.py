"""A newcomer from Label Studio (trial t2, finding E): `export --format labelstudio --config labels.xml`, given the
project's own labelling config, refused to replace it (good) but advised `--overwrite`, which would put
annotator's config in place of the project's. A labelling config annotator did not write (or one changed since) is
now refused with another path as the way on, and `import --config` named as where a project's own config goes;
any other file keeps the usual advice. The real console script on real files."""

from __future__ import annotations

from pathlib import Path

from processes import annotator, one_error_line

PROJECT = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!-- news-ner -->\n<View>\n  <Text name="body" value="$article"/>\n'
    '  <Labels name="ner" toName="body"><Label value="PER"/></Labels>\n</View>\n'
)


def export(folder: Path, config: str) -> list[str | Path]:
    return ["export", "--db", "t.db", "--annotator", "ann", "--format", "labelstudio", "--status", "all",
            "--config", config, "-o", "out.json"]  # fmt: skip


def ready(folder: Path) -> None:
    record = '{"article_id": "a1", "text": "Ana Ruiz spoke in Riverton.", "annotator": "ann", "status": "done", "spans": []}\n'
    (folder / "ann.jsonl").write_text(record, encoding="utf-8")
    imported = annotator("import", "ann.jsonl", "--db", "t.db", cwd=folder)
    assert imported.returncode == 0, imported.stderr


def test_the_projects_own_labelling_config_is_not_offered_to_overwrite(tmp_path: Path) -> None:
    ready(tmp_path)
    (tmp_path / "labels.xml").write_text(PROJECT, encoding="utf-8")
    result = annotator(*export(tmp_path, "labels.xml"), cwd=tmp_path)
    assert one_error_line(result) == (
        "labels.xml: annotator cannot prove it wrote this file: the folder has no record of the files annotator wrote "
        "there (.annotator-written.json is missing); the file was left as it is (it is a Label Studio labelling config: give --config another path for "
        "annotator's; a project's own config is read by `annotator import --format labelstudio --config FILE`)"
    )
    assert (tmp_path / "labels.xml").read_text(encoding="utf-8") == PROJECT
    assert not (tmp_path / "out.json").exists()


def test_annotators_config_changed_since_is_not_offered_either(tmp_path: Path) -> None:
    ready(tmp_path)
    assert annotator(*export(tmp_path, "ours.xml"), cwd=tmp_path).returncode == 0
    edited = (tmp_path / "ours.xml").read_text(encoding="utf-8").replace("</View>", "  <Header value='x'/>\n</View>")
    (tmp_path / "ours.xml").write_text(edited, encoding="utf-8")
    result = annotator(*export(tmp_path, "ours.xml"), cwd=tmp_path)
    assert one_error_line(result).endswith(
        "left as it is (it is a Label Studio labelling config: give --config another path for annotator's; a "
        "project's own config is read by `annotator import --format labelstudio --config FILE`)"
    )


def test_another_file_keeps_the_usual_advice(tmp_path: Path) -> None:
    ready(tmp_path)
    (tmp_path / "notes.xml").write_text("<notes>not a labelling config</notes>\n", encoding="utf-8")
    result = annotator(*export(tmp_path, "notes.xml"), cwd=tmp_path)
    assert one_error_line(result).endswith("left as it is (choose another --config, or add --overwrite to replace it)")
