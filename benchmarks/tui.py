"""TUI speed: cold start against a bare Textual app, and per-action latency on a ~20k-word article.

    .venv/bin/python benchmarks/tui.py [--runs 7] [--iterations 100]

(a) Cold start: a fresh interpreter opens the seed article (with stored suggestions) headless and reports
    the moment its first frame showing the article has been drawn; the same for a bare Textual app (one
    Static) in the same run, up to the moment its Static has been drawn. Time is from spawning the process
    to that moment; medians of several runs. annotator's modules are byte-compiled first, as an install does.
    Both build their App in Python; the console script (`annotator --db ...`) is timed too, as a user starts
    it: typer's import and command tree come first there (about 45 ms on the development machine).
(b) Latency: the longest article of ../shared/corpus/news.jsonl is ingested with suggestions into a
    temporary database on the working directory's disk (real fsyncs), then keys are sent through Pilot's
    driver. Each figure is the time from sending the key until the action has committed and the screen's
    compositor has redrawn what changed. Textual's 60 fps frame pacing (up to 16.7 ms before a real
    terminal is written) and Pilot's idle-waiting sleeps are not included; they are not work. spaCy, loaded
    here only to build the database, costs the garbage collector nothing: the app keeps everything that exists
    when its first frame is drawn out of the collector's scans, as it does in its own process.
    A baseline of bare SQLite commits on the same disk follows: its max shows the disk's own fsync stalls.
    The same loop runs again with the database on /dev/shm (a RAM file system) where there is one: there a
    commit's fsync returns at once, so its figures are the app's own share, without the disk's stalls.
Prints figures; never run as a test.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import json
import os
import pty
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shared_corpus import shared_corpus

ROOT = Path(__file__).resolve().parents[1]
CORPUS = shared_corpus()  # from a clone elsewhere: --corpus PATH
RAM = Path("/dev/shm")  # a RAM file system (Linux): the latency loop runs there too, without the disk's stalls
sys.path.insert(0, str(ROOT))

BARE = """
import asyncio, sys, time
from textual.app import App
from textual.widgets import Static
class Hello(Static):
    renders = 0
    def render_lines(self, crop):
        Hello.renders += 1
        return super().render_lines(crop)
class Bare(App):
    def compose(self):
        yield Hello("hello")
async def ready(pilot):
    while not Hello.renders:
        await asyncio.sleep(0.001)
    print(time.time(), flush=True)
    pilot.app.exit()
Bare().run(headless=True, size=(120, 40), auto_pilot=ready)
"""

OURS = """
import asyncio, sys, time
from annotator.tui.app import make_app
app = make_app(sys.argv[1], "bench", keymap_path=False)
async def ready(pilot):
    while type(app.screen).__name__ != "AnnotateScreen" or not app.screen.query_one("#article").renders:
        await asyncio.sleep(0.001)
    print(time.time(), "spacy" in sys.modules, "pydantic" in sys.modules, flush=True)
    app.exit()
app.run(headless=True, size=(120, 40), auto_pilot=ready)
"""

# The same, started as a user starts it: the `annotator` console script, whose argument parsing (typer) comes first.
OURS_CLI = """
import asyncio, sys, time
from textual.app import App
run = App.run
def run_headless(app, **options):
    async def ready(pilot):
        while type(app.screen).__name__ != "AnnotateScreen" or not app.screen.query_one("#article").renders:
            await asyncio.sleep(0.001)
        print(time.time(), flush=True)
        app.exit()
    return run(app, headless=True, size=(120, 40), auto_pilot=ready)
