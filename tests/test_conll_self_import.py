"""CoNLL keeps words, not white space: importing our own CoNLL export puts its spans back on the article it came
from (matched by its words, white space aside), and a document no article matches is a new article the
import names. The real console script on real files."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.store import Store

#: Double spaces, a tab, a blank line and a no-break space: none of them survive CoNLL.
TEXT = "Ann Lee met  Bob in Paris.\n\nThe boats, 35 of them,\tleft  New\u00a0York on Monday."
SPANS = [("Ann Lee", "ACTOR"), ("Paris", "LOCATION"), ("35", "FIGURE"), ("New\u00a0York", "LOCATION")]


def annotated_db(path: Path, tmp_path: Path) -> Path:
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps({"id": "c1", "title": "Boats", "text": TEXT}) + "\n", encoding="utf-8")
    assert annotator("ingest", source, "--no-suggest", "--db", path).returncode == 0
    with Store.open(path) as store:
        for words, label in SPANS:
            start = TEXT.index(words)
            store.add_span("c1", "alice", start, start + len(words), label)
        store.set_status("c1", "alice", "done")
    return path


#: bob imports alice's export as his own: a name new to the database, said before the work
NEW_NAME = (
    "annotator: note: New annotator: 'bob' had no work, assignment or event in this database before this command (it has alice). "
    "If you meant alice, give that name with --annotator.\n"
)


def spans(db: Path, article: str, who: str) -> list[tuple[int, int, str, str]]:
    with Store.open(db, read_only=True) as store:
        return [(s.start, s.end, s.label.value, s.text) for s in store.spans(article, who)]


def test_our_conll_export_comes_back_to_its_article_with_exact_spans(tmp_path: Path) -> None:
    db = annotated_db(tmp_path / "a.db", tmp_path)
    conll = tmp_path / "alice.conll"
    assert annotator("export", "--db", db, "--annotator", "alice", "--format", "conll", "-o", conll).returncode == 0
    result = annotator("import", conll, "--format", "conll", "--annotator", "bob", "--db", db)
    assert (result.returncode, result.stderr) == (0, NEW_NAME)
    assert result.stdout == (
        f"1 record(s) imported (0 new article(s)); 1 put on the stored article with the same words -> {db}\n"
    )
    with Store.open(db, read_only=True) as store:
        assert store.article_ids() == ["c1"]
    expected = [(0, 7, "ACTOR", "Ann Lee"), (20, 25, "LOCATION", "Paris"), (39, 41, "FIGURE", "35"),
                (57, 65, "LOCATION", "New\u00a0York")]  # fmt: skip
    assert [TEXT[start:end] for start, end, _, _ in expected] == [words for words, _ in SPANS]
    assert spans(db, "c1", "bob") == expected == spans(db, "c1", "alice")
    again = annotator("import", conll, "--format", "conll", "--annotator", "bob", "--db", db)
    assert again.stdout == (
        f"0 record(s) imported (0 new article(s)); 1 unchanged; 1 put on the stored article with the same words "
        f"-> {db}\n"
    )


def test_a_document_no_article_matches_is_a_new_article_the_import_names(tmp_path: Path) -> None:
    db = annotated_db(tmp_path / "a.db", tmp_path)
    conll = tmp_path / "alice.conll"
    assert annotator("export", "--db", db, "--annotator", "alice", "--format", "conll", "-o", conll).returncode == 0
    other = tmp_path / "other.db"
    result = annotator("import", conll, "--format", "conll", "--annotator", "bob", "--db", other)
    assert result.returncode == 0, result.stderr
    with Store.open(other, read_only=True) as store:
        [article] = store.article_ids()
        rebuilt = store.article(article).text
    assert rebuilt == "Ann Lee met Bob in Paris .\nThe boats , 35 of them , left New York on Monday ."
    assert result.stdout == (
        f"1 record(s) imported (1 new article(s)) -> {other}\n"
        "note: 1 new article(s) with a text rebuilt from the file's tokens, the white space between them guessed: "
        "no stored article has the same words\n"
        "note: 1 article(s) new to this database stored as done work: CoNLL has no status\n"
    )
    assert spans(other, article, "bob") == [
        (0, 7, "ACTOR", "Ann Lee"), (19, 24, "LOCATION", "Paris"), (39, 41, "FIGURE", "35"),
        (57, 65, "LOCATION", "New York")
    ]  # fmt: skip


def test_a_document_several_articles_match_is_a_new_article_and_the_note_says_why(tmp_path: Path) -> None:
    """Found by a newcomer: the note said "no stored article has the same words; 1 have the words of several, so
    none was chosen", both at once. It says which case each rebuilt article is."""
    db = annotated_db(tmp_path / "a.db", tmp_path)
    conll = tmp_path / "alice.conll"
    assert annotator("export", "--db", db, "--annotator", "alice", "--format", "conll", "-o", conll).returncode == 0
    twin = tmp_path / "twin.jsonl"
    twin.write_text(json.dumps({"id": "c2", "title": "Boats", "text": TEXT.replace("  ", " ")}) + "\n", "utf-8")
    assert annotator("ingest", twin, "--no-suggest", "--db", db).returncode == 0
    result = annotator("import", conll, "--format", "conll", "--annotator", "bob", "--db", db)
    assert (result.returncode, result.stderr) == (0, NEW_NAME)
    assert result.stdout == (
        f"1 record(s) imported (1 new article(s)) -> {db}\n"
        "note: 1 new article(s) with a text rebuilt from the file's tokens, the white space between them guessed: "
        "several stored articles have the same words, so none was chosen\n"
        "note: 1 article(s) new to this database stored as done work: CoNLL has no status\n"
    )


