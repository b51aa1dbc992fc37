"""The cursor, the selection and the current item of the article screen, and the keys that move them.

`CursorScreen` keeps where the token cursor is, what is selected and which item is current, and moves them by
the moving and selecting keys; it changes nothing and draws nothing itself (`ArticleScreen` redraws, in
`_redraw`, and says things, in `say`). Where a key goes is a plain function of the text (`motion`, `phrases`);
moves by screen line ask the article view's layout.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.screen import Screen

from annotator import motion, phrases, quotations, stops
from annotator.literal import quoted
from annotator.tui.items import Item, ItemKey
from annotator.tui.model import ArticleModel
from annotator.tui.widgets.article_view import ArticleView
from annotator.wording import counted, them

#: (cursor, current item, search's place) when the search line was opened: where escape goes back to.
SearchStart = tuple[int, ItemKey | None, int | None]


class CursorScreen(Screen[None]):
    """One article's token cursor, selection and current item, and the keys that move them."""

    model: ArticleModel
    view: ArticleView

    def __init__(self) -> None:
        super().__init__()
        self.cursor = 0  # token index
        self.selection_start: int | None = None  # token index where a selection started (not `anchor`: a Widget method)
        self.current: ItemKey | None = None
        self.goal_column: int | None = None  # up and down keep the column they started from
        self.phrase_origin: int | None = None  # the token a phrase selection (v) grows around
        self.search_query = ""  # the last search
        #: The token of the match the last search went to; None once a move of the person's own (a moving or
        #: selecting key, a click) made the cursor the search's place again (`search_origin`).
        self.search_match: int | None = None
        self.jump_step: int | None = None  # t (1) or T (-1) pressed: the next key is the character to jump to
        #: (span, token): a label key added the span and moved the cursor on to that token (the next place `;`
        #: stops at); from there `,` goes back to the span, and `*` acts on it.
        self.just_added: tuple[ItemKey, int] | None = None
        #: (speaker, quote): enter on a quote accepted its suggested speaker ACTOR along, and made it current so that
        #: it is seen (trial 22); while it is current, enter goes on and `s` acts on that quote.
        self.speaker_check: tuple[ItemKey, ItemKey] | None = None

    def say(self, message: str | Text, style: str = "") -> None:
        """An outcome on the status line (`ArticleScreen`)."""
        raise NotImplementedError

    def _redraw(self, follow: bool = True) -> None:
        """Show the cursor, selection and current item as they are now (`ArticleScreen`)."""
        raise NotImplementedError

    def hint(self, message: str | None) -> None:
        """What the next key does, on the status line until it comes (None), not kept in the message log
        (`ArticleScreen`)."""
        raise NotImplementedError

    # -- the cursor, the selection and the current item ------------------------------------------------------

    def _offset(self) -> int:
        tokens = self.model.tokens
        return tokens[min(self.cursor, len(tokens) - 1)].start if tokens else 0

    def _selection(self) -> tuple[int, int] | None:
        if self.selection_start is None or not self.model.tokens:
            return None
        return self.model.token_range(self.selection_start, self.cursor)

    def search_origin(self) -> int:
        """The token a search goes on from: the match it last went to, while only edits and decisions have moved the
        cursor since, else the cursor. ctrl+n means "the match after the one I was at": `{` put the cursor back on
        "Usman" of 'Usman Khan' and ctrl+n came back to the same "Khan"; `2` on one "Fields" went on to the next
        suggestion, the next "Fields", and ctrl+n passed over it (trial 10)."""
        return self.cursor if self.search_match is None else self.search_match

    def _under_cursor(self, quotes: bool = True) -> ItemKey | None:
        """The item the cursor is on (an entity before the quote around it); with `quotes` False, an entity only."""
        item = self.model.item_at(self._offset(), quotes=quotes) if self.model.tokens else None
        return item.key if item else None

    def _go_to(self, item: Item | None, *, keep_search: bool = False) -> None:
        """Make an item current, the cursor on its first token: a move of the person's own, unless `keep_search`
        (a decision going on to the next item), which leaves the search's place where it was."""
        if item is None:
            self.say("Nothing there", "yellow")
            return
        self.current = item.key
        self.cursor = self.model.token_index(item.start)
        self.selection_start, self.goal_column, self.phrase_origin = None, None, None
        if not keep_search:
            self.search_match = None
        self._redraw()

    def _move_to(self, token: int, *, keep_column: bool = False, quotes: bool = True) -> None:
        """Put the cursor on a token, dropping the selection; what is under it becomes current (with `quotes`
        False, an entity only: at a stop for a missed mention the words there are what the keys act on)."""
        if not self.model.tokens:
            return
        self.cursor = min(max(token, 0), len(self.model.tokens) - 1)
        self.selection_start, self.phrase_origin, self.search_match = None, None, None
        if not keep_column:
            self.goal_column = None
        self.current = self._under_cursor(quotes)
        self._redraw()

    # -- moving ---------------------------------------------------------------------------------------------

    def action_next_needing(self, step: int) -> None:
        item = self.model.get(self.current)
        found = self.model.next_needing(item.order if item else None, self._offset(), step)
        if found is None and self.model.left_undecided:
            count = self.model.left_undecided
            left = f"{counted(count, 'suggestion')} {'was' if count == 1 else 'were'}"
            self.say(f"Nothing is pending on a done article: {left} left undecided when it was marked done; "
                     f"O reopens it to decide {them(count)}", "yellow")  # fmt: skip
            return
        if found is None:
            self.say("Nothing is left to decide here: d marks the article done", "green")
            return
        self._go_to(found)

    def action_next_item(self, step: int) -> None:
        added = self.added_behind()
        if step < 0 and added is not None:  # back to the span just added, over what lies between
            self._go_to(added)
            return
        self._go_to(self.model.next_item(self.current if self.selection_start is None else None, self._offset(), step))

    def added_behind(self) -> Item | None:
        """The span a label key just added, while the cursor is still where that key moved it on to."""
        if self.just_added is None or self.selection_start is not None:
            return None
        key, token = self.just_added
        return self.model.get(key) if self.cursor == token else None

    def action_move(self, step: int) -> None:
        self._move_to(self.cursor + step)

    def action_word(self, step: int) -> None:
        self._move_to(motion.next_word(self.model.text, self.model.tokens, self.cursor, step))

    def action_unmarked(self, step: int) -> None:
        """The next (or previous) word no entity marks, function words skipped: a pass for missed mentions."""
        self._to_unmarked(stops.next_unmarked, step, "unmarked word")

    def action_candidate(self, step: int) -> None:
        """The next (or previous) name, number or noun for people no entity marks: a missed mention in two keys."""
        self._to_unmarked(stops.next_candidate, step, "unmarked name, number or noun for people")

    def action_occurrence(self, step: int) -> None:
        """The next (or previous) place with the current entity's words, or the cursor's word (wrapping around;
        also when the entity's words stand nowhere else: landed on "Netanyahu" inside "Benjamin Netanyahu", the
        next press goes on to the next "Netanyahu")."""
        model = self.model
        if not model.tokens:
            return
        item = model.get(self.current) if self.selection_start is None else None
        words = (item.start, item.end) if item is not None and not item.is_quote else None
        found, (start, end) = motion.occurrence_from(model.text, model.tokens, words, self.cursor, step)
        if found is None:
            self.say(f"{quoted(model.text[start:end])} stands nowhere else in this article", "yellow")
            return
        self._move_to(found)

    def _to_unmarked(self, finder: stops.Finder, step: int, what: str) -> None:
        model = self.model
        if not model.tokens:
            return

        def covered(index: int) -> bool:
            return model.marked(*model.tokens[index])

        found = finder(model.text, model.tokens, self.cursor, step, covered)
        if found == self.cursor:
            self.say(f"No {what} {'after' if step > 0 else 'before'} this one", "yellow")
            return
        self._move_to(found, quotes=False)  # never the quote around the stop (trial 21: x removed it)

    def action_jump(self, step: int) -> None:
        """t / T: the next key is a character; go to the next (previous) word starting with it. The app holds the
        keys it reads after t until this has run (in the order typed: a key before t acts first, re-trial 42s), then
        hands the first to `jump_character` ahead of every binding (`AnnotatorApp.on_event`): a key sent right after
        t (a burst, type-ahead on a busy machine) is the character, never a key of its own (newcomer 42k: t d marked
        the article done). Not a modal screen: closing one repaints the whole screen (50 ms a jump)."""
        if not self.model.tokens:
            return
        self.jump_step = step
        way = "next" if step > 0 else "previous"
        self.hint(f"{'t' if step > 0 else 'T'}: the first character of the {way} word to go to (escape: stay)")

    def jump_character(self, event: events.Key) -> bool:
        """The key after t or T, whatever it is bound to (escape or a key typing no character: stay); False when
        no jump waits for one."""
        if self.jump_step is None:
            return False
        step, self.jump_step = self.jump_step, None
        self.hint(None)
        char = event.character if event.key != "escape" else None
        if not char or not char.isprintable() or char.isspace():
            self._redraw(follow=False)
        else:
            self._jumped(char, step)
        return True

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click anywhere on the screen (the text, the span list, the key bar) ends a pending t or T: the person
        went elsewhere, so the next key is a key again, not the character of the jump. Mouse events bubble up to
        the screen from every widget, which handle them as they would."""
        if self.jump_step is not None:
            self.jump_step = None
            self.hint(None)
            self._redraw(follow=False)

    def _jumped(self, char: str, step: int) -> None:
        found = motion.next_starting(self.model.text, self.model.tokens, self.cursor, char, step)
        if found == self.cursor:
            self.say(f"No word starting with {quoted(char)} {'after' if step > 0 else 'before'} this one", "yellow")
            return
        self._move_to(found)

    def _line_and_column(self) -> tuple[int, int] | None:
        layout = self.view.layout_
        if layout is None or not self.model.tokens:
            return None
        offset = self._offset()
        line = layout.line_of(offset)
        return line, layout.lines[line].column(offset)

    def _to_line(self, target: int) -> None:
        layout = self.view.layout_
        found = self._line_and_column()
        if layout is None or found is None:
            return
        if self.goal_column is None:
            self.goal_column = found[1]
        token = layout.token_toward(self.model.token_starts, found[0], self.goal_column, target)
        self._move_to(token, keep_column=True)

    def action_move_line(self, step: int) -> None:
        found = self._line_and_column()
        if found is not None:
            self._to_line(found[0] + step)

    def action_page(self, step: int) -> None:
        found = self._line_and_column()
        if found is not None:
            self._to_line(found[0] + step * max(self.view.size.height - 1, 1))

    def action_line_end(self, step: int) -> None:
        layout = self.view.layout_
        found = self._line_and_column()
        if layout is None or found is None:
            return
        line = layout.lines[found[0]]
        if step < 0:
            self._move_to(self.model.token_index(line.start))
            return
        last = self.model.token_index(max(line.end - 1, line.start))
        while last > 0 and self.model.tokens[last].start >= line.end:
            last -= 1
        self._move_to(last)

    def action_paragraph(self, step: int) -> None:
        self._move_to(motion.paragraph(self.model.text, self.model.tokens, self.cursor, step))

    def action_search(self) -> None:
        self.search()

    def search(self, then: Callable[[], None] | None = None) -> None:
        """Open the search line; `then` runs once it is closed (the speaker choice follows the cursor)."""
        from annotator.tui.screens.search import SearchScreen

        started = (self.cursor, self.current, self.search_match)

        def searched(query: str | None) -> None:
            self._searched(query, started)
            if then is not None:
                then()

        def preview(query: str, step: int, origin: int | None) -> str:
            return self._preview_search(query, step, origin, started)

        self.app.push_screen(SearchScreen(self.search_query, preview, self.search_origin()), searched)

    def _preview_search(self, query: str, step: int, origin: int | None, started: SearchStart) -> str:
        """Move to the next match of `query` after the token `origin` (None: the cursor), as the search line is
        typed; what to say about it. From the only match (the search wraps round to it) the cursor stays there."""
        index = self.cursor if origin is None else origin
        found = motion.search(self.model.text, self.model.tokens, query, index, step) if query else None
        if found is None:
            if origin is not None:
                self._back_to(started)  # typed past the last match: back where the search started
            return "no match" if query else ""
        self._move_to(found)
        self.search_match = found
        count = len(motion.match_starts(self.model.text, query))
        if found == index:
            return "the only match" if count == 1 else f"{count} matches, all in this word"
        return counted(count, "match", "matches")

    def _back_to(self, started: SearchStart) -> None:
        """The cursor, current item and search's place as they were when the search line was opened."""
        if (self.cursor, self.current, self.search_match) != started or self.selection_start is not None:
            self.cursor, self.current, self.search_match = started
            self.selection_start = None
            self._redraw()

    def _searched(self, query: str | None, started: SearchStart) -> None:
        if query is None:  # escape: back where the search started
            self._back_to(started)
            return
        self.search_query = query
        if query and not motion.match_starts(self.model.text, query):  # the line closed: say why nothing moved
            self.say(f"No match for {quoted(query)} in this article", "yellow")

    def action_search_again(self, step: int) -> None:
        if not self.search_query:
            self.say("No search yet: / searches", "yellow")
            return
        query, cursor = self.search_query, self.search_origin()
        found = motion.search(self.model.text, self.model.tokens, query, cursor, step)
        if found is None:
            self.say(f"{quoted(query)} is not in this article", "yellow")
        elif found == cursor:  # worded as # words it
            self.say(f"{quoted(query)} stands nowhere else in this article", "yellow")
        else:
            self._move_to(found)
            self.search_match = found

    # -- selecting ---------------------------------------------------------------------------------------------

    def action_extend(self, step: int) -> None:
        if not self.model.tokens:
            return
        if self.selection_start is None:
            self.selection_start = self.cursor
        self.cursor = min(max(self.cursor + step, 0), len(self.model.tokens) - 1)
        self.current, self.goal_column, self.phrase_origin, self.search_match = None, None, None, None
        self._redraw()

    def _select(self, first: int, last: int) -> None:
        self.selection_start, self.cursor = first, last
        self.current, self.goal_column, self.search_match = None, None, None
        self._redraw()

    def action_phrase(self) -> None:
        """Select the phrase under the cursor; again: a larger one (the name with its title, ...)."""
        if not self.model.tokens:
            return
        origin = self.phrase_origin if self.phrase_origin is not None else self.cursor
        selection = (self.selection_start, self.cursor) if self.selection_start is not None else None
        found = phrases.grow(self.model.text, self.model.tokens, selection, origin)
        if found is None:
            self.say("No larger phrase here: shift+arrows or [ ] { } change the selection", "yellow")
            return
        self._select(*found)
        self.phrase_origin = origin

    def action_quotation(self) -> None:
        """Make the quote the cursor is in, or on a mark of, current; with none, select the quotation around the
        cursor (or the next one in its paragraph), without its quotation marks."""
        if not self.model.tokens:
            return
        quote = self.model.quote_at(self._offset())
        between = quotations.between_marks(self.model.text, self.model.tokens, self.cursor) if quote is None else None
        if between is not None:  # on a quotation mark: the quote between the marks (trial 21)
            quote = self.model.quote_in(*between)
        if quote is not None and self.selection_start is None and self.current != quote.key:
            self._go_to(quote)
            return
        found = quotations.quotation(self.model.text, self.model.tokens, self.cursor)
        if found is None:
            self.say("No quotation marks around the cursor or after it in this paragraph", "yellow")
            return
        self._select(*found)
        self.phrase_origin = None

    def action_cancel(self) -> None:
        if self.selection_start is not None:
            self.selection_start, self.phrase_origin = None, None
            self.current = self._under_cursor()
            self._redraw()
