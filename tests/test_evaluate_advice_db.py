"""The commands `annotator evaluate` gives to paste carry the database it read, when it is not ./annotations.db (a
newcomer's trial: `train --db` advised commands without it, and evaluate's own advice did the same: "adjudicate first:
`annotator adjudicate --auto`, `annotator review`", pasted, read another database). The real console script on a
real SQLite file."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from processes import annotator, one_error_line

DB = "my dir/a.db"
WHERE = f"--db {shlex.quote(DB)}"


def two_done(folder: Path) -> None:
    """Two articles, each marked done by alice and by bob (`accept --done`); no gold."""
    (folder / "my dir").mkdir()
    for n, text in enumerate(["Officials in Gaza said 12 people died.", "Residents of Rafah fled as tanks advanced."]):
        (folder / "my dir" / f"a{n}.txt").write_text(text + "\n", encoding="utf-8")
    assert annotator("ingest", "my dir/a0.txt", "my dir/a1.txt", "--db", DB, cwd=folder).returncode == 0
    for name in ("alice", "bob"):
        assert annotator("accept", "--annotator", name, "--done", "--db", DB, cwd=folder).returncode == 0


def test_without_gold_the_commands_to_adjudicate_carry_the_database(tmp_path: Path) -> None:
    two_done(tmp_path)
    line = one_error_line(annotator("evaluate", "--db", DB, cwd=tmp_path))
    assert line == (
        f"nothing to evaluate against: gold has no article marked done (adjudicate first: `annotator adjudicate --auto "
        f"{WHERE}`, `annotator review {WHERE}`; or `--gold-from NAME` scores against one annotator's done articles: "
        "alice, bob)"
    )
    adjudicate = re.findall(r"`annotator ([^`]*)`", line)[0]  # pasted, from the same folder
    assert annotator(*shlex.split(adjudicate), cwd=tmp_path).returncode == 0
    assert annotator("evaluate", "--db", DB, cwd=tmp_path).returncode == 0  # gold is done there now
    assert not (tmp_path / "annotations.db").exists()


def test_a_trained_version_not_stored_names_evaluate_model_on_the_database(tmp_path: Path) -> None:
    two_done(tmp_path)
    result = annotator("evaluate", "--db", DB, "--gold-from", "alice", "--suggester", "entities.v15@0123456789ab",
                       cwd=tmp_path)  # fmt: skip
    assert one_error_line(result) == (
        "no entities.v15@0123456789ab suggestion is stored in this database: nothing to score; `annotator evaluate "
        f"{WHERE} --model FOLDER` runs the pipeline that made it (the folder `annotator train` wrote) on the "
        "reference now"
    )