def test_a_conll_export_says_what_it_leaves_out_and_what_misleads_its_readers(tmp_path: Path) -> None:
    """Found by a trial: CoNLL dropped quotes without a word, and a '-DOCSTART-' in the text split the document
    for every CoNLL reader (our import made two articles of it)."""
    text = '"We will go -DOCSTART- now," Ann Lee said in Paris.'
    source = tmp_path / "q.jsonl"
    source.write_text(json.dumps({"id": "q1", "title": "Q", "text": text}) + "\n", encoding="utf-8")
    db = tmp_path / "q.db"
    assert annotator("ingest", source, "--no-suggest", "--db", db).returncode == 0
    with Store.open(db) as store:
        store.add_span("q1", "alice", 29, 36, "ACTOR")
        store.add_span("q1", "alice", 1, 27, "QUOTE")
        store.set_status("q1", "alice", "done")
    conll = tmp_path / "q.conll"
    result = annotator("export", "--db", db, "--annotator", "alice", "--format", "conll", "-o", conll)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"1 record(s) -> {conll}\n",
        "note: 1 quote(s) left out: CoNLL carries entity spans only (jsonl, prodigy, labelstudio or "
        "doccano-relations keep them)\n"
        "note: 1 token(s) '-DOCSTART-' in the text: CoNLL readers take each for the start of a new document\n",
    )


def test_a_conll_export_says_it_leaves_out_control_characters_between_words(tmp_path: Path) -> None:
    """Noticed in stop 41: a terminal's colour code, a bell and bidi controls are in no token, and CoNLL writes
    only tokens, so they were dropped without a word (white space is dropped too, and the header says so)."""
    text = "Ann Lee\x1b[31m said \x07hi in \u202eParis\u202c today."
    source = tmp_path / "c.jsonl"
    source.write_text(json.dumps({"id": "c1", "title": "C", "text": text}) + "\n", encoding="utf-8")
    db = tmp_path / "c.db"
    assert annotator("ingest", source, "--no-suggest", "--db", db).returncode == 0
    with Store.open(db) as store:
        store.add_span("c1", "alice", 0, 7, "ACTOR")
        store.set_status("c1", "alice", "done")
    conll = tmp_path / "c.conll"
    result = annotator("export", "--db", db, "--annotator", "alice", "--format", "conll", "-o", conll)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"1 record(s) -> {conll}\n",
        "note: 4 control character(s) between or inside words left out: CoNLL writes words only (jsonl, prodigy, "
        "spacy, labelstudio and doccano keep the text whole)\n",
    )
    assert "\x1b" not in conll.read_text(encoding="utf-8")


