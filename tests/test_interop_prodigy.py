"""Prodigy: its datasets (fixtures/real/prodigy) in, and our tasks out as Prodigy would have written them:
its hashes, its white-space tokens, answers that never make unfinished work look accepted."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from exchange_support import build, every_status
from real_files import REAL, annotations, count, run

from annotator.exchange.formats.prodigy_hashes import input_hash, task_hash
from annotator.exchange.records import export
from annotator.models import ArticleIn
from annotator.store import Store
from annotator.suggest.tokens import tokenize

PRODIGY = REAL / "prodigy"


def tasks(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize(
    "name", ["ner_manual_news_headlines.jsonl", "ner_manual_tweets_ws.jsonl", "textcat_pydata_hashes.jsonl",
             "rel_manual_bionlp.jsonl", "ner_manual_fashion_brands.jsonl"],
)  # fmt: skip
def test_input_hashes_are_prodigys(name: str) -> None:
    given = tasks(PRODIGY / name)
    assert [input_hash(t) for t in given] == [t["_input_hash"] for t in given]


def test_task_hashes_are_prodigys_over_label_and_over_the_spans_a_task_was_shown_with() -> None:
    """Text classification tasks hash their `label`; the tweets were shown with no spans (`spans: []`), and
    Prodigy hashed them then, before they were annotated."""
    classified = tasks(PRODIGY / "textcat_pydata_hashes.jsonl")
    assert [task_hash(t, t["_input_hash"]) for t in classified] == [t["_task_hash"] for t in classified]
    tweets = tasks(PRODIGY / "ner_manual_tweets_ws.jsonl")
    assert [task_hash({**t, "spans": []}, t["_input_hash"]) for t in tweets] == [t["_task_hash"] for t in tweets]


def test_a_datasets_hashes_survive_import_and_export(tmp_path: Path) -> None:
    """The dataset whose 373 hashes came back 0 of 373: every one comes back now. One of its spans (": @ev",
    line 7) breaks the span rules: refused, or with --snap trimmed to "@ev"."""
    path, db, out = PRODIGY / "ner_manual_news_headlines.jsonl", tmp_path / "news.db", tmp_path / "out.jsonl"
    options = ["--format", "prodigy", "--db", db, "--annotator", "ann", "--label-map", "ORG=ACTOR,PERSON=ACTOR"]
    code, _, err = run("import", path, *options)
    assert (code, err) == (1, f"annotator: error: {path}:7: field 'spans[0].start': span 24:29 ': @ev': an ACTOR span "
                              "may not start with punctuation (':') (--snap trims it to '@ev')\n")  # fmt: skip
    code, said, _ = run("import", path, *options, "--snap")
    assert (code, said) == (0, f"8 record(s) imported (8 new article(s), 0 span(s) snapped to token boundaries, "
                               f"1 span(s) trimmed to the span rules) -> {db}\n")  # fmt: skip
    assert run("export", "--db", db, "--annotator", "ann", "--format", "prodigy", "-o", out)[0] == 0
    given, written = tasks(path), tasks(out)
    assert [(t["_input_hash"], t["_task_hash"]) for t in written] == [
        (t["_input_hash"], t["_task_hash"]) for t in given
    ]
    offsets = [[(s["start"], s["end"]) for s in sorted(t.get("spans", []), key=lambda s: s["start"])] for t in given]
    offsets[6] = [(26, 29)]
    assert [[(s["start"], s["end"]) for s in t["spans"]] for t in written] == offsets


def rebuilt(task: dict) -> str:
    return "".join(t["text"] + (" " if t["ws"] else "") for t in task["tokens"])


def assert_consistent(task: dict) -> None:
    """As in Prodigy's own files: text rebuilt from tokens and ws; spans quote the text; token indices fit."""
    assert rebuilt(task) == task["text"]
    assert [t["id"] for t in task["tokens"]] == list(range(len(task["tokens"])))
    for span in task["spans"]:
        assert task["text"][span["start"] : span["end"]] == span["text"]
        assert task["tokens"][span["token_start"]]["start"] == span["start"]
        assert task["tokens"][span["token_end"]]["end"] == span["end"]


