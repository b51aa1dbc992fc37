"""`annotator stats` on a database with many done annotations: how long its table of suggestions left undecided
on done articles takes (`store.current.left_undecided`), which reads every done annotation's suggestions,
decisions and spans, and its note on stale gold (`gold_stale.stale_gold`, the review state of each done gold).

Setup (cached in --cache): the first --base corpus articles through the real ingest, with the model's suggestions,
then copied in SQL until the database holds --articles articles, each copy with its original's suggestions; every
third copy also keeps an older batch of them (an earlier `created_at`: history, not current) and every fifth an
older suggester version's (not current either). Two annotators get --done done annotations between them (four
fifths `bench`, the rest `bench2`), on a seeded random choice of articles, and a seeded random fifth of those
articles an annotation in progress by the other one (which the table leaves out). On each done one a seeded random
third of the current suggestions is decided (two accepted, as a span each, to one rejected), and one in ten
articles also holds a span of its own over part of a suggestion (covering it); one done annotation in fifty has
an `import` event that set its status (work done elsewhere: left out). Every other done annotation has done gold
settled from it (its spans, and a gold `status` event), one in twenty of those with its first span left out: the
note naming done gold the done work differs from (`gold_stale`) reads the review state of each where the work
there is all done (with one annotator's work, nothing is open in review: the note stays empty). On 3,000
articles, 2,000 done, that note took 0.19 s of the command's 3.0 s CPU (the rest: opening's checks and the table).

`--no-suggest`: the same without any suggestion (so none is left undecided: the table's cost alone, one
pass over the done annotations against one query set each before).

Then `annotator stats --db` in a fresh process, --runs times: the median of the child's CPU seconds (user + sys)
and of the wall time, the load average, and the SHA-256 of its output (identical output before and after a
change: run it with each version's code on PYTHONPATH, or give --against the other checkout: its runs alternate
with these, and the median same-run ratio of their CPU seconds is printed).

Run: nice -n 10 .venv/bin/python benchmarks/stats.py [--articles 15000] [--done 10000] [--runs 3] [--against DIR]
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
                            f"SELECT ?, {SUGGESTION_COLUMNS}, '2020-01-01T00:00:00.000000Z' FROM suggestions "
                            "WHERE article_id = ? AND label != 'QUOTE'",
                            [new_id, article_id],
                        )
                    if copy % 5 == 0:  # an older suggester version's: not current
                        conn.execute(
                            'INSERT INTO suggestions (article_id, start, "end", label, text, suggester, created_at) '
                            "SELECT ?, start, \"end\", label, text, 'entities.v0', '2019-01-01T00:00:00.000000Z' "
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
    for n, article_id in enumerate(chosen):  # gold settled from every other one, done (what `stats` checks)
        if n % 2 == 0:
            _gold(conn, article_id, WHO[0] if n % 5 else WHO[1], now, drop=n % 40 == 0)


def _gold(conn, article_id: str, who: str, now: str, drop: bool) -> None:
    """Done gold on an article: `who`'s spans (the first left out where `drop`: gold unlike the done work, which
    `stats` names), marked done by an event."""
    conn.execute(
        "INSERT INTO annotations (article_id, annotator, status, updated_at) VALUES (?, 'gold', 'done', ?)",
        [article_id, now],
    )
    conn.execute(
        'INSERT INTO spans (article_id, annotator, start, "end", label, text, speaker_start, speaker_end) '
        "SELECT article_id, 'gold', start, \"end\", label, text, speaker_start, speaker_end FROM spans "
        "WHERE article_id = ? AND annotator = ? ORDER BY id LIMIT -1 OFFSET ?",
        [article_id, who, 1 if drop else 0],
    )
    conn.execute(
        "INSERT INTO events (article_id, annotator, action, before, after, at) VALUES (?, 'gold', 'status', ?, ?, ?)",
        [article_id, json.dumps({"status": "todo"}), json.dumps({"status": "done"}), now],
    )


def run_stats(db: Path, code: Path | None = None) -> tuple[float, float, str]:
    """One `annotator stats` in a fresh process (with `code`: that checkout's `annotator` package first on the
    path): (its CPU seconds, wall seconds, SHA-256 of its output)."""
    env = os.environ | ({"PYTHONPATH": str(code)} if code is not None else {})
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([ANNOTATOR, "stats", "--db", str(db)], capture_output=True, text=True, check=True, env=env)
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
    parser.add_argument(
        "--against", type=Path, help="another checkout: its code's runs alternate with these, same-run ratio printed"
    )
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    plain = "-no-suggest" if args.no_suggest else ""
    db = args.cache / f"stats-{args.articles}-{args.done}-{args.base}{plain}-gold-v2.db"  # v2: stamps as stored
    if not db.exists():
        build(db, args.articles, args.done, args.base, args.corpus, suggest=not args.no_suggest)
    load = os.getloadavg()[0]
    runs, others = [], []
    for _ in range(args.runs):
        runs.append(run_stats(db))
        if args.against is not None:
            others.append(run_stats(db, args.against))
    digests = {digest for *_, digest in runs + others}
    if len(digests) != 1:
        sys.exit(f"the runs printed different outputs: {sorted(digests)}")
    print(f"database: {db} ({args.articles} articles, {args.done} done annotations)")
    for code, made in ((os.environ.get("PYTHONPATH") or ROOT, runs), (args.against, others)):
        if made:
            print(f"stats, {code}: CPU {statistics.median(r[0] for r in made):.2f} s, wall "
                  f"{statistics.median(r[1] for r in made):.2f} s (median of {args.runs}; each run's CPU: "
                  f"{', '.join(f'{r[0]:.2f}' for r in made)})")  # fmt: skip
    if others:
        ratio = statistics.median(o[0] / r[0] for r, o in zip(runs, others, strict=True))
        print(f"CPU, {args.against} / this code: {ratio:.2f} (the median same-run ratio)")
    print(f"output sha256: {digests.pop()} (identical in every run)")
    print(f"load average: {load:.2f} before, {os.getloadavg()[0]:.2f} after")
    if args.show:
        print(subprocess.run([ANNOTATOR, "stats", "--db", str(db)], capture_output=True, text=True).stdout)


if __name__ == "__main__":
    main()
