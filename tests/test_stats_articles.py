"""`annotator stats --articles`: every article's id, each annotator's status and its title, one line each, so the
ids `accept ID`, `evaluate` and the rest take can be found without an export. The real console script on a real
SQLite file."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from support import word_tokens

from annotator.models import ArticleIn
from annotator.store import Store


def test_stats_articles_lists_id_status_per_annotator_and_title(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    texts = ["Ann met Bob in Paris.", "Carol flew to Oslo.", "Dan stayed home."]
    with Store.open(db) as store:
        rows = [(ArticleIn(id=f"art-{n}", text=t, title=f"Title {n}"), word_tokens(t), []) for n, t in enumerate(texts)]
        store.add_articles(rows)
        store.add_span("art-0", "alice", 0, 3, "ACTOR")
        store.set_status("art-0", "alice", "done")
        store.add_span("art-1", "bob", 0, 5, "ACTOR")
        store.set_status("art-2", "bob", "skipped")
    result = annotator("stats", "--articles", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "id     alice  bob          title",
        "art-0  done   todo         Title 0",
        "art-1  todo   in_progress  Title 1",
        "art-2  todo   skipped      Title 2",
    ]
    accepted = annotator("accept", "art-1", "--annotator", "bob", "--db", db)  # an id taken from the list
    assert accepted.returncode == 0, accepted.stderr


def test_stats_articles_without_annotations_lists_ids_and_titles(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    with Store.open(db) as store:
        store.add_articles(
            [(ArticleIn(id="a1", text="Ann met Bob.", title="Line\x1bone"), word_tokens("Ann met Bob."), [])]
        )
    result = annotator("stats", "--articles", "--db", db)
    assert result.stdout == "id  title\na1  Line\u241bone\n"  # stored text shown literally


def test_with_assignments_an_annotator_not_assigned_an_article_shows_a_dash(tmp_path: Path) -> None:
    """A newcomer's trial: with assignments, `todo` stood where the article was never the annotator's (art-0 is
    bob's, art-1 alice's, art-2 nobody's: --limit 2). Work on an article not assigned to them shows its status,
    marked: the team's comparisons leave it out (docs/teams.md); an article nobody is assigned is open to all."""
    db = tmp_path / "r.db"
    texts = ["Ann met Bob in Paris.", "Carol flew to Oslo.", "Dan stayed home."]
    with Store.open(db) as store:
        rows = [(ArticleIn(id=f"art-{n}", text=t, title=f"Title {n}"), word_tokens(t), []) for n, t in enumerate(texts)]
        store.add_articles(rows)
    assign = annotator("assign", "--annotators", "alice,bob", "--overlap", "1", "--limit", "2", "--db", db)
    assert assign.returncode == 0, assign.stderr
    with Store.open(db) as store:
        store.add_span("art-0", "bob", 0, 3, "ACTOR")
        store.set_status("art-1", "alice", "done")
        store.set_status("art-0", "alice", "done")  # not hers: her work shows all the same, marked
    result = annotator("stats", "--articles", "--db", db)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [  # one word: the lines stay columns a script splits at spaces
        "id     alice  bob          title",
        "art-0  done*  in_progress  Title 0",
        "art-1  done   unassigned   Title 1",
        "art-2  todo   todo         Title 2",
    ]
    assert result.stderr == (
        "annotator: note: *: work on an article assigned to others only: agreement, adjudicate --auto and review "
        "leave it out (--ignore-assignments takes it)\n"
    )


def test_an_article_nobody_is_assigned_is_todo_for_all_and_gold_is_never_unassigned(tmp_path: Path) -> None:
    """With assignments, an article nobody is assigned is open to all (docs/teams.md): it said `unassigned` for
    everyone, and gold's column said `unassigned` on every article (a helper's note, 38)."""
    db = tmp_path / "r.db"
    texts = ["Ann met Bob in Paris.", "Carol flew to Oslo.", "Dan stayed home."]
    with Store.open(db) as store:
        rows = [(ArticleIn(id=f"art-{n}", text=t, title=f"Title {n}"), word_tokens(t), []) for n, t in enumerate(texts)]
        store.add_articles(rows)
    assign = annotator("assign", "--annotators", "alice,bob", "--overlap", "2", "--limit", "1", "--db", db)
    assert assign.returncode == 0, assign.stderr
    with Store.open(db) as store:
        for who in ("alice", "bob"):
            store.add_span("art-0", who, 0, 3, "ACTOR")
            store.set_status("art-0", who, "done")
    assert annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db).returncode == 0
    result = annotator("stats", "--articles", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "id     alice  bob   gold  title",
        "art-0  done   done  done  Title 0",
        "art-1  todo   todo  todo  Title 1",
        "art-2  todo   todo  todo  Title 2",
    ]


