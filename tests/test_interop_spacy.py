"""spaCy as the consumer: `spacy convert` on our CoNLL, `spacy debug data` and `spacy train` on our DocBin and the
config we write for it; and spaCy's own files in (fixtures/real/spacy)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from exchange_support import SMALL, build
from real_files import REAL, annotations, run

SPACY = REAL / "spacy"
GOLD = Path(__file__).resolve().parent / "fixtures" / "gold"


def spacy_cli(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    """spaCy's own command line, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "spacy", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def docs(path: Path) -> list:
    import spacy
    from spacy.tokens import DocBin

    return list(DocBin().from_disk(path).get_docs(spacy.blank("en").vocab))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    build(tmp_path / "a.db").close()  # alice: the small article done, the seed flagged
    return tmp_path / "a.db"


def test_spacy_convert_splits_our_conll_into_our_articles(tmp_path: Path, db: Path) -> None:
    """`-DOCSTART- -X- O O` is the line spacy convert splits documents on: each article is one Doc, and no
    `-DOCSTART-` becomes a word."""
    conll = tmp_path / "alice.conll"
    assert (
        run("export", "--db", db, "--annotator", "alice", "--format", "conll", "--status", "all", "-o", conll)[0] == 0
    )
    assert conll.read_text(encoding="utf-8").splitlines()[:2] == ["-DOCSTART- -X- O O", ""]
    converted = spacy_cli("convert", conll, tmp_path, "--converter", "ner", cwd=tmp_path)
    assert converted.returncode == 0, converted.stderr
    made = docs(tmp_path / "alice.spacy")
    assert len(made) == 2
    assert not [t for doc in made for t in doc if t.text == "-DOCSTART-"]
    assert [(e.text, e.label_) for e in made[0].ents] == [
        ("Washington", "ACTOR"), ("At least 35", "FIGURE"), ("Gaza", "LOCATION"), ("New York", "LOCATION")
    ]  # fmt: skip
    assert [(e.text, e.label_) for e in made[1].ents] == [
        ("Israel", "ACTOR"), ("Gaza Strip", "LOCATION"), ("at least 35", "FIGURE")
    ]  # fmt: skip


def test_skipped_and_flagged_work_stays_out_of_the_training_docbin(tmp_path: Path, db: Path) -> None:
    out = tmp_path / "train.spacy"
    code, said, _ = run("export", "--db", db, "--annotator", "alice", "--format", "spacy", "-o", out)
    assert (code, said) == (0, f"1 record(s) -> {out}\n")
    assert [doc.text for doc in docs(out)] == [SMALL]
    code, said, _ = run("export", "--db", db, "--annotator", "alice", "--format", "spacy", "--status", "done,flagged", "-o", out)  # fmt: skip
    assert (code, said) == (0, f"2 record(s) -> {out}\n")
    code, _, err = run("export", "--db", db, "--annotator", "alice", "--status", "finished", "-o", out)
    assert (code, err) == (1, "annotator: error: field '--status': 'finished' is not a status (known: todo, "
                              "in_progress, done, skipped, flagged, all)\n")  # fmt: skip


def test_spacy_trains_on_the_docbin_with_the_config_we_write(tmp_path: Path, db: Path) -> None:
    """NER on doc.ents, spancat on doc.spans["quotes"] labelling what a span_finder proposes: `spacy debug data`
    reads it (its one error: too few examples to train, on two articles) and `spacy train` runs on it as written,
    its length too (30 epochs of two articles)."""
    out, config = tmp_path / "train.spacy", tmp_path / "train.cfg"
    code, said, _ = run("export", "--db", db, "--annotator", "alice", "--format", "spacy", "--status", "all", "-o",
                        out, "--config", config)  # fmt: skip
    assert (code, said) == (0, f"2 record(s) -> {out}; spaCy training config -> {config}\n")
    text = config.read_text(encoding="utf-8")
    assert 'spans_key = "quotes"' in text and '@misc = "spacy.preset_spans_suggester.v1"' in text
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    checked = spacy_cli("debug", "data", config, cwd=elsewhere)
    assert "quotes" in checked.stdout and "1 error" in checked.stdout, checked.stdout
    assert "Low number of examples to train a new pipeline (2)" in checked.stdout
    trained = spacy_cli("train", config, "--output", tmp_path / "model", cwd=elsewhere)
    assert trained.returncode == 0, trained.stderr[-2000:]
    import spacy

    nlp = spacy.load(tmp_path / "model" / "model-last")
    assert nlp.pipe_names == ["tok2vec", "ner", "span_finder", "spancat"]
    assert set(nlp.get_pipe("ner").labels) == {"ACTOR", "FIGURE", "LOCATION"}
    assert nlp.get_pipe("spancat").key == "quotes" and set(nlp.get_pipe("spancat").labels) == {"QUOTE"}


