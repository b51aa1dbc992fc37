"""Work no person touched is said to be so: newcomer 42c ran `annotator accept --done` as alice and as bob (the
README's way for a team to start from the model), and `agreement` said 1.000 with no caution, `adjudicate --auto`
settled the model's suggestions into gold, and `evaluate` scored the model 1.000 against them. The figures stay
(someone may have checked an article and found nothing to change); each command says on how many articles no
person changed anything. The real console script on a real database."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.store import Store

TEXTS = ["Ana Lopez met Bob Kane in Paris on Monday, police said.", "The mayor of Lyon said 300 homes were flooded."]


def accepted_by_both(tmp_path: Path) -> Path:
    source = tmp_path / "n.jsonl"
    source.write_text("".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)), "utf-8")
    db = tmp_path / "acc.db"
    assert annotator("ingest", source, "--db", db).returncode == 0
    for who in ("alice", "bob"):
        assert annotator("accept", "--annotator", who, "--done", "--db", db).returncode == 0
    return db


AGREEMENT = (
    "caution: on {n} of the 2 article(s) compared, every annotator's work is the model's suggestions unchanged "
    "(accepted as suggested, on the screen or by `annotator accept`): there the model's suggestions agree with "
    "themselves"
)


def test_agreement_says_on_how_many_articles_nobody_changed_the_accepted_suggestions(tmp_path: Path) -> None:
    db = accepted_by_both(tmp_path)
    result = annotator("agreement", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "articles compared  2 (done by all of alice, bob)",
        AGREEMENT.format(n=2),
    ]
    with Store.open(db) as store:  # bob reads n1 on the screen and takes one span away: a person's work
        span = store.spans("n0", "bob")[0]
        store.remove_span("n0", "bob", span.id)
    assert annotator("agreement", "--db", db).stdout.splitlines()[1] == AGREEMENT.format(n=1)
    page = tmp_path / "agreement.html"
    assert annotator("agreement", "--db", db, "--html", page).returncode == 0
    caution = AGREEMENT.format(n=1).removeprefix("caution: ").replace("'", "&#x27;")
    assert f'<p class="caution"><b>Caution:</b> {caution}</p>' in page.read_text(encoding="utf-8")
    as_json = annotator("agreement", "--db", db, "--json")
    assert f"annotator: note: {AGREEMENT.format(n=1).removeprefix('caution: ')}\n" in as_json.stderr
    assert json.loads(as_json.stdout)["command_only"] == 1  # re-trial 42r: a script reading --json saw nothing
    assert json.loads(as_json.stdout)["suggestions_unchanged"] == 1


def test_adjudicate_and_evaluate_say_the_gold_is_the_models_own_suggestions(tmp_path: Path) -> None:
    db = accepted_by_both(tmp_path)
    settled = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db)
    assert settled.returncode == 0, settled.stderr
    assert settled.stderr.endswith(
        "annotator: note: on 2 of the 2 article(s) compared, every annotator's work is the model's suggestions "
        "unchanged (accepted as suggested, on the screen or by `annotator accept`): the gold settled there is the "
        "model's suggestions, unchecked\n"
    )
    again = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", db)  # settles nothing (re-trial 42r)
    assert (again.returncode, "model's suggestions" in again.stderr) == (0, False)
    scored = annotator("evaluate", "--db", db)
    assert scored.returncode == 0, scored.stderr
    assert scored.stdout.splitlines()[:2] == [
        "model:entities.v16 against gold: 2 article(s) gold has marked done",
        "  caution: on 2 of these 2 article(s) gold is the model's suggestions unchanged (no person changed them, on "
        "the screen or by a command): there the model's suggestions are scored against themselves, which can only "
        "raise the figures below",
    ]


def test_marking_it_done_again_on_the_screen_leaves_it_the_suggestions_unchanged(tmp_path: Path) -> None:
    """A person's status alone is no change to the work: the caution still counts it (no longer commands alone:
    `command_only`, in --json, says so), as it counts A then d (tests/test_as_suggested.py)."""
    db = accepted_by_both(tmp_path)
    with Store.open(db) as store:
        for who in ("alice", "bob"):
            for article in ("n0", "n1"):
                store.set_status(article, who, "in_progress")
                store.set_status(article, who, "done")  # marked done on the screen
    assert annotator("agreement", "--db", db).stdout.splitlines()[1] == AGREEMENT.format(n=2)
    data = json.loads(annotator("agreement", "--db", db, "--json").stdout)
    assert (data["command_only"], data["suggestions_unchanged"]) == (0, 2)


def test_no_caution_where_a_person_changed_the_work(tmp_path: Path) -> None:
    db = accepted_by_both(tmp_path)
    with Store.open(db) as store:
        for article in ("n0", "n1"):
            store.remove_span(article, "bob", store.spans(article, "bob")[0].id)
    assert "caution" not in annotator("agreement", "--db", db).stdout


def test_an_assignment_is_no_persons_work(tmp_path: Path) -> None:
    """My own last read: `assign` writes an event without a command (it is no edit), and with assignments, as a
    team has them, no article was counted."""
    source = tmp_path / "n.jsonl"
    source.write_text("".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)), "utf-8")
    db = tmp_path / "assigned.db"
    assert annotator("ingest", source, "--db", db).returncode == 0
    assert annotator("assign", "--annotators", "alice,bob", "--overlap", "2", "--db", db).returncode == 0
    for who in ("alice", "bob"):
        assert annotator("accept", "--annotator", who, "--done", "--db", db).returncode == 0
    assert annotator("agreement", "--db", db).stdout.splitlines()[1] == AGREEMENT.format(n=2)
