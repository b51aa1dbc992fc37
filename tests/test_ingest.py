"""Ingest: .txt files, folders and JSONL in; bad input names file and line, and writes nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.exchange.article_files import read_articles
from annotator.exchange.ingest import ingest
from annotator.models import content_hash
from annotator.store import Store

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_5fda543fc562549a.txt"


def write_jsonl(path: Path, *records: object) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_text_file_is_one_article_with_its_text_exact(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First line.\nSecond line.", encoding="utf-8")
    [article] = read_articles([tmp_path / "a.txt"])
    assert (article.text, article.title, article.article_id) == (
        "First line.\nSecond line.",
        "First line.",
        content_hash("First line.\nSecond line."),
    )


def test_a_folder_gives_its_text_files_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Bee.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ay.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [a.text for a in read_articles([tmp_path])] == ["Ay.", "Bee."]


def test_a_subfolder_that_cannot_be_read_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("Readable.", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path):  # what the OS says to a user without the right to list `locked` (root may list anything)
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(InputError, match=f"^{locked}: cannot read the folder: Permission denied$"):
        read_articles([tmp_path])


def test_jsonl_keeps_id_title_and_extra_fields_in_meta(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"id": "x1", "title": "T", "text": "Body.", "url": "http://e.org"})
    [article] = read_articles([path])
    assert (article.article_id, article.title, article.meta) == (
        "x1",
        "T",
        {"url": "http://e.org", "source": f"{path}:1"},
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "ok"}\n{"text": \n', "a.jsonl:2: not valid JSON"),
        ('{"text": "ok"}\n{"title": "no text"}\n', "a.jsonl:2: field 'text': missing"),
        ('{"text": "   "}\n', "a.jsonl:1: field 'text': holds only white space (3 characters), nothing to annotate"),
        ('["a list"]\n', "a.jsonl:1: expected a JSON object, got a list"),
        ("null\n", "a.jsonl:1: expected a JSON object, got null"),
        ('{"text": "ok", "meta": 3}\n', "a.jsonl:1: field 'meta': must be a JSON object"),
        (
            '{"text": "\\ud800 lone"}\n',
            "a.jsonl:1: field 'text': has a lone surrogate (\\ud800 to \\udfff, half of a character), which is not "
            "valid text",
        ),
    ],
)
def test_bad_jsonl_names_file_line_and_field(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_articles([path])
    assert str(error.value).startswith(str(tmp_path / message))


def test_a_file_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"fine\nstill fine\n caf\xe9\n")
    with pytest.raises(InputError, match=r"a.txt:3: not UTF-8 \(byte 0xe9\)"):
        read_articles([path])


def test_an_empty_text_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("\n  \n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a.txt:1: the file holds only white space \(4 characters\), nothing to"):
        read_articles([tmp_path / "a.txt"])


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no such file or folder"):
        read_articles([tmp_path / "nope.txt"])


def test_one_id_for_two_texts_is_an_error(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"id": "x", "text": "One."}, {"id": "x", "text": "Two."})
    with pytest.raises(InputError, match=r"id 'x' is used for two different texts"):
        read_articles([path])


def test_ingest_without_suggestions_stores_text_and_tokens(store: Store) -> None:
    articles = read_articles([SEED])
    report = ingest(store, articles, suggest=False)
    [article_id] = report.added
    stored = store.article(article_id)
    assert stored.text == SEED.read_text(encoding="utf-8")
    assert len(stored.text) == 3299
    tokens = store.tokens(article_id)
    assert stored.text[tokens[0].start : tokens[0].end] == "Israel"
    assert stored.text[tokens[1].start : tokens[1].end] == "'s"


def test_ingesting_the_same_article_again_changes_nothing(store: Store) -> None:
    ingest(store, read_articles([SEED]), suggest=False)
    report = ingest(store, read_articles([SEED]), suggest=False)
    assert (report.added, store.count("articles")) == ([], 1)


def test_the_same_text_twice_in_one_command_is_stored_once(tmp_path: Path, store: Store) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", {"text": "Same."}, {"text": "Same."})
    report = ingest(store, read_articles([path]), suggest=False)
    assert (len(report.added), report.skipped) == (1, [content_hash("Same.")])
