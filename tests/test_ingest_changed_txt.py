"""A .txt file that comes back from the same path with another text is the stored article changed, handled as
`--changed-text` handles a known id with a changed text, not a silent second copy (found by a newcomer: fixing a
typo and ingesting the folder again added the article twice, and `--changed-text replace` could never apply to a
.txt file). The real console script, run from the folder that holds the articles, on real files."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.models import content_hash
from annotator.store import Store

STORM = "Storm Isolde cuts power to 24,000 homes\n\nWinds of 90mph hit the coast on Sunday.\n"
COURT = "Council fined over flats\n\nThe council was fined on Monday.\n"


def ids_and_texts(db: Path) -> list[tuple[str, str]]:
    with Store.open(db, read_only=True) as store:
        return [(a, store.article(a).text) for a in store.article_ids()]


def test_a_changed_txt_file_is_the_stored_article_changed(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    storm, court = tmp_path / "articles" / "storm.txt", tmp_path / "articles" / "court.txt"
    storm.write_text(STORM, encoding="utf-8")
    court.write_text(COURT, encoding="utf-8")
    first = annotator("ingest", "articles/", "--no-suggest", "--db", "a.db", cwd=tmp_path)
    assert (first.returncode, first.stdout) == (0, "2 article(s) added, 0 already stored, 0 suggestion(s) -> a.db\n")
    old = content_hash(STORM)  # a .txt article's id: a hash of its text
    assert sorted(ids_and_texts(tmp_path / "a.db")) == sorted([(old, STORM), (content_hash(COURT), COURT)])

    storm.write_text(STORM.replace("24,000", "25,000"), encoding="utf-8")  # a typo fixed
    again = annotator("ingest", "articles/", "--no-suggest", "--db", "a.db", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (1, "")
    assert again.stderr == (
        f"annotator: error: articles/storm.txt: the file's text changed since it was stored as article {old} "
        "'Storm Isolde cuts power to 24,000 homes' (they first differ at character 29: the stored text has …'s power "
        "to 24,000 homes\\n\\nWinds of 90'…, the file's …'s power to 25,000 homes\\n\\nWinds of 90'…; --changed-text "
        "replace replaces the stored text if nobody has "
        "opened it, --changed-text new adds this text as an article of its own)\n"
    )
    assert sorted(text for _, text in ids_and_texts(tmp_path / "a.db")) == [COURT, STORM]

    # the folder named another way is the same folder: its files the same sources
    replaced = annotator(
        "ingest", "./articles", "--no-suggest", "--db", "a.db", "--changed-text", "replace", cwd=tmp_path
    )
    assert (replaced.returncode, replaced.stderr) == (0, "")
    assert replaced.stdout == "0 article(s) added, 1 already stored, 1 replaced, 0 suggestion(s) -> a.db\n"
    assert sorted(ids_and_texts(tmp_path / "a.db")) == sorted(
        [(content_hash(COURT), COURT), (old, STORM.replace("24,000", "25,000"))]
    )
    same = annotator("ingest", tmp_path / "articles", "--no-suggest", "--db", "a.db", cwd=tmp_path)
    assert (same.returncode, same.stdout) == (0, "0 article(s) added, 2 already stored, 0 suggestion(s) -> a.db\n")

    # work on it is never replaced: a conflict, as for an id of a .jsonl
    with Store.open(tmp_path / "a.db") as store:
        store.add_span(old, "alice", 0, 5, "ACTOR")
    storm.write_text(STORM.replace("24,000", "26,000"), encoding="utf-8")
    conflict = annotator(
        "ingest", "articles", "--no-suggest", "--db", "a.db", "--changed-text", "replace", cwd=tmp_path
    )
    assert (conflict.returncode, conflict.stdout) == (
        1,
        "0 article(s) added, 1 already stored, 1 conflict(s), 0 suggestion(s) -> a.db\n"
        f"conflict: {old} 'Storm Isolde cuts power to 25,000 homes' (articles/storm.txt) is stored with a different "
        "text that alice opened, annotated or packed (they first differ at character 29: the stored text has …'s "
        "power to 25,000 homes\\n\\nWinds of 90'…, the file's …'s power to 26,000 homes\\n\\nWinds of 90'…): left as "
        "stored (--changed-text new adds the new text as an article of its own)\n",
    )
    new = annotator("ingest", "articles", "--no-suggest", "--db", "a.db", "--changed-text", "new", cwd=tmp_path)
    assert (new.returncode, new.stdout) == (0, "1 article(s) added, 1 already stored, 0 suggestion(s) -> a.db\n")
    assert (content_hash(STORM.replace("24,000", "26,000")), STORM.replace("24,000", "26,000")) in ids_and_texts(
        tmp_path / "a.db"
    )


def test_two_files_of_one_text_and_a_moved_file(tmp_path: Path) -> None:
    """Two files of one text store it once, under the first file; the second file's new text is an article of its
    own (nothing stored came from it). A file moved elsewhere with its text is already stored."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(STORM, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(STORM, encoding="utf-8")
    first = annotator("ingest", "in", "--no-suggest", "--db", "a.db", cwd=tmp_path)
    assert (first.returncode, first.stdout) == (0, "1 article(s) added, 1 already stored, 0 suggestion(s) -> a.db\n")
    (tmp_path / "in" / "b.txt").write_text(COURT, encoding="utf-8")
    second = annotator("ingest", "in", "--no-suggest", "--db", "a.db", cwd=tmp_path)
    assert (second.returncode, second.stdout) == (0, "1 article(s) added, 1 already stored, 0 suggestion(s) -> a.db\n")
    (tmp_path / "moved").mkdir()
    (tmp_path / "in" / "a.txt").rename(tmp_path / "moved" / "a.txt")
    moved = annotator("ingest", "moved", "--no-suggest", "--db", "a.db", cwd=tmp_path)
    assert (moved.returncode, moved.stdout) == (0, "0 article(s) added, 1 already stored, 0 suggestion(s) -> a.db\n")
    assert sorted(text for _, text in ids_and_texts(tmp_path / "a.db")) == [COURT, STORM]


