"""Reading articles from .txt files, folders and .jsonl (and the seed article), before `ingest` stores them.

Everything is read and validated before anything is written: a bad line anywhere means nothing is stored (or,
with `--skip-invalid`, that it is named and passed over: `exchange.skipping`).
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Iterable, Iterator
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from annotator.differ import where_texts_differ
from annotator.errors import InputError, describe_validation_error
from annotator.exchange.csv_exports import refuse_csv
from annotator.exchange.files import ARTICLE_FILE, Where, array_of_records, read_text
from annotator.exchange.formats.labelstudio_project import TEXT
from annotator.exchange.labelstudio_tasks import (
    TaskReading,
    article_from_task,
    data_not_an_object,
    is_task,
    is_task_data,
    marked_record,
    task_array,
    task_object,
    text_field_hint,
)
from annotator.exchange.not_articles import annotations_array, json_min_line, not_articles
from annotator.exchange.skipping import Skippable, articles_of, what_to_do
from annotator.exchange.titles import title_from
from annotator.literal import quoted
from annotator.models import ArticleIn, blank_problem, nul_problem
from annotator.places import Note

ARTICLE_FIELDS = {"id", "title", "text", "meta"}


def read_text_file(path: Path) -> ArticleIn:
    path, text = read_text(path, ARTICLE_FILE)
    problem = blank_problem(text)
    if problem:
        raise InputError(f"the file {'is empty' if not text else problem}", path=str(path), line=1)
    if "\0" in text:  # named where it is, as a bad byte is (`files.decode`), not as the whole text's (trial s59 F3)
        start = text.rfind("\n", 0, text.index("\0")) + 1
        line = text[start:].split("\n", 1)[0]
        raise InputError(nul_problem("the line", line), path=str(path), line=text.count("\n", 0, start) + 1)
    try:
        return ArticleIn(text=text, title=title_from(text), meta={"source": str(path)})
    except ValidationError as error:
        field, message = describe_validation_error(error)
        raise InputError(message, path=str(path), line=1, field=field) from None


def article_from_json(record: dict[str, Any], path: Path, line: int, tasks: TaskReading | None = None) -> ArticleIn:
    """A JSONL line: `text` required, `id`, `title`, `meta` optional; other fields are kept in meta. A Label
    Studio task (`labelstudio_tasks`: its text in `data`), or, once --text-field names another field than `text`,
    a line that is a task's data alone (with a `text` of its own or not), is read as one, by `tasks` (its
    --text-field), as the same objects in a JSON array are: the option given wins in every container."""
    if is_task(record):
        return article_from_task(record, Where(str(path), line=line), f"{path}:{line}", tasks or TaskReading())
    if (broken := data_not_an_object(record)) is not None:
        raise InputError(broken, path=str(path), line=line, field="data")
    if (json_min := json_min_line(record, path, line)) is not None:  # re-trial t4r F14-v1
        raise json_min
    reading = tasks or TaskReading()
    if reading.text_field != TEXT and is_task_data(record):  # a task's data alone, as in an array (trial t4 F1)
        where = Where(str(path), line=line)  # its field is the text, a `text` beside it data (re-trial t4r F1-v1)
        return article_from_task({"data": record}, where, f"{path}:{line}", reading, at="")
    if reading.text_field != TEXT and {reading.text_field, "text"} <= set(record):  # s53 F1-v1-b: read by `text`
        raise InputError(marked_record(reading.text_field), path=str(path), line=line, field=reading.text_field)
    if "text" not in record:
        hint = text_field_hint(record) if is_task_data(record) else ""
        raise InputError(f"missing{hint}", path=str(path), line=line, field="text")
    extra = {k: v for k, v in record.items() if k not in ARTICLE_FIELDS}
    meta = record.get("meta", {})
    if not isinstance(meta, dict):
        raise InputError("must be a JSON object", path=str(path), line=line, field="meta")
    fields = {k: v for k, v in record.items() if k in ARTICLE_FIELDS}
    fields["meta"] = {**extra, **meta, "source": f"{path}:{line}"}
    try:
        article = ArticleIn(**fields)
    except ValidationError as error:
        field, message = describe_validation_error(error)
        raise InputError(message, path=str(path), line=line, field=field) from None
    if not article.title:
        article = article.model_copy(update={"title": title_from(article.text)})
    return article


def seed_articles() -> list[ArticleIn]:
    """The seed articles shipped as package data (`annotator/data/seeds/`): what an empty database opens on. Each
    names its file as the project's `seeds/` folder has it, not where the package is installed (a stored source
    travels in every export)."""
    with as_file(files("annotator").joinpath("data", "seeds")) as folder:
        articles = read_articles([folder])
    return [
        a.model_copy(update={"meta": {**a.meta, "source": f"seeds/{Path(str(a.meta['source'])).name}"}})
        for a in articles
    ]


def files_in(folder: Path, links: list[Path] | None = None, others: list[Path] | None = None) -> list[Path]:
    """The .txt and .jsonl files below a folder; one that cannot be read (or vanishes meanwhile) is an error,
    not a silent gap in what is ingested. A link inside the folder (to a file or a folder) is not followed:
    it could bring in anything on the machine (`ln -s /etc/passwd fold/pw.txt`). It is skipped and added to
    `links`, for the one note that names them; a file named on the command line is read as given. A FIFO or
    device named like an article is listed: its reader refuses it unopened, an unreadable file that
    --skip-invalid skips (trial 39a: it stopped the whole ingest). Files of other kinds (`arr.json`, `notes.md`)
    are added to `others`, for the note that names what is not read (newcomer 42x: they were passed over without a
    word); hidden ones (`.DS_Store`, anything in `.git/`) are left out of it. A hidden .txt or .jsonl file (an
    editor's `.draft.txt`, a notebook's `.ipynb_checkpoints/*-checkpoint.txt`, a copy of an article) is not read and
    goes to `others` too (re-trial 42r: they were ingested without a word, doubling articles)."""

    def unreadable(error: OSError) -> None:
        raise InputError(f"cannot read the folder: {error.strerror}", path=error.filename or str(folder))

    found: list[Path] = []
    skipped: list[Path] = []
    unread: list[Path] = []
    for root, folders, names in os.walk(folder, onerror=unreadable):  # os.walk never descends into a link
        skipped += [Path(root) / name for name in folders if (Path(root) / name).is_symlink()]
        for name in names:
            path = Path(root) / name
            hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
            if path.suffix.lower() in {".txt", ".jsonl"} and not hidden:
                (skipped if path.is_symlink() else found).append(path)
            elif not hidden or path.suffix.lower() in {".txt", ".jsonl"}:  # a hidden article file: said, not read
                unread.append(path)
    if links is not None:
        links += sorted(skipped)
    if others is not None:
        others += sorted(unread)
    return sorted(p for p in found if p.exists())


def skipped_links(links: list[Path], shown: int = 5) -> str:
    """The note naming the links a folder held and ingest did not follow (the first `shown` of them)."""
    names = ", ".join(str(link) for link in links[:shown])
    more = f" and {len(links) - shown} more" if len(links) > shown else ""
    return (
        f"{len(links)} link(s) inside the folders skipped, not followed: {names}{more} "
        "(name a file on the command line to read it)"
    )


def not_read(others: list[Path], shown: int = 5) -> str:
    """The note naming the files of other kinds a folder held, which ingest does not read, and its hidden .txt and
    .jsonl files, which it does not read either (the first `shown` of each)."""

    def named(paths: list[Path]) -> str:
        more = f" and {len(paths) - shown} more" if len(paths) > shown else ""
        return ", ".join(str(path) for path in paths[:shown]) + more

    hidden = [p for p in others if p.suffix.lower() in {".txt", ".jsonl"}]
    kinds = [p for p in others if p.suffix.lower() not in {".txt", ".jsonl"}]
    said = []
    if kinds:
        said.append(
            f"{len(kinds)} file(s) inside the folders not read, not .txt or .jsonl: {named(kinds)} (name a file on "
            "the command line to hear why)"
        )
    if hidden:
        said.append(
            f"{len(hidden)} hidden .txt or .jsonl file(s) inside the folders not read: {named(hidden)} (an editor's or "
            "a notebook's copy, as hidden files are; name one on the command line to read it)"
        )
    return "; ".join(said)


def read_path(
    path: Path,
    links: list[Path] | None = None,
    skipped: list[InputError] | None = None,
    *,
    streamed: bool = False,
    others: list[Path] | None = None,
    tasks: TaskReading | None = None,
) -> Iterator[ArticleIn]:
    """The articles of a file or folder; a file or line without one raises `Skippable`, or with `skipped` is
    added to it (a bad JSONL line skips the line; a file that cannot be read, the file). `streamed`: skipping,
    each article is given as it is read (`skipping.articles_of`). A folder's files of other kinds go to `others`.
    A JSON array of Label Studio tasks (`labelstudio_tasks`), whatever its name, is read as `tasks` says, and so is
    a file (not .txt or .jsonl) of one task object, as Label Studio reads a .json file of one."""
    if path.is_dir():
        files = files_in(path, links, others)
        if not files:
            raise InputError("no .txt or .jsonl files in this folder", path=str(path))
        for file in files:
            yield from read_path(file, skipped=skipped, streamed=streamed, tasks=tasks)
    elif not path.exists():
        raise InputError("no such file or folder", path=str(path))
    elif path.suffix.lower() != ".txt" and (csv := _csv(path, skipped)) is not None:
        yield from csv
    elif path.suffix.lower() != ".txt" and array_of_records(path):
        yield from _array(path, skipped, tasks or TaskReading())
    elif path.suffix.lower() in (".jsonl", ".txt"):
        yield from articles_of(path, skipped, streamed=streamed, tasks=tasks)
    elif (one := _object(path, skipped, tasks or TaskReading())) is not None:
        yield from one
    else:
        raise not_articles(path)  # trial t4 F3, F14: what it is, and what reads it


def _array(path: Path, skipped: list[InputError] | None, tasks: TaskReading) -> Iterator[ArticleIn]:
    """A JSON array: Label Studio's tasks, read as articles; any other (JSON_MIN, another tool's records) is sent to
    `import`, as `train --from` says it. A file that cannot be read as an array stops the run as a .txt file's."""
    try:
        read = task_array(path, tasks, skipped)
    except InputError as error:
        if skipped is None:
            raise Skippable(error, whole=True) from None
        skipped.append(error)
        return
    if read is None:
        raise annotations_array(path)
    yield from read


