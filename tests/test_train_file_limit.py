"""Attacker: `annotator train --from ... --out models/ul` under `ulimit -f 2000` ended in spaCy's raw
"OSError: [Errno 27] File too large" traceback from `to_disk` (nothing was left, rightly). Now one line names the
folder, the reason and the error, and says nothing of it is left; the folder beside it stays empty. The real
console script under a real file-size limit (RLIMIT_FSIZE, what `ulimit -f` sets; Python ignores SIGXFSZ, so the
write fails with EFBIG)."""

from __future__ import annotations

import os
import resource
import subprocess
from pathlib import Path

from processes import ANNOTATOR, one_error_line

DEV = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"


def test_a_pipeline_past_the_file_size_limit_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000 * 1024, 2000 * 1024))

    (tmp_path / "models").mkdir()
    result = subprocess.run(
        [ANNOTATOR, "train", "--from", str(DEV), "--out", "models/ul", "--epochs", "1"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path, preexec_fn=limit, env=dict(os.environ),
    )  # fmt: skip
    assert one_error_line(result) == (
        "cannot write the pipeline to models/ul: a file would pass this process's size limit (ulimit -f) "
        "(File too large); nothing of it is left"
    )
    assert os.listdir(tmp_path / "models") == []
