"""Whose work a record is: --annotator, the name a file gives, and a record of the model's, by one rule in every
format (attack 31: alice's record once became bob's and replaced his work)."""

from __future__ import annotations

from typing import Any

from annotator.exchange.files import Where
from annotator.exchange.formats.options import ReadOptions
from annotator.literal import quoted
from annotator.vocabulary import entered_name, is_model


def not_anyones_work(model: str) -> str:
    """The error for --annotator on a record of the model's suggestions: it would make them a person's work."""
    return f"this record holds the model's suggestions ({model}), not anyone's work: import them without --annotator"


def annotator_of(found: Any, options: ReadOptions, where: Where, field: str, renames: bool = False) -> str:
    """--annotator names the work of a record that names nobody; else the file's own name (by
    `vocabulary.entered_name`'s rule, in NFC); else an error (never guess whose work it is). A record naming another
    person than --annotator is an error (attack 31: alice's record became bob's and replaced his work), unless
    `renames` (one Label Studio user's work, `labelstudio_users.OneUser`) or --rename asked for it. A record of the model's (`model:...`) is
    never a person's: --annotator on one is an error."""
    named = found if isinstance(found, str) and found else None
    if named is not None and is_model(named) and options.annotator:
        raise where.error(not_anyones_work(named), field)
    if options.annotator and (named is None or renames or options.rename):
        return options.annotator  # checked by the same rule where the option is read
    if named is None:
        raise where.error("the record names no annotator; give --annotator", field)
    named, problem = entered_name(named)
    if problem:
        raise where.error(problem, field)
    if options.annotator and named != options.annotator:
        raise where.error(another_persons(named, options.annotator), field)
    return named


def another_persons(named: str, option: str) -> str:
    """What a record naming `named` is told when imported with `--annotator option`."""
    return (
        f"the record names {quoted(named)} as its annotator, not {quoted(option)}: --annotator {option} names the work of "
        "records that name nobody (import the file without --annotator: each record under the name it gives; "
        "--rename takes them as yours deliberately)"
    )
