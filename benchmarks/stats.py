"""`annotator stats` on a database with many done annotations: how long its table of suggestions left undecided
on done articles takes (`store.current.left_undecided`), which reads every done annotation's suggestions,
decisions and spans.

Setup (cached in --cache): the first --base corpus articles through the real ingest, with the model's suggestions,
then copied in SQL until the database holds --articles articles, each copy with its original's suggestions; every
third copy also keeps an older batch of them (an earlier `created_at`: history, not current) and every fifth an
older suggester version's (not current either). Two annotators get --done done annotations between them (four
fifths `bench`, the rest `bench2`), on a seeded random choice of articles, and a seeded random fifth of those
articles an annotation in progress by the other one (which the table leaves out). On each done one a seeded random
third of the current suggestions is decided (two accepted, as a span each, to one rejected), and one in ten
articles also holds a span of its own over part of a suggestion (covering it); one done annotation in fifty has
an `import` event that set its status (work done elsewhere: left out).

`--no-suggest`: the same without any suggestion (so none is left undecided: the table's cost alone, one
pass over the done annotations against one query set each before).

Then `annotator stats --db` in a fresh process, --runs times: the median of the child's CPU seconds (user + sys)
and of the wall time, the load average, and the SHA-256 of its output (identical output before and after a
change: run it with each version's code on PYTHONPATH).

Run: nice -n 10 .venv/bin/python benchmarks/stats.py [--articles 15000] [--done 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from shared_corpus import shared_corpus

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = shared_corpus()
ANNOTATOR = str(Path(sys.executable).with_name("annotator"))
WHO = ("bench", "bench2")
SUGGESTION_COLUMNS = 'start, "end", label, text, speaker_start, speaker_end, suggester, score'


def build(path: Path, articles: int, done: int, base: int, corpus: Path, suggest: bool = True) -> None:
    """The database, built once: `base` corpus articles ingested with suggestions, then copies and work in SQL."""
    from annotator.exchange.article_files import read_articles
    from annotator.exchange.ingest import ingest
    from annotator.store import Store
    from annotator.vocabulary import content_hash

    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    print(f"building {path} ({articles} articles, {done} done annotations, once) ...", flush=True)
    with Store.open(partial) as store:
        ingest(store, read_articles([corpus])[:base], suggest=suggest)
        conn = store.conn
        conn.execute("PRAGMA synchronous = OFF")
        originals = list(conn.execute("SELECT id, title, text, meta FROM articles ORDER BY rowid"))
        with store.write():
            copy = 0
            while store.count("articles") < articles:
                copy += 1
                for article_id, title, text, meta in originals[: articles - store.count("articles")]:
                    new_id, new_text = f"{article_id}-c{copy}", f"{text}\n\nCopy {copy}."
                    conn.execute(
                        "INSERT INTO articles (id, title, text, meta, content_hash, chars, tokens, ingested_at) "
                        "SELECT ?, ?, ?, ?, ?, ?, tokens, ingested_at FROM articles WHERE id = ?",
                        [new_id, f"{title} (copy {copy})", new_text, meta, content_hash(new_text), len(new_text),
                         article_id],
                    )  # fmt: skip
                    conn.execute(
                        f"INSERT INTO suggestions (article_id, {SUGGESTION_COLUMNS}, created_at) "
                        f"SELECT ?, {SUGGESTION_COLUMNS}, created_at FROM suggestions WHERE article_id = ?",
                        [new_id, article_id],
                    )
                    if copy % 3 == 0:  # an older batch of the same suggester: history
                        conn.execute(
                            f"INSERT INTO suggestions (article_id, {SUGGESTION_COLUMNS}, created_at) "
                            f"SELECT ?, {SUGGESTION_COLUMNS}, '2020-01-01T00:00:00Z' FROM suggestions "
                            "WHERE article_id = ? AND label != 'QUOTE'",
                            [new_id, article_id],
                        )
                    if copy % 5 == 0:  # an older suggester version's: not current
                        conn.execute(
                            'INSERT INTO suggestions (article_id, start, "end", label, text, suggester, created_at) '
                            "SELECT ?, start, \"end\", label, text, 'entities.v0', '2019-01-01T00:00:00Z' "
                            "FROM suggestions WHERE article_id = ? AND label != 'QUOTE'",
                            [new_id, article_id],
                        )
            _work(conn, done)
    partial.rename(path)


def _work(conn, done: int) -> None:
    """Done annotations with decisions and spans, some in progress, some imported."""
    from annotator.vocabulary import utc_now

    now = utc_now()
    rng = random.Random(0)
    ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY rowid")]
    chosen = rng.sample(ids, done)
    next_span = 1
    for n, article_id in enumerate(chosen):
        who, other = (WHO[0], WHO[1]) if n % 5 else (WHO[1], WHO[0])
        conn.execute(
            "INSERT INTO annotations (article_id, annotator, status, updated_at) VALUES (?, ?, 'done', ?)",
            [article_id, who, now],
        )
        if rng.random() < 0.2:
            conn.execute(
                "INSERT INTO annotations (article_id, annotator, status, updated_at) VALUES (?, ?, 'in_progress', ?)",
                [article_id, other, now],
            )
        if n % 50 == 0:
            conn.execute(
                "INSERT INTO events (article_id, annotator, action, before, after, at) VALUES (?, ?, 'import', ?, ?, ?)",
                [article_id, who, json.dumps({"status": "todo"}), json.dumps({"status": "done"}), now],
            )
        rows = list(
            conn.execute(
                'SELECT id, start, "end", label, text FROM suggestions WHERE article_id = ? '
                "AND created_at > '2021' ORDER BY id",
                [article_id],
            )
        )
        for suggestion_id, start, end, label, text in rows:
            if rng.random() >= 1 / 3:
                continue
            decision = "accepted" if rng.random() < 2 / 3 else "rejected"
            conn.execute(
                "INSERT INTO decisions (suggestion_id, annotator, article_id, decision) VALUES (?, ?, ?, ?)",
                [suggestion_id, who, article_id, decision],
            )
            if decision == "accepted":
                conn.execute(
                    'INSERT INTO spans (id, article_id, annotator, start, "end", label, text, suggestion_id) '
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [next_span, article_id, who, start, end, label, text, suggestion_id],
                )
                next_span += 1
        entities = [row for row in rows if row[3] != "QUOTE" and row[2] - row[1] > 1]
        if entities and rng.random() < 0.1:  # a span of its own over part of a suggestion: covers it
            _, start, end, label, text = rng.choice(entities)
            conn.execute(
                'INSERT INTO spans (id, article_id, annotator, start, "end", label, text) VALUES (?, ?, ?, ?, ?, ?, ?)',
                [next_span, article_id, who, start, end - 1, label, text[:-1]],
            )
            next_span += 1


def run_stats(db: Path) -> tuple[float, float, str]:
    """One `annotator stats` in a fresh process: (its CPU seconds, wall seconds, SHA-256 of its output)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([ANNOTATOR, "stats", "--db", str(db)], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, hashlib.sha256(result.stdout.encode()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=15_000)
    parser.add_argument("--done", type=int, default=10_000)
    parser.add_argument("--base", type=int, default=30, help="corpus articles ingested with suggestions")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-suggest", action="store_true", help="no suggestions at all (the work has none then)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "annotator-bench-stats")
    parser.add_argument("--show", action="store_true", help="print the last run's output too")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    plain = "-no-suggest" if args.no_suggest else ""
    db = args.cache / f"stats-{args.articles}-{args.done}-{args.base}{plain}.db"
    if not db.exists():
        build(db, args.articles, args.done, args.base, args.corpus, suggest=not args.no_suggest)
    load = os.getloadavg()[0]
    runs = [run_stats(db) for _ in range(args.runs)]
    digests = {digest for *_, digest in runs}
    if len(digests) != 1:
        sys.exit(f"the runs printed different outputs: {sorted(digests)}")
    print(f"code: {os.environ.get('PYTHONPATH') or ROOT}")
    print(f"database: {db} ({args.articles} articles, {args.done} done annotations)")
    print(f"stats: CPU {statistics.median(r[0] for r in runs):.2f} s, wall {statistics.median(r[1] for r in runs):.2f} s "
          f"(median of {args.runs}; each run's CPU: {', '.join(f'{r[0]:.2f}' for r in runs)})")  # fmt: skip
    print(f"output sha256: {digests.pop()}")
    print(f"load average: {load:.2f} before, {os.getloadavg()[0]:.2f} after")
    if args.show:
        print(subprocess.run([ANNOTATOR, "stats", "--db", str(db)], capture_output=True, text=True).stdout)


if __name__ == "__main__":
    main()
