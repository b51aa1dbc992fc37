"""Records of a format with no status (CoNLL, Label Studio's JSON_MIN) that carry no tag at all, stored as done
work with no entity. Trial t4 F12(b): Label Studio's CONLL2003 export writes a task nobody annotated as an all-O
block, and the import stored it as done work claiming the text has no entity, which an export of gold would carry,
with no word beyond a count of articles "stored as done work". Such a block cannot be told from an annotator's
answer that the text has none (both are all O), so they are stored as the file says, and named: nobody should
take them for gold without knowing (docs/formats.md)."""

from __future__ import annotations

from annotator.exchange.files import Where
from annotator.exchange.formats.common import ImportedRecord
from annotator.literal import quoted

#: How many of them the note names, the rest counted.
SHOWN = 5


def untagged_of(item: ImportedRecord, article_id: str, title: str) -> list[tuple[Where, str, str]]:
    """The new article of a record stored as done work (where, its id, its title) when the record carries no tag at
    all: no span, nothing left out, nothing said of it (a sentiment only, `labelstudio_config`); else none."""
    if item.record.spans or item.dropped or item.said:
        return []
    return [(item.where, article_id, title)]


def untagged_note(untagged: list[tuple[Where, str, str]]) -> str:
    """The note for new articles stored as done work from records with no tag at all (where, article id, title),
    or "" for none."""
    if not untagged:
        return ""
    named = [
        f"{where.path}:{where.line if where.line is not None else f'record {where.record}'} {article_id} "
        f"{quoted(_short(title))}"
        for where, article_id, title in untagged[:SHOWN]
    ]
    more = f" and {len(untagged) - SHOWN} more" if len(untagged) > SHOWN else ""
    return (
        f"note: {len(untagged)} article(s) with no tag at all, stored as done with no entity ({', '.join(named)}"
        f"{more}): if nobody annotated them (Label Studio's CONLL2003 export writes a task nobody annotated as an "
        "all-O block), they are no gold: take their blocks out of the file and import it again into a fresh "
        "database, or reopen them in the screen ('O') to annotate them"
    )


def _short(title: str, width: int = 40) -> str:
    return title if len(title) <= width else title[: width - 3] + "..."
