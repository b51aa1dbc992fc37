"""Keys to gold: the fewest keys a person needs to turn the suggestions into the gold, replayed in the real TUI.

    .venv/bin/python benchmarks/keys_to_gold.py [--gold tests/fixtures/gold/dev.jsonl] [--no-suggestions]
        [--suggestions FILE | --suggesters entities.v1,quotes.v1] [--freeze FILE]
        [--size 100x32] [--effort 1] [--reject-leftovers] [--keys]

1. The texts of the native JSONL gold records are ingested into a temporary database, with suggestions (or,
   with --no-suggestions, none: annotating by hand from an empty article). Which suggestions: by default the
   frozen ones in benchmarks/keyplan/suggestions/ made for this gold file (tokens and suggestions as the
   suggesters entities.v1 and quotes.v1 made them), so that figures taken before and after a change of the
   suggesters compare like with like; `--suggestions FILE` names another frozen file; `--suggesters NAMES`
   runs today's pipeline instead and requires exactly those suggester versions; `--freeze FILE` writes what
   was used, to pin it.
2. For each article, in the order the app opens them, `keyplan` plans the shortest key sequence it can find
   with the default keymap (keyboard only, keys the annotate screen binds) from the article as it opens to
   exactly the gold: the same spans, labels and speakers, nothing else accepted, and the article marked done
   (`d`). Suggestions that are not gold may stay pending, as `d` allows today (--reject-leftovers rejects
   them too). Gold spans that no key sequence can make (off token boundaries) are listed as unreachable.
3. The keys are pressed through Pilot in the real app (`app.run_test` at --size: the wrapped lines decide
   what up and down do), checking after each key that the cursor and the current item are where the plan's
   model of the screen expects them; then the database must hold exactly the gold for every article. Any
   difference is a failure (exit status 1) that names the spans. A key that leaves the screen elsewhere stops
   the replay with what the app said after it and where the screen was once the app had had time to settle.

Prints keys per article and per kind of action, and last `keys per gold span: X.XX` (over reachable spans).
A benchmark, not a test: on the development gold it plans for about 10-15 minutes on one free core (45 minutes
on a shared, loaded one; since t/T, two-key moves the search tries too, 59 minutes with suggestions and 48
without on a loaded 2-core machine, 2026-12-01; 61 and 43 minutes that evening, run side by side; `--effort 0.3`
about a third of that, a few keys more) and replays in one or two.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from keyplan.items import Span  # noqa: E402
from keyplan.paths import Press  # noqa: E402
from keyplan.planner import ArticlePlan, plan_article  # noqa: E402

from annotator.models import ArticleIn, NativeRecord  # noqa: E402
from annotator.store import Store  # noqa: E402
from annotator.suggest.superseded import Superseded, check_runnable  # noqa: E402

DEFAULT_GOLD = ROOT / "tests" / "fixtures" / "gold" / "dev.jsonl"
FROZEN = Path(__file__).resolve().parent / "keyplan" / "suggestions"
WHO = "keys-to-gold"
KINDS = (
    "navigation",
    "select",
    "add",
    "accept",
    "accept all",
    "relabel",
    "boundary",
    "reject",
    "remove",
    "speaker",
    "done",
)


#: After a key leaves the screen elsewhere than the plan expects, how long the app is given to get there (pauses of
#: Pilot's): Pilot's press can return before a loaded app has handled the key (a helper's reading of Textual 8.2.8:
#: `_wait_for_screen` waits only for messages already queued), and 2 s once stopped a replay at load 10.
SETTLING_PAUSES, SETTLING_PAUSE = 300, 0.1


class Diverged(Exception):
    """The real app did something else than the plan's model of the screen expected."""


@dataclass(frozen=True)
class Options:
    size: tuple[int, int] = (100, 32)  # the terminal: its width decides the wrapped lines, and so up and down
    reject_leftovers: bool = False
    effort: float = 1.0


def gold_spans(record: NativeRecord) -> list[Span]:
    return [
        Span(s.start, s.end, s.label.value, (s.speaker.start, s.speaker.end) if s.speaker else None)
        for s in record.spans
    ]


def frozen_path(gold: Path) -> Path:
    return FROZEN / f"{gold.stem}.jsonl"


