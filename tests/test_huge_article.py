"""An article of hundreds of thousands of characters on one line (no line break), ingested by the real console
script: it is parsed in pieces (`suggest.pieces`), cut after a sentence's end or, without any, at white space,
and its tokens and suggestions are those of its pieces, each parsed alone, at their offsets in the whole text. A
10 MB one-line article took 11 minutes and about 10 GB when it was parsed in pieces of 100,000 characters 32 at a
time (and whole under 1,000,000): `benchmarks/huge_article.py` measures time and memory."""

from __future__ import annotations

import random
from pathlib import Path

from processes import annotator

from annotator.store import Store
from annotator.suggest import suggest_texts
from annotator.suggest.pieces import PIECE_CHARS, WHOLE_CHARS, pieces

VOCABULARY = (
    "the mayor said council bridge would reopen on Monday after repairs costing million dollars residents "
    "complained about traffic near river station while officials promised faster work and new buses"
)
WORDS = VOCABULARY.split()
NAMES = ("Maria Silva", "John Smith", "Ana Costa", "Lyon", "Paris", "Tom Hale", "Berlin")


def one_line(size: int, sentences: bool = True) -> str:
    """News-like words with names and numbers, about `size` characters and no line break; with `sentences`, each
    sentence ends with a full stop and some are quotes with a speaker."""
    rng = random.Random(28)
    parts: list[str] = []
    length = 0
    while length < size:
        words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
        words.insert(rng.randrange(len(words)), rng.choice(NAMES))
        words.insert(rng.randrange(len(words)), str(rng.randint(2, 900)))
        sentence = " ".join(words)
        if sentences:
            sentence = sentence[0].upper() + sentence[1:] + "."
            if rng.random() < 0.1:
                sentence = f'"{sentence}" {rng.choice(NAMES[:3])} said.'
        parts.append(sentence)
        length += len(sentence) + 1
    return " ".join(parts)


def ingested(tmp_path: Path, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int, str, str]]]:
    """Ingest `text` as a .txt file with the console script: its stored (tokens, suggestions) from the database."""
    (tmp_path / "huge.txt").write_text(text, encoding="utf-8")
    result = annotator("ingest", tmp_path / "huge.txt", "--db", tmp_path / "a.db", timeout=120)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    with Store.open(tmp_path / "a.db") as store:
        [article] = store.article_ids()
        assert store.article(article).text == text
        tokens = [(t.start, t.end) for t in store.tokens(article)]
        suggestions = [(s.start, s.end, s.label.value, s.text) for s in store.suggestions(article)]
    assert result.stdout.startswith(f"1 article(s) added, 0 already stored, {len(suggestions):,} suggestion(s)")
    return tokens, suggestions


def alone(nlp, text: str, joint: int) -> tuple[list[tuple[int, int]], list[tuple[int, int, str, str]]]:
    """The tokens and suggestions of the two pieces around the `joint`-th cut, each parsed alone, at their offsets
    in `text`."""
    found = list(pieces(text, nlp.max_length))
    tokens, suggestions = [], []
    for (offset, _), (piece_tokens, piece_suggestions) in zip(
        found[joint - 1 : joint + 1], suggest_texts([p for _, p in found[joint - 1 : joint + 1]], nlp), strict=True
    ):
        tokens += [(t.start + offset, t.end + offset) for t in piece_tokens]
        suggestions += [(s.start + offset, s.end + offset, s.label.value, s.text) for s in piece_suggestions]
    return tokens, suggestions


def between(items: list, start: int, end: int) -> list:
    return [item for item in items if start <= item[0] < end]


def test_a_one_line_article_of_300_kb_is_suggested_in_pieces_cut_after_sentences(tmp_path: Path, nlp) -> None:
    text = one_line(300_000)
    assert "\n" not in text and len(text) > WHOLE_CHARS
    cuts = [offset for offset, _ in pieces(text, nlp.max_length)][1:]
    assert len(text) // PIECE_CHARS <= len(cuts) <= len(text) // (PIECE_CHARS - 300)  # each after a full stop
    assert all(
        text[cut - 2 : cut] == ". " and cut > previous for cut, previous in zip(cuts, [0, *cuts[:-1]], strict=True)
    )
    tokens, suggestions = ingested(tmp_path, text)
    assert all(text[start:end] == words for start, end, _, words in suggestions)
    assert "".join(text[start:end] for start, end in tokens) == text.replace(" ", "")  # every character but spaces
    for joint in (1, len(cuts) // 2, len(cuts)):  # the first, a middle and the last joint
        low, high = cuts[joint - 2] if joint > 1 else 0, cuts[joint] if joint < len(cuts) else len(text)
        expected_tokens, expected_suggestions = alone(nlp, text, joint)
        assert between(tokens, low, high) == expected_tokens
        assert between(suggestions, low, high) == expected_suggestions
        near = [s for s in suggestions if cuts[joint - 1] - 300 <= s[0] < cuts[joint - 1] + 300]
        assert {s[0] < cuts[joint - 1] for s in near} == {True, False}  # suggestions on both sides of the joint
    assert {label for _, _, label, _ in suggestions} == {"ACTOR", "LOCATION", "FIGURE", "QUOTE"}


def test_a_one_line_article_without_sentence_ends_is_cut_at_white_space(tmp_path: Path, nlp) -> None:
    text = one_line(WHOLE_CHARS + 30_000, sentences=False)
    assert not any(mark in text for mark in ".!?\n")
    cuts = [offset for offset, _ in pieces(text, nlp.max_length)][1:]
    assert len(text) // PIECE_CHARS <= len(cuts) <= len(text) // (PIECE_CHARS - 300)
    assert all(text[cut - 1] == " " != text[cut] for cut in cuts)
    tokens, suggestions = ingested(tmp_path, text)
    assert [text[start:end] for start, end in tokens] == text.split(" ")
    assert all(text[start:end] == words for start, end, _, words in suggestions)
    joint = len(cuts) // 2
    expected_tokens, expected_suggestions = alone(nlp, text, joint)
    assert between(tokens, cuts[joint - 2], cuts[joint]) == expected_tokens
    assert between(suggestions, cuts[joint - 2], cuts[joint]) == expected_suggestions
