"""Gold that `adjudicate --auto` took from a person's work is a person's work in its export too (a newcomer's trial:
eng annotated 11 articles by hand, ran `adjudicate --auto --annotators eng --reviewer eng` as docs/teams.md gives
for a lone annotator, and every record of `export --gold` said `"unchecked": {"commands": ["adjudicate --auto"]}`,
so `train --from` and `evaluate --gold-from` said the model's own suggestions were learned and scored, while the
database itself counted none). Gold is settled from others' work: commands alone wrote it only where they alone
wrote everyone's work on the article, and then its record names their commands too, `accept` first. The real
console script on real SQLite files."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator
from test_train_unchecked import TEXTS

from annotator.store import Store
from annotator.vocabulary import GOLD

#: eng's own span on each article (typed, relabelled, one resized): no article's work is the model's suggestions.
BY_HAND = [("Officials", "ACTOR"), ("Residents of Rafah fled", "ACTOR"), ("The mayor of Lyon", "ACTOR")]

#: `evaluate`'s caution over a file, of `count` of its 3 articles.
FILE_CAUTION = (
    "  caution: on {count} of these 3 article(s) the file is the model's suggestions unchanged (no person changed "
    "them, on the screen or by a command): there the model's suggestions are scored against themselves, which can "
    "only raise the figures below"
)


def run(*args: str | Path, cwd: Path) -> tuple[str, str]:
    done = annotator(*args, cwd=cwd)
    assert done.returncode == 0, (args, done.stderr)
    return done.stdout, done.stderr


def ingested(folder: Path, db: str = "x.db") -> Path:
    for n, text in enumerate(TEXTS):
        (folder / f"a{n}.txt").write_text(text + "\n", encoding="utf-8")
    run("ingest", "a0.txt", "a1.txt", "a2.txt", "--db", db, cwd=folder)
    return folder / db


def annotated_by_hand(folder: Path) -> Path:
    """eng's own work on every article (a span added, one relabelled, one resized), each marked done, then
    adjudicated into gold the way docs/teams.md gives for a lone annotator."""
    db = ingested(folder)
    with Store.open(db) as store:
        for article, (words, label) in zip(store.article_ids(), BY_HAND, strict=True):
            text = store.article(article).text
            start = text.index(words)
            edit = store.add_span(article, "eng", start, start + len(words), "LOCATION")
            span_id = edit.spans[0].id
            store.relabel_span(article, "eng", span_id, label)
            if words.endswith(" fled"):  # and resized to the people alone
                store.resize_span(article, "eng", span_id, start, start + len("Residents of Rafah"))
            store.set_status(article, "eng", "done")
    run("adjudicate", "--auto", "--annotators", "eng", "--reviewer", "eng", "--db", db, cwd=folder)
    return db


def accepted_alone(folder: Path, db: str = "x.db") -> Path:
    """eng only ran `annotator accept --done`, then the same adjudication: the gold is the model's suggestions."""
    path = ingested(folder, db)
    run("accept", "--annotator", "eng", "--done", "--db", db, cwd=folder)
    run("adjudicate", "--auto", "--annotators", "eng", "--reviewer", "eng", "--db", db, cwd=folder)
    return path


def gold_export(folder: Path, db: Path, out: str = "gold.jsonl") -> list[dict[str, object]]:
    run("export", "--gold", "-o", out, "--db", db, cwd=folder)
    return [json.loads(line) for line in (folder / out).read_text("utf-8").splitlines()]


def commands(records: list[dict[str, object]]) -> list[object]:
    return [record.get("unchecked", {}).get("commands") for record in records]  # type: ignore[attr-defined]


def counted(folder: Path, *args: str | Path) -> tuple[int, int]:
    """`evaluate --json`'s command_only and suggestions_unchanged."""
    data = json.loads(run("evaluate", "--json", *args, cwd=folder)[0])
    return data["command_only"], data["suggestions_unchanged"]


def train_notes(folder: Path, *args: str | Path) -> list[str]:
    """The notes `train` (one epoch) wrote that say what it learned from."""
    _, err = run("train", "--epochs", "1", *args, cwd=folder)
    return [line for line in err.splitlines() if "no person changed" in line]


def learned_note(count: int, wrote: str) -> str:
    return (
        f"annotator: note: on {count} of the 3 article(s) it took, the work is what {wrote} wrote and no person "
        "changed: there it learns the model's own suggestions"
    )


