"""An imported record whose text is a stored article's but for white space at its end (a Label Studio task or a
native record a script made of an ingested `.txt` file, `.rstrip()`ed): a record of that article, as `ingest`
takes such a text (newcomer trial t14 F1: it became a second article of the story, silently, and both were
annotated and reviewed apart); so is a record of the new article an earlier record of the file brings, and
one under the stored article's own id (trial s58 t16 F3: refused whole as "stored with a different text"). Its offsets hold on the stored text up to where the two texts part
(`store.ends_aside.shared_length`); the span rules keep every span inside that, and a span past it is refused,
named by file, line and field, never moved or dropped. The record then meets the stored work as any record of the
article does: newer work there is a conflict, never replaced unsaid."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field

from annotator.differ import where_texts_differ
from annotator.exchange.files import Where
from annotator.exchange.formats.common import ImportedRecord
from annotator.exchange.titles import title_from
from annotator.literal import quoted
from annotator.models import ArticleIn, NativeRecord
from annotator.store import Store
from annotator.store.ends_aside import EndsAside, StoredEnds, but_for_its_end, shared_length, stored_named, trimmed_hash


@dataclass
class ImportedEnds:
    """The records of one import put on a stored article this way, by where the file holds them; also on a new
    article an earlier record of the file brings (`coming`: its id, text and title, by `trimmed_hash`)."""

    store: Store
    ends: StoredEnds = field(init=False)
    found: dict[Where, EndsAside] = field(default_factory=dict)
    coming: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    given: set[str] = field(
        default_factory=set
    )  # the ids those records give: one given again with another text is refused

    def __post_init__(self) -> None:
        self.ends = StoredEnds(self.store.conn)

    def adding(self, article_id: str, record: NativeRecord) -> None:
        """A new article the import adds (`article_id`, of this record's text), for a later record to be put on."""
        title = record.title or title_from(record.text)
        self.coming.setdefault(trimmed_hash(record.text), (article_id, record.text, title))
        self.given.add(record.article_id)

    def onto_stored(self, item: ImportedRecord) -> ImportedRecord:
        """The record as one of the stored article whose text is its own but for white space at its end (else of
        the new article an earlier record brings with such a text), or as it is when its id or its text is stored
        (or no article's text is its own so)."""
        record = item.record
        if (existing := self.store.has_article(ArticleIn(id=record.article_id, text=record.text))) is not None:
            stored = self.store.article(existing) if existing == record.article_id else None
            if stored is None or stored.text == record.text or trimmed_hash(stored.text) != trimmed_hash(record.text):
                return item
            return self._onto(item, existing, stored.text, stored.title)  # its own id (trial s58 t16 F3)
        if (stored_id := self.ends.holding(record.text)) is not None:
            stored = self.store.article(stored_id)
            return self._onto(item, stored_id, stored.text, stored.title)
        stored_id, text, title = self.coming.get(trimmed_hash(record.text), ("", record.text, ""))
        if text == record.text or (record.article_id in self.given and record.article_id != stored_id):
            return item  # an id given earlier with another text: "appears earlier with a different text"
        return self._onto(item, stored_id, text, title)  # its own id too (trial s58 t17 F1)

    def _onto(self, item: ImportedRecord, stored_id: str, text: str, title: str) -> ImportedRecord:
        """The record on that article, said in `found`; a span past the text the two share refused."""
        record = item.record
        shared = shared_length(text, record.text)
        named = item.span_fields  # the file's own field where the reader gave it (doccano's `label[0]`)
        offsets = [(named.get((s.start, s.end, s.label.value), f"spans[{i}]"), s.start, s.end)
                   for i, s in enumerate(record.spans)]  # fmt: skip
        offsets += [(f"spans[{i}].speaker", s.speaker.start, s.speaker.end)
                    for i, s in enumerate(record.spans) if s.speaker is not None]  # fmt: skip
        offsets += [(q.field or "spans", q.suggestion.start, q.suggestion.end) for q in item.questions]
        for field_name, start, end in offsets:
            if end > shared:  # the span rules keep a span off white space: a guard, never met by a valid record
                raise item.where.error(
                    f"its text is that of article {quoted(stored_id)} but for white space at its end, and the span "
                    f"at {start}:{end} ends past the {shared} characters the two texts share",
                    field_name,
                )
        differs = where_texts_differ(text, record.text, ("stored", "record's"))
        self.found[item.where] = EndsAside(item.where.named(find=True), record.article_id, stored_id, title, differs)
        moved = record.model_copy(update={"article_id": stored_id, "text": text})
        return dataclasses.replace(item, record=moved, tokens=None)

    def said(self, stored: Iterable[ImportedRecord]) -> list[EndsAside]:
        """Of the records put on a stored article, those the import went on to store (or found in conflict with
        the stored work), once each place in the file."""
        places = dict.fromkeys(item.where for item in stored if item.where in self.found)
        return [self.found[where] for where in places]


def import_note(alike: EndsAside) -> str:
    """What `import` says of such a record: that it is of the stored article, and how the texts differ."""
    if alike.given == alike.stored_id:  # its own id: it was never going to be a new article
        return (
            f"note: {alike.source} is a record of {stored_named(alike)}, stored with its text "
            f"{but_for_its_end(alike)}: the record is taken as one of that article"
        )
    return (
        f"note: {alike.source} not stored as a new article: its text is that of {stored_named(alike)} "
        f"{but_for_its_end(alike)}; the record is taken as one of that article"
    )
