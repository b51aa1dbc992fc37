"""A review database made by the real console script, as a team makes one: `annotator ingest` the seed article,
then alice, bob and carol each `annotator import` their finished work on it (status done). They agree on the
model's suggestions elsewhere and disagree over "Netanyahu and his defense minister as well as three Hamas leaders":
alice marks it as one ACTOR, bob as four spans, carol as five, so that the three versions of that one disagreement
need more rows than a side panel of 80x24 (or the former 14-row panel of 200x50) has."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from tests.tui.fixtures import SEED

WHO = ["alice", "bob", "carol"]
REGION = "Netanyahu and his defense minister as well as three Hamas leaders"
#: Each annotator's spans inside the region: (words, label).
VERSIONS = {
    "alice": [(REGION, "ACTOR")],
    "bob": [("Netanyahu", "ACTOR"), ("his defense minister", "ACTOR"), ("three", "FIGURE"), ("Hamas leaders", "ACTOR")],
    "carol": [("Netanyahu", "ACTOR"), ("defense minister", "ACTOR"), ("three", "FIGURE"), ("Hamas", "ACTOR"),
              ("leaders", "ACTOR")],
}  # fmt: skip


def run(*args: str | Path) -> str:
    done = annotator(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def three_reviewed(folder: Path) -> Path:
    """The database (in `folder`) with the seed article, finished by alice, bob and carol."""
    db = folder / "team.db"
    run("--db", db, "ingest", SEED)
    run("--db", db, "export", "--suggestions", "-o", folder / "model.jsonl")
    [record] = [json.loads(line) for line in (folder / "model.jsonl").read_text("utf-8").splitlines()]
    text = record["text"]
    start = text.index(REGION)
    end = start + len(REGION)
    outside = [s for s in record["spans"] if s["label"] != "QUOTE" and (s["end"] <= start or s["start"] >= end)]
    for name, version in VERSIONS.items():
        inside = []
        for words, label in version:
            at = text.index(words, start)
            inside.append({"start": at, "end": at + len(words), "label": label, "text": words})
        mine = {"article_id": record["article_id"], "text": text, "annotator": name, "status": "done",
                "spans": sorted(outside + inside, key=lambda s: (s["start"], s["end"]))}  # fmt: skip
        path = folder / f"{name}.jsonl"
        path.write_text(json.dumps(mine) + "\n", encoding="utf-8")
        run("--db", db, "import", path)
    return db
