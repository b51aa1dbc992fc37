"""The terms every layer shares: labels, statuses, and the formats of timestamps and article ids.

They live apart from `annotator.models` so that opening a store and showing an article need no pydantic:
importing it and building its validators is about 40% of the TUI's start-up. `annotator.models` re-exports
them, so code that uses the models imports everything from one place.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import lru_cache

from annotator.literal import quoted
from annotator.lookalike import (
    bare_mark,
    begins_like,
    blank,
    code,
    confusable,
    folded,
    invisible,
    joiner_needed,
    python_quoted,
    shown,
)

#: ISO 8601's extended form with a time zone (RFC 3339's profile of it): what a timestamp read from a file must be.
_ISO_8601 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})", re.ASCII)


def utc_timestamp(moment: datetime) -> str:
    """The one timestamp format stored and written: ISO 8601 in UTC, to the microsecond, with a Z. Fixed width,
    so two of them sort as the moments they name."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def utc_now() -> str:
    """Now, as `utc_timestamp` writes it (as in the native JSONL record)."""
    return utc_timestamp(datetime.now(UTC))


def parse_timestamp(text: str) -> datetime:
    """A timestamp from a file as a moment in UTC: ISO 8601 with a date, a time and a time zone (Z or +hh:mm),
    else ValueError. Text is never compared as text: "2026-12-01T14:00+05:00" is earlier than "...T10:00Z"."""
    problem = f"expected an ISO 8601 timestamp with a time zone (as 2026-12-01T10:00:00Z), got {text!r}"
    if not _ISO_8601.fullmatch(text):
        raise ValueError(problem)
    try:
        return datetime.fromisoformat(text).astimezone(UTC)
    except (ValueError, OverflowError):  # a 13th month, a 61st second; a moment before year 1 in UTC
        raise ValueError(problem) from None


#: How far ahead of this machine's clock a stamp read from a file may be (another machine's clock may run fast).
CLOCK_TOLERANCE = timedelta(days=1)


def future_problem(moment: datetime) -> str | None:
    """Why a moment read from a file cannot be stored: later than now (plus `CLOCK_TOLERANCE`), it would stay
    "newer" than all later real work and make every later import of it a conflict. None when it is fine."""
    if moment <= datetime.now(UTC) + CLOCK_TOLERANCE:
        return None
    return f"{utc_timestamp(moment)} is in the future (now is {utc_now()})"


def in_future(stamp: str) -> bool:
    """Whether a stored stamp names a moment later than now plus `CLOCK_TOLERANCE` (an older release stored
    them): such a stamp says nothing about which work is newer."""
    try:
        return future_problem(parse_timestamp(stamp)) is not None
    except ValueError:
        return False


def not_utf8_problem(name: str) -> str | None:
    """Why `name` is no text at all, else None: a byte that is not UTF-8 in argv or $USER reaches Python as a lone
    surrogate (surrogateescape), which SQLite cannot store nor a terminal show (it ended in a traceback)."""
    if not any(unicodedata.category(char) == "Cs" for char in name):
        return None
    return f"an annotator's name may not contain a byte that is not UTF-8: {python_quoted(name)}"  # shown as ⟨0xFF⟩


def name_problem(name: str) -> str | None:
    """Why `name` cannot be an annotator's (or a reviewer's), else None. One rule at every border: a name
    becomes a file name (`export`'s default exports/NAME.jsonl), so no path separator, no "." or "..", no
    control character; and " alice " would be another annotator than "alice", so no white space at its ends. Nor
    what nobody sees: an invisible character ("gold" with a variation selector would be another name that looks
    like gold), or a combining mark with no letter under it."""
    if not name:
        return "an annotator's name may not be empty"
    if problem := not_utf8_problem(name):
        return problem
    if name != name.strip():
        return f"an annotator's name may not begin or end with white space: {name!r}"
    if name in (".", ".."):
        return f"an annotator's name may not be {name!r}"
    if "/" in name or "\\" in name:
        return f"an annotator's name may not contain a path separator (/ or \\): {name!r}"
    if "  " in name:
        return f"an annotator's name may have only one space between words: {name!r}"
    spelling = {index for index in range(len(name)) if joiner_needed(name, index)}  # ZWNJ in Persian "علی‌رضا"
    if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for i, c in enumerate(name) if i not in spelling):
        return f"an annotator's name may not contain a control character: {name!r}"
    unseen = next(
        (char for i, char in enumerate(name) if unicodedata.category(char) == "Cf" and i not in spelling), None
    )
    if unseen is not None:  # a zero-width space or joiner is no control character (re-trial s55 t11 U3)
        return f"an annotator's name may not contain an invisible character: {shown(name)} has {code(unseen)}"
    hidden = next((char for i, char in enumerate(name) if invisible(char) and i not in spelling), None)
    if hidden is not None:
        return f"an annotator's name may not contain an invisible character: {shown(name)} has {code(hidden)}"
    space = next((char for char in name if blank(char)), None)
    if space is not None:
        return (
            f"an annotator's name may part its words only with a space (U+0020), no other blank character: "
            f"{shown(name)} has {code(space)}"
        )
    bare = bare_mark(name)
    if bare is not None:
        return (
            f"an annotator's name may not have a combining mark without a letter under it: {shown(name)} has "
            f"{code(bare[0])} {bare[1]}"
        )
    return None