def test_a_conll_export_says_which_work_it_writes_without_its_status(tmp_path: Path) -> None:
    """Newcomer 42c: `export --status all --format conll` wrote flagged, skipped and unfinished work as plain
    documents, and imported back they were done (CoNLL has no status), without a word either way."""
    db = tmp_path / "s.db"
    lines = [json.dumps({"id": f"s{n}", "title": f"S{n}", "text": f"Ann Lee left Paris {n}."}) for n in range(4)]
    (tmp_path / "s.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert annotator("ingest", tmp_path / "s.jsonl", "--no-suggest", "--db", db).returncode == 0
    with Store.open(db) as store:
        for n, status in enumerate(["done", "flagged", "skipped", "in_progress"]):
            store.add_span(f"s{n}", "alice", 0, 7, "ACTOR")
            if status != "in_progress":
                store.set_status(f"s{n}", "alice", status)
    conll = tmp_path / "s.conll"
    result = annotator(
        "export", "--db", db, "--annotator", "alice", "--status", "all", "--format", "conll", "-o", conll
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"4 record(s) -> {conll}\n",
        "note: 1 flagged record(s) written without their status: CoNLL has no place for it, and a CoNLL document "
        "imports as done work\n"
        "note: 1 skipped record(s) written without their status: CoNLL has no place for it, and a CoNLL document "
        "imports as done work\n"
        "note: 1 in_progress record(s) written without their status: CoNLL has no place for it, and a CoNLL document "
        "imports as done work\n",
    )


def test_the_models_suggestions_are_not_exported_as_conll(tmp_path: Path) -> None:
    """Found by an attacker: CoNLL names no annotator, so `export --suggestions --format conll` imported back with
    --annotator alice made the model's spans her finished work (every other format says whose spans they are)."""
    db = annotated_db(tmp_path / "a.db", tmp_path)
    out = tmp_path / "s.conll"
    result = annotator("export", "--db", db, "--suggestions", "--format", "conll", "-o", out)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        "annotator: error: CoNLL cannot say that spans are the model's suggestions, not anyone's work: export "
        "--suggestions as jsonl, prodigy, labelstudio, spacy or doccano\n",
    )
    assert not out.exists()


def test_a_conll_file_cut_at_a_line_end_is_refused_not_a_new_half_article(tmp_path: Path) -> None:
    """A CoNLL export cut short at a line's end parses: its last document was imported as a new article of the
    first half of a stored one's words, and done (a newcomer's trial, 37). Its words are the start of a stored
    article's: the import names it and writes nothing."""
    db = annotated_db(tmp_path / "a.db", tmp_path)
    conll = tmp_path / "alice.conll"
    assert annotator("export", "--db", db, "--annotator", "alice", "--format", "conll", "-o", conll).returncode == 0
    lines = conll.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = tmp_path / "cut.conll"
    cut.write_text("".join(lines[:16]), encoding="utf-8")
    assert lines[15] == "them _ _ O\n"
    before = db.read_bytes()
    result = annotator("import", cut, "--format", "conll", "--annotator", "bob", "--db", db)
    assert (result.returncode, result.stdout, result.stderr.splitlines()[-1]) == (
        1,
        "",
        f"annotator: error: {cut}:1: its words are only the start of those of the stored article 'c1' (37 of 58 "
        "characters, white space aside): is the file truncated? (imported, it would be a new article of half a text)",
    )
    assert db.read_bytes() == before


def test_a_text_with_a_zero_width_joiner_comes_back_to_its_article(tmp_path: Path) -> None:
    """A zero-width joiner between words is white space to the tokenizer, so CoNLL loses it as it loses spaces:
    the round trip made a second article of 17 of the corpus's 336 (a newcomer's trial, 37, new 1). Invisible
    format characters are set aside with white space when the words are matched."""
    text = "Reporters asked Daily Xtra\u200d's editor John Smith about the plan in Toronto."
    source = tmp_path / "z.jsonl"
    source.write_text(json.dumps({"id": "z1", "text": text}) + "\n", encoding="utf-8")
    db = tmp_path / "z.db"
    assert annotator("ingest", source, "--no-suggest", "--db", db).returncode == 0
    with Store.open(db) as store:
        start = text.index("Toronto")
        store.add_span("z1", "alice", start, start + 7, "LOCATION")
        store.set_status("z1", "alice", "done")
    conll = tmp_path / "z.conll"
    assert annotator("export", "--db", db, "--annotator", "alice", "--format", "conll", "-o", conll).returncode == 0
    assert "\u200d" not in conll.read_text(encoding="utf-8")
    result = annotator("import", conll, "--format", "conll", "--annotator", "bob", "--db", db)
    assert result.stdout == (
        f"1 record(s) imported (0 new article(s)); 1 put on the stored article with the same words -> {db}\n"
    )
    assert spans(db, "z1", "bob") == [(start, start + 7, "LOCATION", "Toronto")]