def _csv(path: Path, skipped: list[InputError] | None) -> list[ArticleIn] | None:
    """Nothing, for a CSV or TSV file (Label Studio's export among them: `csv_exports`), whose error is the file's,
    skipped whole; None for any other."""
    try:
        refuse_csv(path, articles=True)
    except InputError as error:
        if skipped is None:
            raise Skippable(error, whole=True) from None
        skipped.append(error)
        return []
    return None


def _object(path: Path, skipped: list[InputError] | None, tasks: TaskReading) -> list[ArticleIn] | None:
    """A file of one Label Studio task (or its data) as its article, or None for a file that is none; an error in
    it is the file's, skipped whole as an array's."""
    try:
        article = task_object(path, tasks)
    except InputError as error:
        if skipped is None:
            raise Skippable(error, whole=True) from None
        skipped.append(error)
        return []
    return None if article is None else [article]


def read_articles(
    paths: Iterable[str | Path],
    note: Note = None,
    skipped: list[InputError] | None = None,
    db: str = "",
    tasks: TaskReading | None = None,
) -> list[ArticleIn]:
    """Every article in these paths, validated; the first bad one raises InputError, which says what to do when
    other articles were given (remove it, or --skip-invalid). With `skipped`, a file or JSONL line that holds no
    article is added to it instead and the rest is read (`read_path`). Links inside a folder are skipped and
    named in one line for `note`, and so are a folder's files of other kinds (`not_read`). `db`: the --db option the
    `import` a note gives carries (`store.db_option`), to run as printed on the database ingest wrote. `tasks`: how
    Label Studio tasks are read (--text-field), and what they carried, said in one note."""
    tasks = tasks or TaskReading()
    articles: list[ArticleIn] = []
    seen: dict[str, str] = {}
    links: list[Path] = []
    others: list[Path] = []
    given = [Path(path) for path in paths]
    try:
        for path in given:
            for article in read_path(path, links, skipped, others=others, tasks=tasks):
                source = str(article.meta.get("source", path))
                if article.id is not None and article.id in seen and seen[article.id] != article.text:
                    differs = where_texts_differ(seen[article.id], article.text, ("first", "second"))
                    raise InputError(
                        f"id {quoted(article.id)} is used for two different texts ({differs})", path=source, field="id"
                    )
                seen.setdefault(article.article_id, article.text)
                articles.append(article)
    except Skippable as error:
        raise Skippable(error, what_to_do(error, given)) from None
    if links and note is not None:
        note(skipped_links(links))
    if others and note is not None:
        note(not_read(others))
    if (said := tasks.note(db)) and note is not None:
        note(said)
    carried = annotated(articles)
    unjudged = [a for a in carried if not any(key in a.meta for key in JUDGED_KEYS)]
    if unjudged and note is not None:  # import leaves them out too: sent there, the user went round in a circle
        note(
            f"{len(unjudged)} record(s) carried spans but no answer or status (an input stream's "
            "pre-annotations, which nobody judged): no one's work, which neither ingest nor import stores"
        )
    carried = [a for a in carried if a not in unjudged]
    if carried and note is not None:
        files = sorted({str(a.meta.get("source", "")).rsplit(":", 1)[0] for a in carried})
        named = files[0] if len(files) == 1 else "FILE"
        note(
            f"{len(carried)} record(s) carried spans (annotations), which ingest does not store: "
            f"`annotator import {shlex.quote(named) if len(files) == 1 else named}{_format_option(carried)}{db}` reads "
            "annotations"
        )
    return articles


