"""Records whose text a format rebuilt from tokens, put back on the stored article they came from.

CoNLL keeps words, not the white space between them: importing our own CoNLL export gives the article's words
joined by single spaces and line breaks, a text no stored article has. Such a text is matched to the stored
article with the same characters in the same order once white space is set aside, and its spans are moved onto
that article's offsets, character by character (every non-space character has exactly one counterpart). So a
round trip through CoNLL lands on the article it left, and a document no article matches is a new article.

The other way round, a record bringing a story's original text (a Label Studio or JSONL export of the project whose
CoNLL export was imported first) is put on the stored article a token-only format rebuilt with the same words
(re-trial t4r F12-v1: each story was stored twice). That article keeps its text: work stored on it is on its
offsets, and gold made from it too, so its text never changes under them; the record's spans are moved onto it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from annotator.exchange.files import Where
from annotator.exchange.formats.common import ImportedRecord
from annotator.literal import quoted
from annotator.models import ArticleIn, NativeRecord, Offsets, Span, SpanError, check_spans
from annotator.store import Store


def words_hash(text: str) -> str:
    """A hash of the text's non-space characters, in order: equal for texts that differ only in white space."""
    return hashlib.sha256(_words(text).encode("utf-8")).hexdigest()


#: White space a text joined from tokens never has: two characters of it together, or any but a space or a line break.
_NOT_JOINED = re.compile(r"\s\s|[^\S \n]")


def _joined_words_hash(text: str) -> str:
    """`words_hash` of a text joined from tokens, read at C speed (every candidate of an ingest into a database of
    thousands of articles is hashed: `words_hash` took 1 s for 10M characters, this 0.06 s). Such a text has no
    white space but single spaces and line breaks, and none of the characters CoNLL loses; one that has them is no
    rebuilt text, and its hash here only matches no record's words."""
    return hashlib.sha256(text.replace(" ", "").replace("\n", "").encode("utf-8")).hexdigest()


def split_alike(original: str, rebuilt: str) -> bool:
    """Whether a text rebuilt from tokens splits an original text's words as a tokenizer does: every white space
    of the original is a break between its tokens too, and a break the original lacks is never between two
    letters or digits (re-trial s52 t6 F12-v1-a: 'the rapist' and 'therapist' were one story) but where a
    tokenizer splits a contraction ("do n't", "ca n't")."""
    given, joined = _breaks(original), _breaks(rebuilt)
    if not given <= joined:
        return False
    words = _words(rebuilt)
    for after in joined - given:
        left, right = words[after - 1], words[after : after + 3]
        if left.isalnum() and right[:1].isalnum() and right[:3].lower() not in ("n't", "n’t"):
            return False
    return True


def _breaks(text: str) -> set[int]:
    """Where white space parts a text's non-space characters: the count of them before each break."""
    breaks, seen, gap = set(), 0, False
    for ch in text:
        if _set_aside(ch):
            gap = seen > 0
            continue
        if gap:
            breaks.add(seen)
            gap = False
        seen += 1
    return breaks


def _set_aside(ch: str) -> bool:
    """White space, and what the tokenizer takes for it: invisible format characters (a zero-width joiner or
    space, a soft hyphen) and control characters (a terminal's escape, a bell). CoNLL loses them all (trial 37: a
    joiner made a second article of 17 of 336; trial 38: an escape and a bell in a .txt article did too)."""
    return ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc")


def _non_space(text: str) -> list[int]:
    return [i for i, ch in enumerate(text) if not _set_aside(ch)]


def _words(text: str) -> str:
    return "".join(ch for ch in text if not _set_aside(ch))


