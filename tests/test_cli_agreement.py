"""`annotator agreement` and `annotator adjudicate --auto` on a real database file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator.cli import app
from annotator.models import ArticleIn, Span, Status
from annotator.rows import Token
from annotator.store import Store

TEXT = 'Israel said <b>Hamas</b> fired 20 rockets . The army said " ready " .'


def words(text: str) -> list[Token]:
    return [Token(start=m.start(), end=m.end()) for m in re.finditer(r"\S+", text)]


def mark(part: str, label: str) -> Span:
    start = TEXT.index(part)
    return Span(start=start, end=start + len(part), label=label, text=part)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "annotations.db"
    with Store.open(path) as store:
        added, _ = store.add_articles([(ArticleIn(text=TEXT, title="Rockets & <script>"), words(TEXT), [])])
        store.replace_annotation(
            added[0], "alice", [mark("Israel", "ACTOR"), mark("<b>Hamas</b>", "ACTOR")], Status.DONE
        )
        store.replace_annotation(added[0], "bob", [mark("Israel", "ACTOR"), mark("20", "FIGURE")], Status.DONE)
    return path


def test_json_report(db):
    result = CliRunner().invoke(app, ["agreement", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"] == 1 and data["annotators"] == ["alice", "bob"]
    overall = data["pairs"][0]
    assert (overall["label"], overall["exact"]) == ("ALL", {"p": 0.5, "r": 0.5, "f1": 0.5})
    assert data["speaker_agreement"] is None


def test_json_names_overlap_matching_overlap_and_keeps_partial_for_scripts(db):
    """A newcomer's finding: `--json` called overlap matching `partial`, a name the docs and the text report do not
    use. `overlap` holds it now; `partial`, the same value, stays for scripts that read it (deprecated)."""
    result = CliRunner().invoke(app, ["agreement", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    overall = json.loads(result.stdout)["pairs"][0]
    assert list(overall) == ["a", "b", "label", "articles", "exact", "overlap", "cohen_kappa", "exact_f1_interval",
                             "a_spans", "b_spans", "exact_matches", "overlap_matches", "partial"]  # fmt: skip
    assert overall["overlap"] == overall["partial"] == {"p": 0.5, "r": 0.5, "f1": 0.5}


def test_text_report_and_html_escape_article_text(db, tmp_path):
    page = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["agreement", "--db", str(db), "--html", str(page)])
    assert result.exit_code == 0, result.output
    assert "articles compared  1 (done by all of alice, bob)" in result.stdout
    html = page.read_text(encoding="utf-8")
    assert "&lt;b&gt;Hamas&lt;/b&gt;" in html and "<b>Hamas</b>" not in html
    assert "Rockets &amp; &lt;script&gt;" in html
    assert "http" not in html  # no external assets


def test_one_annotator_is_an_error(db):
    result = CliRunner().invoke(app, ["agreement", "--db", str(db), "--annotators", "alice"])
    assert result.exit_code == 1
    assert "agreement needs two or more annotators" in result.stderr


def test_no_article_done_by_all_is_an_error(db):
    with Store.open(db) as store:
        [article_id] = store.article_ids()
        store.replace_annotation(article_id, "carol", [mark("Israel", "ACTOR")], Status.IN_PROGRESS)
    result = CliRunner().invoke(app, ["agreement", "--db", str(db), "--annotators", "alice,carol"])
    assert result.exit_code == 1
    assert "no article is marked done by all of alice, carol (--include-in-progress also compares" in result.stderr


@pytest.mark.parametrize(
    "command",
    [["agreement"], ["adjudicate", "--auto"], ["review"], ["evaluate", "--annotator"]],
    ids=["agreement", "adjudicate", "review", "evaluate"],
)
def test_an_unknown_annotator_name_is_the_same_error_everywhere(db, command):
    names = ["--annotators", "alice,bbo"] if command[-1] != "--annotator" else ["bbo"]
    result = CliRunner().invoke(app, [*command, *names, "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr == "annotator: error: no annotations by 'bbo' (in the database: alice, bob)\n"


def test_by_default_only_annotators_who_finished_an_article_count(db):
    with Store.open(db) as store:
        [article_id] = store.article_ids()
        store.save_cursor(article_id, "newcomer", 0)  # opened the article only
        store.replace_annotation(article_id, "dave", [mark("Israel", "ACTOR")], Status.IN_PROGRESS)
    result = CliRunner().invoke(app, ["agreement", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["annotators"] == ["alice", "bob"]


def test_too_few_finished_annotators_names_the_option(tmp_path):
    path = tmp_path / "annotations.db"
    with Store.open(path) as store:
        added, _ = store.add_articles([(ArticleIn(text=TEXT), words(TEXT), [])])
        store.replace_annotation(added[0], "alice", [mark("Israel", "ACTOR")], Status.DONE)
        store.replace_annotation(added[0], "bob", [mark("Israel", "ACTOR")], Status.IN_PROGRESS)
    for command in (["agreement"], ["review"]):
        result = CliRunner().invoke(app, [*command, "--db", str(path)])
        assert result.exit_code == 1
        assert "(finished an article: alice; in the database: alice, bob); name them with --annotators A,B" in (
            result.stderr
        )


def test_dash_h_is_help():
    short, long = CliRunner().invoke(app, ["-h"]), CliRunner().invoke(app, ["--help"])
    assert short.exit_code == 0 and short.stdout == long.stdout
    assert (
        CliRunner().invoke(app, ["agreement", "-h"]).stdout == CliRunner().invoke(app, ["agreement", "--help"]).stdout
    )


def test_auto_adjudication_puts_agreed_spans_into_gold(db):
    result = CliRunner().invoke(app, ["adjudicate", "--auto", "--db", str(db), "--reviewer", "carol"])
    assert result.exit_code == 0, result.output
    assert "1 agreed span(s) into gold, 0 article(s) settled, 2 disagreement(s) left for review" in result.stdout
    with Store.open(db) as store:
        [article_id] = store.article_ids()
        assert [s.text for s in store.spans(article_id, "gold")] == ["Israel"]


async def test_make_run_as_root_then_two_annotators_agreement_takes_the_two(tmp_path):
    """`make run` as root: the seed (with the real suggestions) opened in the TUI makes an annotation row for
    "root", opened and nothing more; alice and bob then finish overlapping articles. The default takes the two
    who finished articles, and with one of them only, the error names --annotators, not root."""
    from processes import annotator
    from support import SMALL_TEXT

    from annotator.tui.app import make_app

    db = tmp_path / "annotations.db"
    other = tmp_path / "other.txt"
    other.write_text(SMALL_TEXT, encoding="utf-8")
    seed = next((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    assert annotator("ingest", seed, other, "--db", db).returncode == 0
    tui = make_app(db, "root", keymap_path=False)
    async with tui.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
    with Store.open(db) as store:
        first, second = store.article_ids()
        assert [(row[0], row[1], row[2]) for row in store.conn.execute("SELECT * FROM annotations")] == [
            (first, "root", "todo")
        ]
        for who, articles in (("alice", [first, second]), ("bob", [second])):
            for article in articles:
                token = store.tokens(article)[0]
                store.add_span(article, who, token.start, token.end, "ACTOR")
                if who == "alice" or article == second:
                    store.set_status(article, who, "done")
    result = annotator("agreement", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "articles compared  1 (done by all of alice, bob)",
        "tokens             15",
    ]
    with Store.open(db) as store:
        store.set_status(second, "bob", "in_progress")
    result = annotator("agreement", "--db", db)
    assert result.stderr == (
        "annotator: error: agreement needs two or more annotators (finished an article: alice; in the database: "
        "alice, bob); name them with --annotators A,B\n"
    )


def test_html_names_characters_that_reorder_or_hide_text(tmp_path):
    """A bidi override in an article would make the browser show the report's text reversed ("Trojan Source"):
    the report names it by its code, as the terminal does; line breaks in the text stay line breaks."""
    text = "Israel said \u202eHamas\u202c fired 20 rockets .\nThe army said \u200bready ."
    path = tmp_path / "annotations.db"
    with Store.open(path) as store:
        added, _ = store.add_articles([(ArticleIn(text=text, title="Rockets \u202eevil"), words(text), [])])
        for name, part in (("alice", "Israel"), ("bob", "20")):
            start = text.index(part)
            span = Span(start=start, end=start + len(part), label="ACTOR", text=part)
            store.replace_annotation(added[0], name, [span], Status.DONE)
    page = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["agreement", "--db", str(path), "--html", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "\u202e" not in html and "\u202c" not in html and "\u200b" not in html
    assert "Rockets \u27e8U+202E\u27e9evil" in html


def test_the_heading_says_work_in_progress_was_included(tmp_path: Path) -> None:
    """A newcomer's trial: with --include-in-progress the heading said "done by all of alice, bob" while bob was
    still working on the article."""
    path = tmp_path / "annotations.db"
    with Store.open(path) as store:
        added, _ = store.add_articles([(ArticleIn(text=TEXT), words(TEXT), [])])
        store.replace_annotation(added[0], "alice", [mark("Israel", "ACTOR")], Status.DONE)
        store.replace_annotation(added[0], "bob", [mark("Israel", "ACTOR")], Status.IN_PROGRESS)
    args = ["agreement", "--db", str(path), "--annotators", "alice,bob", "--include-in-progress"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "articles compared  1 (done or in progress by all of alice, bob)"
