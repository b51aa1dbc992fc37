"""`annotator suggest`: the stored suggestions brought up to date, apart from `ingest`, which stores new articles
all or nothing. An article is suggested again when it holds another version of a kind than the pipeline's (or no
suggestion), in a transaction of its own as soon as it is computed, so a long run stopped by ctrl+c or a failed
write keeps what it finished and a rerun does the rest; a trained pipeline's suggestions stay unless asked."""

from __future__ import annotations

from collections import Counter

from annotator.errors import NOTHING_OF_THIS_CHANGE, SuggestingFailed, article_named, failures_named
from annotator.exchange.ingest import Progress
from annotator.exchange.pipeline_learned import record_pipeline
from annotator.interrupts import interrupts_after
from annotator.store import Store, WriteFailed


def _kind(name: str) -> str:
    return name.split(".", 1)[0]


def trained(name: str) -> bool:
    """A trained pipeline's suggester name ("entities.v16@<the folder's hash>")."""
    return "@" in name


def outdated(stored: dict[str, set[str]], names: tuple[str, ...], keep_trained: bool = False) -> list[str]:
    """Articles to (re)suggest for these suggester versions: those with no suggestion at all, and those with
    another version of a kind (entities, quotes: the name before its first dot) but not this one. An article
    that simply has no quote keeps its entity suggestions. With `keep_trained` (a plain `suggest`, no --model),
    a kind a trained pipeline suggested is kept: the team chose that pipeline, and the shipped one must not
    replace its suggestions unasked (`kept_trained` counts them for the report)."""
    targets = {_kind(name): name for name in names}
    return [
        article_id
        for article_id, have in stored.items()
        if not have or any(_other(n, have, targets) and not (keep_trained and trained(n)) for n in have)
    ]


def kept_trained(stored: dict[str, set[str]], names: tuple[str, ...]) -> Counter[str]:
    """How many articles hold each trained pipeline's suggestions that `outdated(..., keep_trained=True)` keeps."""
    targets = {_kind(name): name for name in names}
    return Counter(n for have in stored.values() for n in have if trained(n) and _other(n, have, targets))


def _other(name: str, have: set[str], targets: dict[str, str]) -> bool:
    """`name` is another version of a kind the targets make, and the article lacks the target's."""
    return _kind(name) in targets and targets[_kind(name)] not in have


class SuggestInterrupted(KeyboardInterrupt):
    """ctrl+c during `resuggest`. Each article's new suggestions are one transaction, written as soon as they are
    computed (a long corpus run keeps what it finished): the first `done` of `total` articles have them, the
    others are as they were, and a rerun (without --all) computes only those."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__(done, total)
        self.done, self.total = done, total


class SuggestWriteFailed(WriteFailed):
    """A write that failed during `resuggest` (disk full, I/O error): that article's transaction was rolled back,
    but the first `done` of `total` articles were committed before it and keep their new suggestions, as after
    ctrl+c (`SuggestInterrupted`); `reason` is the failure without the all-or-nothing "nothing ... was written"."""

    def __init__(self, error: WriteFailed, done: int, total: int) -> None:
        self.reason = str(error).removesuffix(NOTHING_OF_THIS_CHANGE)
        super().__init__(self.reason)
        self.done, self.total = done, total


class SuggestFailed(SuggestingFailed):
    """A bug in the suggesters (`SuggestingFailed`) during `resuggest`, said of the stored article it failed on: as
    after ctrl+c, the first `done` of `total` articles keep their new suggestions (its batch's others, computed
    with it, were not written), the rest are as they were."""

    def __init__(self, failure: SuggestingFailed, done: int, total: int) -> None:
        super().__init__(failure.what, failure.suggesters, failure.details, failure.texts, failure.article)
        self.done, self.total = done, total


def resuggest(
    store: Store,
    *,
    model: str | None = None,
    everything: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
) -> tuple[list[str], int]:
    """(Re)compute suggestions for articles that lack the current suggester versions; (their ids, suggestions).

    `workers` > 1 parses and suggests in that many worker processes (`suggest.dispatch`); the rows are the same.
    A --model named is loaded first, whatever there is to do: one that is missing or cannot be loaded is said
    before anything else, not hidden behind "nothing to suggest". The default pipeline loads only when needed.
    """
    from annotator.suggest import load_pipeline, suggest_texts, suggesters_for_model

    named = load_pipeline(model) if model else None
    record_pipeline(store, model)  # what it learned, for `evaluate` of its stored suggestions
    # The versions whose suggestions are current, not every version stored: a decided row of an older run stays for
    # the record, and counted as held, it hid that another pipeline's suggestions replaced it since (trial 38).
    current: dict[str, set[str]] = {article_id: set() for article_id in store.article_ids()}
    current |= store.current_suggesters_by_article()
    ids = (
        store.article_ids()
        if everything
        else outdated(current, suggesters_for_model(model).names, keep_trained=model is None)
    )
    if not ids:
        return [], 0
    nlp = named if named is not None else load_pipeline(model)
    texts = [store.article(article_id).text for article_id in ids]
    count = done = 0
    try:
        results = suggest_texts(texts, nlp, n_process=workers)
        with failures_named(lambda place: _stored(store, ids[place])):
            for article_id, (tokens, suggestions) in zip(ids, results, strict=True):
                with interrupts_after():  # the write and its count are one step: the count says what was written
                    store.replace_suggestions(article_id, tokens, suggestions)
                    done += 1
                count += len(suggestions)
                if progress:
                    progress(done, len(ids))
    except KeyboardInterrupt:
        raise SuggestInterrupted(done, len(ids)) from None
    except WriteFailed as error:
        raise SuggestWriteFailed(error, done, len(ids)) from None
    except SuggestingFailed as failure:
        raise SuggestFailed(failure, done, len(ids)) from None
    return ids, count


def _stored(store: Store, article_id: str) -> str:
    """A stored article in an error's line: the database, its id and title."""
    return article_named(str(store.path or ""), article_id, store.article(article_id).title)