def test_skip_invalid_skips_a_conll_document_with_a_bad_line_and_names_the_line(tmp_path: Path) -> None:
    """A line with no tag stopped the whole import even with --skip-invalid (the README's own CoNLL example
    uses it), and a bad tag was listed at its document's first line, not its own (a newcomer's re-trial, 37b, 6)."""
    conll = tmp_path / "m.conll"
    conll.write_text(
        "-DOCSTART- -X- O O\n\nAnn B-ACTOR\nmet O\nbroken\n\n"
        "-DOCSTART- -X- O O\n\nBob B-PERSONX\nleft O\n\n"
        "-DOCSTART- -X- O O\n\nCarol B-ACTOR\nstayed O\n",
        encoding="utf-8",
    )
    db = tmp_path / "m.db"
    refused = annotator("import", conll, "--format", "conll", "--annotator", "bob", "--db", db)
    assert refused.stderr.splitlines()[-1] == (
        f"annotator: error: {conll}:5: expected a token and its tag, separated by white space"
    )
    result = annotator("import", conll, "--format", "conll", "--annotator", "bob", "--db", db, "--skip-invalid")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "skipped 2 record(s):",
        f"  {conll}:5: expected a token and its tag, separated by white space",
        f"  {conll}:9: field 'tag': Input should be 'ACTOR', 'LOCATION', 'FIGURE' or 'QUOTE', got 'PERSONX' (map it "
        "with --label-map PERSONX=LABEL, LABEL the one it stands for (ACTOR, LOCATION, FIGURE, QUOTE) or nothing to drop it, as PERSONX=)",
        "note: 1 new article(s) with a text rebuilt from the file's tokens, the white space between them guessed: "
        "no stored article has the same words",
        "note: 1 article(s) new to this database stored as done work: CoNLL has no status",
    ]
    with Store.open(db, read_only=True) as store:
        assert [store.article(a).text for a in store.article_ids()] == ["Carol stayed"]


def test_a_text_with_control_characters_comes_back_to_its_article(tmp_path: Path) -> None:
    """A terminal's escape (ESC) and a bell (BEL) in a .txt article: the tokenizer takes them for white space, so
    the CoNLL export has "[31m" for "\\x1b[31m" and no token for the bell, and the import made a new article of
    the round trip (a newcomer's trial, 38, 1). Control characters are set aside with white space too."""
    text = "The union said.\x1b[31m About 400 staff\x1b[0m walked out, said Brandt.\x07 The talks failed."
    source = tmp_path / "c.jsonl"
    source.write_text(json.dumps({"id": "k1", "text": text}) + "\n", encoding="utf-8")
    db = tmp_path / "c.db"
    assert annotator("ingest", source, "--no-suggest", "--db", db).returncode == 0
    with Store.open(db) as store:
        start = text.index("Brandt")
        store.add_span("k1", "alice", start, start + 6, "ACTOR")
        store.set_status("k1", "alice", "done")
    conll = tmp_path / "c.conll"
    assert annotator("export", "--db", db, "--annotator", "alice", "--format", "conll", "-o", conll).returncode == 0
    written = conll.read_text(encoding="utf-8")
    assert "\x1b" not in written and "\x07" not in written
    result = annotator("import", conll, "--format", "conll", "--annotator", "bob", "--db", db)
    assert result.stdout == (
        f"1 record(s) imported (0 new article(s)); 1 put on the stored article with the same words -> {db}\n"
    )
    assert spans(db, "k1", "bob") == [(start, start + 6, "ACTOR", "Brandt")]
