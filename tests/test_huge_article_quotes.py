"""A long article's pieces (`suggest.pieces`) are cut outside quotations when a cut outside one exists within the
piece's limit: a quotation whose sentence end was the last cut within the limit was split between two pieces, and
its part in the piece without the speaker lost its speaker link. The limit stays hard: a stray quote mark, or a
quotation longer than a piece, never makes a piece longer than `PIECE_CHARS`."""

from __future__ import annotations

import random
from pathlib import Path

from processes import annotator

from annotator.store import Store
from annotator.suggest import suggest_texts
from annotator.suggest.pieces import PIECE_CHARS, WHOLE_CHARS, pieces

VOCABULARY = (
    "the council said bridge would reopen on Monday after repairs residents complained about traffic near river "
    "station while officials promised faster work and new buses"
)
WORDS = VOCABULARY.split(" ")
QUOTE = '"The bridge will reopen on Monday. The council will pay for the repairs and the buses will run again," '
QUOTED = QUOTE + "Maria Silva said. "


def sentences(size: int, seed: int) -> str:
    """Sentences without quote marks or line breaks, each ending with ". ", about `size` characters."""
    rng = random.Random(seed)
    parts: list[str] = []
    while sum(map(len, parts)) < size:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
        parts.append(words[0].upper() + words[1:] + ". ")
    return "".join(parts)


def article() -> tuple[str, str, int]:
    """(text, first paragraph, offset of the quotation): a first paragraph of about 15,000 characters on one line
    whose quotation's inner sentence end is the last one within the first piece's limit, and more paragraphs to
    go over `WHOLE_CHARS`."""
    before = sentences(PIECE_CHARS, 1)
    before = before[: before.rfind(". ", 0, PIECE_CHARS - 60) + 2]  # the quotation's inner ". " ends near the limit
    at = len(before)
    first = before + QUOTED + sentences(5_000, 2).rstrip()
    rest = [sentences(2_000, seed).rstrip() for seed in range(3, 70)]
    return "\n\n".join([first, *rest]), first, at


def quotes(suggestions, text: str, low: int, high: int) -> list[tuple[int, int, str, str | None]]:
    return [
        (s.start, s.end, s.text, None if s.speaker is None else text[s.speaker.start : s.speaker.end])
        for s in suggestions
        if s.label.value == "QUOTE" and low <= s.start < high
    ]


def test_a_quotation_over_the_old_cut_is_kept_in_one_piece_with_its_speaker(tmp_path: Path, nlp) -> None:
    text, first, at = article()
    assert len(text) > WHOLE_CHARS and "\n" not in text[:PIECE_CHARS]
    old_cut = text.rfind(". ", 0, PIECE_CHARS) + 2  # the last sentence end within the limit: the cut before
    assert at < old_cut < at + len(QUOTE) - 2  # inside the quotation
    found = list(pieces(text, nlp.max_length))
    assert all(0 < len(piece) <= PIECE_CHARS for _, piece in found)
    assert "".join(piece for _, piece in found) == text

    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    result = annotator("ingest", tmp_path / "long.txt", "--db", tmp_path / "a.db", timeout=120)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    with Store.open(tmp_path / "a.db") as store:
        [article_id] = store.article_ids()
        stored = store.suggestions(article_id)
    [(_, alone_suggestions)] = suggest_texts([first], nlp)
    expected = quotes(alone_suggestions, first, at, at + len(QUOTED))
    assert expected == [
        (at + 1, at + len(QUOTE) - 2, QUOTE[1:-2], "Maria Silva")
    ]  # the paragraph alone: one quote, its speaker linked
    assert quotes(stored, text, at, at + len(QUOTED)) == expected
    assert any(offset <= at and at + len(QUOTED) <= offset + len(piece) for offset, piece in found)


def test_a_stray_quote_mark_leaves_the_limit_hard() -> None:
    for mark in ('"', "“", "”"):
        text = sentences(WHOLE_CHARS + 25_000, 5)
        text = text[:500] + mark + text[500:]  # opened and never closed
        found = list(pieces(text, 1_000_000))
        assert all(0 < len(piece) <= PIECE_CHARS for _, piece in found)
        assert "".join(piece for _, piece in found) == text
        assert len(found) <= len(text) // (PIECE_CHARS - 300) + 1


def test_a_quotation_longer_than_a_piece_is_cut_inside_as_before() -> None:
    long_quote = "“" + sentences(3 * PIECE_CHARS, 6).rstrip() + ",” Maria Silva said. "
    text = sentences(3_000, 7) + long_quote + sentences(WHOLE_CHARS, 8)
    found = list(pieces(text, 1_000_000))
    assert all(0 < len(piece) <= PIECE_CHARS for _, piece in found)
    assert "".join(piece for _, piece in found) == text
    assert all(piece.endswith(". ") for _, piece in found[:-1])  # still at sentence ends, none tiny
    assert all(len(piece) > PIECE_CHARS - 300 for _, piece in found[:-1])


def test_curly_quotations_are_not_cut_either() -> None:
    before = sentences(PIECE_CHARS, 1)
    before = before[: before.rfind(". ", 0, PIECE_CHARS - 60) + 2]
    curly = QUOTE.replace('"', "“", 1).replace(',"', ",”")
    text = before + curly + "Maria Silva said. " + sentences(WHOLE_CHARS, 9)
    assert len(before) < text.rfind(". ", 0, PIECE_CHARS) + 2 < len(before) + len(curly)
    [(offset, piece), *_] = pieces(text, 1_000_000)
    assert (offset, piece) == (0, before)


def test_a_text_parsed_whole_is_one_piece_whatever_its_quotes() -> None:
    text = sentences(WHOLE_CHARS - 200, 10)[: WHOLE_CHARS - 200] + QUOTED
    assert len(text) <= WHOLE_CHARS
    assert list(pieces(text, 1_000_000)) == [(0, text)]
