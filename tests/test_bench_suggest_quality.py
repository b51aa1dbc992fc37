"""benchmarks/suggest_quality.py scores a gold file of one's own (`--gold`), as the maintainers do with the
held-out articles they keep outside the repository; a bad file or split name is one line before any work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "benchmarks" / "suggest_quality.py"


def bench(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True, check=False)


def test_a_gold_file_of_one_s_own_is_scored_beside_the_columns(tmp_path: Path) -> None:
    heldout = tmp_path / "heldout.jsonl"
    lines = (ROOT / "tests" / "fixtures" / "gold" / "dev.jsonl").read_text("utf-8").splitlines()
    heldout.write_text("\n".join(lines[:3]) + "\n", "utf-8")
    result = bench("--splits", "", "--gold", heldout)
    assert (result.returncode, result.stderr) == (0, "")
    printed = result.stdout.splitlines()
    assert "--------heldout.jsonl (3 articles)--------" in printed[-14]
    assert printed[-4].startswith("micro ex 95%") and len(printed[-4].split()) == 6  # one interval per column
    assert printed[-3].startswith("heldout.jsonl: micro exact F1 minus v1's, on the same resamples of its articles")
    assert printed[-2] == (
        "heldout.jsonl gold spans: ACTOR 109, LOCATION 29, FIGURE 26, QUOTE 15; quotes with a speaker scored: 15"
    )


def test_a_bad_line_in_a_gold_file_is_one_line_naming_file_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Alice", "spans": []}\n', "utf-8")
    result = bench("--splits", "", "--gold", bad)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"suggest_quality.py: error: {bad}:1: field 'article_id': Field required\n"


def test_an_unknown_split_is_named_before_any_work() -> None:
    result = bench("--splits", "dev,devv")
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        "--splits: no split named 'devv' (dev, test, entities_dev2, entities_dev3)\n",
    )