def test_white_space_tokens_rebuild_the_text_exactly(tmp_path: Path) -> None:
    text = 'Officials in  Port Maren counted 14 boats.\n\nThe harbour master  said:\t"More tomorrow."  '
    with Store.open(tmp_path / "ws.db") as store:
        [article], _ = store.add_articles([(ArticleIn(text=text), tokenize([text])[0], [])])
        start = text.index("Port Maren")
        store.add_span(article, "alice", start, start + 10, "LOCATION")
        start = text.index("More tomorrow.")
        store.add_span(article, "alice", start, start + 14, "QUOTE")
        store.set_status(article, "alice", "done")
        out = io.BytesIO()
        export(store, "prodigy", out, "alice")
    [task] = [json.loads(line) for line in out.getvalue().decode().splitlines()]
    assert_consistent(task)
    assert [t["text"] for t in task["tokens"] if not t["text"].strip()] == [" ", "\n\n", " ", "\t", " "]
    assert [(s["text"], s["token_start"], s["token_end"]) for s in task["spans"]] == [
        ("Port Maren", 3, 4), ("More tomorrow.", 18, 20)
    ]  # fmt: skip


def test_real_tweets_with_odd_white_space_in_and_out(tmp_path: Path) -> None:
    """Double, leading and trailing spaces; the same task twice (a repeat, listed); a text that is one space
    (nothing to annotate, listed); an ignored task (skipped)."""
    path, db, out = PRODIGY / "ner_manual_tweets_ws.jsonl", tmp_path / "tw.db", tmp_path / "out.jsonl"
    code, said, err = run("import", path, "--format", "prodigy", "--db", db, "--annotator", "ann",
                          "--label-map", "PERSON=ACTOR")  # fmt: skip
    assert (code, err) == (0, "")
    assert said.splitlines() == [
        f"7 record(s) imported (7 new article(s)) -> {db}",
        "skipped 2 record(s):",
        f"  {path}:6: repeats the record at line 5",
        f"  {path}:8: the text is blank: nothing to annotate",
    ]
    assert [(status, len(spans)) for _, _, status, spans in annotations(db)] == [
        ("done", 1), ("done", 5), ("done", 1), ("done", 0), ("done", 0), ("done", 0), ("skipped", 0)
    ]  # fmt: skip
    assert run("export", "--db", db, "--annotator", "ann", "--format", "prodigy", "--status", "all", "-o", out)[0] == 0
    written = tasks(out)
    for task in written:
        assert_consistent(task)
    given = [t for n, t in enumerate(tasks(path), start=1) if n not in (6, 8)]
    assert [t["text"] for t in written] == [t["text"] for t in given]
    assert [(t["_input_hash"], t["_task_hash"]) for t in written] == [
        (t["_input_hash"], t["_task_hash"]) for t in given
    ]


def test_binary_answers_become_decisions_and_a_rejected_span_is_never_a_span(tmp_path: Path) -> None:
    """ner.teach from 2017: 18 tasks about 10 texts, several about one text, rejected spans that overlap.
    Accepted spans are the annotator's spans; rejected ones are rejected suggestions; ignored ones stay pending;
    every text is one article's annotation, in progress (unanswered text is unknown, not "no entity")."""
    path, db = PRODIGY / "ner_teach_reddit_product.jsonl", tmp_path / "teach.db"
    code, out, err = run("import", path, "--format", "prodigy", "--db", db, "--annotator", "ann",
                         "--label-map", "PRODUCT=ACTOR")  # fmt: skip
    assert (code, out, err) == (0, f"10 record(s) imported (10 new article(s), 17 decision(s) on suggestions) -> {db}\n", "")  # fmt: skip
    stored = annotations(db)
    assert {status for _, _, status, _ in stored} == {"in_progress"}
    assert [[text for _, text, _ in spans] for _, _, _, spans in stored if spans] == [
        ["Google"], ["Apache", "MySQL"], ["i7"], ["MacBook"]
    ]  # fmt: skip
    assert count(db, "SELECT COUNT(*) FROM suggestions WHERE suggester = 'prodigy:core_web_sm'") == 19
    assert count(db, "SELECT COUNT(*) FROM decisions WHERE decision = 'accepted'") == 5
    assert count(db, "SELECT COUNT(*) FROM decisions WHERE decision = 'rejected'") == 12
    assert count(db, "SELECT COUNT(*) FROM spans s JOIN decisions d ON d.suggestion_id = s.suggestion_id "
                     "WHERE d.decision = 'rejected'") == 0  # fmt: skip
    assert count(db, "SELECT COUNT(*) FROM spans WHERE suggestion_id IS NULL") == 0  # each accepts a suggestion
    overlapping = 'SELECT COUNT(*) FROM suggestions WHERE (start, "end") IN ((87, 102), (77, 102))'
    assert count(db, overlapping) == 2
    code, out, _ = run("check", "--db", db)
    assert code == 0, out


