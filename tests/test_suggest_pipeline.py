"""The public interface around the rules: loading, batching, tokens, and the gold fixtures' shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.models import Label, NativeRecord
from annotator.rows import Token
from annotator.suggest import ModelNotFound, load_pipeline, suggest_texts, tokens_of

GOLD = Path(__file__).parent / "fixtures" / "gold"


def test_missing_model_raises_a_one_line_message() -> None:
    with pytest.raises(ModelNotFound) as error:
        load_pipeline("no_such_pipeline_xx")
    assert str(error.value) == (
        "spaCy pipeline 'no_such_pipeline_xx' is neither installed nor a pipeline folder: pass an installed "
        "pipeline's name or path, or leave --model out for the default English model"
    )


def test_tokens_exclude_white_space(nlp) -> None:
    assert tokens_of(nlp("Hi  there.\n")) == [Token(start=0, end=2), Token(start=4, end=9), Token(start=9, end=10)]


def test_suggest_texts_yields_one_result_per_text_in_order(nlp) -> None:
    results = list(suggest_texts(["Washington said no.", "", "Paris is big."], nlp, batch_size=2))
    assert [[s.text for s in suggestions] for _, suggestions in results] == [["Washington"], [], ["Paris"]]
    assert results[0][1][0].label is Label.ACTOR
    assert results[2][1][0].label is Label.LOCATION


@pytest.mark.parametrize(("name", "articles", "spans"), [("dev.jsonl", 18, 770), ("test.jsonl", 18, 639)])
def test_gold_splits_are_valid_native_records(name: str, articles: int, spans: int) -> None:
    records = [NativeRecord.model_validate_json(line) for line in (GOLD / name).read_text("utf-8").splitlines()]
    assert (len(records), sum(len(r.spans) for r in records)) == (articles, spans)
    assert {r.annotator for r in records} == {"gold"}
    assert all(r.meta["licence"] == "CC BY 2.5, Wikinews contributors" for r in records if r.meta.get("url"))


def test_gold_splits_share_no_article() -> None:
    ids = {
        name: {
            NativeRecord.model_validate_json(line).article_id for line in (GOLD / name).read_text("utf-8").splitlines()
        }
        for name in ("dev.jsonl", "test.jsonl")
    }
    assert ids["dev.jsonl"].isdisjoint(ids["test.jsonl"])


def test_a_text_over_max_length_is_parsed_in_pieces_with_offsets_kept(nlp) -> None:
    first = "Washington said no to the plan on Monday."
    second = '"We will stay in Gaza," said Anna Berg.'
    text = f"{first}\n\n{second}"
    whole = list(suggest_texts([text], nlp))
    saved = nlp.max_length
    nlp.max_length = len(first) + 5  # too short for the whole text: two pieces, cut at the paragraph break
    try:
        [(tokens, suggestions)] = list(suggest_texts([text], nlp))
    finally:
        nlp.max_length = saved
    assert (tokens, suggestions) == whole[0]
    assert [(s.label.value, s.text, s.start) for s in suggestions] == [
        ("ACTOR", "Washington", 0),
        ("QUOTE", "We will stay in Gaza,", 44),
        ("LOCATION", "Gaza", 60),
        ("ACTOR", "Anna Berg", 72),
    ]
    assert all(text[s.start : s.end] == s.text for s in suggestions)
    quote = suggestions[1]
    assert quote.speaker is not None and text[quote.speaker.start : quote.speaker.end] == "Anna Berg"
    assert tokens[-1] == Token(start=len(text) - 1, end=len(text))


def test_cli_ingests_an_article_over_a_million_characters(tmp_path: Path) -> None:
    """spaCy refuses texts over 1,000,000 characters (E088): the article is suggested in pieces, no traceback."""
    import json
    import subprocess
    import sys

    text = "Washington said no to the plan.\n" + "\n" * 1_000_000 + '"We will stay," said Anna Berg.\n'
    source = tmp_path / "long.txt"
    source.write_text(text, encoding="utf-8")
    db = tmp_path / "long.db"
    script = Path(sys.executable).parent / "annotator"
    ingested = subprocess.run([str(script), "ingest", str(source), "--db", str(db)], capture_output=True, text=True)
    assert (ingested.returncode, ingested.stderr) == (0, "")
    assert ingested.stdout == f"1 article(s) added, 0 already stored, 3 suggestion(s) -> {db}\n"
    exported = subprocess.run(
        [str(script), "export", "--suggestions", "--db", str(db), "-o", "-"], capture_output=True, text=True
    )
    [record] = [json.loads(line) for line in exported.stdout.splitlines()]
    quote = text.index("We will stay,")
    assert [(s["label"], s["text"], s["start"]) for s in record["spans"]] == [
        ("ACTOR", "Washington", 0),
        ("QUOTE", "We will stay,", quote),
        ("ACTOR", "Anna Berg", quote + 20),
    ]
    assert record["spans"][1]["speaker"] == {"start": quote + 20, "end": quote + 29}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one two\n\nthree four", ["one two\n\n", "three four"]),  # a paragraph break first
        ("one two. three four", ["one two. ", "three four"]),  # else after a sentence's end
        ("one two three four", ["one two ", "three four"]),  # else at white space
        ("abcdefghijklmnop", ["abcdefghij", "klmnop"]),  # else anywhere
        ("short", ["short"]),  # a text within max_length is one piece
    ],
)
def test_pieces_are_cut_at_the_best_break_and_cover_the_text(text: str, expected: list[str]) -> None:
    from annotator.suggest.pieces import pieces

    found = list(pieces(text, max_length=10, limit=10))
    assert [part for _, part in found] == expected
    assert [offset for offset, _ in found] == [text.index(part) for part in expected]


def test_suggestions_are_trimmed_by_the_span_rules(nlp) -> None:
    """Whatever a suggester's span covers, the stored suggestion has no white space (a no-break space
    included) or stray punctuation at its edges: one rule, annotator.spans.fit."""
    from annotator.models import Label
    from annotator.suggest import ENTITY_SUGGESTERS, Suggesters, suggest_doc
    from annotator.suggest.entities import Candidate

    text = 'Officials counted about 1\xa0 ("35") people.'
    doc = nlp(text)
    wide = [Candidate(2, 5, Label.FIGURE, "other"), Candidate(5, 10, Label.FIGURE, "other")]
    ENTITY_SUGGESTERS["test.wide"] = lambda _doc: wide
    try:
        suggestions = suggest_doc(doc, Suggesters("test.wide", "quotes.v2"))
    finally:
        del ENTITY_SUGGESTERS["test.wide"]
    assert [doc[c.start : c.end].text for c in wide] == ["about 1\xa0 ", '("35")']
    assert [(s.label, s.text) for s in suggestions] == [(Label.FIGURE, "about 1"), (Label.FIGURE, "35")]
