"""`evaluate --suggester NAME` for a version read as stored (a trained pipeline's) scores only the articles that hold
its suggestions. A newcomer's trial: `--suggester entities.v16@<hash>`, whose pending suggestions another `suggest`
run had replaced (a few decided rows left on an article outside gold), printed a full table of F1 0.000 with only
"9 of them without any suggestions". With none on the articles compared it refuses in one line and names
`evaluate --model FOLDER`; with some, the figures cover those and it says so before the table. Real console
script, real SQLite, the session's `trained` pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.store import Store
from annotator.suggest.loading import folder_hash

DEV = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def gold_file(folder: Path, name: str, records: list[dict]) -> Path:
    path = folder / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


def shortest(count: int) -> list[dict]:
    records = [json.loads(line) for line in DEV.read_text("utf-8").splitlines()]
    return sorted(records, key=lambda r: len(r["text"]))[:count]


def ok(*args: str | Path) -> None:
    done = annotator(*args)
    assert done.returncode == 0, done.stderr


def test_a_stored_version_on_no_article_compared_is_refused(trained: Path, tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    ok("import", gold_file(tmp_path, "gold.jsonl", shortest(3)), "--db", db)
    ok("ingest", SEEDS, "--db", db)
    ok("suggest", "--db", db, "--model", trained)
    name = f"entities.v16@{folder_hash(trained)}"
    with Store.open(db) as store:  # alice decides on one of the seed's: that row stays through `suggest --all`
        seed = next(a for a in store.article_ids() if not store.spans(a, "gold"))
        first = next(s for s in store.pending(seed, "alice") if s.suggester == name)
        store.accept_suggestion(seed, "alice", first.id)
    ok("suggest", "--db", db, "--all")
    result = annotator("evaluate", "--db", db, "--suggester", name, "--include-learned")  # it learned all 3
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"annotator: error: no {name} suggestion is stored on any of the 3 article(s) gold has marked done (it has "
        f"some on 1 other article): nothing to score; `annotator evaluate --db {db} --model FOLDER` runs the pipeline that "
        "made it (the folder `annotator train` wrote) on them now\n",
    )


def test_a_stored_version_on_some_articles_is_scored_on_those_and_says_so(trained: Path, tmp_path: Path) -> None:
    three = shortest(3)
    db, alone = tmp_path / "g.db", tmp_path / "alone.db"
    ok("import", gold_file(tmp_path, "first.jsonl", three[:2]), "--db", db)
    ok("import", gold_file(tmp_path, "first.jsonl", three[:2]), "--db", alone)
    for each in (db, alone):
        ok("suggest", "--db", each, "--model", trained)
    ok("import", gold_file(tmp_path, "third.jsonl", three[2:]), "--db", db)
    ok("suggest", "--db", db)  # the third gets the shipped pipeline's; the first two keep the trained one's
    name = f"entities.v16@{folder_hash(trained)}"
    result = annotator("evaluate", "--db", db, "--suggester", name, "--include-learned")  # it learned all 3
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:5] == [
        f"model:{name} against gold: 2 article(s) gold has marked done",
        "  2 of these 2 article(s) are ones the pipeline that made them (or the component it started from) learned "
        "from (--include-learned): the figures there are too high",
        "",
        f"note: the figures cover only these 2 of the 3 article(s) gold has marked done: 1 has no {name} "
        f"suggestion stored (`annotator evaluate --db {db} --model FOLDER` runs the pipeline on all of them now)",
        "",
    ]
    scored = json.loads(annotator("evaluate", "--db", db, "--suggester", name, "--json", "--include-learned").stdout)
    same = json.loads(annotator("evaluate", "--db", alone, "--suggester", name, "--json", "--include-learned").stdout)
    assert (scored["articles"], scored["without_version_left_out"], same["articles"]) == (2, 1, 2)
    assert scored["labels"] == same["labels"]
