"""Export throughput: 30k annotation records through our exporter against a plain sqlite3 + json.dumps loop.

Setup builds the database directly with SQL (no edit operations, no spaCy per copy): each corpus article is cut to
its first ~1,500 characters (whole lines), tokenized once, and copied with a marker line so each copy is its own
article; each copy gets the model's suggestions (about 46: every capitalised token as ACTOR or LOCATION, numbers as
FIGURE, one QUOTE with a speaker; an `entities` and a `quotes` batch, older than the work; every third copy also an
older `entities` batch, not current) and the annotator's spans: on every fourth copy the suggestions unchanged (A
then d), on the others about 28 of them (every other capitalised token, the numbers, the quote) with a seeded random
tenth dropped. The export says which work is the suggestions unchanged (`as_suggested` in the record's `unchecked`,
`store.as_suggested`), reading every article's suggestions; the plain loop writes the same `unchecked` from what the
setup knows, so the ratio shows what finding it out costs. Both exporters then write the same 30k records
(--records; one annotator, in ingest order) to a file, a few runs each, alternating; the script prints the medians,
records/s, our ratio to the plain loop (target >= 0.9: of the medians, and the median of each run's own ratio) and
the load average (a shared machine's CPU times drift with it).

Run: .venv/bin/python benchmarks/export.py [--records N] [--runs R] [--cpu]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shared_corpus import shared_corpus  # noqa: E402  (benchmarks/shared_corpus.py; a script's folder is on sys.path)

from annotator.exchange.records import export_to_path  # noqa: E402
from annotator.models import content_hash  # noqa: E402
from annotator.store import Store  # noqa: E402
from annotator.suggest.tokens import tokenize  # noqa: E402

CORPUS = shared_corpus()
WHO = "bench"
CUT = 1500
#: When the older batch of every third copy's suggestions was made.
OLDER = "2026-11-01T00:00:00.000000Z"


def corpus_articles() -> list[dict]:
    if not CORPUS.exists():
        sys.exit(f"no corpus at {CORPUS}")
    articles = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text, cut = record["text"], record["text"][:CUT]
        if len(text) > CUT and "\n" in cut:
            cut = cut[: cut.rindex("\n")]
        articles.append({"title": record["title"], "text": cut.strip(), "id": record["id"]})
    return articles


def spans_for(text: str, tokens: list[tuple[int, int]]) -> list[tuple]:
    """(start, end, label, text, speaker_start, speaker_end) rows for a text: cheap, deterministic rules."""
    spans = []
    for index, (start, end) in enumerate(tokens[1:], start=1):
        word = text[start:end]
        if word[0].isupper() and word.isalpha() and index % 2:
            spans.append((start, end, "ACTOR" if index % 3 else "LOCATION", word, None, None))
        elif word.isdigit():
            spans.append((start, end, "FIGURE", word, None, None))
    actor = next((s for s in spans if s[2] == "ACTOR"), None)
    if len(tokens) > 12 and actor is not None:
        start = tokens[3][0]
        ends = [e for _, e in tokens[3:13] if "\n" not in text[start:e]]  # a stored span never crosses a line break
        if ends:
            spans.append((start, ends[-1], "QUOTE", text[start : ends[-1]], actor[0], actor[1]))
    return spans


def suggestions_for(text: str, tokens: list[tuple[int, int]], spans: list[tuple]) -> list[tuple]:
    """The model's suggestions for a text: its spans (`spans_for`) and every capitalised token they leave out as
    ACTOR or LOCATION (about 35 an article), so the gold that keeps a seeded tenth out is the suggestions changed."""
    taken = {(s[0], s[1]) for s in spans}
    more = [
        (start, end, "LOCATION" if index % 4 == 0 else "ACTOR", text[start:end], None, None)
        for index, (start, end) in enumerate(tokens[1:], start=1)
        if text[start:end][0].isupper() and text[start:end].isalpha() and (start, end) not in taken
    ]
    return sorted(spans + more)


def build(path: Path, records: int) -> set[str]:
    """The database; returns the ids of the articles whose work is the model's suggestions unchanged (a fourth)."""
    Store.open(path).close()  # the schema, through the migrations
    articles = corpus_articles()
    token_lists = [[(t.start, t.end) for t in tokens] for tokens in tokenize([a["text"] for a in articles])]
    base_spans = [spans_for(a["text"], t) for a, t in zip(articles, token_lists, strict=True)]
    base_suggested = [
        suggestions_for(a["text"], t, s) for a, t, s in zip(articles, token_lists, base_spans, strict=True)
    ]
    random_ = random.Random(5)
    connection = sqlite3.connect(path)
    article_rows, span_rows, annotation_rows, suggestion_rows = [], [], [], []
    unchanged: set[str] = set()
    now, suggested_at = "2026-11-25T00:00:00.000000Z", "2026-11-24T00:00:00.000000Z"
    for number in range(records):
        index = number % len(articles)
        article = articles[index]
        text = f"{article['text']}\n[copy {number // len(articles)}]"
        article_id = f"{article['id']}-{number}"
        tokens_json = json.dumps(token_lists[index], separators=(",", ":"))
        article_rows.append((article_id, article["title"], text, json.dumps({"copy": number}), content_hash(text),
                             len(text), tokens_json, now))  # fmt: skip
        for start, end, label, span_text, s_start, s_end in base_suggested[index]:
            suggester = "quotes.bench" if label == "QUOTE" else "entities.bench"
            suggestion_rows.append((article_id, start, end, label, span_text, s_start, s_end, suggester, suggested_at))
            if number % 3 == 0 and label != "QUOTE":  # an older batch too (a `suggest` before): history, not current
                suggestion_rows.append((article_id, start, end, label, span_text, None, None, suggester, OLDER))
        if number % 4 == 0:  # accepted as suggested (A then d): the suggestions unchanged
            kept = base_suggested[index]
            unchanged.add(article_id)
        else:  # changed: the rule's spans, not the other capitalised words, a seeded tenth left out
            kept = [s for s in base_spans[index] if s[2] == "QUOTE" or random_.random() > 0.1]
        actors = {(s[0], s[1]) for s in kept if s[2] == "ACTOR"}
        for start, end, label, span_text, s_start, s_end in kept:
            speaker = (s_start, s_end) if (s_start, s_end) in actors else (None, None)
            span_rows.append((article_id, WHO, start, end, label, span_text, *speaker))
        annotation_rows.append((article_id, WHO, "done", now, now))
    with connection:
        connection.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)", article_rows)
        connection.executemany(
            'INSERT INTO spans (article_id, annotator, start, "end", label, text, speaker_start, speaker_end) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            span_rows,
        )
        connection.executemany(
            'INSERT INTO suggestions (article_id, start, "end", label, text, speaker_start, speaker_end, suggester, '
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            suggestion_rows,
        )
        connection.executemany(
            "INSERT INTO annotations (article_id, annotator, status, started_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            annotation_rows,
        )
    connection.close()
    print(
        f"setup: {records} records, {len(span_rows)} spans, {len(suggestion_rows)} suggestions "
        f"({len(unchanged)} records the suggestions unchanged), {path.stat().st_size / 1e6:.0f} MB"
    )
    return unchanged