@dataclass
class StoredWords:
    """Stored article ids by the hash of their words, read from the store the first time one is asked for."""

    store: Store
    by_words: dict[str, list[str]] | None = field(default=None)
    rebuilt_by_words: dict[str, list[str]] | None = field(default=None)
    rebuilt_texts: dict[str, str] = field(default_factory=dict)  # of the articles in `rebuilt_by_words`
    kept: list[KeptRebuilt] = field(default_factory=list)  # records of an original text put on a rebuilt article

    def started_by(self, text: str) -> tuple[str, int, int] | None:
        """A stored article whose words begin with all of this text's and go on, with both lengths (white space
        aside): a document cut short (a file truncated at a line's end still parses). Read only when a file's
        last record is no stored article."""
        given = _words(text)
        for article_id in self.store.article_ids():
            stored = _words(self.store.article_text(article_id))
            if len(stored) > len(given) > 0 and stored.startswith(given):
                return article_id, len(given), len(stored)
        return None

    def matching(self, text: str) -> list[str]:
        """The stored articles whose text has exactly these non-space characters in this order."""
        if self.by_words is None:
            self.by_words = {}
            for article_id in self.store.article_ids():
                self.by_words.setdefault(words_hash(self.store.article_text(article_id)), []).append(article_id)
        return list(self.by_words.get(words_hash(text), []))

    def rebuilt_matching(self, text: str) -> list[str]:
        """The stored articles whose text a token-only format rebuilt and which have exactly these non-space
        characters in this order, split alike (`split_alike`). Rebuilt: stored under the hash of its text (it came
        with no id of its own) and spaced as joined tokens are, a single space or line break between them (an
        original with an id, or with two spaces together, is a text of its own, even with the same words). Nothing
        stored tells a text rebuilt from one that came so spaced (re-trial s52 t6 F12-v1-b), so the notes say what
        matched, not where it came from."""
        if self.rebuilt_by_words is None:
            self.rebuilt_by_words, self.rebuilt_texts = {}, {}
            for article_id, stored in self.store.maybe_rebuilt():
                if _NOT_JOINED.search(stored) is None:
                    self.rebuilt_by_words.setdefault(_joined_words_hash(stored), []).append(article_id)
                    self.rebuilt_texts[article_id] = stored
        found = self.rebuilt_by_words.get(words_hash(text), [])
        return [article_id for article_id in found if split_alike(text, self.rebuilt_texts[article_id])]

    def kept_of(self, stored: Iterable[ImportedRecord]) -> list[KeptRebuilt]:
        """The records of an original text put on a rebuilt article (`_onto_rebuilt`), of those `stored`."""
        places = {item.where for item in stored}
        return [kept for kept in self.kept if kept.where in places]


@dataclass(frozen=True)
class KeptRebuilt:
    """A record of an original text put on the stored article a token-only format rebuilt: where it is, the file's
    article id, and the stored article's, kept with its text."""

    where: Where
    file_id: str
    stored_id: str


def onto(record: NativeRecord, article_id: str, text: str, where: Where) -> NativeRecord:
    """`record`, whose text has the same non-space characters as `text`, as a record of that stored article:
    each span's first and last characters moved to their counterparts in `text` (white space inside a span
    is the stored article's). The moved spans are checked by the span rules; a breach is a located error."""
    source, target = _non_space(record.text), _non_space(text)

    def moved(start: int, end: int) -> tuple[int, int]:
        """A span's first and last characters set aside nothing: an edge on an invisible one moves inward."""
        first, last = bisect_left(source, start), bisect_left(source, end) - 1
        if first > last:
            raise where.error(
                f"the span at {start}:{end} holds nothing but white space or invisible characters", "spans"
            )
        return target[first], target[last] + 1

    spans = []
    for span in record.spans:
        start, end = moved(span.start, span.end)
        speaker = None
        if span.speaker is not None:
            s_start, s_end = moved(span.speaker.start, span.speaker.end)
            speaker = Offsets(start=s_start, end=s_end)
        spans.append(Span(start=start, end=end, label=span.label, text=text[start:end], speaker=speaker))
    try:
        check_spans(spans, text)
    except SpanError as error:
        raise where.error(f"on the stored article {quoted(article_id)}: {error}", "spans") from None
    return record.model_copy(update={"article_id": article_id, "text": text, "spans": spans})


