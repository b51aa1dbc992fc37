"""Writing what is not an annotation: new articles with their tokens and suggestions, new suggestions, and
where an annotator's cursor is. No event is logged for these (they are not anyone's edit)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from annotator.differ import where_texts_differ
from annotator.errors import Refused
from annotator.literal import quoted
from annotator.rows import Token
from annotator.store.aliases import refuse_alias
from annotator.store.connection import _json, span_row
from annotator.store.opening import WriteFailed
from annotator.store.reads import Reader
from annotator.vocabulary import content_hash, parse_timestamp, utc_now

if TYPE_CHECKING:
    from annotator.models import ArticleIn, Suggestion


class ArticleWriter(Reader):
    """Adds articles and suggestions, and remembers cursors; the annotation edits are `Store`'s."""

    def add_articles(
        self, articles: Iterable[tuple[ArticleIn, list[Token] | None, list[Suggestion]]]
    ) -> tuple[list[str], list[str]]:
        """Store new articles with their tokens and suggestions in one transaction: all or nothing.

        Returns (added ids, ids skipped because the same article is already stored).
        """
        added: list[str] = []
        skipped: list[str] = []
        with self.write():
            for article, tokens, suggestions in articles:
                existing = self.has_article(article)
                if existing == article.article_id and self.article(existing).content_hash != content_hash(article.text):
                    differs = where_texts_differ(self.article(existing).text, article.text)
                    raise Refused(
                        f"article id {quoted(existing)} is stored with a different text ({differs}); nothing was added"
                    )
                if existing is not None:
                    skipped.append(existing)
                    continue
                self.insert_article(article, tokens, suggestions)
                added.append(article.article_id)
        return added, skipped

    def text_file_sources(self) -> list[tuple[str, str]]:
        """(id, source) of the articles read from a .txt file (`meta.source` ends in .txt, as ingest records the
        file's path; every release has recorded it), the last ingested or replaced last: `ingest` knows by it a
        file that comes back with another text."""
        rows = self.conn.execute(
            "SELECT id, json_extract(meta, '$.source') FROM articles "
            "WHERE lower(json_extract(meta, '$.source')) LIKE '%.txt' ORDER BY ingested_at, rowid"
        )
        return [(str(article_id), str(source)) for article_id, source in rows]

    def maybe_rebuilt(self) -> list[tuple[str, str]]:
        """(id, text) of the articles stored under their own text's hash (texts that came with no id of their own,
        as a text a token-only format rebuilt does), in ingest order, but for texts with two spaces together, a
        blank line, a tab or a carriage return, which no text joined from tokens has: `exchange.realign` matches
        one by its words, and an ingest of many .txt articles need not read them all."""
        rows = self.conn.execute(
            "SELECT id, text FROM articles WHERE id = content_hash AND instr(text, '  ') = 0 "
            "AND instr(text, char(10, 10)) = 0 AND instr(text, char(9)) = 0 AND instr(text, char(13)) = 0 "
            "ORDER BY rowid"
        )
        return [(str(article_id), str(text)) for article_id, text in rows]

    def article_with_text(self, text_hash: str, besides: Iterable[str] = ()) -> str | None:
        """The id of an article that holds a text of this content hash (the first stored), but none of `besides`;
        None when no article holds it. An id that is the text's hash is no proof: `ingest --changed-text replace`
        gives a .txt article a new text under the hash of its first one."""
        row = self.conn.execute(
            "SELECT id FROM articles WHERE content_hash = ? AND id NOT IN (SELECT value FROM json_each(?)) "
            "ORDER BY rowid LIMIT 1",
            [text_hash, _json(sorted(set(besides)))],
        ).fetchone()
        return None if row is None else str(row[0])

    def unused_id(self, stem: str, taken: Iterable[str] = ()) -> str:
        """The first of `STEM~2`, `STEM~3`, ... that no article holds and `taken` does not name: the id of a text
        whose hash id (`stem`) a replaced article holds with another text."""
        prefix = f"{stem}~"
        rows = self.conn.execute("SELECT id FROM articles WHERE substr(id, 1, ?) = ?", [len(prefix), prefix])
        used = {str(row[0]) for row in rows} | set(taken)
        number = 2
        while f"{prefix}{number}" in used:
            number += 1
        return f"{prefix}{number}"

    def text_files_titled(self, titles: Iterable[str]) -> dict[str, tuple[str, str]]:
        """title -> (id, source) of the article read from a .txt file that has this title (the last ingested, when
        several have it): `ingest` notes a new file titled as a stored one, from another path."""
        rows = self.conn.execute(
            "SELECT title, id, json_extract(meta, '$.source') FROM articles "
            "WHERE title IN (SELECT value FROM json_each(?)) AND lower(json_extract(meta, '$.source')) LIKE '%.txt' "
            "ORDER BY ingested_at, rowid",
            [_json(sorted(set(titles)))],
        )
        return {str(title): (str(article_id), str(source)) for title, article_id, source in rows}

    def insert_article(self, article: ArticleIn, tokens: list[Token] | None, suggestions: list[Suggestion]) -> None:
        """Insert one new article; the caller holds the transaction."""
        now = utc_now()
        self.conn.execute(
            "INSERT INTO articles (id, title, text, meta, content_hash, chars, tokens, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                article.article_id,
                article.title,
                article.text,
                _json(article.meta),
                content_hash(article.text),
                len(article.text),
                _json([[t.start, t.end] for t in tokens]) if tokens is not None else None,
                now,
            ],
        )
        self._insert_suggestions(article.article_id, suggestions, now)

    def set_article_meta(self, article_id: str, meta: dict[str, Any]) -> None:
        """A stored article's meta, grown by what matches it to another tool's (the Label Studio annotation ids of
        work imported onto it); its text, tokens and work stay. Not an edit of anyone's work: no event. The caller
        holds the transaction."""
        self.conn.execute("UPDATE articles SET meta = ? WHERE id = ?", [_json(meta), article_id])

    def _insert_suggestions(self, article_id: str, suggestions: list[Suggestion], now: str) -> None:
        self.conn.executemany(
            'INSERT INTO suggestions (article_id, start, "end", label, text, speaker_start, speaker_end, '
            "suggester, score, created_at) VALUES (:article_id, :start, :end, :label, :text, :speaker_start, "
            ":speaker_end, :suggester, :score, :created_at)",
            [
                {**span_row(s), "article_id": article_id, "suggester": s.suggester, "score": s.score, "created_at": now}
                for s in suggestions
            ],
        )

    def replace_article(self, article: ArticleIn, tokens: list[Token], suggestions: list[Suggestion]) -> None:
        """Give a stored article (by id) a new text, with its tokens and suggestions, if nobody has opened,
        annotated or decided anything on it: offsets into the old text would point into the new one."""
        article_id = article.article_id
        with self.write():
            users = self.article_users(article_id)
            if users:
                raise Refused(
                    f"article {quoted(article_id)} has been opened, annotated or packed by {', '.join(users)}: its text is not "
                    "replaced (--changed-text new adds the new text as an article of its own)"
                )
            now = utc_now()
            self.conn.execute("DELETE FROM suggestions WHERE article_id = ?", [article_id])
            self.conn.execute(
                "UPDATE articles SET title = ?, text = ?, meta = ?, content_hash = ?, chars = ?, tokens = ?, "
                "ingested_at = ? WHERE id = ?",
                [article.title, article.text, _json(article.meta), content_hash(article.text), len(article.text),
                 _json([[t.start, t.end] for t in tokens]), now, article_id],
            )  # fmt: skip
            self._insert_suggestions(article_id, suggestions, now)
            self._texts.pop(article_id, None)

    def keep_suggestions(self, article_id: str, suggestions: list[Suggestion]) -> dict[tuple[int, int, str, str], int]:
        """Store suggestions an import brings (binary answers are answers to suggestions) unless the article has
        the same one already (offsets, label and suggester), and return every one's id by that key. The caller
        holds the transaction."""

        def key(row: tuple[int, int, str, str]) -> tuple[int, int, str, str]:
            return (int(row[0]), int(row[1]), str(row[2]), str(row[3]))

        sql = 'SELECT start, "end", label, suggester, id FROM suggestions WHERE article_id = ?'
        known = {key(row[:4]): int(row[4]) for row in self.conn.execute(sql, [article_id])}
        missing = {
            (s.start, s.end, s.label.value, s.suggester): s
            for s in suggestions
            if (s.start, s.end, s.label.value, s.suggester) not in known
        }
        if missing:
            self._insert_suggestions(article_id, list(missing.values()), utc_now())
            known = {key(row[:4]): int(row[4]) for row in self.conn.execute(sql, [article_id])}
        return known

    def drop_undecided_suggestions(self, article_id: str, suggesters: Sequence[str] | None = None) -> None:
        """Remove the article's suggestions (of these suggester versions; None: all) that nobody decided on or
        took as a span: a newer batch replaces them. The caller holds the transaction."""
        if suggesters is not None and not suggesters:
            return
        which = "" if suggesters is None else f"AND suggester IN ({','.join('?' * len(suggesters))}) "
        self.conn.execute(
            f"DELETE FROM suggestions WHERE article_id = ? {which}AND id NOT IN (SELECT suggestion_id FROM decisions) "
            "AND id NOT IN (SELECT suggestion_id FROM spans WHERE suggestion_id IS NOT NULL)",
            [article_id, *(suggesters or [])],
        )

    def replace_suggestions(self, article_id: str, tokens: list[Token], suggestions: list[Suggestion]) -> None:
        """New suggestions for an article; old ones that an annotator decided on stay, for the record, and are not
        suggested again: a new one with the same span, label, speaker and suggester version is that one, and joins
        the new batch (its creation time is the batch's, so `store.current` counts it among the current ones:
        kept with its old time, a re-suggest of the same version left only the undecided rest current)."""
        with self.write():
            self.drop_undecided_suggestions(article_id)
            self.conn.execute(
                "UPDATE articles SET tokens = ? WHERE id = ?", [_json([[t.start, t.end] for t in tokens]), article_id]
            )
            sql = 'SELECT start, "end", label, speaker_start, speaker_end, suggester, id FROM suggestions WHERE article_id = ?'
            kept = {tuple(row[:6]): row[6] for row in self.conn.execute(sql, [article_id])}

            def key(s: Suggestion) -> tuple[object, ...]:
                row = span_row(s)
                return (s.start, s.end, s.label.value, row["speaker_start"], row["speaker_end"], s.suggester)

            now = utc_now()
            repeated = [kept[key(s)] for s in suggestions if key(s) in kept]
            self.conn.executemany("UPDATE suggestions SET created_at = ? WHERE id = ?", [(now, i) for i in repeated])
            self._insert_suggestions(article_id, [s for s in suggestions if key(s) not in kept], now)

    def add_comment(self, article_id: str, annotator: str, text: str) -> None:
        """A comment on an article (not an edit of anyone's annotation: no event, nothing to undo)."""
        if not text.strip():
            raise Refused("a comment needs some text")
        with self.write():
            self.article(article_id)
            refuse_alias(self.conn, annotator)  # a comment is signed: not by a name renamed away (`aliases`)
            self.conn.execute(
                "INSERT INTO comments (article_id, annotator, text, at) VALUES (?, ?, ?, ?)",
                [article_id, annotator, text.strip(), utc_now()],
            )

    def keep_comment(self, article_id: str, annotator: str, text: str, at: str) -> bool:
        """An imported comment, unless the same one is here already (same words at the same moment: an older
        release stored times as files gave them, another offset of the same moment); whether it was stored. The
        caller holds the transaction."""
        stored = self.conn.execute(
            "SELECT at FROM comments WHERE article_id = ? AND annotator = ? AND text = ?", [article_id, annotator, text]
        )
        if not any(_same_moment(when, at) for (when,) in stored):
            self.conn.execute(
                "INSERT INTO comments (article_id, annotator, text, at) VALUES (?, ?, ?, ?)",
                [article_id, annotator, text, at],
            )
            return True
        return False

    def save_cursor(self, article_id: str, annotator: str, cursor: int) -> bool:
        """Remember where the annotator is in an article (view state: no event); whether it was saved.

        Never raises for a read-only file or a failed write: losing a cursor position must not stop the
        screen, and the next real edit reports the problem.
        """
        if self.read_only:
            return False
        try:
            with self.write():
                self.conn.execute(
                    "INSERT INTO annotations (article_id, annotator, cursor, opened_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (article_id, annotator) DO UPDATE SET cursor = excluded.cursor, "
                    "opened_at = excluded.opened_at",
                    [article_id, annotator, cursor, utc_now()],
                )
        except WriteFailed:
            return False
        return True


def _same_moment(one: str, other: str) -> bool:
    if one == other:
        return True
    try:
        return parse_timestamp(one) == parse_timestamp(other)
    except ValueError:
        return False