App.run = run_headless
sys.argv = ["annotator", "--db", sys.argv[1], "--annotator", "bench"]
from annotator.cli import main
main()
"""


def suggestions_for(texts: list[str]):
    """(tokens, suggestions) per text: the real suggesters when they are installed, else simple rules."""
    try:
        from annotator.suggest import load_pipeline, suggest_texts
    except ImportError:
        return [rule_suggestions(text) for text in texts], "rules (annotator.suggest not on this branch yet)"
    return list(suggest_texts(texts, load_pipeline(None))), "annotator.suggest"


def rule_suggestions(text: str):
    """Stand-in suggestions: capitalised tokens as ACTOR/LOCATION, numbers as FIGURE, "..." as QUOTE."""
    import re

    from annotator.models import Suggestion
    from annotator.suggest.tokens import tokenize

    tokens = tokenize([text])[0]
    suggestions = []
    for index, token in enumerate(tokens):
        word = text[token.start : token.end]
        label = None
        if word[:1].isupper() and index and text[tokens[index - 1].start] not in '.\n"“':
            label = "ACTOR" if index % 3 else "LOCATION"
        elif word[:1].isdigit():
            label = "FIGURE"
        if label:
            suggestions.append(Suggestion(start=token.start, end=token.end, label=label, text=word, suggester="rules"))
    for match in re.finditer(r"[\"“]([^\"”\n]{3,}?)[\"”]", text):
        part = match.group(1)
        if part == part.strip():
            suggestions.append(
                Suggestion(start=match.start(1), end=match.end(1), label="QUOTE", text=part, suggester="rules")
            )
    return tokens, suggestions


def build_db(path: Path, articles) -> str:
    from annotator.store import Store

    texts = [a.text for a in articles]
    results, source = suggestions_for(texts)
    with Store.open(path) as store:
        store.add_articles((article, tokens, found) for article, (tokens, found) in zip(articles, results, strict=True))
    return source


def cold_start(runs: int, workdir: Path) -> None:
    from annotator.exchange.article_files import read_articles

    db = workdir / "seed.db"
    source = build_db(db, read_articles([ROOT / "seeds"]))
    # As installed: pip byte-compiles a package, and Textual's own modules are compiled in site-packages. With
    # PYTHONDONTWRITEBYTECODE set (as on our dev machines) an editable install would otherwise compile every
    # annotator module from source in each run, a cost no user pays.
    compileall.compile_dir(ROOT / "annotator", quiet=1)

    def once(script: str, *args: str) -> tuple[float, list[str]]:
        # The console script refuses to open a screen without a terminal on standard input and error: a
        # pseudo-terminal stands in for them (the headless app draws into neither).
        main, terminal = pty.openpty()
        started = time.time()
        try:
            out = subprocess.run([sys.executable, "-c", script, *args], stdin=terminal, stderr=terminal,
                                 stdout=subprocess.PIPE, text=True, check=True)  # fmt: skip
        finally:
            os.close(terminal)
            os.close(main)
        fields = out.stdout.split()
        return float(fields[0]) - started, fields[1:]

    once(BARE), once(OURS, str(db)), once(OURS_CLI, str(db))  # warm the file cache for each
    bare, ours, cli, spacy, pydantic = [], [], [], set(), set()
    for _ in range(runs):
        bare.append(once(BARE)[0])
        seconds, (spacy_loaded, pydantic_loaded) = once(OURS, str(db))
        ours.append(seconds)
        spacy.add(spacy_loaded)
        pydantic.add(pydantic_loaded)
        cli.append(once(OURS_CLI, str(db))[0])
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"cold start to first frame (seed article, suggestions from {source}; {runs} runs each, medians)")
    print(f"  bare Textual app   {b * 1000:7.0f} ms")
    print(f"  annotator          {o * 1000:7.0f} ms   ratio {o / b:.2f}x (target <= 1.3x)")
    c = statistics.median(cli)
    print(f"  via the console script {c * 1000:4.0f} ms   ratio {c / b:.2f}x (typer parses the command line first)")
    print(f"  spaCy imported at start-up: {'yes' if 'True' in spacy else 'no'}")
    print(f"  pydantic imported before the first frame: {'yes' if 'True' in pydantic else 'no'}")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def latency(iterations: int, places: list[tuple[str, Path]], corpus: Path) -> None:
    """The key loop below once per place the database is on: the working directory's disk (real fsyncs), and a
    RAM file system when there is one, where a commit's fsync returns at once, so the app's own share shows."""
    from annotator.models import ArticleIn
    from annotator.tui.screens.annotate import AnnotateScreen

    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    longest = max(records, key=lambda r: len(r["text"]))
    article = ArticleIn(text=longest["text"], title=longest.get("title", ""), id="longest")
    done = {"count": 0}
    for name in (
        "action_accept",
        "action_reject",
        "action_label",
        "action_boundary",
        "action_undo",
        "action_next_needing",
        "action_next_item",
        "action_unmarked",
        "action_candidate",
        "action_occurrence",
        "action_jump",
        "_jumped",
    ):
        original = getattr(AnnotateScreen, name)

        def wrapped(self, *args, _original=original):
            _original(self, *args)
            done["count"] += 1

        setattr(AnnotateScreen, name, wrapped)

    for where, folder in places:
        db = folder / "longest.db"
        source = build_db(db, [article])
        samples = await _keys(iterations, db, source, longest["id"], article.text, done, where)
        commit_baseline(samples, folder)


async def _keys(iterations: int, db: Path, source: str, name: str, text: str, done: dict, where: str) -> int:
    """Press the keys on the article in `db`; print each action's median and p99; return how many were timed."""
    from annotator.tui.app import make_app

    app = make_app(db, "bench", keymap_path=False)
    timings: dict[str, list[float]] = {}
    refused: dict[str, int] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        model = screen.model
        words = len(text.split())
        print(
            f"\nlatency, the database on {where}, on {name[:60]} ({len(text)} chars, {words} words, "
            f"{len(model.tokens)} tokens, {model.pending_count} suggestions from {source}; "
            f"{len(screen.view.layout_)} wrapped lines)"
        )

        async def press(key: str, name: str | None) -> None:
            before = done["count"]
            messages = len(app._notifications)
            started = time.perf_counter()
            app._driver.send_message(_key_event(key))
            while done["count"] == before:
                if not app.is_running or time.perf_counter() - started > 10:
                    raise RuntimeError(f"no action after {key!r}: the app stopped or the key is unbound")
                await asyncio.sleep(0)
            app.screen._on_timer_update()  # draw now what the action changed
            elapsed = time.perf_counter() - started
            if name:
                timings.setdefault(name, []).append(elapsed)
                if len(app._notifications) > messages:
                    refused[name] = refused.get(name, 0) + 1

        renders_before = screen.view.renders
        for _ in range(iterations):  # the default keymap: a decision moves on to the next item to decide
            await press("tab", "tab (next to decide)")
            item = screen.model.get(screen.current)
            if item is None or not item.pending or item.is_quote:
                continue
            await press("enter", "accept (and advance)")
            await press("comma", ", (previous span)")
            span = screen.model.get(screen.current)
            if span is not None and span.kind == "span" and not span.is_quote:
                await press("1" if span.label.value != "ACTOR" else "2", "relabel")
                await press("right_curly_bracket", "boundary move")
                await press("u", "undo")
            await press("tab", None)
            following = screen.model.get(screen.current)
            if following is not None and following.pending and not following.is_quote:
                await press("x", "reject (and advance)")
            await press("w", "w (next unmarked word)")
            await press("semicolon", "; (next name, number or noun for people)")
            await press("number_sign", "# (same words again)")
            await press("t", None)
            await press("e", "t e (next word with e)")
        lines = screen.view.renders - renders_before
        samples = sum(len(v) for v in timings.values())
    print(f"  {'action':<24}{'n':>5}{'median':>10}{'p99':>10}   (targets: median <= 16 ms, p99 <= 50 ms)")
    for name, values in timings.items():
        note = f"   {refused[name]} refused" if refused.get(name) else ""
        print(
            f"  {name:<24}{len(values):>5}{statistics.median(values) * 1000:>8.1f}ms"
            f"{percentile(values, 0.99) * 1000:>8.1f}ms{note}"
        )
    print(f"  lines drawn per action on average: {lines / max(samples, 1):.1f}")
    return samples


