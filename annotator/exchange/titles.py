"""The title of an article that comes without one (a .txt file, a JSONL line with no `title`, an imported record
without one): its first line, as a headline leads agency copy.

A first line that opens with a dateline ("VALENCIA, Spain (Reuters) — Floods swept ...") is the story's body, not a
headline: the title is its words after the dateline (the next line's, when the dateline stands alone), so the
article list shows what each story is about, not the same place and agency at the start of every title. The
dateline is the shape entities.v6 reads as one (`suggest/general_v6.py`), here on the line's text: a place in
upper-case words (joined by spaces, "." or "-": "ST. LOUIS", "PORT-AU-PRINCE"), maybe a region after a comma and
an agency in brackets, then a dash after a space; a newsroom slug ("BREAKING —") is no place. After the comma a
date is read too ("LONDON, Dec 2 (Reuters) -", as Reuters dates its copy), as entities.v7 and later read it
(entities.v6 did not).
"""

from __future__ import annotations

import re

from annotator.wordlists import DATELINE_DASHES, SLUGS

#: The longest title kept whole; a longer one is cut at a word and ends with "…".
TITLE_LENGTH = 100

_WORD = r"[^\W\d_]+"
_DASH = "|".join(re.escape(dash) for dash in sorted(DATELINE_DASHES, key=len, reverse=True))
_DATELINE = re.compile(
    rf"(?P<place>{_WORD}(?:(?: |-|\. ?){_WORD}){{0,7}}\.?)"
    rf"(?P<region>,(?: [^\W_][\w.'’]*,?){{1,5}})?"
    r"(?: ?\([^()\n]{1,40}\))?"
    rf" (?:{_DASH})(?:\s|$)"
)


def title_from(text: str) -> str:
    """The first line of the text, after the dateline it may open with; cut to `TITLE_LENGTH`."""
    lines = [line.strip() for line in text.strip().splitlines()]
    title = lines[0]
    after = after_dateline(title)
    if after is not None:
        title = after or next((line for line in lines[1:] if line), title)
    return title if len(title) <= TITLE_LENGTH else title[: TITLE_LENGTH - 1].rstrip() + "…"


def after_dateline(line: str) -> str | None:
    """The words of a line after the dateline it opens with ("" for a dateline alone), or None without one."""
    found = _DATELINE.match(line)
    if found is None:
        return None
    place, region = found["place"], found["region"] or ""
    words = re.split(r"[ .\-]+", place.strip("."))
    if not place.isupper() or len(words[0]) < 2 or any(word.lower() in SLUGS for word in words):
        return None
    if not all(word[:1].isupper() or word.strip(",").isdigit() for word in region[1:].split()):
        return None  # "UNESCO, a specialized agency -": no region's name (or date) after the comma
    return line[found.end() :].strip()
