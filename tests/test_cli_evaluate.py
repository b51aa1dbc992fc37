"""`annotator evaluate` on real database files, and a newcomer's whole path from seeds to a score."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from processes import annotator
from support import SMALL_TEXT, find, word_tokens
from typer.testing import CliRunner

from annotator.cli import app
from annotator.models import ArticleIn, Label, Span, Status, Suggestion
from annotator.store import Store
from annotator.suggest import SUGGESTER_NAMES
from annotator.vocabulary import GOLD

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_text_report(db_path: Path, store: Store, small_article: str) -> None:
    gold = [Span(**find(SMALL_TEXT, "Gaza", "LOCATION")), Span(**find(SMALL_TEXT, "35", "FIGURE"))]
    store.replace_annotation(small_article, GOLD, gold, Status.DONE)
    gaza = next(s.id for s in store.suggestions(small_article) if s.text == "Gaza")
    store.accept_suggestion(small_article, "alice", gaza)
    store.set_status(small_article, "alice", Status.DONE)
    result = run("evaluate", "--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "model:entities.v1+quotes.v1 against gold: 1 article(s) gold has marked done",
        "",
        "label       ref  pred  exact P/R/F1         overlap P/R/F1     ",
        "ACTOR         0     1  0.000/n/a/0.000      0.000/n/a/0.000    ",
        "LOCATION      1     1  1.000/1.000/1.000    1.000/1.000/1.000  ",
        "FIGURE        1     1  0.000/0.000/0.000    1.000/1.000/1.000  ",
        "QUOTE         0     1  0.000/n/a/0.000      0.000/n/a/0.000    ",
        "ALL           2     4  0.250/0.500/0.333    0.500/1.000/0.667  ",
        "  F1 95%: no interval: 1 article with spans, and an interval takes 4 (with fewer, its 95% ends are little "
        "more than single articles' own figures)",
        "",
        "speaker accuracy n/a (0 of 0 reference quotes)",
        "",
        "corrections of the suggestions by alice (1 article annotation(s) of those scored)",
        "suggester      label      suggested   accepted      moved relabelled   rejected    pending",
        "entities.v1    ACTOR              1       0.0%       0.0%       0.0%       0.0%     100.0%",
        "entities.v1    LOCATION           1     100.0%       0.0%       0.0%       0.0%       0.0%",
        "entities.v1    FIGURE             1       0.0%       0.0%       0.0%       0.0%     100.0%",
        "quotes.v1      QUOTE              1       0.0%       0.0%       0.0%       0.0%     100.0%",
        "spans added with no suggestion: ACTOR 0, LOCATION 0, FIGURE 0, QUOTE 0",
    ]


def test_json_speaker_accuracy_with_no_reference_quote_is_null(db_path: Path, store: Store, small_article: str) -> None:
    """With no quote in the reference, the text says "n/a"; --json said 0.0 (every speaker wrong) until now."""
    store.replace_annotation(small_article, GOLD, [Span(**find(SMALL_TEXT, "Gaza", "LOCATION"))], Status.DONE)
    result = run("evaluate", "--db", str(db_path), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["speakers"] == {"gold_quotes": 0, "correct": 0, "accuracy": None}


def test_no_gold_is_one_line_on_stderr(db_path: Path, store: Store, small_article: str) -> None:
    """Nobody has annotated: adjudicating (two annotators' done work) and `--gold-from NAME` (someone's) cannot
    help yet; annotating can, or a file of gold."""
    result = run("evaluate", "--db", str(db_path))
    assert (result.exit_code, result.stderr) == (
        1,
        "annotator: error: nothing to evaluate against: gold has no article marked done (nobody has annotated "
        f"an article yet: annotate with `annotator --db {db_path}`, d marking each finished article done; or `--gold-from FILE` "
        "scores against a native JSONL file)\n",
    )


@pytest.mark.parametrize(("given", "kind"), [("/dev/null", "a device"), (".", "a folder")])
def test_gold_from_something_there_but_no_file_says_what_it_is(
    db_path: Path, store: Store, given: str, kind: str
) -> None:
    """Found by an attacker: `--gold-from /dev/null` said "no such file", while `train --from /dev/zero` says what
    it is, as every command reading a file does."""
    result = annotator("evaluate", "--db", db_path, "--gold-from", given, cwd=db_path.parent)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"annotator: error: {given}: {kind}, not a regular file\n",
    )


def test_a_lone_annotator_with_nothing_done_is_told_what_unblocks_them(tmp_path: Path) -> None:
    """A newcomer's trial, with the README's commands: the seed ingested, alice's work in progress, nothing marked
    done. `evaluate` advised adjudicating (it needs two annotators) or `--gold-from NAME` naming nobody, and
    `--include-in-progress` led back to the same line. It says what unblocks alice, and each way then works."""
    db = tmp_path / "annotations.db"
    assert annotator("ingest", SEEDS, "--db", db).returncode == 0
    with Store.open(db) as store:
        [article] = store.article_ids()
        store.accept_suggestion(article, "alice", store.suggestions(article)[0].id)

    def evaluated(*options: str) -> tuple[int, str]:
        result = annotator("evaluate", "--db", db, *options)
        return result.returncode, result.stderr

    advice = (
        f"nobody has marked an article done yet: d in `annotator --db {db}` marks a finished one done, then `--gold-from alice` "
        "scores against alice's; or `--gold-from alice --include-in-progress` against work in progress"
    )
    assert evaluated() == (
        1,
        f"annotator: error: nothing to evaluate against: gold has no article marked done ({advice})\n",
    )
    assert evaluated("--include-in-progress") == (
        1,
        "annotator: error: nothing to evaluate against: gold has no article marked done or in progress "
        "(`--gold-from alice` scores against alice's work; adjudicating needs two annotators' done articles)\n",
    )
    assert evaluated("--gold-from", "alice") == (
        1,
        "annotator: error: nothing to evaluate against: alice has no article marked done "
        f"(1 in progress: d in `annotator --db {db}` marks an article done; or add --include-in-progress)\n",
    )
    # the seed is an article of the dev gold the shipped component learned from: refused unless asked for
    assert evaluated("--gold-from", "alice", "--include-in-progress")[1].startswith(
        "annotator: error: the shipped learned component (annotator/data/guide/) learned from all 1 article(s) "
    )
    assert evaluated("--gold-from", "alice", "--include-in-progress", "--include-learned") == (0, "")
    assert evaluated("--annotator", "alice") == (
        1,
        "annotator: error: nothing to evaluate against: gold has no article marked done (nobody but alice has "
        "annotated: another annotator's done articles, `--gold-from NAME`, or a native JSONL file, "
        "`--gold-from FILE`, can be the reference)\n",
    )
    with Store.open(db) as store:
        store.set_status(article, "alice", Status.DONE)  # what d does
    assert evaluated("--gold-from", "alice", "--include-learned") == (0, "")
    assert evaluated() == (
        1,
        "annotator: error: nothing to evaluate against: gold has no article marked done "
        "(`--gold-from alice` scores against alice's done articles; adjudicating needs two annotators' done "
        "articles)\n",
    )


def test_no_gold_names_the_annotators_whose_done_articles_gold_from_can_score_against(
    db_path: Path, store: Store, small_article: str
) -> None:
    """A newcomer's trial: with nobody's work adjudicated, the line said only to adjudicate, though `--gold-from`
    scores the model against one annotator's done articles at once; it says so, naming who has some (not the
    annotator being scored, who cannot be the reference)."""
    gaza = next(s.id for s in store.suggestions(small_article) if s.text == "Gaza")
    for who in ("bob", "alice"):
        store.accept_suggestion(small_article, who, gaza)
        store.set_status(small_article, who, Status.DONE)
    store.accept_suggestion(small_article, "carol", gaza)  # in progress: no done article to score against
    model = run("evaluate", "--db", str(db_path))
    scored = run("evaluate", "--db", str(db_path), "--annotator", "alice")
    assert (model.exit_code, model.stderr) == (
        1,
        "annotator: error: nothing to evaluate against: gold has no article marked done "
        f"(adjudicate first: `annotator adjudicate --auto --db {db_path}`, `annotator review --db {db_path}`; or `--gold-from NAME` scores "
        "against one annotator's done articles: alice, bob)\n",
    )
    assert (scored.exit_code, scored.stderr) == (
        1,
        "annotator: error: nothing to evaluate against: gold has no article marked done "
        f"(adjudicate first: `annotator adjudicate --auto --db {db_path}`, `annotator review --db {db_path}`; or `--gold-from NAME` scores "
        "against one annotator's done articles: bob)\n",
    )
    assert run("evaluate", "--db", str(db_path), "--gold-from", "bob").exit_code == 0


def test_newcomer_path_from_seeds_to_model_against_gold(tmp_path: Path) -> None:
    """Ingest the seed with the real model, import two annotators (one dropped a figure), adjudicate, evaluate."""
    db = str(tmp_path / "annotations.db")
    assert run("ingest", str(SEEDS), "--db", db).exit_code == 0
    exported = run("export", "--suggestions", "--db", db, "-o", "-").stdout
    record = json.loads(exported)
    suggested = len(record["spans"])
    figure = next(i for i, s in enumerate(record["spans"]) if s["label"] == "FIGURE")
    for who, spans in (("alice", record["spans"]), ("bob", record["spans"][:figure] + record["spans"][figure + 1 :])):
        path = tmp_path / f"{who}.jsonl"
        path.write_text(json.dumps({**record, "annotator": who, "status": "done", "spans": spans}) + "\n")
        assert run("import", str(path), "--db", db).exit_code == 0
    adjudicated = run("adjudicate", "--auto", "--db", db, "--reviewer", "carol")
    assert "1 disagreement(s) left for review" in adjudicated.stdout
    result = run("evaluate", "--db", db, "--include-in-progress", "--include-learned", "--json")  # a dev article
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["articles"], data["reference"], data["predicted"]) == (1, "gold", "model:" + "+".join(SUGGESTER_NAMES))
    exact = data["labels"]["ALL"]["exact"]
    assert (exact["tp"], exact["fp"], exact["fn"], exact["recall"]) == (suggested - 1, 1, 0, 1.0)
    assert data["labels"][Label.FIGURE.value]["exact"]["fp"] == 1
    assert data["corrections"]["annotators"] == ["alice", "bob"]
    assert data["corrections"]["added"] == {"ACTOR": 0, "LOCATION": 0, "FIGURE": 0, "QUOTE": 0}


def seed_gold(tmp_path: Path) -> str:
    """The seed article's record of the dev gold, as a native JSONL file."""
    dev = Path(__file__).parent / "fixtures" / "gold" / "dev.jsonl"
    [line] = [line for line in dev.read_text("utf-8").splitlines() if '"5fda543fc562549a"' in line]
    path = tmp_path / "seed_gold.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    return str(path)


