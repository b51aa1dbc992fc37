"""A newcomer's trial (N5, item 6): ben and cara finished their one article, its gold was done, then ben flagged it
("who pays"). `agreement` and `adjudicate --auto` then said only that they need two or more annotators (and
adjudicate advised taking cara's work alone as gold), with `--annotators ben,cara` "no article is marked done by all
of ben, cara": none named the flag, which they name when another article is compared. An assignee's skipped article
was left out without a word, and the HTML report carried neither note. Each now names what was put aside, by whom,
and that it is compared once marked done. The real console script on real SQLite files: the plan by the real
`assign`, the work by the real `accept`, gold by the real `adjudicate --auto`, flags and skips by the store's edit
function, as the screen's `F` and `S` make them."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from support import SMALL_TEXT, word_tokens

from annotator.models import ArticleIn, Span, Status, Suggestion
from annotator.store import Store

FLAGGED = "1 article left out until ben marks it done (d on the screen): 'Who pays' flagged by ben ('who pays')"
NEEDS = "needs two or more annotators (finished an article: cara; in the database: ben, cara, gold)"


def _suggested() -> list[Suggestion]:
    return [Suggestion(start=0, end=10, label="ACTOR", text="Washington", suggester="entities.v1")]


def _articles(path: Path, titles: list[str]) -> list[str]:
    texts = [f"{SMALL_TEXT} Number {n}." for n in range(len(titles))]
    with Store.open(path) as store:
        ids, _ = store.add_articles(
            [
                (ArticleIn(text=t, title=title), word_tokens(t), _suggested())
                for t, title in zip(texts, titles, strict=True)
            ]
        )
    return list(ids)


def _run(*args: object) -> None:
    done = annotator(*args)
    assert done.returncode == 0, done.stderr


def _flagged_after_gold(tmp_path: Path) -> Path:
    """The trial: one article assigned to ben and cara, both accept it done, gold done, then ben flags it."""
    path = tmp_path / "team.db"
    [article] = _articles(path, ["Who pays"])
    _run("assign", "--db", path, "--annotators", "ben,cara", "--overlap", "2")
    for who in ("ben", "cara"):
        _run("accept", "--db", path, "--annotator", who, "--done")
    _run("adjudicate", "--db", path, "--auto", "--reviewer", "lead")
    with Store.open(path) as store:
        store.set_status(article, "ben", Status.FLAGGED, reason="who pays")
    return path


def test_the_default_team_error_names_the_flag_and_gives_no_advice_to_take_cara_alone(tmp_path: Path) -> None:
    db = _flagged_after_gold(tmp_path)
    for verb, purpose in (("agreement", "agreement"), ("adjudicate", "adjudication")):
        result = annotator(verb, "--db", db, *(["--auto", "--reviewer", "lead"] if verb == "adjudicate" else []))
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr == f"annotator: error: {purpose} {NEEDS}; name them with --annotators A,B; {FLAGGED}\n"


def test_naming_both_says_the_flag_leaves_nothing_to_compare(tmp_path: Path) -> None:
    db = _flagged_after_gold(tmp_path)
    for args in (
        ("agreement",),
        ("agreement", "--json"),
        ("adjudicate", "--auto", "--reviewer", "lead"),
        ("review", "--reviewer", "lead"),
    ):
        result = annotator(*args, "--db", db, "--annotators", "ben,cara")
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr == f"annotator: error: no article is marked done by all of ben, cara; {FLAGGED}\n"


def test_what_the_error_says_to_do_compares_it(tmp_path: Path) -> None:
    db = _flagged_after_gold(tmp_path)
    with Store.open(db) as store:
        store.set_status(store.article_ids()[0], "ben", Status.DONE)  # `d` on the screen
    result = annotator("agreement", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("articles compared  1 (done by all of ben, cara)\n")


def test_three_annotators_name_a_flag_and_a_skip_in_any_group(tmp_path: Path) -> None:
    """No assignments: ann and cara finished 'Who pays', which ben flagged; cara finished 'Tariffs', which ben
    skipped (ann never opened it): both are named, the second left out of what ben and cara would compare."""
    db = tmp_path / "three.db"
    who_pays, tariffs = _articles(db, ["Who pays", "Tariffs"])
    span = Span(start=0, end=10, label="ACTOR", text="Washington")
    with Store.open(db) as store:
        for who, article in (("ann", who_pays), ("cara", who_pays), ("cara", tariffs)):
            store.replace_annotation(article, who, [span], Status.DONE)
        store.set_status(who_pays, "ben", Status.FLAGGED, reason="who pays")
        store.set_status(tariffs, "ben", Status.SKIPPED)
    result = annotator("agreement", "--db", db, "--annotators", "ann,ben,cara")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [
        "annotator: error: no article is marked done by all of ann, ben, cara; some finished articles together: ann "
        "and cara 1; 2 articles left out until ben marks them done (d on the screen): 'Who pays' flagged by ben "
        "('who pays'); 'Tariffs' skipped by ben",
        f"annotator: note: `annotator agreement --db {db} --annotators ann,cara` compares that 1",
    ]


def _skipped_beside_compared(tmp_path: Path) -> Path:
    """'Rates' and '<b>Tariffs</b>' assigned to ben and cara; ben skips the second, then accepts the rest done (the
    suggestions unchanged); cara takes the suggestion out of 'Rates' and marks both done."""
    path = tmp_path / "skip.db"
    rates, tariffs = _articles(path, ["Rates", "<b>Tariffs</b>"])  # a title that is markup: shown as text
    _run("assign", "--db", path, "--annotators", "ben,cara", "--overlap", "2")
    with Store.open(path) as store:
        store.set_status(tariffs, "ben", Status.SKIPPED)
    _run("accept", "--db", path, "--annotator", "ben", "--done")
    with Store.open(path) as store:
        for article in (rates, tariffs):
            store.replace_annotation(article, "cara", [], Status.DONE)
    return path


UNCHANGED = (
    "per annotator, articles compared where their own work is the model's suggestions unchanged (accepted as "
    "suggested, on the screen or by `annotator accept`): ben 1 of 1, cara 0 of 1; a pair with such work measures "
    "the model against the other annotator there"
)


def test_a_skipped_article_is_named_as_a_flagged_one_is(tmp_path: Path) -> None:
    db = _skipped_beside_compared(tmp_path)
    result = annotator("agreement", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[:7] == [
        "articles compared  1 (done by all of ben, cara)",
        "tokens             18",
        "articles differing 1",
        "speaker agreement  n/a (0 jointly found quote pairs)",
        f"note: {UNCHANGED}",
        "note: 1 article left out: '<b>Tariffs</b>' skipped by ben",
        "",
    ]
    adjudicated = annotator("adjudicate", "--db", db, "--auto", "--reviewer", "lead")
    assert adjudicated.returncode == 0, adjudicated.stderr
    assert adjudicated.stderr.splitlines() == ["annotator: note: 1 article left out: '<b>Tariffs</b>' skipped by ben"]


def test_the_html_report_carries_the_notes_the_text_has(tmp_path: Path) -> None:
    db = _skipped_beside_compared(tmp_path)
    page = tmp_path / "agreement.html"
    result = annotator("agreement", "--db", db, "--html", page)
    assert result.returncode == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert html.count('<p class="note">') == 2
    unchanged = UNCHANGED.replace("'", "&#x27;")
    assert f'<p class="note"><b>Note:</b> {unchanged}</p>' in html
    assert (
        '<p class="note"><b>Note:</b> 1 article left out: &#x27;&lt;b&gt;Tariffs&lt;/b&gt;&#x27; skipped by ben</p>'
        in html
    )
    assert "<b>Tariffs</b>" not in html


def test_gold_of_one_annotator_names_the_flag_of_another(tmp_path: Path) -> None:
    """`--annotators cara` alone compares the article ben flagged (a team of one's gold): said, not advised."""
    db = _flagged_after_gold(tmp_path)
    result = annotator("adjudicate", "--db", db, "--auto", "--reviewer", "lead", "--annotators", "cara")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "annotator: note: 1 article compared without an annotator who put it aside: 'Who pays' flagged by ben "
        "('who pays')"
    ]


def test_no_advice_to_take_one_annotator_alone_where_it_would_take_a_flagged_article_too(tmp_path: Path) -> None:
    """A re-trial (t5 N1): with assignments, alice's other article (its other assignee not started) made the error
    offer `--annotators alice` alone, and following it settled gold on the article bob had flagged too."""
    path = tmp_path / "team.db"
    _, second = _articles(path, ["Ferry", "Who pays"])
    _run("assign", "--db", path, "--annotators", "alice,cara", "--overlap", "2", "--limit", "1")  # Ferry
    _run("assign", "--db", path, "--annotators", "alice,bob", "--overlap", "2", "--unassigned")  # Who pays
    _run("accept", "--db", path, "--annotator", "alice", "--done")
    with Store.open(path) as store:
        store.set_status(second, "bob", Status.FLAGGED, reason="who pays")
    result = annotator("adjudicate", "--db", path, "--auto", "--reviewer", "lead")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "annotator: error: adjudication needs two or more annotators (finished an article: alice; in the database: "
        "alice, bob); name them with --annotators A,B; 1 article left out until bob marks it done (d on the screen): "
        "'Who pays' flagged by bob ('who pays')\n"
    )
