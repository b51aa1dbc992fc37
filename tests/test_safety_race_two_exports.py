"""A leftover of the last session: two exports racing into one new file could refuse each other with "a file
annotator did not write, or one changed since it did", though the file there was the other export's, which the
record proves annotator's own. The export that found no file at its output when it checked linked its output in,
and a file there by then (or at its last check) was refused as foreign, whatever the record said of it.

The race is made certain, as in tests/test_safety_race_replace.py: the other export runs whole at the very point
where the first puts its output in place (or just before its last check). Real files, real renames, the real
record; the last export to finish is the one at the path, and it is recorded as annotator's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_safety_race_replace import write

from annotator.exchange import writing
from annotator.exchange.written import RECORD, check_replaceable, proves


def other_export_at(monkeypatch: pytest.MonkeyPatch, name: str, out: Path, data: bytes) -> None:
    """Run a whole other export of `data` to `out` the first time `writing.<name>` is called."""
    real: Callable[..., Any] = getattr(writing, name)
    calls: list[int] = []

    def other_first(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            monkeypatch.setattr(writing, name, real)  # the other export runs unhooked
            write(out, data)
            monkeypatch.setattr(writing, name, other_first)
        return real(*args, **kwargs)

    monkeypatch.setattr(writing, name, other_first)


@pytest.mark.parametrize("moment", ["expect_written", "note_leftovers"])
def test_two_exports_into_one_new_file_do_not_refuse_each_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, moment: str
) -> None:
    """`expect_written`: the other export finishes after this one's last check, before its output is put in
    place; `note_leftovers`: before its last check (its first, when it found no file, is long past)."""
    out = tmp_path / "out.jsonl"
    other_export_at(monkeypatch, moment, out, b"the other export\n")
    write(out, b"this export\n")
    assert out.read_bytes() == b"this export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [RECORD, "out.jsonl"]
    assert proves(out, out)
    check_replaceable(out, out, True, overwrite=False)  # a third export may replace it


def test_a_foreign_file_made_at_a_new_output_meanwhile_is_still_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the fix must not loosen: a file that is not annotator's, made at the path after the first check."""
    out = tmp_path / "out.jsonl"
    real = writing.expect_written

    def foreign_first(*args: Any, **kwargs: Any) -> Any:
        out.write_bytes(b"someone's notes\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(writing, "expect_written", foreign_first)
    with pytest.raises(writing.PlaceError) as refused:
        write(out, b"this export\n")
    assert str(refused.value).startswith(f"{out}: a file annotator did not write, or one changed since it did")
    assert out.read_bytes() == b"someone's notes\n"
    assert [p.name for p in tmp_path.iterdir() if p.name != RECORD] == ["out.jsonl"]
    assert not proves(out, out)
