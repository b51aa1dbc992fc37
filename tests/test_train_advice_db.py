"""The commands `annotator train` advises run as printed from the folder it ran in, on the database it read (a
newcomer's trial: `train --db "/tmp/x/my dir/annotations.db"` run from another folder advised `annotator evaluate
--model ...`, `annotator suggest --model ...` and `annotator train --curve` without --db; pasted, they read
./annotations.db: "error: annotations.db: no such database"). The real console script on real SQLite files, a real
(one-epoch) training."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from processes import annotator, one_error_line
from test_train_gold_changed import BY_HAND
from test_train_unchecked import TEXTS

from annotator.store import Store


def work(tmp_path: Path, *, gold: bool) -> tuple[Path, Path]:
    """alice's work by hand on three articles, done, in "my dir/annotations.db" (made gold when `gold`), and an
    empty folder elsewhere to run from."""
    here, elsewhere = tmp_path / "my dir", tmp_path / "elsewhere"
    here.mkdir()
    elsewhere.mkdir()
    for n, text in enumerate(TEXTS):
        (here / f"a{n}.txt").write_text(text + "\n", encoding="utf-8")
    db = here / "annotations.db"
    assert annotator("ingest", "a0.txt", "a1.txt", "a2.txt", "--db", db, cwd=here).returncode == 0
    with Store.open(db) as store:
        for article, (words, label) in zip(store.article_ids(), BY_HAND, strict=True):
            start = store.article(article).text.index(words)
            store.add_span(article, "alice", start, start + len(words), label)
            store.set_status(article, "alice", "done")
    if gold:
        done = annotator("adjudicate", "--auto", "--annotators", "alice", "--reviewer", "lead", "--db", db, cwd=here)
        assert done.returncode == 0, done.stderr
    return db, elsewhere


def advised(text: str) -> list[str]:
    """Every backquoted command of `text`, to paste."""
    return re.findall(r"`(annotator[^`]*)`", text)


def test_every_command_train_advises_carries_the_database_it_read(tmp_path: Path) -> None:
    db, elsewhere = work(tmp_path, gold=True)
    where = f"--db {shlex.quote(str(db))}"
    result = annotator("train", "--db", db, "--epochs", "1", "--out", "m", cwd=elsewhere)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert result.stdout.splitlines()[-2:] == [  # the same before and after (one epoch, seed 0)
        "it scores the same before and after training (entities exact F1 0.400 -> 0.400): nothing shows a gain, so "
        "keep suggesting with the pipeline you have",
        "to compare more fairly: hold out more articles (annotate more gold: a fifth is held out), "
        f"`annotator evaluate {where} --model m`, `annotator train --curve {where} --epochs 1`",
    ]
    for command in advised(result.stdout.splitlines()[-1]):  # each as pasted, from there
        pasted = annotator(*shlex.split(command)[1:], cwd=elsewhere)
        assert pasted.returncode == 0, (command, pasted.stderr)
        assert pasted.stdout.startswith(("model:entities.v16@", "learning curve on gold: up to 2 article(s)"))
    assert not (elsewhere / "annotations.db").exists()


def test_what_to_train_on_instead_names_the_database_it_read(tmp_path: Path) -> None:
    db, elsewhere = work(tmp_path, gold=False)
    where = f"--db {shlex.quote(str(db))}"
    line = one_error_line(annotator("train", "--db", db, "--epochs", "1", "--out", "m", cwd=elsewhere))
    assert line.endswith(
        f": `--annotator alice` trains on alice's done articles, or `annotator adjudicate --auto {where} "
        "--annotators alice` makes them gold first"
    ), line
    [command] = advised(line)
    pasted = annotator(*shlex.split(command)[1:], "--reviewer", "lead", cwd=elsewhere)
    assert pasted.returncode == 0, pasted.stderr


def test_the_curve_advised_repeats_what_the_run_learned_from(tmp_path: Path) -> None:
    """Trained on alice's own work with a seed: `train --curve` pasted learns from the same (not gold)."""
    db, elsewhere = work(tmp_path, gold=False)
    result = annotator(
        "train", "--db", db, "--annotator", "alice", "--seed", "3", "--epochs", "1", "--out", "m", cwd=elsewhere
    )
    assert result.returncode == 0, result.stderr
    where = f"--db {shlex.quote(str(db))}"
    assert result.stdout.splitlines()[-1] == (
        "to compare more fairly: hold out more articles (annotate more gold: a fifth is held out), "
        f"`annotator evaluate {where} --model m --gold-from alice`, "  # gold has none: scored against alice's
        f"`annotator train --curve {where} --annotator alice --epochs 1 --seed 3`"
    )
    for command in advised(result.stdout.splitlines()[-1]):
        pasted = annotator(*shlex.split(command)[1:], cwd=elsewhere)
        assert pasted.returncode == 0, (command, pasted.stderr)
        assert pasted.stdout.startswith(("model:entities.v16@", "learning curve on alice's annotations: up to 2"))