def id_problem(article_id: str) -> str | None:
    """Why `article_id` cannot be an article's id, else None: no control character (C0 ones, tab and line breaks
    included, DEL, C1 ones) nor a line or paragraph separator. An id is read in one-line messages and lists and
    passed on in every export: a line break would split a line, a tab a column, an escape act on a terminal that
    printed it raw. Nor a format character (Cf): a bidi override or isolate reorders what is shown after it in a
    line ("Trojan Source"), a zero-width one makes "a\u200bb" another article than "ab" that looks the same."""
    if any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in article_id):
        return "an article id may not contain a control character"
    hidden = next((char for char in article_id if unicodedata.category(char) == "Cf"), None)
    if hidden is not None:
        return f"an article id may not contain an invisible format character ({code(hidden)})"
    return None


def content_hash(text: str) -> str:
    """Stable article id when the source gives none: the same text always gets the same id."""
    import hashlib  # not needed to open the TUI: imported on the first ingest

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


#: The annotator whose annotation is the adjudicated gold: it exports, undoes and edits like any other.
GOLD = "gold"
#: How a record of the model's suggestions names its maker (`model:entities.v16+quotes.v6`, the suggester
#: versions): `export --suggestions` and `predict` write the model as if it were an annotator, but it never is.
MODEL_PREFIX = "model:"


def reserved_problem(name: str) -> str | None:
    """Why nobody may work under `name` (annotate, import, be assigned, review), though files may carry it: gold is
    the adjudicated annotation, which review and adjudication write (a record of gold moves between files, as
    `merge` moves it). In any case or form (`folded`): "Gold" would be exports/Gold.jsonl, one file with
    exports/gold.jsonl where case is folded. None when the name is free."""
    if folded(name) == GOLD:
        return (
            f"{quoted(name)} is reserved: gold, the adjudicated annotation, is written only by `annotator review` and "
            "`annotator adjudicate --auto`; work under a name of your own"
        )
    return None


def model_problem(name: str) -> str | None:
    """Why `name` is nobody's (`model:...`, the model's suggestions), else None."""
    return f"{quoted(name)} names the model's suggestions, not an annotator" if is_model(name) else None


def worker_problem(name: str) -> str | None:
    """Why nobody may work under `name` (`model_problem`, then `reserved_problem`), else None: the one check of a
    name entering as someone's work, from an option (`cli.names.checked_name`) or a file's user field (Label
    Studio's `completed_by`, `updated_by`, JSON_MIN's `annotator`: `labelstudio_users.given`)."""
    return model_problem(name) or reserved_problem(name)


#: The scripts whose letters look alike ("а" U+0430 is Cyrillic, "a" Latin): one word of a name keeps to one.
_LOOK_ALIKE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def entered_name(name: str) -> tuple[str, str | None]:
    """A name as it enters, from a file's record, an option or the annotator's prompt: in NFC (an "é" typed as e
    and a combining accent is the "é" typed as one character), and why nobody may have it, else None:
    `name_problem`'s rule, gold in another case or form ("Gold": a record of gold names it "gold"; a person works
    under a name of their own) or what looks like it (`looks_like_gold`), what begins like the model's name
    ("mode1:x", `lookalike.begins_like`), and a word mixing Latin, Cyrillic and Greek letters ("аlice" with a
    Cyrillic а would be another annotator who looks like alice). A name in one script per word ("Ivan Петров") is fine. Whether it looks like another name a database holds is the store's to say
    (`store.names.look_alike_problem`)."""
    name = unicodedata.normalize("NFC", name)
    problem = name_problem(name)
    if problem is None and name != GOLD and folded(name) == GOLD:
        problem = f"{name!r} is gold in another case or form: a record of gold names it {GOLD!r}, and a person works under a name of their own"
    if problem is None and name != GOLD and looks_like_gold(name):
        problem = f"{name!r} looks like {GOLD!r}: a record of gold names it {GOLD!r}, and a person works under a name of their own"
    if problem is None and not is_model(name) and begins_like(name, MODEL_PREFIX):
        problem = f"{name!r} looks like a name of the model's suggestions ({MODEL_PREFIX}...): a person works under a name of their own"
    return name, problem or _mixed_scripts(name)


