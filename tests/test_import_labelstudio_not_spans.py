"""A Label Studio annotation whose results are all of other types (a text-classification project's `choices`, an
image's `rectanglelabels`, an HTML's `hypertextlabels`) is skipped and named, never stored as done work with no
span: that says "this text has no entities", which a spaCy export writes as gold (a newcomer's trial, F2). An
annotation with labels of ours beside other results is read, the others counted (test_interop_labelstudio).

Real files: label-studio-converter's exports (tests/fixtures/real/labelstudio: a sentiment project's `choices`,
an image project's `rectanglelabels` beside its text); the HTML one is the trial's, an ACTOR labelled with
`<HyperTextLabels>` as Label Studio writes it (XPaths and offsets into the markup). The real console script."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator
from real_files import REAL

LS = REAL / "labelstudio"
NO_SPANS = "no text labels: no work on spans (read as done, it would say the text has none)"
ON_HTML = "; a 'hypertextlabels' region is on HTML, no span on the text"
#: The trial's HTML project: Ana Ruiz labelled ACTOR with <HyperTextLabels name="ner" toName="text">.
HYPERTEXT = {
    "id": 5,
    "data": {"text": "Ana Ruiz visited Lisbon on Monday."},
    "annotations": [{
        "id": 9, "completed_by": {"id": 4, "email": "hana@x.org"}, "was_cancelled": False,
        "created_at": "2026-12-01T10:00:00Z", "updated_at": "2026-12-01T10:05:00Z", "lead_time": 20,
        "result": [{
            "id": "h1", "from_name": "ner", "to_name": "text", "type": "hypertextlabels",
            "value": {"start": "/p[1]/text()[1]", "end": "/p[1]/text()[1]", "startOffset": 0, "endOffset": 8,
                      "globalOffsets": {"start": 0, "end": 8}, "text": "Ana Ruiz", "hypertextlabels": ["ACTOR"]},
        }],
    }],
}  # fmt: skip


def test_a_sentiment_choice_is_no_done_work_with_no_span(tmp_path: Path) -> None:
    result = annotator("import", LS / "converter_choices_export.json", "--format", "labelstudio", "--db", "c.db",
                       cwd=tmp_path)  # fmt: skip
    assert (result.returncode, result.stdout.splitlines()) == (1, [
        "skipped 1 record(s):",
        f"  {LS / 'converter_choices_export.json'}:2: record 1: annotations[0]: only Label Studio 'choices' "
        f"result(s) of the control 'sentiment', {NO_SPANS}",
    ])  # fmt: skip
    assert result.stderr == (
        f"annotator: error: nothing imported: every record of {LS / 'converter_choices_export.json'} was skipped "
        "(1 record(s) skipped; listed above); c.db was not created\n"
    )
    assert not (tmp_path / "c.db").exists()


def test_image_boxes_beside_a_text_are_no_spans_on_it(tmp_path: Path) -> None:
    path = LS / "converter_rectanglelabels_export.json"
    result = annotator("import", path, "--format", "labelstudio", "--db", "r.db", cwd=tmp_path)
    said = f"annotations[0]: only Label Studio 'rectanglelabels' result(s) of the control 'label', {NO_SPANS}"
    assert (result.returncode, result.stdout.splitlines()) == (1, [
        "skipped 2 record(s):",
        f"  {path}:1: record 1: {said}",
        f"  {path}:1: record 2: {said}",
        "left out: 2 Label Studio prediction(s) (not read)",
    ])  # fmt: skip
    assert not (tmp_path / "r.db").exists()


def test_an_html_actor_is_said_to_be_no_span_on_the_text(tmp_path: Path) -> None:
    with_labels = json.loads((LS / "ls1232_export_choices.json").read_text(encoding="utf-8"))[:1]
    (tmp_path / "html.json").write_text(json.dumps([HYPERTEXT, *with_labels]), encoding="utf-8")
    result = annotator("import", "html.json", "--format", "labelstudio", "--db", "h.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "1 record(s) imported (1 new article(s)) -> h.db",
        "skipped 1 record(s):",
        f"  html.json:1: record 1: annotations[0]: only Label Studio 'hypertextlabels' result(s) of the control 'ner', "
        f"{NO_SPANS}{ON_HTML}",
    ]


def test_a_json_min_record_with_a_choice_only_is_skipped_as_its_json_is(tmp_path: Path) -> None:
    """The server's JSON_MIN of the sentiment-and-labels project, the first annotation's labels taken out (as a
    user who only chose a sentiment would leave it): its `sentiment` is no work on spans."""
    records = json.loads((LS / "ls1232_export_choices_min.json").read_text(encoding="utf-8"))
    (tmp_path / "min.json").write_text(json.dumps([{k: v for k, v in records[0].items() if k != "label"}, records[1]]))
    result = annotator("import", "min.json", "--format", "labelstudio", "--db", "m.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:3] == [
        "1 record(s) imported (1 new article(s)) -> m.db",
        "skipped 1 record(s):",
        f"  min.json:1: record 1: only Label Studio result(s) of the control 'sentiment', {NO_SPANS}",
    ]
