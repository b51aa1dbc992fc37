"""The attacker's trial t4 F3: `export -o -` sent an article's right-to-left override (U+202E) raw to the terminal,
in native JSONL, doccano and Prodigy alike (JSON escapes ESC as \\u001b, not format characters), where it reordered
what followed; every other line the CLI prints shows it. Now JSON written to standard output escapes every
character `literal` would show by its code as \\uXXXX: the same JSON value, parsed. A file written with -o PATH
keeps them, but for U+2028, U+2029 and NEL (tests/test_export_line_separators.py). The real console script on a
real database."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from processes import ANNOTATOR, annotator

#: A bidi override and its pop, an isolate, a zero-width space, a soft hyphen, a line separator, a C1 control and a
#: tag character (astral: a surrogate pair in JSON), around words the suggesters leave alone.
TEXT = (
    "Council member Omar Haddad said \u202eevil reversed\u202c text appeared in Riverton, "
    "\u2066isolated\u2069 and zero\u200bwidth, soft\u00adhyphen,\u2028next\u0085line\U000e0001tag."
)
HIDDEN = ("\u202e", "\u202c", "\u2066", "\u2069", "\u200b", "\u00ad", "\u2028", "\u0085", "\U000e0001")
ESCAPED_TEXT = (
    '"Council member Omar Haddad said \\u202eevil reversed\\u202c text appeared in Riverton, '
    '\\u2066isolated\\u2069 and zero\\u200bwidth, soft\\u00adhyphen,\\u2028next\\u0085line\\udb40\\udc01tag."'
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bidi")
    (folder / "r.jsonl").write_text(json.dumps({"id": "m2", "text": TEXT}) + "\n", encoding="utf-8")
    for args in (("ingest", "r.jsonl", "--no-suggest"), ("accept", "--annotator", "bob", "--done")):
        done = annotator(*args, "--db", "r.db", cwd=folder)
        assert done.returncode == 0, done.stderr
    return folder / "r.db"


def exported(db: Path, form: str, *output: str) -> bytes:
    done = subprocess.run(
        [ANNOTATOR, "export", "--db", str(db), "--annotator", "bob", "--format", form, *output],
        capture_output=True,
        cwd=db.parent,
        timeout=120,
    )
    assert (done.returncode, done.stderr.decode()) == (0, "1 record(s) written\n" if output == ("-o", "-") else "")
    return done.stdout


@pytest.mark.parametrize("form", ["jsonl", "doccano", "doccano-relations", "prodigy", "labelstudio"])
def test_json_to_standard_output_escapes_invisible_characters(db: Path, form: str) -> None:
    shown = exported(db, form, "-o", "-").decode("utf-8")
    assert [char for char in HIDDEN if char in shown] == []
    assert f'"text": {ESCAPED_TEXT}' in shown
    exported(db, form, "-o", f"{form}.out")
    written = (db.parent / f"{form}.out").read_text(encoding="utf-8")
    # a file keeps the characters, for other tools, but for the line breaks JSON leaves raw (`formats.json_text`)
    kept = json.dumps(TEXT, ensure_ascii=False).replace("\u2028", "\\u2028").replace("\x85", "\\u0085")
    assert f'"text": {kept}' in written
    if form == "labelstudio":
        assert json.loads(shown) == json.loads(written)
    else:
        lines = [line for line in written.split("\n") if line]  # not splitlines: U+2028 and U+0085 end a line there
        assert [json.loads(line) for line in shown.split("\n") if line] == [json.loads(line) for line in lines]
