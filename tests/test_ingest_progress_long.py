"""Trial s55 t10 T10: a 10 MB article on one line ingested for over two minutes with its progress bar still, since
the bar moved once an article. It now moves by characters parsed, piece by piece of a long article
(`suggest.pieces`), so a long article shows how far it is."""

from __future__ import annotations

from annotator.exchange.ingest import ingest
from annotator.models import ArticleIn
from annotator.store import Store
from annotator.suggest.pieces import pieces


def test_ingest_progress_moves_through_a_long_article_piece_by_piece(store: Store, nlp) -> None:
    short = "The mayor of Lyon said the bridge would reopen."
    long = "The mayor said the bridge would reopen on Monday after 3 weeks. " * 2_000  # 128,000 characters
    calls: list[tuple[int, int]] = []
    report = ingest(
        store,
        [ArticleIn(id="short", text=short), ArticleIn(id="long", text=long)],
        nlp=nlp,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert report.added == ["short", "long"]
    parts = list(pieces(long, nlp.max_length))
    assert len(parts) == 13
    total = len(short) + len(long)
    reached = [len(short) + offset + len(part) for offset, part in parts[:-1]] + [total]
    assert calls == [(len(short), total)] + [(done, total) for done in reached]