def test_a_config_needs_the_spacy_format_and_a_file(db: Path, tmp_path: Path) -> None:
    code, _, err = run("export", "--db", db, "--annotator", "alice", "--config", tmp_path / "c.cfg")
    assert (code, err) == (1, "annotator: error: --config goes with --format spacy (a `spacy train` config) or "
                              "labelstudio (the labelling config)\n")  # fmt: skip


def test_an_export_whose_config_fails_leaves_neither_file(db: Path, tmp_path: Path) -> None:
    """All or nothing: the DocBin is put in place only with its config, and an older DocBin stays as it was."""
    out = tmp_path / "x.spacy"
    code, said, err = run("export", "--db", db, "--annotator", "alice", "--format", "spacy", "-o", out,
                          "--config", tmp_path / "nofolder" / "BAD.cfg")  # fmt: skip
    assert (code, said) == (1, "")
    assert err == f"annotator: error: {tmp_path / 'nofolder' / 'BAD.cfg'}: no such folder {tmp_path / 'nofolder'}; nothing was written\n"  # fmt: skip
    code, said, err = run("export", "--db", db, "--annotator", "alice", "--format", "spacy",
                          "--status", "skipped", "-o", out, "--config", tmp_path / "c.cfg")  # fmt: skip
    assert (code, said, err) == (1, "", "annotator: error: the DocBin holds no spans, so there is nothing to train: "
                                        "nothing was written\n")  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db"]  # a reader creates nothing beside the file
    out.write_bytes(b"older")
    code, said, err = run("export", "--db", db, "--annotator", "alice", "--format", "spacy",
                          "--status", "skipped", "-o", out, "--config", tmp_path / "c.cfg")  # fmt: skip
    assert code == 1 and out.read_bytes() == b"older" and not (tmp_path / "c.cfg").exists()
    code, said, err = run("export", "--db", db, "--annotator", "alice", "--format", "spacy", "-o", out,
                          "--config", out)  # fmt: skip
    assert (code, err) == (1, f"annotator: error: {out}: names the same file as another output; nothing was written\n")
    assert out.read_bytes() == b"older"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db", "x.spacy"]


def spancat_docbin(tmp_path: Path) -> Path:
    """The spancat demo's training data made into a DocBin the way that project does: spans in doc.spans["sc"]."""
    import spacy
    from spacy.tokens import DocBin

    nlp, docbin = spacy.blank("en"), DocBin()
    for text, annotation in json.loads((SPACY / "spancat_demo_train.json").read_text(encoding="utf-8")):
        doc = nlp.make_doc(text)
        doc.spans["sc"] = [doc.char_span(start, end, label=label) for start, end, label in annotation["entities"]]
        docbin.add(doc)
    docbin.to_disk(tmp_path / "sc.spacy")
    return tmp_path / "sc.spacy"


def test_a_spancat_docbin_is_never_read_without_its_spans(tmp_path: Path) -> None:
    path, db = spancat_docbin(tmp_path), tmp_path / "sc.db"
    code, _, err = run("import", path, "--format", "spacy", "--annotator", "ann", "--db", db)
    assert (code, err) == (1, f"annotator: error: {path}: record 1: field 'spans': the Doc keeps 1 span(s) under 'sc', "
                              "which are not read (give --spans-key sc; the spans read are doc.ents and "
                              "doc.spans['quotes'])\n")  # fmt: skip
    code, out, _ = run("import", path, "--format", "spacy", "--annotator", "ann", "--db", db, "--spans-key", "sc",
                       "--label-map", "PERSON=ACTOR,LOC=LOCATION")  # fmt: skip
    assert (code, out) == (0, f"3 record(s) imported (3 new article(s)) -> {db}\n")
    assert annotations(db) == [
        ("Who is Shaka Khan?", "ann", "done", [("ACTOR", "Shaka Khan", None)]),
        ("I like London and Berlin.", "ann", "done", [("LOCATION", "London", None), ("LOCATION", "Berlin", None)]),
        ("Have you been to London?", "ann", "done", [("LOCATION", "London", None)]),
    ]


