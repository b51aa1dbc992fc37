"""The package as installed: the wheel holds the code and its data (stylesheet, guide, seed article, JSON Schemas),
and an installed annotator, not this source tree, finds them through importlib.resources."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from processes import in_a_terminal

ROOT = Path(__file__).resolve().parent.parent

#: Runs `annotator --db empty.db` from the installed package, with the TUI replaced by a report of the database.
OPEN_EMPTY = """
import sys
import annotator, annotator.tui.app
from annotator.store import Store

def report(db, who, **options):
    with Store.open(db) as store:
        [article] = store.article_ids()
        print("from", annotator.__file__)
        print("seed", store.article(article).title[:26])
    raise SystemExit(0)

annotator.tui.app.make_app = report
from annotator.exchange.schemas import schema
print("schema", schema("native_record")["title"])
from annotator.entry import main
sys.argv = ["annotator", "--db", "empty.db", "--annotator", "alice"]
main()
"""


def build_wheel(out: Path) -> Path:
    """The wheel of a copy of the package's sources (the build leaves no files in the repository)."""
    source = out / "source"
    source.mkdir()
    shutil.copytree(ROOT / "annotator", source / "annotator", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out / "dist"), str(source)],
        check=True,
        capture_output=True,
    )
    [wheel] = (out / "dist").glob("annotator-*.whl")
    return wheel


def test_the_wheel_ships_the_package_data_and_the_installed_package_opens_the_seed(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        "annotator/cli/__init__.py",
        "annotator/tui/app.tcss",
        "annotator/tui/guide.md",
        "annotator/data/seeds/000_5fda543fc562549a.txt",
        *(f"annotator/data/schemas/{name}.json" for name in ("native_record", "article_in", "span", "suggestion")),
        *(f"annotator/data/guide/{name}" for name in ("config.cfg", "meta.json", "ner/cfg", "ner/model", "ner/moves")),
    }
    assert shipped - names == set()
    assert [name for name in names if name.startswith(("tests/", "benchmarks/", "training/"))] == []
    [entry_points] = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
    assert "annotator = annotator.entry:main" in zipfile.ZipFile(wheel).read(entry_points).decode()

    installed = tmp_path / "installed"
    zipfile.ZipFile(wheel).extractall(installed)
    work = tmp_path / "work"
    work.mkdir()
    result = in_a_terminal(  # the screen needs one (`cli.screens`), even replaced by a report
        [sys.executable, "-c", OPEN_EMPTY], work, 300, {**os.environ, "PYTHONPATH": str(installed)}
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "schema NativeRecord"
    assert lines[1].startswith("ingested 1 seed article(s) with ")
    assert lines[2:] == [f"from {installed / 'annotator' / '__init__.py'}", "seed Israel's aerial and ground"]
