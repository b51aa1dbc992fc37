"""An attacker's findings (attack 30, r9 and r10): `--annotator Gold` was refused (gold is reserved) but a record
naming "Gold", "GOLD" or the fullwidth "ｇｏｌｄ" imported as a person, exported to exports/Gold.jsonl beside
gold.jsonl and joined the agreement with alice; "é" typed as one character (NFC) and as e with a combining accent
(NFD) made two annotators, and "аlice" with a Cyrillic а a third who looks like alice. Names now enter in NFC (the
one rule, `vocabulary.entered_name`, at records, options and the prompt), gold in another case or form is refused
(a record of gold names it "gold", which still imports), and so is a word mixing Latin, Cyrillic and Greek letters.
Real native exports, the real console script, real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from attack_support import made, ok, rows, work  # noqa: F401  (the fixtures)
from processes import annotator, one_error_line

RESERVED = (
    "is reserved: gold, the adjudicated annotation, is written only by `annotator review` and `annotator "
    "adjudicate --auto`; work under a name of your own"
)


def named(work: Path, name: str, file: str = "n.jsonl") -> Path:  # noqa: F811
    """alice's native export, every record naming `name` instead."""
    if not (work / "a.jsonl").exists():
        ok("export", "--annotator", "alice", "--db", "base.db", "-o", "a.jsonl", cwd=work)
    records = [json.loads(line) for line in (work / "a.jsonl").read_text("utf-8").splitlines()]
    (work / file).write_text("".join(json.dumps({**r, "annotator": name}) + "\n" for r in records), "utf-8")
    return work / file


def annotators(db: Path) -> list[object]:
    return [name for (name,) in rows(db, "SELECT DISTINCT annotator FROM annotations ORDER BY 1")]


@pytest.mark.parametrize("name", ["Gold", "GOLD", "ｇｏｌｄ"])
def test_a_record_naming_gold_in_another_case_or_form_is_refused(work: Path, name: str) -> None:  # noqa: F811
    named(work, name)
    result = annotator("import", "n.jsonl", "--db", "base.db", cwd=work)
    assert one_error_line(result) == (
        f"n.jsonl:1: field 'annotator': {name!r} is gold in another case or form: a record of gold names it 'gold', "
        "and a person works under a name of their own"
    )
    assert annotators(work / "base.db") == ["alice"]
    assert not (work / "exports").exists()


def test_gold_in_a_compatibility_form_is_reserved_on_the_command_line(work: Path) -> None:  # noqa: F811
    named(work, "alice")
    result = annotator("import", "n.jsonl", "--annotator", "ｇｏｌｄ", "--db", "empty.db", cwd=work)
    assert one_error_line(result) == f"--annotator: 'ｇｏｌｄ' {RESERVED}"


def test_a_record_of_gold_itself_still_imports(work: Path) -> None:  # noqa: F811
    named(work, "gold")
    assert ok("import", "n.jsonl", "--db", "empty.db", cwd=work).startswith("3 record(s) imported")
    assert annotators(work / "empty.db") == ["gold"]


def test_an_accent_typed_two_ways_is_one_annotator(work: Path) -> None:  # noqa: F811
    named(work, "Andr\u00e9", "nfc.jsonl")
    named(work, "Andre\u0301", "nfd.jsonl")
    assert ok("import", "nfc.jsonl", "--db", "base.db", cwd=work).startswith("3 record(s) imported")
    out = ok("import", "nfd.jsonl", "--db", "base.db", cwd=work)
    assert out == "0 record(s) imported (0 new article(s)); 3 unchanged -> base.db\n"
    assert annotators(work / "base.db") == ["Andr\u00e9", "alice"]
    out = ok("export", "--annotator", "Andre\u0301", "--db", "base.db", "-o", "-", cwd=work)  # the option too
    assert [json.loads(line)["annotator"] for line in out.splitlines()] == ["Andr\u00e9"] * 3


def test_a_name_mixing_cyrillic_and_latin_letters_in_a_word_is_refused(work: Path) -> None:  # noqa: F811
    named(work, "\u0430lice")
    result = annotator("import", "n.jsonl", "--db", "base.db", cwd=work)
    assert one_error_line(result) == (
        "n.jsonl:1: field 'annotator': an annotator's name may not mix Latin, Cyrillic and Greek letters in one word "
        "(it would look like another name): 'аlice' has Cyrillic а U+0430 among Latin letters"
    )
    result = annotator("import", "n.jsonl", "--annotator", "\u0430lice", "--db", "empty.db", cwd=work)
    assert one_error_line(result).startswith("--annotator: an annotator's name may not mix Latin, Cyrillic")
    assert annotators(work / "base.db") == ["alice"]
    assert annotators(work / "empty.db") == []


@pytest.mark.parametrize("name", ["Ivan Петров", "иван@mail.ru", "Anna_Иванова", "σοφία.papas"])
def test_a_name_with_a_word_in_each_script_imports(work: Path, name: str) -> None:  # noqa: F811
    """Words are runs of letters: an address or a handle joins words of two scripts with @ _ . (attacker's recheck:
    a Label Studio completed_by "иван@mail.ru" failed its whole record)."""
    named(work, name)
    assert ok("import", "n.jsonl", "--db", "empty.db", cwd=work).startswith("3 record(s) imported")
    assert annotators(work / "empty.db") == [name]
