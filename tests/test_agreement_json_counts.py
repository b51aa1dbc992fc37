"""`agreement --json` says what it counted, as the text report does (a researcher's trial: the text said 1375
tokens, spans 184/163 and 16 jointly found quotes; the JSON left all three out, so a script could not check a
figure). Two annotators of the same six Wikinews articles (tests/fixtures/gold/: the first six records of
`entities_dev2.jsonl` as alice, `second_annotation/second.jsonl` as bob), imported by the real console script
into a real SQLite file."""

from __future__ import annotations

import json

import pytest
from processes import annotator
from support import GOLD


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("two")
    first = (GOLD / "entities_dev2.jsonl").read_bytes().splitlines(keepends=True)[:6]
    (folder / "alice.jsonl").write_bytes(b"".join(first))
    for path, who in [(folder / "alice.jsonl", "alice"), (GOLD / "second_annotation" / "second.jsonl", "bob")]:
        done = annotator("import", path, "--annotator", who, "--rename", "--db", "two.db", cwd=folder)
        assert done.returncode == 0, done.stderr
    done = annotator("agreement", "--db", "two.db", "--json", cwd=folder)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_json_says_how_many_tokens_the_kappa_and_alpha_count(report: dict) -> None:
    assert report["tokens"] == 4391


def test_the_json_says_how_many_jointly_found_quotes_the_speaker_agreement_is_of(report: dict) -> None:
    assert (report["matched_quotes"], report["speaker_agreement"]) == (51, 49 / 51)


def test_the_json_says_how_many_articles_differ(report: dict) -> None:
    assert report["disputed_articles"] == 6


def test_each_pair_row_says_each_sides_spans_and_the_matches_its_ratios_divide(report: dict) -> None:
    rows = {row["label"]: row for row in report["pairs"]}
    counts = {
        label: (row["a_spans"], row["b_spans"], row["exact_matches"], row["overlap_matches"])
        for label, row in rows.items()
    }
    assert counts == {
        "ALL": (430, 439, 413, 424),
        "ACTOR": (301, 308, 286, 296),
        "LOCATION": (55, 56, 54, 54),
        "FIGURE": (23, 24, 22, 23),
        "QUOTE": (51, 51, 51, 51),
    }
    assert rows["ALL"]["exact"] == {"p": 413 / 439, "r": 413 / 430, "f1": 2 * 413 / (430 + 439)}