def test_with_assignments_an_annotator_who_has_not_started_has_a_column(tmp_path: Path) -> None:
    """Assigned articles and nothing begun: alice had no column at all, so her three articles to do did not show
    (a newcomer's re-trial, 37b, 4)."""
    db = tmp_path / "r.db"
    texts = ["Ann met Bob in Paris.", "Carol flew to Oslo."]
    with Store.open(db) as store:
        rows = [(ArticleIn(id=f"art-{n}", text=t, title=f"Title {n}"), word_tokens(t), []) for n, t in enumerate(texts)]
        store.add_articles(rows)
    assign = annotator("assign", "--annotators", "alice,bob", "--overlap", "1", "--db", db)
    assert assign.returncode == 0, assign.stderr
    with Store.open(db) as store:
        store.set_status("art-0", "bob", "done")
    result = annotator("stats", "--articles", "--db", db)
    assert result.stdout.splitlines() == [
        "id     alice       bob         title",
        "art-0  unassigned  done        Title 0",
        "art-1  todo        unassigned  Title 1",
    ]


def test_a_very_long_id_is_clipped_in_the_list_and_whole_in_json(tmp_path: Path) -> None:
    """A trial: one 100,000-character article id padded every line of the list to 100,000 columns. It is clipped
    in the middle (its start and its end, where a changed text's ~HASH is), with a note; --json lists it whole."""
    import json

    long_id = "a" * 50_000 + "b" * 49_995 + "~tail"
    (tmp_path / "in.jsonl").write_text(
        json.dumps({"id": long_id, "text": "Ann met Bob in Paris."}) + "\n"
        + json.dumps({"id": "short", "text": "Carol flew to Oslo."}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    assert annotator("ingest", "in.jsonl", "--no-suggest", "--db", "r.db", cwd=tmp_path).returncode == 0
    result = annotator("stats", "--articles", "--db", "r.db", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "id                                        title",
        f"{'a' * 27}…{'b' * 7}~tail  Ann met Bob in Paris.",
        "short                                     Carol flew to Oslo.",
    ]
    assert (
        result.stderr
        == "annotator: note: ids longer than 40 characters are shown clipped (…); --json lists them whole\n"
    )
    listed = annotator("stats", "--articles", "--json", "--db", "r.db", cwd=tmp_path)
    assert (listed.returncode, listed.stderr) == (0, "")
    assert json.loads(listed.stdout) == [
        {"id": long_id, "title": "Ann met Bob in Paris.", "status": {}},
        {"id": "short", "title": "Carol flew to Oslo.", "status": {}},
    ]
    alone = annotator("stats", "--json", "--db", "r.db", cwd=tmp_path)
    assert alone.stderr == "annotator: error: --json goes with --articles (the list of articles as JSON)\n"


def test_stats_counts_as_to_do_what_the_list_of_articles_says_is_to_do(tmp_path: Path) -> None:
    """Found by a newcomer: `stats` gave alice 0 to do while `stats --articles` listed articles as hers to do; the
    table counted only the articles she had begun. To do is, in both, every article that is hers (assigned to her or
    to nobody) and has no work of hers."""
    db = tmp_path / "r.db"
    texts = ["Ann met Bob in Paris.", "Carol flew to Oslo.", "Dan stayed home.", "Eve rang Oslo."]
    with Store.open(db) as store:
        rows = [(ArticleIn(id=f"art-{n}", text=t, title=f"Title {n}"), word_tokens(t), []) for n, t in enumerate(texts)]
        store.add_articles(rows)
        store.add_span("art-0", "alice", 0, 3, "ACTOR")
        store.set_status("art-0", "alice", "done")
        store.add_span("art-1", "bob", 0, 5, "ACTOR")
        store.set_status("art-2", "bob", "skipped")
    assert annotator("assign", "--annotators", "bob", "--limit", "3", "--db", db).returncode == 0
    result = annotator("stats", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[lines.index("annotations") : lines.index("annotations") + 5] == [
        "annotations",
        "annotator   todo   in_progress   done   skipped   flagged   time spent",
        "─" * 70,
        "alice          1             0      1         0         0      0.0 min",  # art-3; art-0 is bob's
        "bob            2             1      0         1         0      0.0 min",  # art-0 and art-3
    ]
    listed = annotator("stats", "--articles", "--db", db).stdout.splitlines()
    assert [line.split()[1:3] for line in listed[1:]] == [
        ["done*", "todo"],
        ["unassigned", "in_progress"],
        ["unassigned", "skipped"],
        ["todo", "todo"],
    ]