def test_suggester_versions_compared_on_the_same_gold(tmp_path: Path) -> None:
    """--suggester names versions: this release's own are run now, each scored on the labels it makes."""
    db = str(tmp_path / "annotations.db")
    assert run("ingest", str(SEEDS), "--db", db).exit_code == 0
    gold = seed_gold(tmp_path)

    def scored(*names: str) -> dict:
        options = ["--json", "--include-learned", *[f"--suggester={n}" for n in names]]  # the seed is a dev article
        result = run("evaluate", "--db", db, "--gold-from", gold, *options)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    entities = scored("entities.v1")
    assert entities["predicted"] == "model:entities.v1 (run now)"
    assert list(entities["labels"]) == ["ACTOR", "LOCATION", "FIGURE", "ALL"]
    assert entities["speakers"]["gold_quotes"] == 0
    assert entities["labels"]["FIGURE"]["exact"] == scored("entities.v1,quotes.v1")["labels"]["FIGURE"]["exact"]
    old, new = scored("quotes.v1"), scored("quotes.v2")
    assert list(old["labels"]) == list(new["labels"]) == ["QUOTE", "ALL"]
    # both on the pipeline's own entity layer (entities.v3), so only the speaker rules differ
    assert (old["speakers"]["gold_quotes"], old["speakers"]["correct"]) == (6, 5)
    assert (new["speakers"]["gold_quotes"], new["speakers"]["correct"]) == (6, 6)
    everything = scored()
    assert everything["predicted"] == "model:" + "+".join(SUGGESTER_NAMES)
    assert list(everything["labels"]) == ["ACTOR", "LOCATION", "FIGURE", "QUOTE", "ALL"]