@lru_cache(maxsize=1024)  # a file's records name a few annotators many times
def looks_like_gold(name: str) -> bool:
    """Whether `name` is confusable (`lookalike.confusable`) with gold in any case or form: "ɡold" (IPA ɡ), "go1d",
    "g0ld", "G0LD", the small capitals "ɢᴏʟᴅ", "ԍоӀԁ" in Cyrillic letters."""
    return confusable(name, GOLD)


def _mixed_scripts(name: str) -> str | None:
    for word in re.findall(r"[^\W\d_]+", name):  # runs of letters: "иван@mail.ru", "Anna_Иванова" are two words
        scripts: dict[str, list[str]] = {}
        for char in word:
            script = unicodedata.name(char, "").split(" ", 1)[0] if char.isalpha() else ""
            if script in _LOOK_ALIKE_SCRIPTS:
                scripts.setdefault(script, []).append(char)
        if len(scripts) > 1:
            fewest, *_, most = sorted(scripts, key=lambda script: len(scripts[script]))
            odd = ", ".join(f"{c} U+{ord(c):04X}" for c in dict.fromkeys(scripts[fewest]))
            return (
                f"an annotator's name may not mix Latin, Cyrillic and Greek letters in one word (it would look like "
                f"another name): {name!r} has {fewest.title()} {odd} among {most.title()} letters"
            )
    return None


def is_model(name: str) -> bool:
    """A name that stands for the model's suggestions, never for a person: no edit, agreement or review takes it.
    In any case: "MODEL:..." is no person either."""
    return name[: len(MODEL_PREFIX)].lower() == MODEL_PREFIX


class Label(StrEnum):
    ACTOR = "ACTOR"
    LOCATION = "LOCATION"
    FIGURE = "FIGURE"
    QUOTE = "QUOTE"

    @property
    def layer(self) -> str:
        """Entity spans may not overlap each other; quotes live on a layer of their own."""
        return "quote" if self is Label.QUOTE else "entity"


ENTITY_LABELS = (Label.ACTOR, Label.LOCATION, Label.FIGURE)


def suggester_kind(name: str) -> str:
    """What a suggester version makes, the name before its first dot: `entities.v3@3fa9` is an `entities` one.
    The newest batch of each kind is the model's current suggestion; a newer version replaces an older one."""
    return name.split(".", 1)[0]


_VERSIONED = re.compile(r"[^.@]+\.v(\d+)")


def suggester_version(name: str) -> int:
    """A suggester version's number: `entities.v3` and `entities.v3@3fa9` (a trained pipeline's) are 3. Within
    a kind, a higher number is a newer version; a name without one (an older release's) counts as 0."""
    match = _VERSIONED.match(name)
    return int(match.group(1)) if match else 0


def a_or_an(name: str) -> str:
    """A label's (or a relation's) name after the indefinite article that goes with it in a message: "an ACTOR",
    "a LOCATION", "a SPEAKER". Names are read as words, so a vowel letter first takes "an"."""
    return f"{'an' if name[:1].upper() in 'AEIOU' else 'a'} {name}"


def suggester_labels(name: str) -> tuple[Label, ...]:
    """The labels a suggester version makes, by its kind (`suggester_kind`): `entities` the entity layer,
    `quotes` quotes; any other kind, every label."""
    kind = suggester_kind(name)
    if kind == "entities":
        return ENTITY_LABELS
    if kind == "quotes":
        return (Label.QUOTE,)
    return tuple(Label)


class Status(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"
    FLAGGED = "flagged"

    @property
    def to_do(self) -> bool:
        """Still to annotate: skipped and flagged articles were put aside on purpose."""
        return self in (Status.TODO, Status.IN_PROGRESS)


class Prefer(StrEnum):
    """Whose work wins when an annotator's work on an article differs in the two files (`merge --prefer`)."""

    THIS = "this"
    OTHER = "other"


class ChangedText(StrEnum):
    """What `ingest` does with an article whose id is stored with another text (by default: refuse it)."""

    NEW = "new"  # add it as an article of its own, its id followed by "~" and the start of its text's hash
    REPLACE = "replace"  # replace the stored text of an article nobody has worked on (others: conflicts)
