"""Prodigy's `_input_hash` and `_task_hash`, made the way Prodigy makes them, so that Prodigy's deduplication and
`--exclude` recognise tasks we write.

Prodigy documents which keys each hash covers: the input hash the values of "text", "image", "html" and
"input", the task hash the input hash plus "spans", "label", "options" and "arcs", leaving out keys such as
"score", "answer" or "_view_id" (https://support.prodi.gy/t/function-set-hashes/6006/2 and
https://support.prodi.gy/t/logic-behind-hash-keys-in-relation-to-review-api/7410). The exact string hashed is
not published; it was worked out against real Prodigy datasets, and the tests check it on them:

- the hash is MurmurHash3 (x86, 32 bits, seed 0) of a string's UTF-8 bytes, read as a signed integer: the
  `murmurhash` package spaCy itself depends on;
- the input hash hashes, for each input key the task has, in the order above, `key=` followed by the value as
  compact JSON (sorted keys, no spaces, non-ASCII escaped), all the pieces run together: `text="Uber\\u2019s ..."`;
- the task hash hashes the input hash in decimal followed by the same pieces for the task keys, with the
  ignored keys left out of every object inside them: `-13216227spans=[{"end":17,"label":"GGP",...}]`.

Prodigy sets both when a task enters the stream, before anyone annotates it: a manual task's task hash
covers the spans it was shown with (often none), not the ones the annotator made. So hashes a file gives are
kept (see `annotator.exchange.formats.prodigy`); only a task without them gets new ones from this module.
Files from Prodigy's first releases (2017) used another scheme; their hashes are kept the same way.
"""

from __future__ import annotations

import json
from typing import Any

INPUT_KEYS = ("text", "image", "html", "input")
TASK_KEYS = ("spans", "label", "options", "arcs")
#: Keys Prodigy leaves out of the hashed values.
IGNORED_KEYS = frozenset(
    {"score", "rank", "model", "source", "pattern", "priority", "path"}
    | {"_view_id", "_session_id", "_annotator_id", "answer"}
)


def murmur(text: str) -> int:
    """MurmurHash3 x86 32-bit, seed 0, of the UTF-8 bytes, as a signed int."""
    from murmurhash.mrmr import hash as murmurhash3

    return int(murmurhash3(text))


def _without_ignored(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_ignored(item) for key, item in value.items() if key not in IGNORED_KEYS}
    if isinstance(value, list):
        return [_without_ignored(item) for item in value]
    return value


def _pieces(task: dict[str, Any], keys: tuple[str, ...]) -> str:
    compact = (",", ":")
    return "".join(
        f"{key}={json.dumps(_without_ignored(task[key]), sort_keys=True, separators=compact)}"
        for key in keys
        if key in task
    )


def input_hash(task: dict[str, Any]) -> int:
    return murmur(_pieces(task, INPUT_KEYS))


def task_hash(task: dict[str, Any], of_input: int) -> int:
    return murmur(str(of_input) + _pieces(task, TASK_KEYS))
