"""Reading back what `annotator predict` wrote, for `ingest --suggestions-from OUTDIR`: the suggestions of each
article, with their suggester versions, so that ingest stores them without running spaCy's pipeline again.

A record names the suggesters that made its spans (`model:entities.v1+quotes.v1`), not which span each made;
the manifest says which labels each suggester made, and between them they give every span its suggester.
Without a manifest (`import` of an `export --suggestions` file), each suggester version's kind says which
labels it makes (`vocabulary.suggester_labels`).
"""

from __future__ import annotations

import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from annotator.differ import where_texts_differ
from annotator.errors import InputError, describe_validation_error
from annotator.exchange.files import Where, jsonl_objects
from annotator.exchange.formats.labelstudio_project import TEXT
from annotator.exchange.manifest import MANIFEST, confined, read_manifest
from annotator.exchange.shards import fingerprint, sha256_of
from annotator.literal import quoted
from annotator.models import ArticleIn, Label, NativeRecord, Suggestion
from annotator.places import kind_of
from annotator.rows import Token
from annotator.vocabulary import MODEL_PREFIX, content_hash, is_model, suggester_labels


@dataclass(frozen=True)
class Predicted:
    """One article's precomputed suggestions and where its record is."""

    where: Where
    record: NativeRecord
    suggestions: list[Suggestion]

    @property
    def article(self) -> ArticleIn:
        """The article as the record gives it (what `ingest` of the original input would have stored)."""
        r = self.record
        return ArticleIn(id=r.article_id, text=r.text, title=r.title, meta=r.meta)


@dataclass(frozen=True)
class Predictions:
    folder: Path
    pipeline: dict[str, Any]
    by_article: dict[str, Predicted]


def read_predictions(folder: Path, wanted: Iterable[str] | None = None, text_field: str | None = None) -> Predictions:
    """The predictions of the articles `wanted` (ids; None: every one), each record checked: a bad one is a
    one-line error naming its file, line and field. `text_field`: ingest's --text-field, where given, which must be
    the one predict read (re-trial s52 t6 F1-v1-c: another was taken and ignored)."""
    manifest = read_manifest(folder)
    if manifest is None:
        raise InputError(f"no {MANIFEST} here: not a folder `annotator predict` wrote", path=str(folder))
    where = str(folder / MANIFEST)
    if text_field is not None and (made := manifest.get("text_field", TEXT)) != text_field:
        raise InputError(
            f"made with --text-field {made}, not {text_field}: its suggestions are on the texts of {made!r}; "
            f"{'leave --text-field out' if made == TEXT else f'give --text-field {made}'}, or predict again with "
            f"--text-field {text_field} into another -o",
            path=where,
        )
    if manifest.get("complete") is not True:  # a bool (`manifest.read_manifest`), or left out
        raise InputError(
            "the predictions are not finished: run the same `annotator predict` again to complete them",
            path=where,
            field="complete",
        )
    made_by = _label_makers(manifest.get("suggesters"), where)
    keep = None if wanted is None else set(wanted)
    found: dict[str, Predicted] = {}
    listed = 0
    for index, entry in enumerate(manifest.get("shards", [])):
        field = f"shards[{index}].file"
        path = confined(folder, entry.get("file") if isinstance(entry, dict) else None, field)
        _regular_shard(path, entry.get("file"), where, field)
        expected = _counts(entry, where, index)
        _found(path, "bytes", expected["bytes"], path.stat().st_size)
        articles: list[tuple[Any, Any, Any, Any]] = []
        for place, data in jsonl_objects(path):
            articles.append((data.get("article_id"), data.get("title"), data.get("text"), data.get("meta")))
            if keep is not None and data.get("article_id") not in keep:
                continue
            predicted = _predicted(place, data, made_by)
            earlier = found.get(predicted.record.article_id)
            if earlier is not None and earlier.record.text != predicted.record.text:
                differs = where_texts_differ(earlier.record.text, predicted.record.text, ("earlier", "record's"))
                raise place.error(
                    f"article {quoted(predicted.record.article_id)} appears earlier ({earlier.where.path}:"
                    f"{earlier.where.line}) with a different text ({differs})",
                    "text",
                )
            found.setdefault(predicted.record.article_id, predicted)
        _found(path, "records", expected["articles"], len(articles))
        _found(path, "", _text(entry, "fingerprint", where, index), fingerprint(articles))
        digest = sha256_of(path)  # never through a FIFO renamed in meanwhile, which would block for ever
        if digest is None:
            raise InputError("cannot be read as a regular file any more", path=str(path))
        _found(path, "sha256", _text(entry, "sha256", where, index), digest)
        listed += expected["articles"]
    if listed != manifest.get("articles"):
        raise InputError(
            f"its shards list {listed} article(s), its total says {manifest.get('articles')!r}: it was edited after "
            "`annotator predict` wrote it; nothing was stored",
            path=where,
            field="articles",
        )
    return Predictions(folder, dict(manifest.get("pipeline") or {}), found)


