"""JSON as every export writes it, to a file or to standard output: a record stays on its one line for any reader.

JSON may hold U+2028, U+2029 and NEL (U+0085) raw inside a string, and `ensure_ascii=False` leaves them so; but
`str.splitlines()`, editors and many line-based readers end a line at each, and split a JSONL record there (an
article that carried one from a web page). Written as `\\u2028` escapes they are the same JSON value, parsed.
"""

from __future__ import annotations

import json
from typing import Any

#: The line breaks JSON leaves unescaped (it escapes \n, \r and the other C0 controls), as their escapes.
LINE_BREAK_ESCAPES = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}

#: json.dumps(data, ensure_ascii=False, allow_nan=False) without building an encoder per call (and without the
#: check for circular references, which values read from JSON and from the database cannot have). NaN and
#: infinities raise: no export writes non-standard JSON.
_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False, allow_nan=False).encode


def one_line(text: str) -> str:
    """JSON text with its line breaks other than \\n escaped (`LINE_BREAK_ESCAPES`): raw, each can only be inside a
    string (JSON's white space is space, tab, \\n and \\r), where the escape is the same character."""
    for char, escape in LINE_BREAK_ESCAPES.items():
        if char in text:
            text = text.replace(char, escape)
    return text


def dumps(data: Any) -> str:
    """`data` as one line of JSON, non-ASCII text as itself but the line breaks JSON leaves raw (`one_line`)."""
    return one_line(_encode(data))
