"""`annotator suggest` after `suggest --model FOLDER` (a newcomer's trial): the articles keeping the trained
pipeline's suggestions are said to be kept, never that every article holds the shipped pipeline's versions; and an
article where the quote suggester found no quote is not listed as lacking quotes (recomputing it brings nothing).
The real console script, a real trained pipeline, real SQLite."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.store import Store
from annotator.suggest.loading import folder_hash

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NO_QUOTE = "Barack Obama visited Paris on Monday. The mayor of Lyon met him there.\n"


def test_a_plain_suggest_after_a_trained_one_says_it_kept_them(trained: Path, tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "no_quote.txt").write_text(NO_QUOTE, encoding="utf-8")
    (tmp_path / "texts" / "seed.txt").write_text((next(SEEDS.iterdir())).read_text("utf-8"), encoding="utf-8")
    for step in (["ingest", "texts", "--db", "x.db"], ["suggest", "--db", "x.db", "--model", trained]):
        done = annotator(*step, cwd=tmp_path)
        assert (done.returncode, done.stderr) == (0, ""), (step, done.stderr)
    result = annotator("suggest", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    name = f"entities.v16@{folder_hash(trained)}"
    assert result.stdout.splitlines() == [
        "0 suggestion(s) for 0 article(s)",
        f"2 article(s) keep {name}'s suggestions (a trained pipeline's, kept): `annotator suggest --db x.db --all` "
        "replaces them with the shipped pipeline's, `--model FOLDER` with another pipeline's",
    ]


def test_kept_and_lacking_together_are_both_said(trained: Path, tmp_path: Path) -> None:
    """Beside the kept articles, an import of entities only (its text has a quotation) is named, and the line
    does not claim every article holds the shipped pipeline's versions."""
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "no_quote.txt").write_text(NO_QUOTE, encoding="utf-8")
    (tmp_path / "quoted.txt").write_text('"We will win," said the mayor of Lyon on Monday.\n', encoding="utf-8")
    for step in (
        ["ingest", "texts", "--db", "x.db"],
        ["suggest", "--db", "x.db", "--model", trained],
        ["ingest", "quoted.txt", "--db", "other.db"],
        ["export", "--suggestions", "--labels", "ACTOR,LOCATION,FIGURE", "-o", "entities.jsonl", "--db", "other.db"],
        ["import", "entities.jsonl", "--db", "x.db"],
    ):
        done = annotator(*step, cwd=tmp_path)
        assert (done.returncode, done.stderr) == (0, ""), (step, done.stderr)
    result = annotator("suggest", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[1].startswith(f"1 article(s) keep entities.v16@{folder_hash(trained)}'s suggestions")
    assert lines[2].startswith(
        "nothing to suggest: every article holds this pipeline's versions (entities.v16, quotes.v6), or keeps a "
        "trained pipeline's (above), of each kind it holds; 1 article holds no quotes suggestion though its text "
        "has quotation marks: "
    )


def test_kept_is_said_when_older_suggestions_someone_decided_on_stay(trained: Path, tmp_path: Path) -> None:
    """The trial's database: alice had accepted a shipped suggestion before `suggest --model`, so that row stays
    for the record beside the trained pipeline's (the current ones); the plain `suggest` kept them and said only
    that every article holds the shipped pipeline's versions."""
    (tmp_path / "seed.txt").write_text((next(SEEDS.iterdir())).read_text("utf-8"), encoding="utf-8")
    assert annotator("ingest", "seed.txt", "--db", "x.db", cwd=tmp_path).returncode == 0
    with Store.open(tmp_path / "x.db") as store:
        [article] = store.article_ids()
        first = next(s for s in store.suggestions(article) if s.suggester == "entities.v16")
        store.accept_suggestion(article, "alice", first.id)
    done = annotator("suggest", "--db", "x.db", "--model", trained, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    result = annotator("suggest", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "0 suggestion(s) for 0 article(s)",
        f"1 article(s) keep entities.v16@{folder_hash(trained)}'s suggestions (a trained pipeline's, kept): "
        "`annotator suggest --db x.db --all` replaces them with the shipped pipeline's, `--model FOLDER` with "
        "another pipeline's",
    ]


def test_a_trained_pipeline_asked_again_replaces_the_suggestions_made_since(trained: Path, tmp_path: Path) -> None:
    """A newcomer's trial (38, B1): `suggest --model A`, a decision on one of A's suggestions, `suggest --all` (the
    shipped pipeline's became current), then `suggest --model A` again said "0 suggestion(s) for 0 article(s)": the
    decided row of A's, kept for the record, counted as the article holding A's version. What counts is the
    version whose suggestions are current."""
    (tmp_path / "seed.txt").write_text((next(SEEDS.iterdir())).read_text("utf-8"), encoding="utf-8")
    assert annotator("ingest", "seed.txt", "--db", "x.db", cwd=tmp_path).returncode == 0
    name = f"entities.v16@{folder_hash(trained)}"
    assert annotator("suggest", "--db", "x.db", "--model", trained, cwd=tmp_path).returncode == 0
    with Store.open(tmp_path / "x.db") as store:
        [article] = store.article_ids()
        first = next(s for s in store.suggestions(article) if s.suggester == name)
        store.reject_suggestion(article, "alice", first.id)
    assert annotator("suggest", "--db", "x.db", "--all", cwd=tmp_path).returncode == 0
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        assert store.current_suggesters_by_article() == {article: {"entities.v16", "quotes.v6"}}
    again = annotator("suggest", "--db", "x.db", "--model", trained, cwd=tmp_path)
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout.splitlines()[0].endswith(
        f" of {name} + quotes.v6 for 1 article(s), in place of those of entities.v16"
    )
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        assert store.current_suggesters_by_article() == {article: {name, "quotes.v6"}}
