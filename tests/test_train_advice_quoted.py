"""Commands `annotator train` gives to paste quote their paths and names (a newcomer's trial: 'annotator suggest
--model models/with space/run 1' pasted as two arguments). The real console script on real files."""

from __future__ import annotations

from pathlib import Path

from processes import annotator, one_error_line

from annotator.store import Store

GOLD = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"


def test_the_pipeline_folder_is_quoted_in_the_advice(tmp_path: Path) -> None:
    shortest = sorted(GOLD.read_text("utf-8").splitlines(keepends=True), key=len)[:3]
    (tmp_path / "three.jsonl").write_text("".join(shortest), encoding="utf-8")
    out = "models/with space/run 1"
    result = annotator("train", "--from", "three.jsonl", "--epochs", "1", "--out", out, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert f"pipeline -> {out} (" in result.stdout  # said as it is
    advice = [line for line in result.stdout.splitlines() if "annotator suggest --model" in line]
    assert advice == [
        "these articles cannot tell whether it helps: annotator suggest --model 'models/with space/run 1' uses it"
    ]
    assert annotator("import", "three.jsonl", "--db", "my db.db", cwd=tmp_path).returncode == 0
    line = one_error_line(
        annotator("evaluate", "--db", "my db.db", "--model", out, "--against", "entities.v16", cwd=tmp_path)
    )
    assert line.endswith(
        ": `annotator evaluate --db 'my db.db' --suggester "
        f"{line.split('--suggester ')[1].split(' ')[0]} --against entities.v16 --unseen-by 'models/with space/run 1'` "
        "(its suggestions as `annotator suggest --db 'my db.db' --model 'models/with space/run 1'` stored them, on the "
        "articles it did not learn)"
    ), line


def test_an_annotator_name_is_quoted_in_the_advice(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Officials in Gaza said 12 people died.\n", encoding="utf-8")
    assert annotator("ingest", "a.txt", "--db", "x.db", cwd=tmp_path).returncode == 0
    with Store.open(tmp_path / "x.db") as store:
        [article] = store.article_ids()
        store.add_span(article, "ann lee", 13, 17, "LOCATION")
        store.set_status(article, "ann lee", "done")
    line = one_error_line(annotator("train", "--db", "x.db", "--out", "m", cwd=tmp_path))
    assert line.endswith(
        ": `--annotator 'ann lee'` trains on ann lee's done articles, or `annotator adjudicate --auto --db x.db "
        "--annotators 'ann lee'` makes them gold first"
    ), line
