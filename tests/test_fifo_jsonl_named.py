"""A FIFO named like a .jsonl file stops ingest and predict as a FIFO .txt file does, saying the way on (attacker,
trial 40h, 2): `predict ff.jsonl` ended "a FIFO (named pipe), not a regular file" with nothing more, while
`predict fifo.txt`, and the same FIFO in a folder, ended "; --skip-invalid skips it and predicts the rest";
`ingest ff.jsonl a.txt` had no what-to-do tail, `ingest fifo.txt a.txt` had. A .jsonl file's error as a whole
(a FIFO, a DocBin, a JSON array) is now the file's, as a .txt file's is (`skipping.articles_of`).

Real processes: the console script on real FIFOs (never opened: each run ends at once)."""

from __future__ import annotations

import os
from pathlib import Path

from processes import annotator, one_error_line

WHAT_TO_DO = (
    "; nothing was ingested: remove the file or name the others, or add --skip-invalid to skip it and ingest the rest"
)
FIFO = "a FIFO (named pipe), not a regular file"


def test_predict_names_the_way_on_for_a_fifo_jsonl_named_directly(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "ff.jsonl")
    os.mkfifo(tmp_path / "fifo.txt")
    for name in ("ff.jsonl", "fifo.txt"):
        result = annotator("predict", name, "-o", "out", "--workers", "1", cwd=tmp_path, timeout=120)
        assert one_error_line(result) == f"{name}: {FIFO}; --skip-invalid skips it and predicts the rest"
        assert not (tmp_path / "out").exists()


def test_ingest_names_the_way_on_for_a_fifo_jsonl_among_others_as_for_a_fifo_txt(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ann met Bob in Paris.", encoding="utf-8")
    os.mkfifo(tmp_path / "ff.jsonl")
    os.mkfifo(tmp_path / "fifo.txt")
    for name in ("ff.jsonl", "fifo.txt"):
        result = annotator("ingest", name, "a.txt", "--no-suggest", "--db", "t.db", cwd=tmp_path, timeout=60)
        assert one_error_line(result) == f"{name}: {FIFO}{WHAT_TO_DO}"
        alone = annotator("ingest", name, "--no-suggest", "--db", "t.db", cwd=tmp_path, timeout=60)
        assert one_error_line(alone) == f"{name}: {FIFO}"  # named alone: nothing else to ingest
    assert not (tmp_path / "t.db").exists()
