"""Fuzzed input for `ingest` and `import`: never a crash, one located line per rejection, all or nothing.

Bounded for CI, the same examples each run (tests/conftest.py); a longer local search for new ones:
HYPOTHESIS_PROFILE=explore FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from annotator.cli import app
from annotator.exchange.titles import title_from
from annotator.models import ArticleIn, Label, NativeRecord, Span
from annotator.spans import edge_problem
from annotator.store import Store
from annotator.store.verify import check
from annotator.suggest.tokens import tokenize

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
fuzz = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
runner = CliRunner()

EXOTIC = [
    "e\u0301",  # a combining acute accent
    "👩‍👩‍👧",  # an emoji joined by zero-width joiners
    "🇫🇷",
    "مرحبا بالعالم",
    "שלום",
    "\u202e",  # right-to-left override
    "\u200b",
    "\x00",
    "\x1b[31m",
    "\x1b]0;title\x07",
    "\x1b]52;c;aGk=\x07",  # clipboard write
    "\r",
    "\u2028",
    "\ufeff",
    "\t",
    "[bold]x[/bold]",
    "\ud800",  # lone surrogates
    "\udfff",
    "\U0010ffff",
    "ﬁ",
]
WORDS = ["Gaza", "said", "Washington", "35", '"', ".", " ", "\n", "a"]

unicode_text = st.lists(
    st.one_of(st.text(st.characters(exclude_categories=()), max_size=8), st.sampled_from(EXOTIC + WORDS)), max_size=12
).map("".join)
storable_text = st.lists(  # no NUL: SQLite's length() stops at it, so it is refused at the file (attack 31)
    st.one_of(
        st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=8),
        st.sampled_from([e for e in EXOTIC[:-4] if e != "\x00"] + WORDS),
    ),
    min_size=1,
    max_size=12,
).map("".join)


def without_controls(text: str) -> str:
    """An article id as one may be: no control or format character, line or paragraph separator
    (`models.ArticleId`)."""
    return "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp"))


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | unicode_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(unicode_text, inner, max_size=3),
    max_leaves=6,
)
ARTICLE_FIELDS = ("text", "id", "title", "meta", "extra")


def run(*args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr; any exception other than an exit is a crash and fails the test."""
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def cli(*args: str) -> tuple[int, str]:
    """Exit code and stderr."""
    code, _, err = run(*args)
    return code, err


def reported(pattern: str, out: str) -> tuple[int, ...]:
    """The numbers of a command's summary line."""
    match = re.match(pattern, out)
    assert match, out
    return tuple(int(n or 0) for n in match.groups())


def assert_one_located_line(code: int, err: str, path: Path) -> None:
    assert code in (0, 1)
    if code == 1:
        assert err.count("\n") == 1, err
        at = re.escape(str(path))  # a line's error, or a file with nothing to store (its name, no line to name)
        nothing = rf"nothing (ingested|imported): ({at} holds no |every record of {at} |{at} is empty \(0 bytes\); )"
        assert re.match(rf"annotator: error: ({at}:\d+: |{nothing})", err), err


@contextmanager
def database_with_one_article() -> Iterator[tuple[Path, Path]]:
    """(folder, database) with one article stored already, so "nothing written" is checked against it."""
    folder = Path(tempfile.mkdtemp())
    try:
        db = folder / "fuzz.db"
        shutil.copy(TEMPLATE, db)
        yield folder, db
    finally:
        shutil.rmtree(folder)


TEMPLATE_TEXT = "Washington said it."


def _template() -> Path:
    path = Path(tempfile.mkdtemp()) / "template.db"
    with Store.open(path) as store:
        store.add_articles([(ArticleIn(text=TEMPLATE_TEXT, id="first"), tokenize([TEMPLATE_TEXT])[0], [])])
    return path


TEMPLATE = _template()


def counts(db: Path) -> tuple[int, int]:
    with Store.open(db) as store:
        return store.count("articles"), store.count("events")


def encode_line(line: str) -> bytes:
    return line.encode("utf-8", "surrogatepass")  # lone surrogates become bytes that are not UTF-8


@st.composite
def jsonl_line(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["record", "record", "record", "value", "garbage"]))
    if kind == "garbage":
        return draw(unicode_text).replace("\n", " ")
    if kind == "value":
        return json.dumps(draw(json_value), ensure_ascii=draw(st.booleans()))
    record = {name: draw(json_value) for name in ARTICLE_FIELDS if draw(st.booleans())}
    if draw(st.booleans()):
        record["text"] = draw(unicode_text)
    return json.dumps(record, ensure_ascii=draw(st.booleans()))


