"""label-studio-sdk 2.1.2 writes a relation's one label as a string (`Region.to_json_relations`: `"labels":
"SPEAKER"`), its own `validate_annotation` accepts it, and a Label Studio 1.23.2 server imports such a task,
stores the string and exports it as given. It is read as that one label: it was refused ("Input should be a
valid list, got a string"), so a project made with the SDK could not come back with its speakers.

Real file: that server's JSON export of the task label-studio-sdk made (tests/fixtures/real/labelstudio,
PROVENANCE.md); the real console script, on a SQLite database it made."""

from __future__ import annotations

from pathlib import Path

from attack_support import ok, rows
from real_files import REAL

SDK_MADE = REAL / "labelstudio" / "ls1232_sdk_relation_string.json"


def test_a_relation_label_given_as_a_string_is_its_one_label(tmp_path: Path) -> None:
    out = ok("import", SDK_MADE, "--format", "labelstudio", "--user-map", "1=lee", "--db", "s.db", cwd=tmp_path)
    assert out.splitlines()[0] == "1 record(s) imported (1 new article(s)) -> s.db"
    assert rows(tmp_path / "s.db", "SELECT annotator, start, end, label, text, speaker_start, speaker_end FROM spans "
                "ORDER BY start, end") == [
        ("lee", 6, 14, "ACTOR", "Ana Ruiz", None, None),
        ("lee", 21, 27, "LOCATION", "Lisbon", None, None),
        ("lee", 21, 51, "QUOTE", "Lisbon will rebuild the bridge", 6, 14),
        ("lee", 73, 76, "FIGURE", "€4m", None, None),
    ]  # fmt: skip
