"""Two `annotator train` runs under the default folder name started in the same second (a newcomer's trial: one
failed with rc 1 and left a `trained-...kept-...` folder). A taken default name gets the next free number, chosen
by the rename that puts the pipeline there; a folder already at the name is left as it is. Two real processes."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from processes import start

GOLD = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"

#: Seconds of default names taken before the runs start: more than two runs take to reach their name.
AHEAD = 120


def test_default_named_runs_in_the_same_second_each_keep_their_pipeline(tmp_path: Path) -> None:
    shortest = sorted(GOLD.read_text("utf-8").splitlines(keepends=True), key=len)[:3]
    (tmp_path / "three.jsonl").write_text("".join(shortest), encoding="utf-8")
    models = tmp_path / "models"
    now = datetime.now(UTC)
    theirs = {(now + timedelta(seconds=s)).strftime("trained-%Y%m%d-%H%M%S") for s in range(AHEAD)}
    for name in theirs:  # a run of this second (and of the next ones) finished: its folder is taken
        (models / name).mkdir(parents=True)
        (models / name / "theirs.txt").write_text("an earlier run's", encoding="utf-8")
    time.sleep(1 - time.time() % 1)  # both started at the start of one second
    runs = [start("train", "--from", "three.jsonl", "--epochs", "1", cwd=tmp_path) for _ in range(2)]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [(run.returncode, err) for run, (_, err) in zip(runs, outputs, strict=True)] == [(0, ""), (0, "")]
    written = [re.search(r"^pipeline -> models/(\S+) ", out, re.MULTILINE) for out, _ in outputs]
    names = [found.group(1) for found in written if found is not None]
    assert len(set(names)) == 2, names
    for name in names:
        assert re.fullmatch(r"trained-\d{8}-\d{6}-[23]", name), name
        assert (models / name / "meta.json").is_file()
    # nothing else is left: no `kept` folder, no partial one; the folders already there are as they were
    assert sorted(p.name for p in models.iterdir()) == sorted([*theirs, *names])
    assert all((models / name / "theirs.txt").read_text("utf-8") == "an earlier run's" for name in theirs)
    assert all(sorted(p.name for p in (models / name).iterdir()) == ["theirs.txt"] for name in theirs)