def test_our_docbin_under_another_spans_key_round_trips(tmp_path: Path, db: Path) -> None:
    out, again = tmp_path / "sc.spacy", tmp_path / "again.db"
    assert (
        run("export", "--db", db, "--annotator", "alice", "--format", "spacy", "--spans-key", "sc", "-o", out)[0] == 0
    )
    assert [[s.text for s in doc.spans["sc"]] for doc in docs(out)] == [["the talks failed"]]
    code, _, _ = run("import", out, "--format", "spacy", "--db", again)
    assert code == 1
    code, _, _ = run("import", out, "--format", "spacy", "--db", again, "--spans-key", "sc")
    assert code == 0
    [(_, who, status, spans)] = annotations(again)
    assert (who, status, spans[1]) == ("alice", "done", ("QUOTE", "the talks failed", "Washington"))


SPACY_LABELS = ["--label-map", "PERSON=ACTOR,ORG=ACTOR,DATE=FIGURE,NORP="]
THRUN = [("ACTOR", "Sebastian Thrun", None), ("ACTOR", "Google", None), ("FIGURE", "2007", None)]
RECODE = [("ACTOR", "Thrun", None), ("ACTOR", "Recode", None), ("FIGURE", "earlier this week", None)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ner-sent-per-line.iob", [THRUN, RECODE]),  # a line a document, as spacy convert makes them
        ("ner-token-per-line-conll2003.iob", [THRUN + RECODE]),
        ("ner-token-per-line-with-pos.iob", [THRUN + RECODE]),
        ("ner-token-per-line.iob", [THRUN + RECODE]),
    ],
)
def test_spacys_example_iob_files(tmp_path: Path, name: str, expected: list) -> None:
    db = tmp_path / "iob.db"
    code, out, err = run("import", SPACY / name, "--format", "conll", "--annotator", "ann", "--db", db, *SPACY_LABELS)
    assert (code, err) == (0, "")
    assert out.splitlines()[1:] == [
        "left out: 1 span(s) labelled 'NORP' (--label-map NORP=)",
        f"note: {len(expected)} new article(s) with a text rebuilt from the file's tokens, the white space between "
        "them guessed: no stored article has the same words",
        f"note: {len(expected)} article(s) new to this database stored as done work: CoNLL has no status",
    ]
    assert [spans for _, _, _, spans in annotations(db)] == expected


def test_the_config_trains_a_newsrooms_gold_in_minutes_and_every_quote_fits(tmp_path: Path) -> None:
    """A newcomer's trial: the config as written was spaCy's quickstart length (20,000 steps, patience 1,600) with
    a spancat proposing every span up to the longest quote (118 tokens in the 18-article dev gold): hours on a
    CPU, 15 GB before a first score, and the README's overrides still took 16 minutes. Now: a length for tens to
    hundreds of articles (at most 30 epochs, 1,500 steps), and a span_finder proposing quotes up to the longest
    one in the DocBin for spancat to label, so no quote of the gold is out of reach. spaCy's own `debug config`
    validates it as written, with the exported DocBin, run from another folder."""
    db, out, config = tmp_path / "gold.db", tmp_path / "train.spacy", tmp_path / "train.cfg"
    assert run("import", GOLD / "dev.jsonl", "--db", db)[0] == 0
    code, said, _ = run("export", "--db", db, "--gold", "--format", "spacy", "-o", out, "--config", config)
    assert (code, said) == (0, f"18 record(s) -> {out}; spaCy training config -> {config}\n")
    longest = max(len(span) for doc in docs(out) for span in doc.spans["quotes"])
    assert longest == 118
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    checked = spacy_cli("debug", "config", config, cwd=elsewhere)
    assert checked.returncode == 0 and "Config is valid" in checked.stdout, checked.stdout + checked.stderr
    from spacy.util import load_config

    written = load_config(config, interpolate=True)
    training = written["training"]
    assert (training["max_epochs"], training["max_steps"], training["patience"], training["eval_frequency"]) == (
        30,
        1500,
        400,
        27,
    )  # fmt: skip (30 passes over 18 articles: a score every 27 steps, about twenty in all)
    assert training["annotating_components"] == ["span_finder"]
    assert written["nlp"]["pipeline"] == ["tok2vec", "ner", "span_finder", "spancat"]
    finder, spancat = written["components"]["span_finder"], written["components"]["spancat"]
    assert (finder["spans_key"], finder["max_length"]) == ("quotes", longest)
    assert spancat["suggester"] == {"@misc": "spacy.preset_spans_suggester.v1", "spans_key": "quotes"}
    tok2vecs = [c["model"]["tok2vec"]["@architectures"] for c in (written["components"]["ner"], finder, spancat)]
    assert tok2vecs == ["spacy.Tok2VecListener.v1", "spacy.Tok2Vec.v2", "spacy.Tok2Vec.v2"]  # the NER's alone
    assert training["score_weights"]["spans_quotes_f"] == 0.5


