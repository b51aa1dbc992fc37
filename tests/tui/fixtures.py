"""Test data for the TUI: the seed article with hand-made suggestions, and awkward articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from processes import annotator
from support import nth, word_tokens
from textual._xterm_parser import XTermParser
from textual.app import App
from textual.geometry import Region

from annotator.models import ArticleIn, Suggestion
from annotator.rows import Token
from annotator.suggest.tokens import tokenize
from annotator.tui.styles import CURSOR
from annotator.tui.widgets.article_view import GUTTER, ArticleView

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_5fda543fc562549a.txt"

#: (text, label, occurrence) suggestions for the seed article, the way the suggesters would make them.
SEED_SUGGESTIONS = [
    ("Israel", "ACTOR", 0),
    ("Gaza Strip", "LOCATION", 0),
    ("at least 35", "FIGURE", 0),
    ("Palestinians", "ACTOR", 0),
    ("Tel Aviv", "ACTOR", 0),
    ("Israeli", "ACTOR", 0),
    ("Rafah", "LOCATION", 0),
    ("Yibna", "LOCATION", 0),
    ("three", "FIGURE", 0),
    ("residents", "ACTOR", 0),
    ("one resident", "ACTOR", 0),
    ("Reuters", "ACTOR", 0),
    ("Benjamin Netanyahu", "ACTOR", 0),
]


def seed_tokens(text: str) -> list[Token]:
    """spaCy's English tokenizer without the model: the same boundaries `ingest` stores."""
    return tokenize([text])[0]


def one_article(
    path: Path, text: str, suggestions: list[Suggestion] | None = None, id: str = "n", title: str | None = None
) -> Path:
    """A database at `path` holding one article of `text` (id "n", title the id in capitals), with these suggestions."""
    from annotator.store import Store

    with Store.open(path) as store:
        store.add_articles(
            [
                (
                    ArticleIn(text=text, id=id, title=id.upper() if title is None else title),
                    seed_tokens(text),
                    suggestions or [],
                )
            ]
        )
    return path


#: The article of the tests with two windows on one file: short, with one suggestion of each of two layers.
WASHINGTON_TEXT = "Washington sent aid to Gaza."


def washington_article(path: Path) -> Path:
    """A database at `path` holding `WASHINGTON_TEXT` (id "n") with ACTOR 'Washington' and LOCATION 'Gaza'
    suggested, pending."""
    suggestions = [
        Suggestion(start=0, end=10, label="ACTOR", text="Washington", suggester="t.v1"),
        Suggestion(start=23, end=27, label="LOCATION", text="Gaza", suggester="t.v1"),
    ]
    return one_article(path, WASHINGTON_TEXT, suggestions)


def held_spans(path: Path, who: str, id: str = "n") -> list[tuple[str, str]]:
    """(label, text) of `who`'s spans in the article, in order: what the keys wrote to the database."""
    from annotator.store import Store

    with Store.open(path) as store:
        return [(s.label.value, s.text) for s in store.spans(id, who)]


def seed_suggestions(text: str) -> list[Suggestion]:
    suggestions = []
    for part, label, occurrence in SEED_SUGGESTIONS:
        start = nth(text, part, occurrence)
        suggestions.append(Suggestion(start=start, end=start + len(part), label=label, text=part, suggester="test.v1"))
    quote = "The occupation (Israeli forces) is trying to move further to the west, they are on the edge of Yibna, which is densely populated. They didn't invade it yet,"
    start = text.index(quote)
    speaker = nth(text, "one resident", 0)
    suggestions.append(
        Suggestion(
            start=start,
            end=start + len(quote),
            label="QUOTE",
            text=quote,
            speaker={"start": speaker, "end": speaker + len("one resident")},
            suggester="test.v1",
        )
    )
    start = text.index("disgust")
    suggestions.append(Suggestion(start=start, end=start + 7, label="QUOTE", text="disgust", suggester="test.v1"))
    return suggestions


def seed_article() -> tuple[ArticleIn, list[Token], list[Suggestion]]:
    text = SEED.read_text(encoding="utf-8")
    article = ArticleIn(text=text, title=text.splitlines()[0][:60], id="seed")
    return article, seed_tokens(text), seed_suggestions(text)


#: Text that must be shown literally: markup, escape sequences, tabs, other control characters.
HOSTILE_TEXT = (
    "[bold]Not bold[/] and [red]not red[/red] [link=http://x]x[/link]\n"
    "Escape \x1b[31mred\x1b[0m and bell \x07 and tab\there.\n"
    "Carriage\rreturn and \u202eoverride\u202c done; wide 漢字 ok.\n" + "long" * 200
)


def hostile_article() -> tuple[ArticleIn, list[Token], list[Suggestion]]:
    text = HOSTILE_TEXT
    start = text.index("Not bold")
    suggestion = Suggestion(start=start, end=start + 8, label="ACTOR", text="Not bold", suggester="test.v1")
    return ArticleIn(text=text, title="[bold]Hostile[/] \x1b[31m", id="hostile"), word_tokens(text), [suggestion]


def region_of(view: ArticleView, offset: int) -> Region:
    """Where character `offset` is on screen, relative to the article view: where a test clicks."""
    assert view.layout_ is not None
    line = view.layout_.line_of(offset)
    return Region(view.layout_.lines[line].column(offset) + GUTTER, line - int(view.scroll_offset.y), 1, 1)


def view_of(app: Any) -> ArticleView:
    """The article view of the app's screen."""
    return app.screen.query_one(ArticleView)


def drawn(view: ArticleView, line: int) -> str:
    """A screen line of the article as drawn, without the gutter."""
    return "".join(segment.text for segment in view.render_line(line)).rstrip()[GUTTER:]


def under_cursor(view: ArticleView, line: int) -> str:
    """The characters of a screen line drawn with the cursor's style (reverse)."""
    return "".join(s.text for s in view.render_line(line) if s.style and s.style.reverse is CURSOR.reverse is True)


def terminal_read(app: App[Any], data: str) -> None:
    """Bytes read from the terminal in one read (keys, SGR mouse reports), parsed and sent on to the app as
    Textual's driver does with what it reads."""
    driver = app._driver
    assert driver is not None
    for event in XTermParser().feed(data):
        driver.process_message(event)


def sgr_click(column: int, row: int) -> str:
    """A left click as a terminal reports it (1-based column and row)."""
    return f"\x1b[<0;{column};{row}M\x1b[<0;{column};{row}m"


def on_screen(view: ArticleView, offset: int) -> tuple[int, int]:
    """The terminal's (1-based) column and row of character `offset` of the article."""
    where = region_of(view, offset)
    return view.region.x + where.x + 1, view.region.y + where.y + 1


def ingest_stories(folder: Path, stories: list[dict[str, str]]) -> Path:
    """`x.db` in `folder`, made by the real `annotator ingest` of `stories` (JSONL records), suggestions and all."""
    (folder / "stories.jsonl").write_text("".join(json.dumps(story) + "\n" for story in stories))
    done = annotator("ingest", "stories.jsonl", "--db", "x.db", cwd=folder)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return folder / "x.db"


#: Another process in the middle of a long write (an import, a colleague's merge): it holds the write lock a while.
WRITING = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("writing", flush=True)
time.sleep(float(sys.argv[2]))
db.execute("ROLLBACK")
"""


def writing(db: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process holding `db`'s write lock for `seconds`, once it holds it: the screen's next write waits."""
    writer = subprocess.Popen([sys.executable, "-c", WRITING, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    return writer
