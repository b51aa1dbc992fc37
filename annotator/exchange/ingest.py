"""Reading articles from .txt files, folders and .jsonl, and storing them with tokens and suggestions.

Everything is read and validated before anything is written, and the write is one transaction: a bad line
anywhere means nothing from the command is stored. (`suggest`, which brings stored articles' suggestions up to
date an article at a time, is `annotator.exchange.resuggesting`.)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from annotator.differ import where_texts_differ
from annotator.errors import InputError, NotFound, article_named, failures_named
from annotator.exchange.pipeline_learned import record_pipeline
from annotator.exchange.realign import StoredWords
from annotator.literal import quoted
from annotator.models import ArticleIn, Suggestion, content_hash
from annotator.rows import Token
from annotator.store import Store
from annotator.store.ends_aside import EndsAside, StoredEnds, trimmed_hash
from annotator.store.same_titles import SameTitle
from annotator.vocabulary import ChangedText

if TYPE_CHECKING:
    from annotator.exchange.predictions import Predictions
from annotator.suggest.tokens import tokenize

#: Called with (done, total) as work advances; the CLI turns it into a progress bar.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ChangedTextConflict:
    """An article `--changed-text replace` left as stored: its id came with another text, and people (`users`)
    have worked on the stored one."""

    article_id: str
    title: str
    source: str
    users: list[str]
    differs: str = ""  # where the texts differ (`differ.where_texts_differ`)


@dataclass(frozen=True)
class AssignedReplacement:
    """An article `--changed-text replace` gave a new text while it is assigned to people who have not started it
    (no work is lost, but they will read another text than the one they were given)."""

    article_id: str
    title: str
    source: str
    assignees: list[str]


@dataclass(frozen=True)
class IngestReport:
    added: list[str]
    skipped: list[str]  # the ids already stored (an id given twice in the input, its second time)
    suggestions: int
    replaced: list[str] = field(default_factory=list)
    conflicts: list[ChangedTextConflict] = field(default_factory=list)
    assigned: list[AssignedReplacement] = field(default_factory=list)
    #: (id given, id stored): an article whose text is stored (or added by this input) under another id, so not
    #: stored again: one article a text.
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    same_title: list[SameTitle] = field(default_factory=list)
    #: (id given, id stored): an article whose text no article holds, but whose words one a token-only format
    #: rebuilt has (a CoNLL import's): not stored again, that article kept as it is (`exchange.realign`).
    rebuilt: list[tuple[str, str]] = field(default_factory=list)
    #: articles whose text is a stored article's but for white space at its end: that article, counted in
    #: `skipped` (`store.ends_aside`; newcomer trial F4)
    ends_aside: list[EndsAside] = field(default_factory=list)


def _rebuilt_with_its_words(store: Store, words: StoredWords, article: ArticleIn, texts: dict[str, str]) -> str | None:
    """The one stored article a token-only format rebuilt with this article's words, when no article holds its
    text or its id and no earlier one of the input its text: the story is stored (re-trial t4r F12-v1: a CoNLL
    import, then an ingest of the project's Label Studio tasks, stored each story twice)."""
    found = words.rebuilt_matching(article.text)  # most often none: no query of the article's own
    if len(found) != 1 or content_hash(article.text) in texts or store.has_article(article) is not None:
        return None
    return found[0]


def _changed(store: Store, article: ArticleIn) -> bool:
    """Whether the article's id is stored with another text."""
    if article.id is None:
        return False
    try:
        return store.article(article.id).content_hash != content_hash(article.text)
    except NotFound:
        return False


def _where(source: str) -> str:
    """A file's path as one spelling: absolute, from where the command runs (ingest records it as given)."""
    return os.path.realpath(source)


def _from_stored_file(store: Store, article: ArticleIn, files: dict[str, str]) -> ArticleIn:
    """A .txt file's article whose text is not stored, given the id of the article the same file brought before
    (the last one, when an older release stored several): its text changed, and `--changed-text` says what to do.
    An article of a new file, or of a text stored already (whatever file brought it), is as it was."""
    if store.article_with_text(content_hash(article.text)) is not None:
        return article
    stored = files.get(_where(str(article.meta.get("source", ""))))
    return article if stored is None else article.model_copy(update={"id": stored})


def _with_changed_text(
    store: Store, article: ArticleIn, changed: ChangedText | None, file: bool = False
) -> ArticleIn | None:
    """The article to add in place of one whose id is stored with another text, or None to replace it. `file`: a
    .txt file that brought the stored article, whose new text is added under its own hash (`--changed-text new`)."""
    where = str(article.meta.get("source", ""))
    stored = store.article(article.article_id)
    differs = where_texts_differ(stored.text, article.text, ("stored", "file's" if file else "given"))
    if changed is None and file:
        raise InputError(
            f"the file's text changed since it was stored as article {article.article_id} '{stored.title}' "
            f"({differs}; --changed-text replace replaces the stored text if nobody has opened it, --changed-text new adds this text as an "
            "article of its own)",
            path=where or None,
        )
    if changed is ChangedText.NEW and file:
        return article.model_copy(update={"id": None})
    if changed is None:
        raise InputError(
            f"article id {quoted(str(article.id))} is stored with a different text ({differs}; --changed-text new adds this one "
            "as a new article, --changed-text replace replaces the stored one if nobody has opened it)",
            path=where or None,
            field="id",
        )
    if changed is ChangedText.NEW:
        return article.model_copy(update={"id": f"{article.id}~{content_hash(article.text)[:8]}"})
    return None


def _conflict(store: Store, article: ArticleIn, file: bool = False) -> ChangedTextConflict | None:
    """A replacement that would lose someone's work (anyone has opened, annotated, decided or commented on the
    stored article): then the stored article stays, and this says so."""
    users = store.article_users(article.article_id)
    if not users:
        return None
    stored = store.article(article.article_id)
    differs = where_texts_differ(stored.text, article.text, ("stored", "file's" if file else "given"))
    return ChangedTextConflict(article.article_id, stored.title, str(article.meta.get("source", "")), users, differs)


def ingest(
    store: Store,
    articles: list[ArticleIn],
    *,
    suggest: bool = True,
    model: str | None = None,
    nlp: Any = None,
    batch_size: int = 32,
    workers: int = 1,
    predicted: Predictions | None = None,
    progress: Progress | None = None,
    changed: ChangedText | None = None,
) -> IngestReport:
    """Store new articles with their tokens and (unless `suggest` is False) model suggestions.

    An article whose id is stored with another text is an error naming the id, unless `changed` says to add
    it as a new article or to replace the stored text; an article someone has worked on is never replaced but
    reported in `conflicts` and left as stored. An article whose id is made from its text (no id: its hash;
    `--changed-text new`: `ID~HASH`) is already stored only when an article holds its text; its id held by
    another text (a replaced article, an explicit id stored or earlier in the input), it is added as `ID~2` (or
    the first `ID~N` free), and so is a text stored only in an article this input replaces. `nlp` is an already
    loaded pipeline (else `model` is loaded), so callers that ingest often load it once.
    `workers` > 1 parses and suggests in that many worker processes (`suggest.dispatch`); the rows are the same.
    `predicted`: suggestions `annotator predict` computed (`exchange.predictions`), stored instead of running
    the pipeline; only its tokenizer runs (`model`'s, else the one predict used). A `model` named is loaded
    first, whatever there is to store: one missing or unloadable is said before anything else.
    """
    if model and nlp is None:
        from annotator.suggest import load_pipeline

        nlp = load_pipeline(model)
    new: list[ArticleIn] = []
    skipped: list[str] = []
    replacing: set[str] = set()
    conflicts: dict[str, ChangedTextConflict] = {}
    hashes: set[str] = set()
    texts: dict[str, str] = {}  # content hash -> the id this input adds it under
    duplicates: list[tuple[str, str]] = []
    assigned: list[AssignedReplacement] = []
    files: dict[str, str] | None = None  # a .txt file's absolute path -> the article it brought (read once)
    held: list[tuple[ArticleIn, str]] = []  # id made from its text, text stored: (article, the id holding it)
    renamed: set[str] = set()  # its id made from its text (HASH, ID~HASH) held by another text: moved to ID~N
    named = {a.id: content_hash(a.text) for a in articles if a.id is not None}  # a later line's id holds it too
    words, rebuilt = StoredWords(store), list[tuple[str, str]]()  # its words a rebuilt article's: (given, stored)
    ends, ends_aside = StoredEnds(store.conn), list[EndsAside]()  # its text a stored one but for its end's space
    coming: dict[str, ArticleIn] = {}  # trimmed hash -> the article this input adds with that text (t14 F1)
    for article in articles:
        given, changed_here = article, False
        if article.id is None and str(article.meta.get("source", "")).lower().endswith(".txt"):
            if files is None:
                files = {_where(source): stored for stored, source in store.text_file_sources()}
            if content_hash(article.text) not in texts:
                article = _from_stored_file(store, article, files)
        derived = article.id is None  # its id is made from its text: its hash, or `ID~HASH` (--changed-text new)
        if _changed(store, article):
            renamed_to = _with_changed_text(store, article, changed, file=given is not article)
            if renamed_to is None:
                conflict = _conflict(store, article, file=given is not article)
                if conflict is not None:
                    conflicts.setdefault(article.article_id, conflict)
                elif article.article_id not in replacing:
                    replacing.add(article.article_id)
                    new.append(article)
                continue
            article, derived, changed_here = renamed_to, True, True
        if (holder := _rebuilt_with_its_words(store, words, article, texts)) is not None:
            rebuilt.append((article.article_id, holder))
            continue
        if derived:  # a text is stored when any article holds it; its id held by another text, it goes to ID~N
            text_hash = content_hash(article.text)
            existing = store.article_with_text(text_hash) or texts.get(text_hash)
            held_id = article.article_id in hashes or named.get(article.article_id, text_hash) != text_hash
            if existing is None and (held_id or store.has_article(article) is not None):
                article = article.model_copy(update={"id": store.unused_id(article.article_id, hashes | set(named))})
                renamed.add(article.article_id)
            elif existing is not None:
                held.append((article, existing))
                continue
        else:
            existing = store.has_article(article) or texts.get(content_hash(article.text))
        if existing is not None and existing != article.article_id and article.id is not None:
            duplicates.append((article.article_id, existing))  # its text is another id's
            continue
        if existing is not None or article.article_id in hashes:  # no id given: its text is the stored article
            skipped.append(existing or article.article_id)
            continue
        if not changed_here and (alike := _ends_aside(store, ends, coming, article, replacing)) is not None:
            ends_aside.append(alike)
            skipped.append(alike.stored_id)
            continue
        hashes.add(article.article_id)
        texts[content_hash(article.text)] = article.article_id
        coming.setdefault(trimmed_hash(article.text), article)
        new.append(article)
    for article, existing in held:  # its text is in an article this input replaces: it would be in none
        if existing not in replacing or store.article_with_text(content_hash(article.text), replacing) is not None:
            skipped.append(existing)
        elif content_hash(article.text) in texts:
            skipped.append(texts[content_hash(article.text)])
        else:
            article = article.model_copy(update={"id": store.unused_id(article.article_id, hashes | set(named))})
            renamed.add(article.article_id)
            hashes.add(article.article_id)
            texts[content_hash(article.text)] = article.article_id
            coming.setdefault(trimmed_hash(article.text), article)
            new.append(article)
    fresh = [a for a in new if (a.id is None or a.article_id in renamed) and a.article_id not in replacing]
    same_title = [same for same in _same_titles(store, fresh) if same.stored_id not in replacing]
    rows: list[tuple[ArticleIn, list[Token] | None, list[Suggestion]]] = []
    if predicted is not None and new:
        from annotator.exchange.predictions import matched, precomputed_rows
        from annotator.suggest import load_pipeline

        found = matched(predicted, new)  # every article has its record, of its text, before spaCy loads
        tokenizer = nlp or load_pipeline(model or predicted.pipeline.get("model"))
        rows = precomputed_rows(found, new, tokenize([a.text for a in new], tokenizer))
    elif suggest and new:
        from annotator.suggest import load_pipeline, suggest_texts

        before = list(accumulate((len(a.text) for a in new), initial=0))  # progress by characters: a long text moves

        def reached(place: int, parsed: int) -> None:
            if progress:
                progress(before[place] + parsed, before[-1])

        results = suggest_texts(
            (a.text for a in new),
            nlp or load_pipeline(model),
            batch_size=batch_size,
            n_process=workers,
            reached=reached,
        )
        with failures_named(lambda place: _named(new[place])):
            for place, (article, (tokens, suggestions)) in enumerate(zip(new, results, strict=True)):
                rows.append((article, tokens, suggestions))
                reached(place, len(article.text))
    elif new:
        for article, tokens in zip(new, tokenize([a.text for a in new]), strict=True):
            rows.append((article, tokens, []))
    stored: list[tuple[ArticleIn, list[Token] | None, list[Suggestion]]] = []
    with store.write():  # work done since the check above is seen here, inside the transaction that replaces
        if suggest and new and predicted is None:  # what it learned, for `evaluate` of its stored suggestions;
            record_pipeline(store, model)  # in this transaction: a failure before it leaves the file as it was
        for replacement, new_tokens, suggestions in rows:  # first: a text it replaces may be added under HASH~2
            if replacement.article_id not in replacing:
                continue
            conflict = _conflict(store, replacement)
            if conflict is not None:
                conflicts[replacement.article_id] = conflict
                continue
            if assignees := store.assignees_of(replacement.article_id):
                title, source = store.article(replacement.article_id).title, str(replacement.meta.get("source", ""))
                assigned.append(AssignedReplacement(replacement.article_id, title, source, assignees))
            store.replace_article(replacement, new_tokens or [], suggestions)
            stored.append((replacement, new_tokens, suggestions))
        added, also_skipped = store.add_articles([row for row in rows if row[0].article_id not in replacing])
        kept = set(added)  # an id whose text another id of the input brought is skipped: its suggestions too
        stored += [row for row in rows if row[0].article_id in kept]
    return IngestReport(added=added, skipped=skipped + also_skipped, suggestions=sum(len(r[2]) for r in stored),
                        replaced=sorted(replacing - set(conflicts)), conflicts=list(conflicts.values()),
                        assigned=assigned, duplicates=duplicates, rebuilt=rebuilt, ends_aside=ends_aside,
                        same_title=[same for same in same_title if same.article_id in kept])  # fmt: skip


def _ends_aside(
    store: Store, ends: StoredEnds, coming: dict[str, ArticleIn], article: ArticleIn, replacing: set[str]
) -> EndsAside | None:
    """The stored article whose text is this one's but for white space at its end (not one this input replaces),
    else the article an earlier one of this input adds with such a text (`coming`: one run given both, t14 F1),
    said as a note would say it; None when none is (`store.ends_aside`)."""
    source = str(article.meta.get("source", ""))
    names = ("stored", "file's" if source else "given")
    if (stored_id := ends.holding(article.text, replacing)) is not None:
        stored = store.article(stored_id)
        differs = where_texts_differ(stored.text, article.text, names)
        return EndsAside(source, article.article_id, stored_id, stored.title, differs)
    earlier = coming.get(trimmed_hash(article.text))
    if earlier is None or earlier.text == article.text:
        return None
    differs = where_texts_differ(earlier.text, article.text, names)
    return EndsAside(source, article.article_id, earlier.article_id, earlier.title, differs)


def _named(article: ArticleIn) -> str:
    """An article given to ingest, in an error's line: its file (and line, for JSONL), id and title."""
    return article_named(str(article.meta.get("source", "")), article.article_id, article.title)


def _same_titles(store: Store, articles: list[ArticleIn]) -> list[SameTitle]:
    """The new .txt articles titled as an article another file brought (not this one: `--changed-text new`)."""
    files = [a for a in articles if str(a.meta.get("source", "")).lower().endswith(".txt") and a.title]
    if not files:
        return []
    titled = store.text_files_titled(str(a.title) for a in files)
    found: list[SameTitle] = []
    for article in files:
        source = str(article.meta.get("source", ""))
        stored = titled.get(str(article.title))
        if stored is not None and _where(stored[1]) != _where(source):
            found.append(SameTitle(source, article.article_id, stored[0], str(article.title), stored[1]))
    return found
