"""The seed article's `meta.source` names it as the project does (`seeds/<file>`), not where the package happens to
be installed: newcomer 41n found `/home/.../site-packages/annotator/data/seeds/...` in every export of a database
the screen had seeded, the installing machine's folders carried to whoever reads the file."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.exchange.article_files import seed_articles
from annotator.exchange.ingest import ingest
from annotator.store import Store

SEED = "seeds/000_5fda543fc562549a.txt"


def test_the_seed_article_names_its_file_in_the_projects_seeds_folder() -> None:
    [seed] = seed_articles()
    assert seed.meta == {"source": SEED}
    assert (Path(__file__).resolve().parent.parent / SEED).read_text(encoding="utf-8") == seed.text


def test_an_export_of_a_seeded_database_carries_no_installation_folder(tmp_path: Path) -> None:
    db = tmp_path / "seeded.db"
    with Store.open(db) as store:
        ingest(store, seed_articles(), suggest=False)
    out = tmp_path / "suggestions.jsonl"
    result = annotator("export", "--db", db, "--suggestions", "-o", out)
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["meta"] == {"source": SEED}