def realigned(store: Store, words: StoredWords, item: ImportedRecord, last: bool) -> tuple[ImportedRecord, int]:
    """A record whose text the format rebuilt from tokens (CoNLL), when no stored article has that text: put on
    the stored article with the same words when exactly one has them (`exchange.realign`); a record of an original
    text no stored article has, on the one stored article a token-only format rebuilt with its words. Also how many
    stored articles have its words (0 when the text itself is stored, or was not rebuilt). The file's `last`
    record, when its words are only the start of a stored article's, is an error: the file was cut short."""
    record = item.record
    if store.has_article(ArticleIn(id=record.article_id, text=record.text)) is not None:
        return item, 0
    if not item.rebuilt:
        return _onto_rebuilt(store, words, item)
    found = words.matching(record.text)
    if not found and last and (started := words.started_by(record.text)) is not None:
        article_id, given, stored = started
        raise item.where.error(
            f"its words are only the start of those of the stored article {quoted(article_id)} ({given} of {stored} characters, "
            "white space aside): is the file truncated? (imported, it would be a new article of half a text)"
        )
    if len(found) != 1:
        return item, len(found)
    moved = onto(record, found[0], store.article_text(found[0]), item.where)
    return dataclasses.replace(item, record=moved, tokens=None), 1


def _onto_rebuilt(store: Store, words: StoredWords, item: ImportedRecord) -> tuple[ImportedRecord, int]:
    """A record of an original text no article has, on the one stored article a token-only format rebuilt with the
    same words (`StoredWords.rebuilt_matching`): that article keeps its text, id and stored work (their offsets), as
    a rebuilt record put on a stored article keeps that article's; the record's spans are moved onto it."""
    found = words.rebuilt_matching(item.record.text)
    if len(found) != 1:
        return item, len(found)
    moved = onto(item.record, found[0], store.article_text(found[0]), item.where)
    words.kept.append(KeptRebuilt(item.where, item.record.article_id, found[0]))
    return dataclasses.replace(item, record=moved), 1


#: What a text not stored has in common with the stored article holding its story, said alike by import and
#: ingest: true whatever stored that article (re-trial s52 t6 F12-v1-b: an id-less JSONL story was named a CoNLL
#: import's); a CoNLL import is only the likeliest.
_SPACED_OTHERWISE = "each has the words of an article already stored with other spacing (e.g. from a CoNLL import)"


def kept_rebuilt_note(kept: list[KeptRebuilt], shown: int = 5) -> str:
    """The note naming on which stored article each file's story went, or "" for none: its texts counted (one
    text a record of each annotator brings), and the records when they are more."""
    if not kept:
        return ""
    pairs = list(dict.fromkeys((k.file_id, k.stored_id) for k in kept))
    first = {pair: next(k.where for k in kept if (k.file_id, k.stored_id) == pair) for pair in pairs}
    named = [f"{quoted(file_id)} ({_place(first[file_id, stored_id])}) on {quoted(stored_id)}"
             for file_id, stored_id in pairs[:shown]]  # fmt: skip
    more = f" and {len(pairs) - shown} more" if len(pairs) > shown else ""
    records = f" of {len(kept)} record(s)" if len(kept) != len(pairs) else ""
    return (
        f"note: {len(pairs)} text(s){records} not stored: {_SPACED_OTHERWISE}, which keeps its id and text; their "
        f"spans went onto it: {', '.join(named)}{more}"
    )


def rebuilt_ingest_note(rebuilt: list[tuple[str, str]], shown: int = 5) -> str:
    """The line naming the articles an ingest did not store, their words stored with other spacing: (id given,
    id stored)."""
    pairs = [f"{quoted(given)} as {quoted(stored)}" for given, stored in rebuilt[:shown]]
    more = f" and {len(rebuilt) - shown} more" if len(rebuilt) > shown else ""
    return (
        f"note: {len(rebuilt)} text(s) not stored: {_SPACED_OTHERWISE}, which stays as it is: {', '.join(pairs)}{more}"
    )


def _place(where: Where) -> str:
    """`file:line record N`, as much of it as is known (a JSON array's line found now, `Where.found_line`)."""
    at = where.found_line()
    line = f":{at}" if at is not None else ""
    record = f" record {where.record}" if where.record is not None else ""
    return f"{where.path}{line}{record}"
