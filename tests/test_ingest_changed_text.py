"""`ingest --changed-text replace` never replaces an article someone has worked on: each such article is a
conflict, one line, left as stored, and the rest of the input is stored. The real console script on real files;
the work in between is what the TUI does, through the store."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.store import Store


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def differs(n: int) -> str:
    """Where the stored text of article a<n> and the changed one differ, as the conflict line says it."""
    return (
        f"(they first differ at character 16: the stored text has …' met Bob in Paris, story {n}.' (its end), the "
        f"given …' met Bob in Oslo, story {n}.' (its end))"
    )


def test_articles_with_human_work_are_conflicts_left_as_stored_and_the_others_replaced(tmp_path: Path) -> None:
    first = write_jsonl(
        tmp_path / "first.jsonl",
        [{"id": f"a{n}", "title": f"T{n}", "text": f"Ann met Bob in Paris, story {n}."} for n in range(1, 6)],
    )
    changed = write_jsonl(
        tmp_path / "changed.jsonl",
        [{"id": f"a{n}", "title": f"T{n}", "text": f"Ann met Bob in Oslo, story {n}."} for n in range(1, 7)],
    )
    db = tmp_path / "a.db"
    assert annotator("ingest", first, "--no-suggest", "--db", db).returncode == 0
    with Store.open(db) as store:
        store.save_cursor("a1", "alice", 8)  # opened, nothing else: what the screen writes when it shows it
        store.add_span("a2", "bob", 0, 3, "ACTOR")
        store.add_comment("a3", "carol", "Is this the Paris in Texas?")  # a comment, and nothing else
        store.set_status("a4", "dave", "skipped")
    result = annotator("ingest", changed, "--no-suggest", "--db", db, "--changed-text", "replace")
    hint = "left as stored (--changed-text new adds the new text as an article of its own)"
    assert (result.returncode, result.stderr) == (  # not applied whole, as an import's conflict: a script is told
        1,
        f"annotator: error: 4 article(s) of the input not stored: their stored text is someone's work in {db} "
        "(listed above); --changed-text new adds each as an article of its own\n",
    )
    assert result.stdout == (
        f"1 article(s) added, 0 already stored, 1 replaced, 4 conflict(s), 0 suggestion(s) -> {db}\n"
        f"conflict: a1 'T1' ({changed}:1) is stored with a different text that alice opened, annotated or packed "
        f"{differs(1)}: {hint}\n"
        f"conflict: a2 'T2' ({changed}:2) is stored with a different text that bob opened, annotated or packed "
        f"{differs(2)}: {hint}\n"
        f"conflict: a3 'T3' ({changed}:3) is stored with a different text that carol opened, annotated or packed "
        f"{differs(3)}: {hint}\n"
        f"conflict: a4 'T4' ({changed}:4) is stored with a different text that dave opened, annotated or packed "
        f"{differs(4)}: {hint}\n"
    )
    with Store.open(db, read_only=True) as store:
        assert [(a, store.article(a).text) for a in store.article_ids()] == [
            ("a1", "Ann met Bob in Paris, story 1."),
            ("a2", "Ann met Bob in Paris, story 2."),
            ("a3", "Ann met Bob in Paris, story 3."),
            ("a4", "Ann met Bob in Paris, story 4."),
            ("a5", "Ann met Bob in Oslo, story 5."),
            ("a6", "Ann met Bob in Oslo, story 6."),
        ]
        assert [(s.start, s.end, s.text) for s in store.spans("a2", "bob")] == [(0, 3, "Ann")]
        assert store.status("a4", "dave").value == "skipped"
        assert [(who, text) for who, text, _ in store.comments("a3")] == [("carol", "Is this the Paris in Texas?")]

    new = annotator("ingest", changed, "--no-suggest", "--db", db, "--changed-text", "new")
    assert (new.returncode, new.stderr) == (0, "")
    assert new.stdout == f"4 article(s) added, 2 already stored, 0 suggestion(s) -> {db}\n"
    with Store.open(db, read_only=True) as store:
        assert store.article("a1").text == "Ann met Bob in Paris, story 1."
        assert sorted(store.article(a).text for a in store.article_ids() if a.startswith("a1~")) == [
            "Ann met Bob in Oslo, story 1."
        ]


def test_an_assignment_nobody_started_is_no_work_but_its_replacement_is_reported(tmp_path: Path) -> None:
    """Found by a newcomer: an article only assigned to bob was refused as one "that bob opened, annotated or packed".
    An unstarted assignment loses nothing when the text changes, so the text is replaced, and a note says whose
    assignment now shows another text."""
    first = write_jsonl(tmp_path / "first.jsonl", [{"id": "a1", "title": "T1", "text": "Ann met Bob in Paris."}])
    changed = write_jsonl(tmp_path / "changed.jsonl", [{"id": "a1", "title": "T1", "text": "Ann met Bob in Oslo."}])
    db = tmp_path / "a.db"
    assert annotator("ingest", first, "--no-suggest", "--db", db).returncode == 0
    assert annotator("assign", "--annotators", "bob,carol", "--overlap", "2", "--db", db).returncode == 0
    result = annotator("ingest", changed, "--no-suggest", "--db", db, "--changed-text", "replace")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"0 article(s) added, 0 already stored, 1 replaced, 0 suggestion(s) -> {db}\n"
        f"note: a1 'T1' ({changed}:1) has the new text; it is assigned to bob, carol, who had not started it in "
        f"{db} (work on it in a pack made before would not merge back: its text changed)\n"
    )
    with Store.open(db, read_only=True) as store:
        assert store.article("a1").text == "Ann met Bob in Oslo."
        assert store.assignees_of("a1") == ["bob", "carol"]


def test_two_ids_with_one_text_count_the_suggestions_stored(tmp_path: Path) -> None:
    """Trial r? of stop 30: two ids with the same text printed "1 added, 1 already stored, 10 suggestion(s)", the
    second's suggestions counted though it was not stored."""
    text = "Maria Costa told reporters in Berlin that Paolo Rossi had left for Rome."
    twice = write_jsonl(tmp_path / "twice.jsonl", [{"id": "x1", "text": text}, {"id": "x2", "text": text}])
    db = tmp_path / "a.db"
    result = annotator("ingest", twice, "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    with Store.open(db, read_only=True) as store:
        stored = store.count("suggestions")
    assert stored > 0
    assert result.stdout == (
        f"1 article(s) added, 0 already stored, 1 duplicate(s) of a text stored under another id, {stored} "
        f"suggestion(s) -> {db}\n"
        "not stored, their text stored under another id (one article a text): x2 as x1\n"
    )


def test_a_packed_article_is_possibly_started_and_never_replaced(tmp_path: Path) -> None:
    """Trial of stop 30: `--changed-text replace` replaced the text of an article packed for bob, with a note that
    bob "had not started it", though he had annotated it in his pack: his work could then never be merged back.
    `pack` records each article it packs (a `pack` event in the team's database, no edit), and a packed article is
    a conflict like other started work."""
    first = write_jsonl(tmp_path / "first.jsonl", [{"id": "a1", "title": "T1", "text": "Ann met Bob in Paris."}])
    changed = write_jsonl(tmp_path / "changed.jsonl", [{"id": "a1", "title": "T1", "text": "Ann met Bob in Oslo."}])
    db = tmp_path / "a.db"
    assert annotator("ingest", first, "--no-suggest", "--db", db).returncode == 0
    assert annotator("assign", "--annotators", "bob", "--db", db).returncode == 0
    assert annotator("pack", "--annotator", "bob", "-o", tmp_path / "bob.db", "--db", db).returncode == 0
    with Store.open(db, read_only=True) as store:
        assert store.version("a1", "bob") == 0  # the pack's record is no edit
    result = annotator("ingest", changed, "--no-suggest", "--db", db, "--changed-text", "replace")
    assert (result.returncode, result.stderr) == (
        1,
        f"annotator: error: 1 article(s) of the input not stored: their stored text is someone's work in {db} "
        "(listed above); --changed-text new adds each as an article of its own\n",
    )
    assert result.stdout == (
        f"0 article(s) added, 0 already stored, 1 conflict(s), 0 suggestion(s) -> {db}\n"
        f"conflict: a1 'T1' ({changed}:1) is stored with a different text that bob opened, annotated or packed (they "
        "first differ at character 16: the stored text has …' met Bob in Paris.' (its end), the given …' met Bob in "
        "Oslo.' (its end)): left as stored (--changed-text new adds the new text as an article of its own)\n"
    )
    with Store.open(db, read_only=True) as store:
        assert store.article("a1").text == "Ann met Bob in Paris."
    merged = annotator("merge", tmp_path / "bob.db", "--db", db)
    assert merged.returncode == 0 and "0 conflict(s)" in merged.stdout