def plain_loop(db: Path, out: Path) -> int:
    """The baseline: what anyone would write with sqlite3 and json.dumps, one spans query per article."""
    connection = sqlite3.connect(db)
    count = 0
    with out.open("w", encoding="utf-8") as file:
        rows = connection.execute(
            "SELECT a.id, a.text, a.title, a.meta, n.status, n.updated_at FROM annotations n "
            "JOIN articles a ON a.id = n.article_id WHERE n.annotator = ? ORDER BY a.rowid",
            [WHO],
        )
        for article_id, text, title, meta, status, updated_at in rows:
            spans = []
            for start, end, label, span_text, s_start, s_end in connection.execute(
                'SELECT start, "end", label, text, speaker_start, speaker_end FROM spans '
                'WHERE article_id = ? AND annotator = ? ORDER BY start, "end", id',
                [article_id, WHO],
            ):
                span = {"start": start, "end": end, "label": label, "text": span_text}
                if s_start is not None:
                    span["speaker"] = {"start": s_start, "end": s_end}
                spans.append(span)
            record = {"article_id": article_id, "text": text, "title": title, "meta": json.loads(meta),
                      "annotator": WHO, "status": status, "spans": spans, "updated_at": updated_at}  # fmt: skip
            if article_id in UNCHANGED:  # known from the build: the baseline does not find it out
                record["unchecked"] = {"as_suggested": True, "status": status, "spans_digest": _digest(spans)}
            file.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    connection.close()
    return count