def _regular_shard(path: Path, name: object, where: str, field: str) -> None:
    """A shard the manifest lists must be a regular file (a link to one inside the folder is followed, as
    `confined` allows): nothing there is "missing"; a FIFO, folder or device there is named for what it is and
    left as it is, never opened."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"the manifest lists {name!r}, which is missing", path=where, field=field) from None
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror})", path=str(path)) from None
    if not stat.S_ISREG(mode):
        raise InputError(
            f"{kind_of(mode)}, not a regular file, at the name of a shard {where} lists; it was left as it is",
            path=str(path),
        )


def _text(entry: dict[str, Any], key: str, where: str, index: int) -> str:
    """A shard's fingerprint or sha256 as the manifest records it: required (without it nothing proves the file
    is what `predict` wrote)."""
    value = entry.get(key)
    if not isinstance(value, str):
        raise InputError(
            f"expected the shard's {key}, not {value!r} (a manifest of an older `annotator predict`: run it again "
            "into a new folder)",
            path=where,
            field=f"shards[{index}].{key}",
        )
    return value


def _counts(entry: dict[str, Any], where: str, index: int) -> dict[str, int]:
    """A shard's byte size and article count as the manifest records them: what its file must still hold."""
    counts = {}
    for key in ("bytes", "articles"):
        value = entry.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InputError(f"expected a count, not {value!r}", path=where, field=f"shards[{index}].{key}")
        counts[key] = value
    return counts


def _found(path: Path, unit: str, expected: object, found: object) -> None:
    """A shard file that is not what `predict` wrote (cut short, edited, swapped): one line, nothing stored.
    Without a unit, the values are fingerprints of the records' ids, titles, texts and meta."""
    if expected != found:
        if unit == "sha256":
            said, has = f"sha256 {expected}", f"sha256 {found}"
        elif unit:
            said, has = f"{expected} {unit}", f"{found}"
        else:
            said, has = f"fingerprint {expected}", f"records of {found}"
        raise InputError(
            f"the manifest says {said}, the file has {has}: it changed after `annotator predict` "
            "wrote it (run predict again into a new folder); nothing was stored",
            path=str(path),
        )


def _label_makers(suggesters: Any, where: str) -> dict[str, set[str]]:
    """Label -> the suggesters that made spans with it, from the manifest's `suggesters`."""
    if not isinstance(suggesters, dict):
        raise InputError("expected an object of suggester versions", path=where, field="suggesters")
    made_by: dict[str, set[str]] = {}
    for suggester, labels in suggesters.items():
        for label in labels if isinstance(labels, dict) else []:
            made_by.setdefault(label, set()).add(suggester)
    return made_by


def _predicted(place: Where, data: dict[str, Any], made_by: dict[str, set[str]]) -> Predicted:
    try:
        record = NativeRecord.model_validate(data)
    except ValidationError as error:
        field, message = describe_validation_error(error)
        raise place.error(message, field) from None
    if not is_model(record.annotator):
        raise place.error(
            f"expected a record of suggestions ({MODEL_PREFIX}...), not {record.annotator!r}", "annotator"
        )
    return Predicted(place, record, model_suggestions(record, place, made_by))


