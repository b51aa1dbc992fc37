"""One text under several ids is stored once, under the first id: the summary said "198 already stored" on a fresh
database (new34), as though they had been there before. It now counts them apart, as duplicates of a text stored
under another id, and names which id each went to, so `annotator accept m004` is not a surprise. The real console
script on real files."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator


def test_ids_whose_text_another_id_brought_are_counted_and_named_apart(tmp_path: Path) -> None:
    texts = ["Ann met Bob in Paris.", "Carol flew to Oslo."]
    lines = [{"id": f"m{n:03}", "text": texts[0] if n == 1 else texts[1] if n == 2 else texts[n % 2]}
             for n in range(1, 9)]  # fmt: skip
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = tmp_path / "a.db"
    result = annotator("ingest", path, "--no-suggest", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"2 article(s) added, 0 already stored, 6 duplicate(s) of a text stored under another id, 0 suggestion(s) "
        f"-> {db}\n"
        "not stored, their text stored under another id (one article a text): m003 as m002, m004 as m001, "
        "m005 as m002, m006 as m001, m007 as m002, and 1 more\n"
    )
    again = annotator("ingest", path, "--no-suggest", "--db", db)
    assert again.stdout.splitlines()[0] == (
        f"0 article(s) added, 2 already stored, 6 duplicate(s) of a text stored under another id, 0 suggestion(s) "
        f"-> {db}"
    )
