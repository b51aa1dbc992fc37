"""Newcomer trial 32: two reports took work that came by `annotator import` (another tool's, where the suggestions
were never shown) as if its annotator had been shown them. `evaluate`'s corrections of the suggestions said "no
suggestions in those articles" for dana, whose only work came by import, though the articles held the suggestions it
had just scored, and its "pending" share counted the suggestions on such articles (when the file's stamp is later
than the suggestions, every one her spans do not repeat was "pending"); `stats` listed dana among those who left
suggestions undecided on done articles. An annotation whose status came by import (the last event setting it
was an import) counts no suggestions but those its file answered, and none is left undecided by it; reopening it
and marking it done in the tool counts again. Real files as the tool writes them (a Label Studio export), the
real console script, real SQLite."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.store import Store

TEXT = "Rita Ora sang in Leeds on Friday before 3,000 fans, said Tom Jones."
DANA = "dana@news.org"


def ok(*args: str | Path) -> str:
    result = annotator(*args, timeout=120)
    assert result.returncode == 0, (result.stdout, result.stderr)
    return result.stdout


def decide(db: Path, annotator: str, accepted: list[str], rejected: list[str]) -> None:
    with Store.open(db) as store:
        suggestions = {s.text: s.id for s in store.suggestions("a1")}
        for text in accepted:
            store.accept_suggestion("a1", annotator, suggestions[text])
        for text in rejected:
            store.reject_suggestion("a1", annotator, suggestions[text])
        store.set_status("a1", annotator, "done")


def worked(folder: Path, bob: bool) -> Path:
    """The team's database holds the article and its suggestions (and bob's work in the tool: "Rita Ora"
    accepted, "fans" rejected, three left undecided, done); dana worked in another database later, and her Label
    Studio export comes in by `annotator import`, stamped after the suggestions here."""
    (folder / "in.jsonl").write_text(json.dumps({"id": "a1", "text": TEXT}) + "\n", "utf-8")
    db = folder / "w.db"
    ok("ingest", folder / "in.jsonl", "--db", db)
    if bob:
        decide(db, "bob", ["Rita Ora"], ["fans"])
    ok("ingest", folder / "in.jsonl", "--db", folder / "dana.db")
    decide(folder / "dana.db", DANA, ["Rita Ora", "Leeds", "Tom Jones"], ["fans"])
    ok("export", "--annotator", DANA, "--format", "labelstudio", "--db", folder / "dana.db", "-o", folder / "ls.json")
    assert ok("import", folder / "ls.json", "--format", "labelstudio", "--db", db) == (
        f"1 record(s) imported (0 new article(s)) -> {db}\n"
    )
    return db


def corrections_lines(out: str) -> list[str]:
    return out[out.index("corrections of the suggestions") :].splitlines()


def test_evaluate_says_imported_work_has_no_corrections_to_tell(tmp_path: Path) -> None:
    db = worked(tmp_path, bob=False)
    out = ok("evaluate", "--db", db, "--gold-from", DANA)
    assert "ALL           3     5  0.600/1.000/0.750    0.600/1.000/0.750  " in out.splitlines()
    assert corrections_lines(out) == [
        f"corrections of the suggestions by {DANA} (1 article annotation(s) of those scored)",
        "  nothing to say of them: the work on those articles came by `annotator import` (another tool's, never "
        "shown the suggestions)",
        "spans added with no suggestion: ACTOR 0, LOCATION 0, FIGURE 0, QUOTE 0",
        "spans that came by `annotator import` instead (another tool's work, never shown the suggestions): "
        "ACTOR 2, LOCATION 1, FIGURE 0, QUOTE 0",
    ]
    report = json.loads(ok("evaluate", "--db", db, "--gold-from", DANA, "--json"))["corrections"]
    assert (report["annotations"], report["annotations_imported"], report["rows"]) == (1, 1, [])


def test_evaluate_counts_no_pending_on_imported_work(tmp_path: Path) -> None:
    """bob's work in the tool counts; dana's, which came by import, adds no suggestion, pending or other."""
    db = worked(tmp_path, bob=True)
    out = ok("evaluate", "--db", db, "--gold-from", DANA)
    assert corrections_lines(out) == [
        f"corrections of the suggestions by bob, {DANA} (2 article annotation(s) of those scored)",
        "  1 of them came by `annotator import` (another tool's work, never shown the suggestions): only the "
        "suggestions its file answered count there",
        "suggester      label      suggested   accepted      moved relabelled   rejected    pending",
        "entities.v16   ACTOR              3      33.3%       0.0%       0.0%      33.3%      33.3%",
        "entities.v16   LOCATION           1       0.0%       0.0%       0.0%       0.0%     100.0%",
        "entities.v16   FIGURE             1       0.0%       0.0%       0.0%       0.0%     100.0%",
        "spans added with no suggestion: ACTOR 0, LOCATION 0, FIGURE 0, QUOTE 0",
        "spans that came by `annotator import` instead (another tool's work, never shown the suggestions): "
        "ACTOR 2, LOCATION 1, FIGURE 0, QUOTE 0",
    ]


def test_stats_does_not_count_imported_done_work_as_left_undecided(tmp_path: Path) -> None:
    db = worked(tmp_path, bob=True)
    out = ok("stats", "--db", db)
    assert out[out.index("suggestions left undecided") :].splitlines() == [
        "suggestions left undecided on done articles (not pending: O on its screen reopens an article and asks about them again)",
        "annotator   suggestions   done articles",
        "───────────────────────────────────────",
        "bob                   3               1",
    ]


def test_imported_work_reopened_and_done_in_the_tool_counts_again(tmp_path: Path) -> None:
    """dana reopens her imported article in the tool (the suggestions she left are asked about again) and marks it
    done there: what she left undecided is hers, and her corrections count."""
    db = worked(tmp_path, bob=False)
    with Store.open(db) as store:
        store.set_status("a1", DANA, "in_progress")
        assert [s.text for s in store.pending("a1", DANA)] == ["3,000", "fans"]
        store.set_status("a1", DANA, "done")
    out = ok("stats", "--db", db)
    assert out[out.index("suggestions left undecided") :].splitlines()[-1] == f"{DANA}             2               1"
    assert corrections_lines(ok("evaluate", "--db", db, "--gold-from", DANA))[1:3] == [
        "suggester      label      suggested   accepted      moved relabelled   rejected    pending",
        "entities.v16   ACTOR              3      66.7%       0.0%       0.0%       0.0%      33.3%",
    ]


def test_an_undone_reopening_gives_the_status_back_to_the_import(tmp_path: Path) -> None:
    """Undo of the tool's reopening puts back the status the import set: nothing left undecided by dana."""
    db = worked(tmp_path, bob=True)
    with Store.open(db) as store:
        store.set_status("a1", DANA, "in_progress")
        store.undo("a1", DANA)
    out = ok("stats", "--db", db)
    assert out[out.index("suggestions left undecided") :].splitlines()[-1] == "bob                   3               1"


