"""A newcomer's trial: a trained pipeline folder whose meta.json was cut short (`{"lang": "en", "name": `) got three
diagnoses: `suggest --model` "spaCy cannot load (Expected object or value)", `evaluate --model` "its meta.json lacks
the "annotator" section" (it is no JSON at all), `train --base` "not a pipeline folder written by annotator train".
Now all three name the file, the JSON error's line and column, in the same one line. A real database made by the
CLI, a real (tiny) training run, real pipeline folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from tests.test_train_meta import trained_on_three

DEV = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"
FOLLOW = "(a pipeline folder's meta.json; the folder was left as it is: train it again, or choose another)"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A database holding three short dev-gold articles as gold, and a pipeline trained from it."""
    db, out, _ = trained_on_three(tmp_path_factory.mktemp("work"))
    return db, out


def _commands(db: Path, folder: Path, tmp_path: Path) -> list[list[str]]:
    return [
        ["suggest", "--db", str(db), "--model", str(folder)],
        ["evaluate", "--db", str(db), "--model", str(folder)],
        ["evaluate", "--db", str(db), "--unseen-by", str(folder)],
        ["train", "--db", str(db), "--base", str(folder), "--out", str(tmp_path / "again"), "--epochs", "1"],
    ]


@pytest.mark.parametrize(
    ("meta", "said"),
    [
        (b'{"lang": "en", "name": ', "1: not valid JSON: expected a value at column 24; is the file truncated?"),
        (b'{"lang": "en",\n "name": "x",\n "version" "3"}', "3: not valid JSON: expected ':' after a key at column 12"),
        (b'["lang", "en"]', " not valid JSON for a pipeline's meta: expected an object, got a list"),
        (b'{"lang": "\xff"}', " not UTF-8 text (byte 0xff at position 10)"),
    ],
)
def test_a_damaged_meta_json_is_named_alike_by_every_command(
    work: tuple[Path, Path], tmp_path: Path, meta: bytes, said: str
) -> None:
    db, out = work
    broken = tmp_path / "broken"
    shutil.copytree(out, broken)
    (broken / "meta.json").write_bytes(meta)
    for args in _commands(db, broken, tmp_path):
        result = run(*args)
        assert (args[0], result.exit_code) == (args[0], 1), result.output
        assert result.stderr == f"annotator: error: {broken / 'meta.json'}:{said} {FOLLOW}\n", args
        assert (broken / "meta.json").read_bytes() == meta  # left as it is
    assert not (tmp_path / "again").exists()