def test_spacy_train_on_a_small_gold_prints_scores_as_it_learns(tmp_path: Path) -> None:
    """A newcomer's trial: `spacy train` on the config written for 5 articles printed only its step-0 row of zeros
    (a score every 100 steps; 30 passes over 5 articles took fewer) and saved a pipeline nobody had seen scored.
    The config scores about twenty times a run: every 7 steps for 5 articles. Here 3 passes, the rest as written."""
    gold, db, out, config = tmp_path / "five.jsonl", tmp_path / "g.db", tmp_path / "train.spacy", tmp_path / "t.cfg"
    gold.write_text("".join((GOLD / "dev.jsonl").read_text("utf-8").splitlines(keepends=True)[:5]), "utf-8")
    assert run("import", gold, "--db", db)[0] == 0
    assert run("export", "--db", db, "--gold", "--format", "spacy", "-o", out, "--config", config)[0] == 0
    from spacy.util import load_config

    assert load_config(config)["training"]["eval_frequency"] == 7
    trained = spacy_cli("train", config, "--output", tmp_path / "sp", "--training.max_epochs", "3", cwd=tmp_path)
    assert trained.returncode == 0, trained.stdout + trained.stderr
    steps = [line.split()[1] for line in trained.stdout.splitlines() if line.split()[:1] and line.split()[0].isdigit()]
    assert steps[:3] == ["0", "7", "14"]


def test_a_docbin_spacy_convert_made_of_our_conll_comes_back_to_its_articles(tmp_path: Path, db: Path) -> None:
    """`spacy convert` of our CoNLL makes Docs without our record, their text the tokens joined by spaces: imported,
    each was a new article, the stored ones doubled with no note (a newcomer's trial, 38, 3). A Doc without our
    record is matched to the stored article with its words, as a CoNLL document is."""
    conll = tmp_path / "alice.conll"
    assert (
        run("export", "--db", db, "--annotator", "alice", "--format", "conll", "--status", "all", "-o", conll)[0] == 0
    )
    assert spacy_cli("convert", conll, tmp_path, "--converter", "ner", cwd=tmp_path).returncode == 0
    code, said, _ = run("import", tmp_path / "alice.spacy", "--format", "spacy", "--annotator", "bob", "--db", db)
    assert (code, said) == (
        0,
        f"2 record(s) imported (0 new article(s)); 2 put on the stored article with the same words -> {db}\n",
    )
    alice = run("export", "--db", db, "--annotator", "alice", "--status", "all", "-o", "-")[1]
    bob = run("export", "--db", db, "--annotator", "bob", "--status", "all", "-o", "-")[1]
    entities = [
        [(s["start"], s["end"], s["label"]) for s in json.loads(line)["spans"] if s["label"] != "QUOTE"]
        for line in alice.splitlines()
    ]
    assert entities == [
        [(s["start"], s["end"], s["label"]) for s in json.loads(line)["spans"]] for line in bob.splitlines()
    ]