#: The keys of a record that say someone judged its spans (Prodigy's answer, our status, doccano's labels, which its
#: project's people gave): a record of `spans` without them is an input stream's, which import leaves out (trial 8).
JUDGED_KEYS = ("answer", "status", "label", "labels", "entities")
#: The keys under which a record of annotations carries its spans: ours and Prodigy's, doccano's two shapes.
SPAN_KEYS = ("spans", "label", "labels", "entities")


def annotated(articles: list[ArticleIn]) -> list[ArticleIn]:
    """The articles read from records carrying spans (an export of annotations): ingest keeps the text, and the
    record's other fields in the article's meta, but stores no annotation (trial 37b: doccano's were not said)."""
    return [a for a in articles if any(isinstance(a.meta.get(key), list) and a.meta[key] for key in SPAN_KEYS)]


def _format_option(carried: list[ArticleIn]) -> str:
    """` --format NAME` for records in another tool's shape (all of one), which import reads only with it."""
    from annotator.exchange.formats.looks import PRODIGY_MARKS, look_of

    def option(meta: dict[str, object]) -> str:
        if any(key in meta for key in PRODIGY_MARKS):  # Prodigy's spans look like ours too
            return " --format prodigy"
        look = look_of(meta)
        return "" if look is None or look.reader == "jsonl" else " " + look.option.split(" (", 1)[0]

    options = {option(a.meta) for a in carried}
    return options.pop() if len(options) == 1 else ""
