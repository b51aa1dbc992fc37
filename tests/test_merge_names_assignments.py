"""Trial s57 F8: merging a pack that held assignments made inside it for other names (`assign` run on the pack)
added them and said only "6 assignment(s) added": a team lead could not see which. Merge names them, one a line by
article and annotator, the first five, then how many more; with several files merged, from which. The real console
script on real files."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

TITLES = ["Harbour bridge to close", "Ferry strike called off", "Council votes on the budget for the coming year",
          "Mayor opens new school", "Floods hit the valley", "Museum reopens"]  # fmt: skip
TEXTS = ["John Smith said the bridge will close in Paris on Monday.", "Maria Costa told reporters in Berlin that 12 "
         "ferries stopped.", "The mayor of Rome, Paolo Rossi, said the council voted.", "Ana Ruiz opened a school in "
         "Lima on Friday.", "Floods hit 300 homes in the valley, officials said.", "The museum in Oslo reopened."]  # fmt: skip


def run(*args: str | Path, cwd: Path) -> list[str]:
    result = annotator(*args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def team_and_pack(tmp_path: Path, count: int) -> None:
    """team.db with `count` articles, all bob's; his pack bob.db, in which carol and dave were given them."""
    lines = [json.dumps({"id": f"a{i + 1}", "title": TITLES[i], "text": TEXTS[i]}) for i in range(count)]
    (tmp_path / "arts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run("ingest", "arts.jsonl", "--no-suggest", "--db", "team.db", cwd=tmp_path)
    run("assign", "--annotators", "bob", "--db", "team.db", cwd=tmp_path)
    run("pack", "--annotator", "bob", "-o", "bob.db", "--db", "team.db", cwd=tmp_path)
    run("assign", "--annotators", "carol,dave", "--db", "bob.db", cwd=tmp_path)


def test_the_assignments_a_pack_brings_are_named_the_first_five_then_how_many_more(tmp_path: Path) -> None:
    team_and_pack(tmp_path, 6)
    assert run("merge", "bob.db", "--db", "team.db", cwd=tmp_path)[1:] == [
        "6 assignment(s) added:",
        "  a1 'Harbour bridge to close' to dave",
        "  a2 'Ferry strike called off' to carol",
        "  a3 'Council votes on the budget for the…' to dave",
        "  a4 'Mayor opens new school' to carol",
        "  a5 'Floods hit the valley' to dave",
        "  and 1 more (annotator stats --articles)",
        # bob's, which `assign` in his pack took back, are taken back here too (s57 t15 F2)
        "6 assignment(s) taken back here, as the other file took them back (annotator assign or unassign there) and "
        "nothing here changed them since:",
        "  a1 'Harbour bridge to close' from bob",
        "  a2 'Ferry strike called off' from bob",
        "  a3 'Council votes on the budget for the…' from bob",
        "  a4 'Mayor opens new school' from bob",
        "  a5 'Floods hit the valley' from bob",
        "  and 1 more (annotator stats --articles)",
    ]
    assert run("merge", "bob.db", "--db", "team.db", cwd=tmp_path)[1:] == []  # merging twice adds none


def test_a_few_are_all_named_and_of_several_files_each_says_whose(tmp_path: Path) -> None:
    team_and_pack(tmp_path, 2)
    run("pack", "--annotator", "bob", "-o", "bob2.db", "--db", "team.db", cwd=tmp_path)
    run("assign", "--annotators", "erin", "--db", "bob2.db", cwd=tmp_path)
    assert run("merge", "bob.db", "bob2.db", "--db", "team.db", cwd=tmp_path)[1:] == [
        # bob.db's merge took bob's assignments back: bob2.db's, which took them back too, is recorded and no more
        "2 article(s) of bob's, out in a pack here, recorded as merged back from bob2.db, nothing else written to "
        "them (a `merged` event each, no edit)",
        "4 assignment(s) added:",
        "  a1 'Harbour bridge to close' to dave (from bob.db)",
        "  a2 'Ferry strike called off' to carol (from bob.db)",
        "  a1 'Harbour bridge to close' to erin (from bob2.db)",
        "  a2 'Ferry strike called off' to erin (from bob2.db)",
        "2 assignment(s) taken back here, as the other file took them back (annotator assign or unassign there) and "
        "nothing here changed them since:",
        "  a1 'Harbour bridge to close' from bob (in bob.db)",
        "  a2 'Ferry strike called off' from bob (in bob.db)",
    ]