def commit_baseline(count: int, workdir: Path) -> None:
    """The disk's own share: bare SQLite commits with the store's durability (WAL, synchronous=FULL), paced
    like the actions above. Each action commits once, so a stall here (the disk flushing its journal) shows
    up in an action's p99 too."""
    import sqlite3

    conn = sqlite3.connect(workdir / "commits.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = wal")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE rows (value TEXT)")
    times = []
    for _ in range(count):
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO rows VALUES (?)", ["x" * 300])
        conn.execute("COMMIT")
        times.append(time.perf_counter() - started)
        time.sleep(0.01)
    conn.close()
    print(
        f"  baseline: {count} bare SQLite commits in the same folder, median {statistics.median(times) * 1000:.1f}ms, "
        f"p99 {percentile(times, 0.99) * 1000:.1f}ms, max {max(times) * 1000:.1f}ms"
    )


def _key_event(key: str):
    from textual import events

    char = {
        "enter": "\r",
        "tab": "\t",
        "right_curly_bracket": "}",
        "comma": ",",
        "semicolon": ";",
        "number_sign": "#",
    }.get(key, key if len(key) == 1 else None)
    return events.Key(key, char)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--iterations", type=int, default=100)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="news JSONL; its longest article is used")
    options = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(dir=Path.cwd(), prefix=".bench-tui-") as folder,
        tempfile.TemporaryDirectory(dir=RAM if RAM.is_dir() else None, prefix=".bench-tui-") as in_ram,
    ):
        cold_start(options.runs, Path(folder))
        if options.corpus.exists():
            places = [("this disk", Path(folder))] + ([(f"{RAM} (RAM)", Path(in_ram))] if RAM.is_dir() else [])
            asyncio.run(latency(options.iterations, places, options.corpus))
        else:
            print(f"\n{options.corpus} not found: latency not measured")


if __name__ == "__main__":
    main()
