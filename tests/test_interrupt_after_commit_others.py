"""Issue 10, a trial's leftover: ctrl+c (or SIGTERM) once `pack`, `adjudicate --auto` or `suggest` had committed
its work said "interrupted; nothing from this command was written" with the work stored (`suggest`, `pack`), or
told the person to run it again to finish what was finished (`adjudicate`). Now they take `import`'s path
(`interrupts.report_first`, tests/test_interrupt_after_commit.py): the report is printed, then one line says the
work was saved, status 130 (143). A command that commits step by step is still stopped in the middle by an
interrupt, at its next COMMIT, and says what its finished steps keep.

The signal is a real one the command sends itself at a point the test chooses: right after the named function
returns (its work committed), by wrapping it in the process that runs the console script's `main`.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from processes import annotator, small_database
from support import SMALL_TEXT, find, word_tokens

from annotator.models import ArticleIn, Suggestion
from annotator.store import Store
from annotator.vocabulary import Status

SAVED = "annotator: interrupted after this command's work was saved (reported above)\n"

RUN = """
import importlib, os, signal, sys

where, name, signal_name, nth = sys.argv.pop(1).split(":")
module, _, attribute = where.rpartition(".") if name == "-" else (where, None, name)
owner = importlib.import_module(module) if name != "-" else getattr(importlib.import_module(module), attribute)
function_name = name if name != "-" else sys.argv.pop(1)
original = getattr(owner, function_name)
calls = []

def step(*args, **kwargs):
    result = original(*args, **kwargs)
    calls.append(1)
    if len(calls) == int(nth):
        os.kill(os.getpid(), getattr(signal, signal_name))
    return result

setattr(owner, function_name, step)
from annotator.cli import main
sys.argv[0] = "annotator"
main()
"""


def run(folder: Path, point: str, *command: str) -> subprocess.CompletedProcess[str]:
    """`point`: module:function:SIGNAL:n (after the n-th call returns), or module.Class:-:SIGNAL:n method."""
    return subprocess.run(
        [sys.executable, "-c", RUN, point, *command], capture_output=True, text=True, cwd=folder, timeout=300
    )


def two_annotators(path: Path, articles: int = 1) -> None:
    """`articles` articles, each marked done by alice and bob with the same span (nothing to disagree on)."""
    with Store.open(path) as store:
        for n in range(articles):
            text = SMALL_TEXT.replace("35", str(35 + n))
            suggestions = [Suggestion(**find(text, "Washington", "ACTOR"), suggester="entities.v1")]
            [article] = store.add_articles([(ArticleIn(text=text, title=f"A{n}"), word_tokens(text), suggestions)])[0]
            for who in ("alice", "bob"):
                store.accept_all(article, who)
                store.set_status(article, who, Status.DONE)


def gold_events(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM events WHERE annotator = 'gold'").fetchone()[0])


def plain_report(folder: Path, *command: str, notes: str = "") -> str:
    """What the command prints uninterrupted, run on a copy (y.db) of x.db, as x.db's report; its notes (on
    standard error, part of the report, naming x.db where they name the database) must be `notes`."""
    shutil.copyfile(folder / "x.db", folder / "y.db")
    plain = annotator(*command, "--db", "y.db", cwd=folder)
    assert (plain.returncode, plain.stderr.replace("y.db", "x.db")) == (0, notes), plain.stderr
    return plain.stdout.replace("y.db", "x.db")


@pytest.mark.parametrize("signal_name", ["SIGINT", "SIGTERM"])
def test_adjudicate_interrupted_after_its_last_commit_prints_its_report_then_says_it_was_saved(
    tmp_path: Path, signal_name: str
) -> None:
    two_annotators(tmp_path / "x.db")  # both accepted the suggestion: the caution is part of the report
    caution = (
        "annotator: note: on 1 of the 1 article(s) compared, every annotator's work is the model's suggestions "
        "unchanged (accepted as suggested, on the screen or by `annotator accept`): the gold settled there is the "
        "model's suggestions, unchecked\n"
    )
    report = plain_report(tmp_path, "adjudicate", "--auto", "--reviewer", "carol", notes=caution)
    result = run(tmp_path, f"annotator.gold:auto_adjudicate:{signal_name}:1", "adjudicate", "--auto",
                 "--reviewer", "carol", "--db", "x.db")  # fmt: skip
    status = 130 if signal_name == "SIGINT" else 143
    assert (result.returncode, result.stdout, result.stderr) == (status, report, caution + SAVED)
    assert gold_events(tmp_path / "x.db") == gold_events(tmp_path / "y.db") == 2


def test_pack_interrupted_after_its_pack_is_in_place_prints_its_report_then_says_it_was_saved(tmp_path: Path) -> None:
    small_database(tmp_path / "x.db")
    assert annotator("assign", "--annotators", "alice", "--db", "x.db", cwd=tmp_path).returncode == 0
    result = run(tmp_path, "annotator.store.pack:pack:SIGINT:1", "pack", "--annotator", "alice", "-o", "p.db",
                 "--db", "x.db")  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (
        130,
        "1 article(s), 1 suggestion(s) for alice -> p.db\n",
        SAVED,
    )
    with Store.open(tmp_path / "p.db", read_only=True) as store:
        assert store.count("articles") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.db", "x.db"]


def test_suggest_interrupted_after_its_last_commit_prints_its_report_then_says_it_was_saved(tmp_path: Path) -> None:
    small_database(tmp_path / "x.db")  # its suggestions are entities.v1's: suggest brings them up to date
    waiting = (  # alice's done article gets the new suggestions too: the report's note says so (trial 43b)
        "annotator: note: 3 suggestions now wait undecided on articles marked done (alice: 3): nothing asks about "
        "them there; `annotator stats --db x.db` lists them, and O on an article's screen reopens it\n"
    )
    report = plain_report(tmp_path, "suggest", notes=waiting)
    result = run(tmp_path, "annotator.exchange.resuggesting:resuggest:SIGINT:1", "suggest", "--db", "x.db")
    assert (result.returncode, result.stdout, result.stderr) == (130, report, waiting + SAVED)


def test_suggest_interrupted_after_an_article_s_commit_still_stops_there_and_says_what_is_kept(
    tmp_path: Path,
) -> None:
    """Step by step: an interrupt after the first of two articles' suggestions are stored stops it at the second's
    COMMIT, which is not made."""
    two_annotators(tmp_path / "x.db", articles=2)
    result = run(tmp_path, "annotator.store.articles.ArticleWriter:-:SIGINT:1", "replace_suggestions", "suggest",
                 "--db", "x.db")  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (
        130,
        "",
        "annotator: error: interrupted: 1 of 2 article(s) got their new suggestions before it and keep them; the "
        "other 1 are unchanged: `annotator suggest --db x.db` computes those\n",
    )
    with sqlite3.connect(tmp_path / "x.db") as connection:
        rows = connection.execute("SELECT DISTINCT article_id, suggester FROM suggestions ORDER BY 1, 2").fetchall()
    assert len({article for article, suggester in rows if suggester != "entities.v1"}) == 1  # the first's only


def test_adjudicate_interrupted_after_an_article_s_commit_stops_at_the_next_and_says_what_is_kept(
    tmp_path: Path,
) -> None:
    two_annotators(tmp_path / "x.db", articles=2)
    result = run(tmp_path, "annotator.gold:adjudicate:SIGINT:1", "adjudicate", "--auto", "--reviewer", "carol",
                 "--db", "x.db")  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (
        130,
        "",
        "annotator: error: interrupted; articles settled before it keep their gold (each article is one event, "
        "undoable); the rest are unchanged: run the same command again to finish\n",
    )
    assert gold_events(tmp_path / "x.db") == 1  # the first article's gold; not yet marked done, nor the second


def test_export_interrupted_once_its_outputs_are_in_place_prints_its_report_then_says_it_was_saved(
    tmp_path: Path,
) -> None:
    """A helper's finding: a ctrl+c just after the export's file took its name said "nothing from this command
    was written", with out.jsonl and its labelling config written. The two go into place together."""
    small_database(tmp_path / "x.db")
    report = plain_report(tmp_path, "export", "--format", "labelstudio", "--annotator", "alice", "-o", "plain.json",
                          "--config", "plain.xml")  # fmt: skip
    result = run(tmp_path, "annotator.places.Temporary:-:SIGINT:1", "link_into_place", "export", "--format",
                 "labelstudio", "--annotator", "alice", "-o", "out.json", "--config", "out.xml", "--db", "x.db")  # fmt: skip
    expected = report.replace("plain.json", "out.json").replace("plain.xml", "out.xml")
    assert (result.returncode, result.stdout, result.stderr) == (130, expected, SAVED)
    assert (tmp_path / "out.json").read_bytes() == (tmp_path / "plain.json").read_bytes()
    assert (tmp_path / "out.xml").read_bytes() == (tmp_path / "plain.xml").read_bytes()


