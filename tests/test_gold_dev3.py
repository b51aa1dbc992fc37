"""The third entity dev set (tests/fixtures/gold/entities_dev3.jsonl): valid, on its text, built from its anchors,
apart from every other gold file.

Its first figures were taken before any rule looked at it, so an article shared with another gold file, or a record
that no longer follows its anchors, would make them mean something else.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from support import GOLD, gold_records, spans_off_their_text_or_tokens

records = gold_records


def test_dev3_is_valid_gold_with_these_counts() -> None:
    dev3 = records("entities_dev3.jsonl")
    labels = Counter(span.label.value for record in dev3 for span in record.spans)
    assert len(dev3) == 8
    assert labels == {"ACTOR": 223, "LOCATION": 58, "FIGURE": 16, "QUOTE": 18}
    assert {r.annotator for r in dev3} == {"gold"}
    assert {r.meta["licence"] for r in dev3} == {"CC BY 2.5, Wikinews contributors"}


def test_dev3_spans_sit_on_its_text_and_on_tokens() -> None:
    assert spans_off_their_text_or_tokens(records("entities_dev3.jsonl")) == []


def test_dev3_shares_no_article_with_any_other_gold_file() -> None:
    dev3 = {r.article_id for r in records("entities_dev3.jsonl")}
    others = {"dev.jsonl", "test.jsonl", "entities_dev2.jsonl", "second_annotation/second.jsonl"}
    assert all(dev3.isdisjoint(r.article_id for r in records(name)) for name in others)


def test_the_anchors_build_the_committed_file() -> None:
    """The records build_dev3.py makes from anchors/dev3.py are the committed ones, byte for byte."""
    sys.path.insert(0, str(GOLD))
    try:
        import build_dev3  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(GOLD))
    built = [json.dumps(r, ensure_ascii=False) for r in build_dev3.build_records(build_dev3.ANCHORS)]
    assert built == (GOLD / "entities_dev3.jsonl").read_text("utf-8").splitlines()


def test_check_names_the_anchor_that_does_not_resolve(tmp_path: Path) -> None:
    anchors = tmp_path / "anchors.py"
    article = "wikinews/2019/Germany_bans_Mahan_Air_of_Iran,_citing_%27security%27"
    anchors.write_text(f"ARTICLES = {{{article!r}: [('ACTOR', 'Germany')]}}\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(GOLD / "build_dev3.py"), "--check", str(anchors)],
                          capture_output=True, text=True)  # fmt: skip
    assert (done.returncode, done.stderr) == (1, f"{article}: ACTOR 'Germany': context 'Germany' occurs 6 times\n")