def test_a_file_stored_twice_is_its_last_article(tmp_path: Path) -> None:
    """A database where one file's texts are stored twice (`--changed-text new`, or an older release that added
    each new text): the file's article is the one ingested last."""
    (tmp_path / "articles").mkdir()
    storm = tmp_path / "articles" / "storm.txt"
    storm.write_text(STORM, encoding="utf-8")
    assert annotator("ingest", "articles", "--no-suggest", "--db", "a.db", cwd=tmp_path).returncode == 0
    second = STORM.replace("24,000", "25,000")
    storm.write_text(second, encoding="utf-8")
    new = annotator("ingest", "articles", "--no-suggest", "--db", "a.db", "--changed-text", "new", cwd=tmp_path)
    assert (new.returncode, new.stdout) == (0, "1 article(s) added, 0 already stored, 0 suggestion(s) -> a.db\n")
    storm.write_text(STORM.replace("24,000", "26,000"), encoding="utf-8")
    again = annotator("ingest", "articles", "--no-suggest", "--db", "a.db", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (1, "")
    assert again.stderr.startswith(
        f"annotator: error: articles/storm.txt: the file's text changed since it was stored as article "
        f"{content_hash(second)} 'Storm Isolde cuts power to 25,000 homes' ("
    )


def test_a_changed_file_takes_the_suggestions_predict_computed_for_its_text(tmp_path: Path) -> None:
    """`ingest --suggestions-from` finds a changed file's predictions by its text's hash, though it is stored under
    the id of the article the file brought before."""
    (tmp_path / "articles").mkdir()
    storm = tmp_path / "articles" / "storm.txt"
    storm.write_text(STORM, encoding="utf-8")
    assert annotator("ingest", "articles", "--no-suggest", "--db", "a.db", cwd=tmp_path).returncode == 0
    storm.write_text(STORM.replace("24,000", "25,000"), encoding="utf-8")
    assert annotator("predict", "articles", "-o", "pred", "--workers", "1", cwd=tmp_path).returncode == 0
    result = annotator(
        "ingest", "articles", "--db", "a.db", "--suggestions-from", "pred", "--changed-text", "replace", cwd=tmp_path
    )
    with Store.open(tmp_path / "a.db", read_only=True) as store:
        assert store.article_ids() == [content_hash(STORM)]
        assert store.article(content_hash(STORM)).text == STORM.replace("24,000", "25,000")
        figures = [s.text for s in store.suggestions(content_hash(STORM)) if s.label.value == "FIGURE"]
        stored = store.count("suggestions")
    assert "25,000" in figures
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"0 article(s) added, 0 already stored, 1 replaced, {stored:,} suggestion(s) -> a.db\n"


def test_a_changed_copy_at_another_path_is_a_new_article_with_a_note(tmp_path: Path) -> None:
    """A file is known by its path: the story's new text in another folder is an article of its own, and a note
    names the stored article of that title and the file that brought it (found by a newcomer: a second "Storm
    Isolde" article, and nothing said)."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "changed").mkdir()
    (tmp_path / "articles" / "storm.txt").write_text(STORM, encoding="utf-8")
    (tmp_path / "changed" / "storm.txt").write_text(STORM.replace("90mph", "95mph"), encoding="utf-8")
    assert annotator("ingest", "articles", "--no-suggest", "--db", "a.db", cwd=tmp_path).returncode == 0
    result = annotator("ingest", "changed/storm.txt", "--no-suggest", "--db", "a.db", cwd=tmp_path)
    new = content_hash(STORM.replace("90mph", "95mph"))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "1 article(s) added, 0 already stored, 0 suggestion(s) -> a.db\n"
        f"note: changed/storm.txt added as article {new}, titled as article {content_hash(STORM)} 'Storm Isolde "
        "cuts power to 24,000 homes' that articles/storm.txt brought: a changed file replaces its article only from "
        "its own path (--changed-text replace)\n"
    )