@fuzz
@given(lines=st.lists(jsonl_line(), min_size=1, max_size=5))
def test_fuzzed_jsonl_ingest(lines: list[str]) -> None:
    with database_with_one_article() as (folder, db):
        path = folder / "articles.jsonl"
        path.write_bytes(b"\n".join(encode_line(line) for line in lines))
        code, out, err = run("ingest", str(path), "--db", str(db), "--no-suggest")
        assert_one_located_line(code, err, path)
        articles, _ = counts(db)
        if code:
            assert articles == 1
        else:  # every non-blank line is an article, added or found stored already
            added, stored, twins, _ = reported(
                r"(\d+) article\(s\) added, (\d+) already stored(?:, (\d+) duplicate\(s\)[^,]*)?, (\d+) suggestion", out
            )
            lines = path.read_bytes().decode("utf-8-sig").split("\n")
            assert (articles, added + stored + twins) == (1 + added, sum(1 for line in lines if line.strip()))


@fuzz
@given(data=st.one_of(st.binary(max_size=200), unicode_text.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_fuzzed_text_file_ingest(data: bytes) -> None:
    with database_with_one_article() as (folder, db):
        path = folder / "article.txt"
        path.write_bytes(data)
        code, err = cli("ingest", str(path), "--db", str(db), "--no-suggest")
        assert_one_located_line(code, err, path)
        stored_already = not code and data.decode("utf-8-sig") == TEMPLATE_TEXT
        assert counts(db)[0] == (1 if code or stored_already else 2)


@st.composite
def fuzzed_span(draw: st.DrawFn, text: str) -> object:
    if draw(st.integers(0, 9)) == 0:
        return draw(json_value)
    start = draw(st.integers(-2, len(text) + 2))
    end = draw(st.integers(start - 1, len(text) + 3))
    span: dict[str, object] = {
        "start": start,
        "end": end,
        "label": draw(st.sampled_from([*Label, "PERSON", 3])),
        "text": text[max(start, 0) : max(end, 0)] if draw(st.booleans()) else draw(unicode_text),
    }
    if draw(st.booleans()):
        span["speaker"] = {"start": draw(st.integers(-1, len(text))), "end": draw(st.integers(0, len(text) + 1))}
    if draw(st.integers(0, 5)) == 0:
        del span[draw(st.sampled_from(list(span)))]
    return span


@st.composite
def native_line(draw: st.DrawFn) -> str:
    text = draw(unicode_text)
    record: dict[str, object] = {
        "article_id": draw(st.sampled_from(["first", "a", "b", ""]) | unicode_text),
        "text": text,
        "annotator": draw(st.sampled_from(["alice", "bob"]) | unicode_text),
        "status": draw(st.sampled_from(["done", "in_progress", "todo", "finished"])),
        "spans": draw(st.lists(fuzzed_span(text), max_size=4)),
    }
    for name in ("title", "meta", "updated_at"):
        if draw(st.booleans()):
            record[name] = draw(json_value)
    for name in list(record):
        if draw(st.integers(0, 12)) == 0:
            del record[name]
    if draw(st.integers(0, 12)) == 0:
        record[draw(st.sampled_from(["article_id", "spans", "text"]))] = draw(json_value)
    return json.dumps(record, ensure_ascii=draw(st.booleans()))


@fuzz
@given(lines=st.lists(native_line() | jsonl_line(), min_size=1, max_size=4))
def test_fuzzed_import(lines: list[str]) -> None:
    with database_with_one_article() as (folder, db):
        path = folder / "records.jsonl"
        path.write_bytes(b"\n".join(encode_line(line) for line in lines))
        before = counts(db)
        code, out, err = run("import", str(path), "--db", str(db))
        assert_one_located_line(code, err, path)
        if code:
            assert counts(db) == before
        else:  # one import event per record, new articles stored, and the log explains the tables
            records, new = reported(r"(\d+) record\(s\) imported \((\d+) new article", out)
            assert counts(db) == (before[0] + new, before[1] + records)
            with Store.open(db) as store:
                assert check(store) == []


@st.composite
def valid_record(draw: st.DrawFn) -> NativeRecord:
    """A record that must import: exotic text, spans on token boundaries, a quote with its speaker."""
    text = draw(storable_text)
    assume(text.strip())
    tokens = [t for t in tokenize([text])[0] if edge_problem(text, t.start, t.end, Label.ACTOR) is None]
    chosen = sorted(draw(st.sets(st.integers(0, max(len(tokens) - 1, 0)), max_size=4))) if tokens else []
    spans = [
        Span(
            start=tokens[i].start,
            end=tokens[i].end,
            label=draw(st.sampled_from([Label.ACTOR, Label.LOCATION, Label.FIGURE])),
            text=text[tokens[i].start : tokens[i].end],
        )
        for i in chosen
    ]
    actors = [s for s in spans if s.label is Label.ACTOR]
    if (
        len(tokens) >= 2
        and edge_problem(text, tokens[0].start, tokens[-1].end, Label.QUOTE) is None
        and draw(st.booleans())
    ):
        start, end = tokens[0].start, tokens[-1].end
        speaker = {"start": actors[0].start, "end": actors[0].end} if actors else None
        spans.append(Span(start=start, end=end, label=Label.QUOTE, text=text[start:end], speaker=speaker))
    meta = draw(st.dictionaries(storable_text, storable_text | st.integers() | st.booleans(), max_size=3))
    return NativeRecord(
        article_id=draw(storable_text.map(without_controls).filter(str.strip)),
        text=text,
        title=draw(storable_text),
        meta=meta,
        annotator="alice",
        status=draw(st.sampled_from(["done", "in_progress", "flagged"])),
        spans=sorted(spans, key=lambda s: (s.start, s.end)),  # the order export writes
        updated_at="2026-11-24T10:00:00Z",
    )


@fuzz
@given(record=valid_record())
def test_valid_records_with_exotic_unicode_round_trip_exactly(record: NativeRecord) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        path, out = folder / "in.jsonl", folder / "out.jsonl"
        line = json.dumps(record.model_dump(mode="json", exclude_none=True), ensure_ascii=False)
        path.write_text(line + "\n", encoding="utf-8")
        assert cli("import", str(path), "--db", str(folder / "r.db")) == (0, "")
        assert (
            cli("export", "--db", str(folder / "r.db"), "--annotator", "alice", "--status", "all", "-o", str(out))[0]
            == 0
        )
        expected = json.loads(line)
        expected["title"] = expected["title"] or title_from(record.text)  # no title: the one ingest would give
        assert json.loads(out.read_text(encoding="utf-8")) == expected
    finally:
        shutil.rmtree(folder)


def test_a_huge_single_line_is_ingested_whole(tmp_path: Path) -> None:
    text = "Gaza said " + "é\u0301👩‍👩‍👧 " * 20_000
    path = tmp_path / "huge.jsonl"
    path.write_text(json.dumps({"id": "huge", "text": text}, ensure_ascii=False), encoding="utf-8")
    assert cli("ingest", str(path), "--db", str(tmp_path / "h.db"), "--no-suggest") == (0, "")
    with Store.open(tmp_path / "h.db") as store:
        assert store.article("huge").text == text


def test_json_nested_too_deeply_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text('{"text": "ok"}\n{"text": "x", "meta": {"a": ' + "[" * 100_000 + "]" * 100_000 + "}}\n")
    code, err = cli("ingest", str(path), "--db", str(tmp_path / "d.db"), "--no-suggest")
    assert (code, err) == (1, f"annotator: error: {path}:2: not valid JSON: nested too deeply\n")


def test_a_number_too_long_to_read_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text('{"text": "x", "meta": {"n": ' + "1" * 5000 + "}}\n")
    code, err = cli("ingest", str(path), "--db", str(tmp_path / "n.db"), "--no-suggest")
    assert code == 1
    assert err.startswith(f"annotator: error: {path}:1: not valid JSON: ")


def test_a_lone_surrogate_in_a_title_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "surrogate.jsonl"
    path.write_text('{"text": "ok", "title": "\\ud800"}\n', encoding="utf-8")
    code, err = cli("ingest", str(path), "--db", str(tmp_path / "s.db"), "--no-suggest")
    assert (code, err) == (
        1,
        f"annotator: error: {path}:1: field 'title': title has a lone surrogate at character 1 (\\ud800 to \\udfff, half "
        "of a character), which is not valid text\n",
    )


def test_two_new_articles_with_the_same_text_import_as_one(tmp_path: Path) -> None:
    path = tmp_path / "same.jsonl"
    lines = [
        {"article_id": i, "text": "Same text.", "annotator": who, "spans": []}
        for i, who in (("a1", "al"), ("a2", "bo"))
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    assert cli("import", str(path), "--db", str(tmp_path / "i.db")) == (0, "")
    with Store.open(tmp_path / "i.db") as store:
        assert (store.article_ids(), store.annotators()) == (["a1"], ["al", "bo"])


def test_offsets_counted_in_utf16_units_are_a_located_error(tmp_path: Path) -> None:
    text = "😀 Gaza said."  # a tool counting UTF-16 units puts Gaza at 3:7; in Python it is 2:6
    record = {
        "article_id": "a",
        "text": text,
        "annotator": "al",
        "spans": [{"start": 3, "end": 7, "label": "LOCATION", "text": "Gaza"}],
    }
    path = tmp_path / "utf16.jsonl"
    path.write_text(json.dumps(record), encoding="utf-8")
    code, err = cli("import", str(path), "--db", str(tmp_path / "u.db"))
    assert (code, err) == (
        1,
        f"annotator: error: {path}:1: field 'spans[0].text': text 'Gaza' does not match the article at 3:7 ('aza ')\n",
    )