def _digest(spans: list[dict]) -> str:
    """`stored_spans.spans_digest`, restated over the baseline's span objects."""
    rows = sorted(
        (s["start"], s["end"], s["label"], *((s["speaker"]["start"], s["speaker"]["end"]) if "speaker" in s else ()))
        for s in spans
    )
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:16]


#: The articles whose work the build made the model's suggestions unchanged.
UNCHANGED: set[str] = set()


def ours(db: Path, out: Path) -> int:
    """`annotator export`: open the store as the command does (read-only, with SQLite's quick check), then export
    (timed apart too: "the export alone")."""
    with Store.open(db, read_only=True, create=False) as store:
        began = CLOCK()
        count = export_to_path(store, "jsonl", out, WHO)
        EXPORT_ONLY.append(CLOCK() - began)
        return count


#: The export's own time in each run of `ours`, without opening the store.
EXPORT_ONLY: list[float] = []
#: Wall-clock time, or with --cpu the process's CPU time (steadier on a machine other jobs keep busy).
CLOCK = time.perf_counter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cpu", action="store_true", help="time CPU time of this process instead of wall-clock time")
    args = parser.parse_args()
    global CLOCK
    CLOCK = time.process_time if args.cpu else time.perf_counter
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        UNCHANGED.update(build(db, args.records))
        load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
        times: dict[str, list[float]] = {"plain sqlite3 + json.dumps": [], "annotator export": []}
        outputs = {}
        loads = []  # the 1-minute load average as each pair of runs starts
        for _ in range(args.runs):
            loads.append(os.getloadavg()[0])
            for name, run in (("plain sqlite3 + json.dumps", plain_loop), ("annotator export", ours)):
                out = Path(folder) / f"{name.split()[0]}.jsonl"
                began = CLOCK()
                count = run(db, out)
                times[name].append(CLOCK() - began)
                assert count == args.records, (name, count)
                outputs[name] = out
        same = outputs["plain sqlite3 + json.dumps"].read_bytes() == outputs["annotator export"].read_bytes()
        times["  of which the export alone"] = EXPORT_ONLY
        for name, seconds in times.items():
            median = statistics.median(seconds)
            runs = ", ".join(f"{s:.2f}" for s in seconds)
            print(f"{name:<28} median {median:6.2f} s  {args.records / median:>9,.0f} records/s  (runs: {runs})")
        plain = times["plain sqlite3 + json.dumps"]
        for what, ours_ in (("opening included", times["annotator export"]), ("export alone", EXPORT_ONLY)):
            ratio = statistics.median(plain) / statistics.median(ours_)
            paired = statistics.median(p / o for p, o in zip(plain, ours_, strict=True))
            print(
                f"ratio (ours / plain, throughput), {what}: {ratio:.2f} of the medians, {paired:.2f} the median "
                "same-run ratio (target >= 0.90)"
            )
        print(f"identical output: {same}; clock: {'CPU time' if args.cpu else 'wall-clock'}")
        print(
            f"load average before {load_before}, after {' '.join(f'{x:.2f}' for x in os.getloadavg())}; 1-minute "
            f"at each run: median {statistics.median(loads):.2f} ({', '.join(f'{x:.2f}' for x in loads)})"
        )


if __name__ == "__main__":
    main()