def ingest(records: list[NativeRecord], db: Path, suggestions: str | None, suggesters: list[str] | None) -> list[str]:
    """Store the gold's texts: with the frozen suggestions of file `suggestions`, with today's pipeline's
    (`suggesters`: the versions it must use), or with none (`suggestions` None and no `suggesters`). Returns
    the suggester versions of the suggestions stored."""
    from annotator.exchange.ingest import ingest as store_articles
    from annotator.models import Suggestion
    from annotator.rows import Token
    from annotator.vocabulary import content_hash

    articles = [ArticleIn(id=r.article_id, title=r.title, text=r.text, meta=r.meta) for r in records]
    with Store.open(db) as store:
        if suggestions is None:
            store_articles(store, articles, suggest=suggesters is not None)
        else:
            frozen = {}
            for line in Path(suggestions).read_text("utf-8").splitlines():
                row = json.loads(line)
                frozen[row["article_id"]] = row
            rows = []
            for article in articles:
                row = frozen.get(article.article_id)
                if row is None or row["text_hash"] != content_hash(article.text):
                    raise SystemExit(
                        f"{suggestions}: no suggestions frozen for {article.article_id} as the gold has it"
                    )
                tokens = [Token(start, end) for start, end in row["tokens"]]
                rows.append((article, tokens, [Suggestion(**s) for s in row["suggestions"]]))
            store.add_articles(rows)
        used = sorted({s.suggester for a in articles for s in store.suggestions(a.article_id)})
    if suggesters is not None and used != sorted(suggesters):
        raise SystemExit(f"the suggestions come from {', '.join(used)}, not {', '.join(suggesters)}")
    return used


def freeze(records: list[NativeRecord], db: Path, out: Path) -> None:
    """Write the tokens and suggestions stored for the gold's articles, to replay them later (--suggestions)."""
    from annotator.vocabulary import content_hash

    with Store.open(db) as store, out.open("w", encoding="utf-8") as file:
        for record in records:
            suggestions = [
                {"start": s.start, "end": s.end, "label": s.label.value, "text": s.text, "suggester": s.suggester,
                 "score": s.score, "speaker": {"start": s.speaker.start, "end": s.speaker.end} if s.speaker else None}
                for s in store.suggestions(record.article_id)
            ]  # fmt: skip
            row = {"article_id": record.article_id, "text_hash": content_hash(record.text),
                   "tokens": [[t.start, t.end] for t in store.tokens(record.article_id)], "suggestions": suggestions}  # fmt: skip
            file.write(json.dumps(row, ensure_ascii=False) + "\n")


def plan(reader: Store, article_id: str, gold: list[Span], width: int, options: Options) -> ArticlePlan:
    """Plan one article as it opens: its text, tokens and suggestions from the database, nothing done yet."""
    rows = reader.view(article_id, WHO)
    if rows.spans or rows.decided:
        raise Diverged(f"{article_id} does not open fresh: the benchmark needs a database of its own")
    suggestions = {s.id: Span(s.start, s.end, s.label.value, s.speaker) for s in rows.suggestions}
    tokens = [(t.start, t.end) for t in rows.tokens]
    started = time.perf_counter()
    article_plan = plan_article(
        rows.text, tokens, suggestions, gold, width, reject_leftovers=options.reject_leftovers, effort=options.effort
    )
    article_plan.seconds = time.perf_counter() - started
    return article_plan


def screen_state(screen) -> tuple[int, tuple[str, Span] | None]:
    """The annotate screen's cursor and current item, in the plan's terms."""
    item = screen.model.get(screen.current)
    current = None
    if item is not None:
        current = (item.kind, Span(item.start, item.end, item.label.value, item.speaker))
    return screen.cursor, current


