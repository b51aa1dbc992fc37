"""A researcher's trial (trial 8): Prodigy's accepted `F#` (a PRODUCT in prodigy-recipes' ner.teach answers) was
refused by the edge rule ("may not end with punctuation ('#')"), and `--snap` stored `F`. A "#" glued to a letter
or digit ends a name and never a sentence: such a span is stored as it is, and the screen's label keys offer it.
Sentence punctuation glued to a word still stays out ("Yahoo!" as "I met Ruiz!"). prodigy-recipes' real file, the
real console script, a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from processes import annotator
from real_files import REAL, annotations

from annotator.edges import refusal
from annotator.spans import edge_problem
from annotator.suggest.tokens import tokenize

TEACH = REAL / "prodigy" / "ner_teach_reddit_product_199_238.jsonl"
F_SHARP = "and if you're not a F# language designer you can't do anything about it."


def test_an_accepted_name_ending_in_a_glued_sign_is_stored_as_it_is(tmp_path: Path) -> None:
    line = TEACH.read_text(encoding="utf-8").splitlines(keepends=True)[4]  # its line 5: 'F#', accepted
    (tmp_path / "f.jsonl").write_text(line, encoding="utf-8")
    result = annotator("import", "f.jsonl", "--format", "prodigy", "--annotator", "tom", "--label-map",
                       "PRODUCT=ACTOR", "--db", "x.db", cwd=tmp_path)  # fmt: skip
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert annotations(tmp_path / "x.db") == [(F_SHARP[:30], "tom", "in_progress", [("ACTOR", "F#", None)])]


def test_the_label_keys_offer_a_selection_of_a_name_ending_in_a_glued_sign() -> None:
    [tokens] = tokenize([F_SHARP])
    start = F_SHARP.index("F#")
    assert refusal(F_SHARP, [(t.start, t.end) for t in tokens], start, start + 2, "ACTOR", []) is None


def test_a_sign_alone_is_still_no_span() -> None:
    text = "This is why C#'s spec is so huge."
    assert edge_problem(text, 13, 14, "ACTOR") == "an ACTOR span may not end with punctuation ('#')"


def test_sentence_punctuation_glued_to_a_name_stays_out() -> None:
    text = "Bill Maher Concert Will Introduce New Yahoo! Comedy Channel"
    assert edge_problem(text, 38, 44, "ACTOR") == "an ACTOR span may not end with punctuation ('!')"
