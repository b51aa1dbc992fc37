"""What a kill -9 in the middle of a write leaves is named by the next run, as `export` names it, and left as it
is: a half-written shard beside its path in predict's shards folder, a pipeline folder not yet renamed into
place beside train's --out. A temporary a live run holds (locked) is not named. Real processes, killed by a real
SIGKILL at a point the test chooses (`test_interrupt_after_commit_others.RUN`), and real files."""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from processes import annotator, small_database
from test_interrupt_after_commit_others import RUN
from test_predict import dev_articles, ok, write_articles

GOLD = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"
PREDICT = ("predict", "news.jsonl", "-o", "out", "--workers", "1", "--shard-size", "4")


def killed(folder: Path, point: str, *command: str) -> None:
    """Run the command until the point `module:function:SIGKILL:n` kills it; then whatever it started (a local
    Dask cluster's workers) is ended too."""
    process = subprocess.Popen([sys.executable, "-c", RUN, point, *command], cwd=folder, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        assert process.wait(timeout=300) == -signal.SIGKILL
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


@contextlib.contextmanager
def held(path: Path) -> Iterator[None]:
    """A temporary as a live run holds it: locked."""
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def contents(folder: Path) -> dict[str, bytes]:
    """Every file in a folder and its subfolders, by its path inside it, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_predict_names_a_shard_a_kill_9_left_half_written(tmp_path: Path) -> None:
    write_articles(tmp_path / "news.jsonl", dev_articles(4))
    ok(*PREDICT, cwd=tmp_path)
    write_articles(tmp_path / "news.jsonl", dev_articles(8))  # a second shard to compute
    # killed after the second shard's records are in its temporary, before the rename (the calls: predict's own
    # check before the shard is sent, then write_shard's before its temporary and after it)
    killed(tmp_path, "annotator.exchange.shards:must_write:SIGKILL:3", *PREDICT)
    shards = tmp_path / "out" / "shards"
    [left] = [p.name for p in shards.iterdir() if p.name.startswith(".shard-000001.jsonl.partial-")]
    before = (shards / left).read_bytes()
    assert before and not (shards / "shard-000001.jsonl").exists()
    live = shards / ".shard-000001.jsonl.partial-abcd1234"
    live.write_bytes(b"another run's records\n")
    with held(live):
        result = subprocess.run([annotator_script(), *PREDICT], capture_output=True, text=True, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        0,
        f"annotator: note: out/shards/shard-000001.jsonl: a leftover {left} from an interrupted run is beside it; "
        "remove it if it is yours\n",
    )
    assert (shards / left).read_bytes() == before
    assert live.read_bytes() == b"another run's records\n"
    assert (shards / "shard-000001.jsonl").is_file()


def annotator_script() -> str:
    return str(Path(sys.executable).with_name("annotator"))


def test_train_names_a_pipeline_folder_a_kill_9_left(tmp_path: Path) -> None:
    shortest = sorted(GOLD.read_text("utf-8").splitlines(keepends=True), key=len)[:3]
    (tmp_path / "three.jsonl").write_text("".join(shortest), encoding="utf-8")
    train = ("train", "--from", "three.jsonl", "--epochs", "1")
    # killed once the pipeline is saved in its temporary folder, before it is renamed to --out
    killed(tmp_path, "annotator.suggest.learn:save:SIGKILL:1", *train, "--out", "models/first")
    models = tmp_path / "models"
    [left] = [p.name for p in models.iterdir()]
    assert left.startswith(".first.partial-") and (models / left / "meta.json").is_file()
    before = contents(models / left)
    live = models / ".other.partial-abcd1234"
    live.mkdir()
    (live / "meta.json").write_text("{}", encoding="utf-8")
    with held(live):
        result = annotator(*train, "--out", "models/first", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        0,
        f"annotator: note: models/first: a leftover {left} from an interrupted run is beside it; remove it if it "
        "is yours\n",
    )
    assert contents(models / left) == before
    assert sorted(p.name for p in models.iterdir()) == sorted([left, ".other.partial-abcd1234", "first"])
    # another target's leftover is not this run's to mention (a newcomer's trial: every --out named it)
    again = annotator(*train, "--out", "models/second", cwd=tmp_path)
    assert (again.returncode, again.stderr) == (0, "")


#: `annotator train` whose --out another process fills while the pipeline is being saved: the rename is refused.
RACE = """
import sys
from pathlib import Path
import annotator.suggest.learn as learn
original = learn.save
def save(*args, **kwargs):
    original(*args, **kwargs)
    Path("models/race").mkdir()
    Path("models/race/theirs.txt").write_text("another run's")
learn.save = save
from annotator.cli import main
sys.argv[0] = "annotator"
main()
"""


def test_a_refused_train_run_keeps_its_pipeline_under_a_name_that_says_so(tmp_path: Path) -> None:
    shortest = sorted(GOLD.read_text("utf-8").splitlines(keepends=True), key=len)[:3]
    (tmp_path / "three.jsonl").write_text("".join(shortest), encoding="utf-8")
    train = ("train", "--from", "three.jsonl", "--epochs", "1")
    refused = subprocess.run([sys.executable, "-c", RACE, *train, "--out", "models/race"], capture_output=True,
                             text=True, cwd=tmp_path, timeout=300)  # fmt: skip
    models = tmp_path / "models"
    [kept] = [p.name for p in models.iterdir() if p.name != "race"]
    assert (refused.returncode, refused.stderr) == (
        1,
        "annotator: error: cannot put the pipeline at models/race (Directory not empty: filled since this run "
        f"checked it, by another run or someone): this run's pipeline is kept at models/{kept}; move it where you "
        "want it\n",
    )
    assert kept.startswith("race.kept-") and (models / kept / "meta.json").is_file()
    assert (models / "race" / "theirs.txt").read_text() == "another run's"
    result = annotator(*train, "--out", "models/other", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")


def test_export_names_the_empty_partial_a_kill_9_left_right_after_making_it(tmp_path: Path) -> None:
    """Found by an attacker (trial 39a, 8): exports killed early left empty `.a.jsonl.partial-XXXXXXXX` files, and
    the next export, run at once, did not name them (an empty one was taken for a live run's, not locked yet, for a
    minute), while it names non-empty ones. Named now, and left as they are: nothing proves them annotator's."""
    small_database(tmp_path / "a.db")
    export = ("export", "--db", "a.db", "--annotator", "alice", "--status", "all", "-o", "a.jsonl")
    killed(tmp_path, "annotator.places.Temporary:-:SIGKILL:1", "__init__", *export)  # its partial made, locked
    [left] = tmp_path.glob(".a.jsonl.partial-*")
    assert left.read_bytes() == b""
    result = annotator(*export, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, (
        f"annotator: note: a.jsonl: a leftover {left.name} from an interrupted run is beside it; remove it if it is "
        "yours\n"
    ))  # fmt: skip
    assert left.read_bytes() == b"" and (tmp_path / "a.jsonl").stat().st_size > 0
