"""Databases with real annotations for the exchange tests: built through the store's own edit operations."""

from __future__ import annotations

from pathlib import Path

from support import nth

from annotator.exchange.formats.options import ExportOptions
from annotator.models import ArticleIn, Status, Suggestion
from annotator.store import Store
from annotator.suggest.tokens import tokenize

SEED = next((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
SMALL = (
    'Washington said "the talks failed" on Monday. At least 35 people died in Gaza, officials said.\n\n'
    "Mr. Smith's office in New York did not reply."
)


def find(text: str, part: str, occurrence: int = 0) -> tuple[int, int]:
    start = nth(text, part, occurrence)
    return start, start + len(part)


def add(store: Store, article_id: str, who: str, text: str, part: str, label: str, occurrence: int = 0) -> int:
    start, end = find(text, part, occurrence)
    return store.add_span(article_id, who, start, end, label).spans[0].id


def build(path: Path) -> Store:
    """Two articles; alice annotated both (entities, a quote with its speaker, statuses done and flagged)."""
    store = Store.open(path)
    seed = SEED.read_text(encoding="utf-8")
    articles = [ArticleIn(text=SMALL, title="Small", meta={"source": "test"}), ArticleIn(text=seed, title="Seed")]
    tokens = tokenize([a.text for a in articles])
    suggestion = Suggestion(start=0, end=10, label="ACTOR", text="Washington", suggester="entities.v1")
    added, _ = store.add_articles([(articles[0], tokens[0], [suggestion]), (articles[1], tokens[1], [])])
    small, big = added
    store.accept_suggestion(small, "alice", store.suggestions(small)[0].id)
    quote = add(store, small, "alice", SMALL, "the talks failed", "QUOTE")
    store.set_speaker(small, "alice", quote, store.spans(small, "alice")[0].id)
    add(store, small, "alice", SMALL, "At least 35", "FIGURE")
    add(store, small, "alice", SMALL, "Gaza", "LOCATION")
    add(store, small, "alice", SMALL, "New York", "LOCATION")
    store.set_status(small, "alice", "done")
    add(store, big, "alice", seed, "Israel", "ACTOR")
    add(store, big, "alice", seed, "Gaza Strip", "LOCATION")
    add(store, big, "alice", seed, "at least 35", "FIGURE")
    store.set_status(big, "alice", "flagged")
    return store


def every_status() -> ExportOptions:
    """Export options taking every annotation, whatever its status (an export takes finished work only)."""
    return ExportOptions(statuses=frozenset(Status))
