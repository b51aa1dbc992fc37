"""Annotations in and out as native records: export for one annotator, gold or the model; import, all or nothing."""

from __future__ import annotations

from collections.abc import Iterator

from annotator.errors import InputError
from annotator.models import ArticleIn, NativeRecord, Span, Status, Token, content_hash
from annotator.store import Store

GOLD = "gold"


def model_name(suggesters: list[str]) -> str:
    return "model:" + "+".join(suggesters)


def _plain(span: Span) -> Span:
    """A stored span as exchanged: without database ids."""
    return Span(start=span.start, end=span.end, label=span.label, text=span.text, speaker=span.speaker)


def annotator_records(store: Store, annotator: str) -> Iterator[NativeRecord]:
    for article_id, status, updated_at in store.annotated_articles(annotator):
        article = store.article(article_id)
        yield NativeRecord(
            article_id=article.id,
            text=article.text,
            title=article.title,
            meta=article.meta,
            annotator=annotator,
            status=status,
            spans=[_plain(s) for s in store.spans(article_id, annotator)],
            updated_at=updated_at,
        )


def suggestion_records(store: Store) -> Iterator[NativeRecord]:
    """Every article with the model's suggestions, as if the model were an annotator."""
    for article_id in store.article_ids():
        article = store.article(article_id)
        suggestions = store.suggestions(article_id)
        yield NativeRecord(
            article_id=article.id,
            text=article.text,
            title=article.title,
            meta=article.meta,
            annotator=model_name(sorted({s.suggester for s in suggestions})),
            status=Status.TODO,
            spans=[_plain(s) for s in suggestions],
            updated_at=article.ingested_at,
        )


def _check_tokens(record: NativeRecord, tokens: list[Token], where: tuple[str, int]) -> None:
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    for index, span in enumerate(record.spans):
        if span.start not in starts or span.end not in ends:
            raise InputError(
                f"span {span.start}:{span.end} {span.text!r} does not fall on token boundaries",
                path=where[0],
                line=where[1],
                field=f"spans[{index}]",
            )


def import_records(
    store: Store, records: list[tuple[str, int, NativeRecord]], annotator: str | None = None
) -> tuple[int, int]:
    """Store (path, line, record) triples in one transaction; returns (records, new articles).

    `annotator` overrides the records' own. An article id already stored with another text is an error.
    """
    from annotator.ingest import tokenize

    new_articles: dict[str, NativeRecord] = {}
    for path, line, record in records:
        existing = store.has_article(ArticleIn(id=record.article_id, text=record.text))
        if existing is not None:
            if store.article(existing).content_hash != content_hash(record.text):
                raise InputError(
                    f"article {record.article_id!r} is stored with a different text", path=path, line=line, field="text"
                )
        else:
            new_articles.setdefault(record.article_id, record)
    fresh = list(new_articles.values())
    token_lists = dict(zip(new_articles, tokenize([r.text for r in fresh]), strict=True)) if fresh else {}
    for path, line, record in records:
        article_id = store.has_article(ArticleIn(id=record.article_id, text=record.text)) or record.article_id
        tokens = token_lists.get(record.article_id) or store.tokens(article_id)
        _check_tokens(record, tokens, (path, line))
    with store.write():
        for record in fresh:
            store.insert_article(
                ArticleIn(id=record.article_id, text=record.text, title=record.title, meta=record.meta),
                token_lists[record.article_id],
                [],
            )
        for _, _, record in records:
            article_id = store.has_article(ArticleIn(id=record.article_id, text=record.text))
            assert article_id is not None
            store.replace_annotation(
                article_id, annotator or record.annotator, record.spans, record.status, record.updated_at
            )
    return len(records), len(fresh)
