"""A full stop glued to a figure's unit is a token of its own: "€410m." is "€", "410", "m", "." and "38C." is "38C", ".".

spaCy's English rules kept the sentence's full stop inside the last token of two figures a newcomer could then not
mark: "sales of €410m. Its shares" gave "410", "m." (its special case for a lone letter and a full stop, "m.", which
spaCy matches anywhere in the tokens, so also after "410" and "m" it split off), and "reached 38C." gave "38C."
(spaCy splits a full stop off after a lower-case letter, a digit or two capitals, not after one capital). A FIGURE
may not end with the full stop (`spans.edge_problem`), so neither figure could be made, and the edge keys grew
"€410" over the stop into the next sentence. `split_unit_stops` changes spaCy's suffix rule, as `tokens.split_markup`
does, so that it is kept when a pipeline is saved, loaded or pickled:

- a full stop after a capital that follows a digit, at most two letters after it ("38C.", "5G.", "5kW."), is a
  suffix, as spaCy has it after two capitals ("100MW.");
- a lone lower-case letter with a full stop ("m.", "p." in "p. 5") is no suffix split, so that it stays out of
  spaCy's matching of special cases inside tokens: such a whole word is still one token (its special case), while
  "410m." keeps the "m" and "." spaCy split it into, as "€12m" gives "12", "m".

Abbreviations stay whole ("U.S.", "p.m.", "a.m.", "St.", "Jan.", the initial "J."), and so do words of a capital and
a full stop without a digit ("Plan B."): nothing tells those from an initial. The rules add token boundaries and
remove none: over the shared corpus and the dev gold (384 texts) they split 3 tokens of 2 texts ("2.2m.", "km/s.",
"id.") and changed no suggestion, so spans stored on the tokens before still sit on tokens.
"""

from __future__ import annotations

from typing import Any

#: The letters spaCy's English rules have a special case of with a full stop ("m."): none of them is split off its
#: full stop as a suffix, so none of them is matched inside the tokens.
LONE_LETTERS = "a-zäöü"
#: No suffix split of a lone letter's full stop ("m."), whatever spaCy's rules say.
NO_LONE_LETTER_STOP = rf"(?!(?<=^[{LONE_LETTERS}])\.$)"
#: A full stop after a capital that follows a digit, with at most two letters between ("38C.", "5G.", "5kW.").
UNIT_STOP = r"(?<=[0-9][A-Z])\.$|(?<=[0-9][A-Za-z][A-Z])\.$|(?<=[0-9][A-Za-z]{2}[A-Z])\.$"


def _pattern(search: Any) -> str | None:
    """The pattern of a tokenizer's compiled rule (a bound `search`), None if it is no compiled pattern."""
    pattern = getattr(getattr(search, "__self__", None), "pattern", None)
    return pattern if isinstance(pattern, str) else None


def split_unit_stops(tokenizer: Any) -> None:
    """Make `tokenizer` split a sentence's full stop off a figure's unit (the module's rules), by its suffix rule, kept
    when the pipeline is saved. Adding them again changes nothing; a tokenizer without a compiled suffix rule is left
    as it is."""
    import re

    suffixes = _pattern(getattr(tokenizer, "suffix_search", None))
    if not suffixes or suffixes.startswith(NO_LONE_LETTER_STOP):
        return
    tokenizer.suffix_search = re.compile(f"{NO_LONE_LETTER_STOP}(?:{suffixes}|{UNIT_STOP})").search