def test_gold_adjudicated_from_a_persons_work_exports_as_a_persons(tmp_path: Path) -> None:
    db = annotated_by_hand(tmp_path)
    assert counted(tmp_path, "--db", db) == (0, 0)  # the database's own reading
    assert commands(gold_export(tmp_path, db)) == [None, None, None]
    assert counted(tmp_path, "--gold-from", "gold.jsonl", "--include-learned", "--db", db) == (0, 0)
    out, _ = run("evaluate", "--gold-from", "gold.jsonl", "--include-learned", "--db", db, cwd=tmp_path)
    assert out.splitlines()[1] == ""  # no caution under the first line: the table follows
    assert train_notes(tmp_path, "--from", "gold.jsonl", "--out", "m1") == []
    assert train_notes(tmp_path, "--out", "m2", "--db", db) == []


def test_gold_adjudicated_from_accept_alone_keeps_its_caution_through_the_file(tmp_path: Path) -> None:
    db = accepted_alone(tmp_path)
    both = ["accept", "adjudicate --auto"]
    assert commands(gold_export(tmp_path, db)) == [both, both, both]
    assert counted(tmp_path, "--db", db) == (3, 3)
    assert counted(tmp_path, "--gold-from", "gold.jsonl", "--include-learned", "--db", db) == (3, 3)
    out, _ = run("evaluate", "--gold-from", "gold.jsonl", "--include-learned", "--db", db, cwd=tmp_path)
    assert out.splitlines()[1] == FILE_CAUTION.format(count=3)
    wrote = "`annotator accept` then `annotator adjudicate --auto`"  # the commands that really wrote it
    assert train_notes(tmp_path, "--from", "gold.jsonl", "--out", "m1") == [learned_note(3, wrote)]
    assert train_notes(tmp_path, "--out", "m2", "--db", db) == [learned_note(3, wrote)]
    assert train_notes(tmp_path, "--annotator", "eng", "--out", "m3", "--db", db) == [
        learned_note(3, "`annotator accept`")
    ]
    other = ingested(tmp_path, "other.db")  # and back in, in another database: still said, and said again
    run("import", "gold.jsonl", "--db", other, cwd=tmp_path)
    assert counted(tmp_path, "--db", other) == (3, 3)
    assert commands(gold_export(tmp_path, other, "again.jsonl")) == [both, both, both]


def test_a_reviewers_edit_of_such_gold_makes_it_theirs(tmp_path: Path) -> None:
    db = accepted_alone(tmp_path)
    with Store.open(db) as store:  # the reviewer takes a span out of the first article's gold
        first = store.article_ids()[0]
        store.remove_span(first, GOLD, store.spans(first, GOLD)[0].id)
    both = ["accept", "adjudicate --auto"]
    assert commands(gold_export(tmp_path, db)) == [None, both, both]
    assert counted(tmp_path, "--gold-from", "gold.jsonl", "--db", db)[0] == 2


def persons_gold(folder: Path, db: str) -> Path:
    """Gold a reviewer wrote by hand in another database of the same articles (different from any adjudicated)."""
    path = ingested(folder, db)
    with Store.open(path) as store:
        for article in store.article_ids():
            store.add_span(article, GOLD, 0, len(store.article(article).text.split()[0]), "LOCATION")
            store.set_status(article, GOLD, "done")
    return path


def test_merged_gold_keeps_whose_work_it_was(tmp_path: Path) -> None:
    """merge copies gold with the work it was taken from, and `merge --prefer other` over differing gold writes
    its "merge" event as the other file's gold says: a person's where a person's work was adjudicated there."""
    (tmp_path / "hand").mkdir()
    (tmp_path / "acc").mkdir()
    by_hand, accepted = annotated_by_hand(tmp_path / "hand"), accepted_alone(tmp_path / "acc")
    both = ["accept", "adjudicate --auto"]
    for source, expected in ((by_hand, [None, None, None]), (accepted, [both, both, both])):
        fresh = tmp_path / f"fresh-{source.parent.name}.db"
        run("merge", source, "--db", fresh, cwd=tmp_path)
        assert commands(gold_export(tmp_path, fresh, f"{fresh.stem}.jsonl")) == expected
        over = persons_gold(tmp_path, f"over-{source.parent.name}.db")
        run("merge", source, "--prefer", "other", "--db", over, cwd=tmp_path)
        with Store.open(over, read_only=True) as store:  # each "merge" event says whose the work was
            merged = [store.events(article, GOLD)[-1] for article in store.article_ids()]
            assert [(e.action, e.after.get("unchecked")) for e in merged] == [("merge", e) for e in expected]
        assert commands(gold_export(tmp_path, over, f"over-{source.parent.name}.jsonl")) == expected
        assert counted(tmp_path, "--db", over)[0] == (3 if expected[0] else 0)