async def replay(db: Path, gold: dict[str, list[Span]], options: Options) -> dict[str, ArticlePlan]:
    """Open the app; for each article, as `d` opens it: plan it, press its keys, and check after each key that
    the screen is where the plan's model expects it. Returns the plans, by article id."""
    from annotator.tui.app import make_app
    from annotator.tui.screens.annotate import AnnotateScreen

    plans: dict[str, ArticlePlan] = {}
    app = make_app(db, WHO, keymap_path=False)  # the default keymap, whatever the user's is
    with Store.open(db) as reader:
        order = reader.article_ids()
        async with app.run_test(size=options.size) as pilot:
            await pilot.pause()
            for article_id in order:
                screen = app.screen
                if not isinstance(screen, AnnotateScreen) or screen.article_id != article_id:
                    raise Diverged(
                        f"expected article {article_id} to be open, not {getattr(screen, 'article_id', screen)}"
                    )
                while screen.view.layout_ is None:
                    await pilot.pause()
                article_plan = plan(reader, article_id, gold.get(article_id, []), screen.view.layout_.width, options)
                plans[article_id] = article_plan
                for index, press in enumerate(article_plan.presses):
                    await pressed(pilot, screen, f"{article_id}: key {index + 1}", press)
    return plans


async def pressed(pilot, screen, where: str, press: Press) -> None:
    """Press one key of a plan through Pilot and check that the screen is where the plan's model expects it (not
    after the done key: the done question, or the next article open now). Else `Diverged`, saying what the app
    said after the key (its status line and the messages it logged) and where the screen is once the app has had
    time to settle (the same place: the app did something else than the model). A screen that reaches the expected
    place while it settles had the key handled late, which is no divergence."""
    app = pilot.app
    logged = len(app.messages)
    await pilot.press(press.key)
    expected = (press.cursor, press.current)
    if press.kind == "done" or screen_state(screen) == expected:
        return
    state, status = screen_state(screen), screen.status_line.text.plain
    said = [message for _, message in app.messages[logged:]]
    for _ in range(SETTLING_PAUSES):
        await pilot.pause(SETTLING_PAUSE)
        if screen_state(screen) == expected:  # the key was handled late, not otherwise: the replay goes on
            return
    settled = screen_state(screen)
    later = "the same place" if settled == state else f"{settled}"
    raise Diverged(
        f"{where} ({press.key!r}, {press.kind}) left the screen at {state}, the plan expected {expected}; "
        f"the status line said {status!r}, the app logged {said}; {SETTLING_PAUSES * SETTLING_PAUSE:.0f} s later "
        f"the screen was at {later}"
    )


def differences(store: Store, article_id: str, target: list[Span]) -> list[str]:
    """How the annotation in the database differs from the gold (empty when it is exactly the gold)."""
    held = [
        Span(s.start, s.end, s.label.value, (s.speaker.start, s.speaker.end) if s.speaker else None)
        for s in store.spans(article_id, WHO)
    ]
    text = store.article_text(article_id)

    def line(what: str, s: Span) -> str:
        return f"  {what:<9} {s.label} {text[s.start : s.end]!r} at {s.start}:{s.end}, speaker {s.speaker}"

    wrong = [line("not gold", s) for s in held if s not in target]
    wrong += [line("missing", s) for s in target if s not in held]
    if len(held) != len(set(held)):
        wrong.append("  a span is there twice")
    status = store.status(article_id, WHO).value
    if status != "done":
        wrong.append(f"  status {status}, not done")
    return wrong


def check(db: Path, plans: dict[str, ArticlePlan]) -> dict[str, list[str]]:
    """Each article whose annotation differs from the gold its plan reaches, with the differences."""
    with Store.open(db) as store:
        found = {article_id: differences(store, article_id, p.target) for article_id, p in plans.items()}
    return {article_id: wrong for article_id, wrong in found.items() if wrong}