def test_a_version_not_built_in_is_read_as_stored(db_path: Path, store: Store) -> None:
    """A trained pipeline's version (not this release's) is scored from its stored suggestions."""
    suggestions = [
        Suggestion(**find(SMALL_TEXT, "Gaza", "LOCATION"), suggester="entities.v2+0123abcd"),
        Suggestion(**find(SMALL_TEXT, "Washington", "LOCATION"), suggester="entities.v2+0123abcd"),
    ]
    [article] = store.add_articles([(ArticleIn(text=SMALL_TEXT), word_tokens(SMALL_TEXT), suggestions)])[0]
    gold = [Span(**find(SMALL_TEXT, "Gaza", "LOCATION")), Span(**find(SMALL_TEXT, "Washington", "ACTOR"))]
    store.replace_annotation(article, GOLD, gold, Status.DONE)
    result = run("evaluate", "--db", str(db_path), "--suggester", "entities.v2+0123abcd", "--json")
    data = json.loads(result.stdout)
    assert data["predicted"] == "model:entities.v2+0123abcd"
    exact = data["labels"]["ALL"]["exact"]
    assert (exact["tp"], exact["fp"], exact["fn"]) == (1, 1, 1)
    assert data["labels"]["LOCATION"]["exact"]["tp"] == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--suggester", "entities.v99"], "no suggester 'entities.v99' (stored or built in: "),
        (["--suggester", "entities.v1,entities.v1"], "one suggester of a kind at a time: 'entities.v1' and"),
        (["--suggester", "entities.v1", "--annotator", "gold"], "choose --annotator or --suggester, not both"),
    ],
)
def test_suggester_errors_are_one_line(db_path: Path, store: Store, small_article: str, options, message) -> None:
    store.replace_annotation(small_article, GOLD, [Span(**find(SMALL_TEXT, "Gaza", "LOCATION"))], Status.DONE)
    result = run("evaluate", "--db", str(db_path), *options)
    assert result.exit_code == 1
    assert result.stderr.startswith("annotator: error: " + message)
    assert result.stderr.count("\n") == 1