def test_two_accepted_binary_spans_that_overlap_name_both_lines(tmp_path: Path) -> None:
    text = "I bought the new iPhone X yesterday."
    lines = [
        {"text": text, "spans": [{"start": 17, "end": 23, "label": "ACTOR"}], "answer": "accept", "_view_id": "ner"},
        {"text": text, "spans": [{"start": 17, "end": 25, "label": "ACTOR"}], "answer": "accept", "_view_id": "ner"},
    ]
    path = tmp_path / "teach.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    code, _, err = run("import", path, "--format", "prodigy", "--db", tmp_path / "t.db", "--annotator", "ann")
    assert (code, err) == (1, f"annotator: error: {path}:2: field 'spans[0]': accepted span 17:25 overlaps the "
                              f"accepted span 17:23 at {path}:1: one of them must go\n")  # fmt: skip


def test_unfinished_work_is_never_exported_as_accepted(tmp_path: Path) -> None:
    with build(tmp_path / "a.db") as store:
        [_, big] = store.article_ids()
        first = store.tokens(big)[0]
        store.add_span(big, "bob", first.start, first.end, "ACTOR")  # bob's work on it: in progress
        out = io.BytesIO()
        export(store, "prodigy", out, "alice", options=every_status())
        answers = [(t["status"], t["answer"]) for t in map(json.loads, out.getvalue().decode().splitlines())]
        assert answers == [("done", "accept"), ("flagged", "reject")]
        out = io.BytesIO()
        export(store, "prodigy", out, "bob", options=every_status())
        assert [(t["status"], t["answer"]) for t in map(json.loads, out.getvalue().decode().splitlines())] == [
            ("in_progress", "ignore")
        ]
        out = io.BytesIO()
        assert export(store, "prodigy", out, "bob") == 0  # by default, finished work only


def test_other_relations_need_a_map_and_labels_can_be_dropped(tmp_path: Path) -> None:
    path, db = PRODIGY / "rel_manual_bionlp.jsonl", tmp_path / "rel.db"
    code, _, err = run(
        "import", path, "--format", "prodigy", "--db", db, "--annotator", "ann", "--label-map", "GGP=ACTOR"
    )
    assert (code, err) == (1, f"annotator: error: {path}:1: field 'relations[0]': Input should be 'SPEAKER', got 'Pos-Reg' "
                              "(unknown in this file: Pos-Reg x5, No-rel x3, Binds x7, Reg x3, Neg-Reg x3; map them with "
                              "--relation-map Pos-Reg=RELATION,No-rel=RELATION,Binds=RELATION,Reg=RELATION,"
                              "Neg-Reg=RELATION, each RELATION SPEAKER if it links a quote to who said it, or nothing to "
                              "drop it, as NAME=)\n")  # fmt: skip
    code, out, _ = run("import", path, "--format", "prodigy", "--db", db, "--annotator", "ann", "--label-map",
                       "GGP=ACTOR", "--relation-map", "Pos-Reg=,Neg-Reg=,Reg=,Binds=,No-rel=")  # fmt: skip
    assert code == 0
    assert sorted(out.splitlines()[1:]) == [
        "left out: 3 relation(s) 'Neg-Reg' (--relation-map Neg-Reg=)",
        "left out: 3 relation(s) 'No-rel' (--relation-map No-rel=)",
        "left out: 3 relation(s) 'Reg' (--relation-map Reg=)",
        "left out: 5 relation(s) 'Pos-Reg' (--relation-map Pos-Reg=)",
        "left out: 7 relation(s) 'Binds' (--relation-map Binds=)",
    ]
    assert [len(spans) for _, _, _, spans in annotations(db)] == [5, 10, 2, 3, 4, 4]
    fashion, fb = PRODIGY / "ner_manual_fashion_brands.jsonl", tmp_path / "fb.db"
    code, out, _ = run("import", fashion, "--format", "prodigy", "--db", fb, "--annotator", "ann", "--label-map", "FASHION_BRAND=")  # fmt: skip
    assert (code, out.splitlines()) == (0, [f"6 record(s) imported (6 new article(s)) -> {fb}",
                                            "left out: 1 span(s) labelled 'FASHION_BRAND' (--label-map FASHION_BRAND=)"])  # fmt: skip


def test_text_classification_tasks_are_listed_not_imported(tmp_path: Path) -> None:
    path, db = PRODIGY / "textcat_pydata_hashes.jsonl", tmp_path / "tc.db"
    code, out, err = run("import", path, "--format", "prodigy", "--db", db)
    assert (code, err) == (
        1,
        f"annotator: error: nothing imported: every record of {path} was skipped (6 record(s) skipped; listed "
        f"above); {db} was not created\n",
    )
    assert out.splitlines() == ["skipped 6 record(s):"] + [
        f"  {path}:{n}: a task classifying the whole text (label 'new-dataset'), not spans" for n in range(1, 7)
    ]
    assert not db.exists()