def test_train_interrupted_once_its_pipeline_is_in_place_prints_its_report_then_says_it_was_saved(
    tmp_path: Path,
) -> None:
    gold = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"
    shortest = sorted(gold.read_text("utf-8").splitlines(keepends=True), key=len)[:3]
    (tmp_path / "three.jsonl").write_text("".join(shortest), encoding="utf-8")
    plain = annotator("train", "--from", "three.jsonl", "--out", "plain", "--epochs", "1", cwd=tmp_path)
    assert (plain.returncode, plain.stderr) == (0, ""), plain.stderr
    result = run(tmp_path, "os:rename:SIGTERM:1", "train", "--from", "three.jsonl", "--out", "ours", "--epochs", "1")
    assert (result.returncode, result.stdout, result.stderr) == (143, plain.stdout.replace("plain", "ours"), SAVED)
    assert sorted(p.name for p in (tmp_path / "ours").iterdir()) == sorted(
        p.name for p in (tmp_path / "plain").iterdir()
    )


def test_a_sigterm_after_ingest_put_its_new_database_in_place_says_it_was_saved(tmp_path: Path) -> None:
    """`ingest` is not all-or-nothing's `report_first`: an interrupt once its database is in place, as it starts its
    report, ended outside its own handling with "annotator: interrupted", not saying what was kept (found by a
    sweep of SIGTERMs over an ingest's life); the database stays, as it is complete."""
    (tmp_path / "a.txt").write_text(SMALL_TEXT, encoding="utf-8")
    result = run(tmp_path, "annotator.cli.data:stored:SIGTERM:1", "ingest", "a.txt", "--no-suggest", "--db", "new.db")
    assert (result.returncode, result.stdout, result.stderr) == (
        143,
        "",
        "annotator: interrupted after this command's work was saved\n",
    )
    with Store.open(tmp_path / "new.db") as store:
        assert len(store.article_ids()) == 1