def model_suggestions(
    record: NativeRecord, where: Where, made_by: Mapping[str, set[str]] | None = None
) -> list[Suggestion]:
    """The spans of a record of the model (annotator `model:` and the suggester versions) as suggestions, each
    under the version that made it: of those the record names, the one that makes its label, by `made_by`
    (label -> versions: a manifest's) or else by each version's kind. A span no single version can have made
    is an error naming file, line and span."""
    named = set(record.annotator.removeprefix(MODEL_PREFIX).split("+")) - {""}
    known = known_suggesters()
    for name in sorted(named):
        if name.split("@", 1)[0] not in known:
            from annotator.store.current import suggester_order

            raise where.error(
                f"unknown suggester version {name.split('@', 1)[0]!r} (this release knows "
                f"{', '.join(sorted(known, key=suggester_order))})",
                "annotator",
            )
    told = "the manifest's suggesters that made"
    if made_by is None:
        made_by = {label.value: {name for name in named if label in suggester_labels(name)} for label in Label}
        told = "the suggester versions whose kind makes"
    suggestions = []
    for index, span in enumerate(record.spans):
        label = span.label.value
        makers = named & made_by.get(label, set())
        if len(makers) != 1:
            raise where.error(
                f"cannot tell which of {sorted(named)} made this {label} span ({told} {label}: "
                f"{sorted(made_by.get(label, []))})",
                f"spans[{index}]",
            )
        suggestions.append(Suggestion(**span.model_dump(), suggester=makers.pop()))
    return suggestions


#: What import counts for the spans of a model's record that no suggester it names makes (`unnamed_left_out`).
UNNAMED = "suggestion(s) of a suggester the record does not name (its export kept only some of that suggester's labels)"


def unnamed_left_out(record: NativeRecord) -> tuple[NativeRecord, int]:
    """A model's record without the spans whose label no suggester it names makes, and how many: `export
    --suggestions --labels` leaves a suggester whose labels it cut unnamed, since storing part of its suggestions
    under its name would read as all of them (its other labels never suggested)."""
    named = set(record.annotator.removeprefix(MODEL_PREFIX).split("+")) - {""}
    made = {label for name in named for label in suggester_labels(name)}
    kept = [span for span in record.spans if span.label in made]
    return record.model_copy(update={"spans": kept}), len(record.spans) - len(kept)


def known_suggesters() -> set[str]:
    """The suggester versions this release knows: those it runs and those it retired (`suggest.superseded`). A
    record of another (a later release's, or made up) is refused: nothing says whether it is newer than ours."""
    from annotator.suggest.pipeline import builtin_suggesters
    from annotator.suggest.superseded import SUPERSEDED

    return set(builtin_suggesters()) | set(SUPERSEDED)


def matched(predictions: Predictions, articles: list[ArticleIn]) -> list[Predicted]:
    """Each article's predictions, checked to be for its text; an article the predictions lack is an error
    naming where it was read, a record of another text one naming the record's file and line."""
    found: list[Predicted] = []
    for article in articles:
        predicted = predictions.by_article.get(article.article_id)
        if predicted is None and article.id is not None:  # a changed .txt file under its stored article's id
            predicted = predictions.by_article.get(content_hash(article.text))
        source = str(article.meta.get("source", "")) or None
        if predicted is None:
            raise InputError(
                f"article {quoted(article.article_id)} has no predictions in {predictions.folder} (run `annotator predict` "
                "on it, or ingest it without --suggestions-from)",
                path=source,
            )
        if predicted.record.text != article.text:
            raise predicted.where.error(
                f"the text differs from that of article {quoted(article.article_id)} ({source or 'given'}): these "
                "predictions are not for this article",
                "text",
            )
        found.append(predicted)
    return found


def precomputed_rows(
    found: list[Predicted], articles: list[ArticleIn], tokens: list[list[Token]]
) -> list[tuple[ArticleIn, list[Token] | None, list[Suggestion]]]:
    """The rows ingest stores for new articles (`matched` to their predictions): each with its tokens and its
    suggestions, whose spans must fall on those tokens."""
    rows: list[tuple[ArticleIn, list[Token] | None, list[Suggestion]]] = []
    for article, predicted, its_tokens in zip(articles, found, tokens, strict=True):
        starts, ends = {t.start for t in its_tokens}, {t.end for t in its_tokens}
        for index, s in enumerate(predicted.suggestions):
            if s.start not in starts or s.end not in ends:
                raise predicted.where.error(
                    f"span {s.start}:{s.end} {quoted(s.text)} does not fall on the article's tokens (another tokenizer "
                    "made it: give ingest the --model predict used)",
                    f"spans[{index}]",
                )
        rows.append((article, its_tokens, predicted.suggestions))
    return rows