def test_a_trained_version_stored_nowhere_names_evaluate_model(db_path: Path, store: Store, small_article: str) -> None:
    """Trial 40b: `--suggester entities.v15@<hash>` on a database without it listed the built-in versions; the docs
    promise the line names `evaluate --model FOLDER`, which runs the folder that made it."""
    store.replace_annotation(small_article, GOLD, [Span(**find(SMALL_TEXT, "Gaza", "LOCATION"))], Status.DONE)
    result = run("evaluate", "--db", str(db_path), "--suggester", "entities.v15@2e9903b19166")
    assert result.exit_code == 1
    assert result.stderr == (
        "annotator: error: no entities.v15@2e9903b19166 suggestion is stored in this database: nothing to score; "
        f"`annotator evaluate --db {db_path} --model FOLDER` runs the pipeline that made it (the folder `annotator train` wrote) on "
        "the reference now\n"
    )
    unknown = run("evaluate", "--db", str(db_path), "--suggester", "entities.v99@2e9903b19166")
    assert unknown.stderr.startswith("annotator: error: no suggester 'entities.v99@2e9903b19166' (stored or built in:")


def test_json_carries_the_few_articles_caution_the_text_gives(db_path: Path, store: Store, small_article: str) -> None:
    """Trial 40b: on 5 articles the text said "with so few articles, a rough guide" under the interval, and --json
    gave nothing of it (`caution: null`): `micro_interval.caution` holds the same words."""
    for place in ("Paris", "Lyon", "Nice"):  # four articles with spans: an interval takes 4 (`intervals.FEWEST`)
        text = f"{place} sent 12 doctors."
        wrong = [Suggestion(**find(text, place, "ACTOR"), suggester="entities.v1")]
        (other,), _ = store.add_articles([(ArticleIn(text=text, title=place), word_tokens(text), wrong)])
        store.replace_annotation(other, GOLD, [Span(**find(text, place, "LOCATION"))], Status.DONE)
    store.replace_annotation(small_article, GOLD, [Span(**find(SMALL_TEXT, "Gaza", "LOCATION"))], Status.DONE)
    rough = "with so few articles, a rough guide: the draws cannot hold what other articles would bring"
    assert "  " + rough in run("evaluate", "--db", str(db_path)).stdout.splitlines()
    data = json.loads(run("evaluate", "--db", str(db_path), "--json").stdout)
    assert (data["micro_interval"]["articles"], data["micro_interval"]["caution"]) == (4, rough)


def test_corrections_cover_the_articles_scored_and_say_when_nobody_annotates(
    db_path: Path, store: Store, small_article: str, tmp_path: Path
) -> None:
    """Trial 40b: against a one-article file the corrections read "by nina (5 article annotation(s))", counting
    articles outside the reference; with nobody but gold, "by nobody (0 article annotation(s))" and a hint about
    --include-in-progress; and the first line named a file's long path twice."""
    text = "Paris sent 12 doctors."
    (other,), _ = store.add_articles([(ArticleIn(text=text, title="Other"), word_tokens(text), [])])
    for article in (small_article, other):
        store.set_status(article, "nina", Status.DONE)
    record = {"article_id": small_article, "text": SMALL_TEXT, "annotator": "gold", "status": "done",
              "spans": [{"start": SMALL_TEXT.index("Gaza"), "end": SMALL_TEXT.index("Gaza") + 4, "label": "LOCATION",
                         "text": "Gaza"}]}  # fmt: skip
    one = tmp_path / "a-rather-long-folder-name" / "one.jsonl"
    one.parent.mkdir()
    one.write_text(json.dumps(record) + "\n", encoding="utf-8")
    lines = run("evaluate", "--db", str(db_path), "--gold-from", str(one)).stdout.splitlines()
    assert lines[0] == f"model:entities.v1+quotes.v1 against {one}: 1 article(s) the file has marked done"
    assert "corrections of the suggestions by nina (1 article annotation(s) of those scored)" in lines


def test_with_nobody_but_gold_the_corrections_say_so_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "gold-only.db"
    with Store.open(db) as store:
        (article,), _ = store.add_articles([(ArticleIn(text=SMALL_TEXT), word_tokens(SMALL_TEXT), [])])
        store.replace_annotation(article, GOLD, [Span(**find(SMALL_TEXT, "Gaza", "LOCATION"))], Status.DONE)
    lines = run("evaluate", "--db", str(db)).stdout.splitlines()
    assert lines[-2:] == ["", "corrections of the suggestions: none, nobody but gold has annotated in this database"]
