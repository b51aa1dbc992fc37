"""The articles the shipped guide component learned from, as `annotator evaluate` recognises them:
`annotator/data/guide/learned.json`, the `annotator.vocabulary.content_hash` of each text as `annotator ingest`
stores it (a JSONL text is stored as it is), so an article ingested from any copy of the same text is found.

    python training/learned_articles.py --shared-gum ../shared/corpus/gum_gold.jsonl \
        --gold tests/fixtures/gold/dev.jsonl [--gum GUM/dep] --out annotator/data/guide/learned.json

It reads what `build_corpus.py` reads and chooses as it chooses: every record of the dev gold (`gold.spacy`, learned
ten times an epoch), and the shared corpus's GUM documents of GUM's Wikinews genres (`news`, `interview`), the only
GUM documents that are news articles a newsroom could ingest (the other genres' texts are GUM's own tokens, in no
corpus here). GUM's dev partition (`gum_dev_ids.txt`: 4 of the 43) chose the epoch kept rather than being trained
on; they are listed too, marked so, since a checkpoint chosen on an article flatters its figures there as well.
With `--gum` (GUM's dep/ folder, as `build_corpus.py` takes it) a shared document is listed only if
`build_corpus.load_gum` would use it; without it, by its genre (the same 43 at GUM's pinned commit). The output is
sorted and holds no date: the same sources give the same bytes. `training/rebuild.sh` runs it after `--ship`
(which empties `annotator/data/guide/`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # annotator.vocabulary.content_hash, run from a checkout

from annotator.vocabulary import content_hash  # noqa: E402

WIKINEWS_GENRES = {"news", "interview"}  # build_corpus.WIKINEWS_GENRES (not imported: that loads spaCy and GUM code)
GUM_DEV = Path(__file__).resolve().parent / "gum_dev_ids.txt"
DEV_GOLD = "dev gold"
GUM_TRAIN = "GUM, trained on"
GUM_DEV_PART = "GUM dev partition, chose the epoch kept"


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def learned(shared_gum: Path, gold: list[Path], gum: Path | None = None) -> list[dict[str, str]]:
    """One entry per article: its text's hash, its id in its source, and which part of the recipe read it."""
    used = None
    if gum is not None:
        from build_corpus import load_gum

        used = {doc.id for doc in load_gum(gum, shared_gum)}
    dev_ids = set(GUM_DEV.read_text("utf-8").split())
    found: dict[str, dict[str, str]] = {}
    for row in rows(shared_gum):
        genre = row.get("genre") or row["id"].split("_")[1]
        if genre not in WIKINEWS_GENRES or (used is not None and row["id"] not in used):
            continue
        part = GUM_DEV_PART if row["id"] in dev_ids else GUM_TRAIN
        found[content_hash(row["text"])] = {"hash": content_hash(row["text"]), "id": row["id"], "source": part}
    for path in gold:
        for row in rows(path):
            found[content_hash(row["text"])] = {"hash": content_hash(row["text"]), "id": row["article_id"],
                                                "source": DEV_GOLD}  # fmt: skip
    return sorted(found.values(), key=lambda entry: (entry["source"], entry["id"], entry["hash"]))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared-gum", type=Path, required=True, help="the shared corpus's gum_gold.jsonl")
    parser.add_argument("--gold", type=Path, nargs="+", required=True, help="the dev gold build_corpus.py read")
    parser.add_argument("--gum", type=Path, default=None, help="GUM's dep/ folder: choose as build_corpus.py does")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if any("test" in gold.name for gold in args.gold):
        raise SystemExit("the test split is never trained on: pass the dev gold")
    entries = learned(args.shared_gum, args.gold, args.gum)
    about = {
        "about": "the articles annotator/data/guide/ learned from (or chose its epoch on): content_hash of each "
        "text as ingested; `annotator evaluate` leaves them out of the shipped suggesters' scores",
        "recipe": "training/learned_articles.py (training/README.md)",
        "sources": {
            "shared_gum": {"file": args.shared_gum.name, "sha256": digest(args.shared_gum)},
            "gold": [{"file": path.as_posix(), "sha256": digest(path)} for path in args.gold],
        },
        "articles": entries,
    }
    args.out.write_text(json.dumps(about, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    counts = {source: sum(e["source"] == source for e in entries) for source in (DEV_GOLD, GUM_TRAIN, GUM_DEV_PART)}
    print(f"{len(entries)} article(s) -> {args.out}: {counts}")


if __name__ == "__main__":
    main()