def test_binary_answers_imported_count_only_what_they_answered(tmp_path: Path) -> None:
    """Prodigy's binary answers (ner.teach) are decisions on the file's suggestions: those count, as answered
    there; the model's suggestions here, never shown to erin, count neither as pending nor otherwise."""
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": "a1", "text": TEXT}) + "\n", "utf-8")
    db = tmp_path / "w.db"
    ok("ingest", tmp_path / "in.jsonl", "--db", db)
    ok("accept", "--annotator", "bob", "--done", "--db", db)
    tasks = [
        {"text": TEXT, "spans": [{"start": 0, "end": 8, "label": "ACTOR"}], "answer": "accept", "_view_id": "ner"},
        {"text": TEXT, "spans": [{"start": 46, "end": 50, "label": "ACTOR"}], "answer": "reject", "_view_id": "ner"},
    ]
    (tmp_path / "teach.jsonl").write_text("".join(json.dumps(task) + "\n" for task in tasks), "utf-8")
    ok("import", tmp_path / "teach.jsonl", "--format", "prodigy", "--annotator", "erin", "--db", db)
    out = ok("evaluate", "--db", db, "--gold-from", "bob", "--include-in-progress")
    assert corrections_lines(out)[:5] == [  # bob's come by `annotator accept`: no person's check, counted apart
        "corrections of the suggestions by erin (1 article annotation(s) of those scored)",
        "  1 of them came by `annotator import` (another tool's work, never shown the suggestions): only the "
        "suggestions its file answered count there",
        "suggester      label      suggested   accepted      moved relabelled   rejected    pending",
        "prodigy        ACTOR              2      50.0%       0.0%       0.0%      50.0%       0.0%",
        "5 suggestion(s) `annotator accept` accepted, unchanged since, are left out, and with them bob's 1 article "
        "annotation(s), which hold nothing else: a command's accept is no person's check",
    ]