def report(
    records: list[NativeRecord], plans: dict[str, ArticlePlan], args: argparse.Namespace, used: list[str]
) -> float:
    source = "without suggestions" if args.no_suggestions else f"with the suggestions of {'+'.join(used)}"
    if args.suggestions and not args.no_suggestions:
        source += f" (frozen: {Path(args.suggestions).name})"
    print(f"keys to gold: {args.gold.name}, {len(records)} articles, {source}, terminal {args.size}")
    print(f"{'article':<44}{'gold':>6}{'keys':>7}{'per span':>10}  {'plan':<26}{'left pending':>13}")
    kinds: Counter[str] = Counter()
    total_keys = total_spans = 0
    for record in records:
        article_plan = plans[record.article_id]
        reached = len(record.spans) - len(article_plan.unreachable)
        keys = len(article_plan.presses)
        kinds.update(p.kind for p in article_plan.presses)
        total_keys, total_spans = total_keys + keys, total_spans + reached
        name = record.article_id if len(record.article_id) <= 42 else record.article_id[:41] + "…"
        print(
            f"{name:<44}{reached:>6}{keys:>7}{keys / max(reached, 1):>10.2f}  {article_plan.strategy:<26}"
            f"{article_plan.left_pending:>13}"
        )
    print(f"{'all':<44}{total_spans:>6}{total_keys:>7}{total_keys / max(total_spans, 1):>10.2f}")
    print("keys per action kind")
    for kind in [*KINDS, *sorted(set(kinds) - set(KINDS))]:
        if kinds[kind]:
            print(f"  {kind:<12}{kinds[kind]:>6}{kinds[kind] / max(total_spans, 1):>8.2f} per span")
    unreachable = [(r, span, why) for r in records for span, why in plans[r.article_id].unreachable]
    if unreachable:
        print(f"unreachable by keys ({len(unreachable)} gold spans, not counted):")
        for record, span, why in unreachable:
            print(f"  {record.article_id}: {span.label} {record.text[span.start : span.end]!r} ({why})")
    else:
        print("unreachable by keys: none")
    return total_keys / max(total_spans, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="native JSONL gold records")
    parser.add_argument("--no-suggestions", action="store_true", help="start from empty articles")
    parser.add_argument("--suggestions", help="frozen suggestions (default: benchmarks/keyplan/suggestions/GOLD.jsonl)")
    parser.add_argument("--suggesters", help="run today's pipeline, which must use exactly these versions")
    parser.add_argument("--freeze", type=Path, help="write the tokens and suggestions used to this file")
    parser.add_argument("--size", default="100x32", help="terminal size, columns x lines (default 100x32)")
    parser.add_argument("--effort", type=float, default=1.0, help="scale the planner's search (default 1)")
    parser.add_argument("--reject-leftovers", action="store_true", help="also reject every suggestion that is not gold")
    parser.add_argument("--keys", action="store_true", help="print each article's key sequence")
    args = parser.parse_args()
    columns, lines = (int(n) for n in args.size.split("x"))
    options = Options((columns, lines), args.reject_leftovers, args.effort)
    records = [
        NativeRecord.model_validate_json(line) for line in args.gold.read_text("utf-8").splitlines() if line.strip()
    ]
    if len({r.article_id for r in records}) != len(records):
        parser.error("the gold must hold one record per article")
    suggesters = args.suggesters.split(",") if args.suggesters else None
    try:
        for name in suggesters or []:
            check_runnable(name)  # before the ingest: a replaced version would only show after it
    except Superseded as error:
        raise SystemExit(f"--suggesters: {error}") from None
    if args.no_suggestions:
        args.suggestions, suggesters = None, None
    elif suggesters is None and args.suggestions is None:
        args.suggestions = str(frozen_path(args.gold))
        if not Path(args.suggestions).exists():
            parser.error(
                f"no frozen suggestions for this gold ({args.suggestions}): pass --suggesters or --suggestions"
            )
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "annotations.db"
        used = ingest(records, db, args.suggestions, suggesters)
        if args.freeze:
            freeze(records, db, args.freeze)
        ingested = time.perf_counter()
        try:
            plans = asyncio.run(replay(db, {r.article_id: gold_spans(r) for r in records}, options))
        except Diverged as error:
            print(f"FAILED: the replay diverged from the plan: {error}")
            return 1
        replayed = time.perf_counter()
        failures = check(db, plans)
    if args.keys:
        for record in records:
            print(f"{record.article_id}: {' '.join(p.key for p in plans[record.article_id].presses)}")
    planning = sum(p.seconds for p in plans.values())
    figure = report(records, plans, args, used)
    print(
        f"time: ingest {ingested - started:.1f} s, planning {planning:.1f} s, replay {replayed - ingested - planning:.1f} s "
        f"({sum(len(p.presses) for p in plans.values())} keys through Pilot)"
    )
    for article_id, wrong in failures.items():
        print(f"FAILED: {article_id} is not exactly the gold after the replay:")
        print("\n".join(wrong))
    if failures:
        return 1
    print("checked: after the replay the database holds exactly the gold (spans, labels, speakers, done)")
    print(f"keys per gold span: {figure:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
