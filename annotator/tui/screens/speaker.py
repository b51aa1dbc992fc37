"""Choosing the speaker of a quote: a modal screen over the article that returns what was chosen.

It draws nothing of its own but its key line (its background is transparent, so the article stays in view):
the annotate screen below highlights the candidate and gets the choice back when the screen is dismissed.
The candidates are the accepted ACTOR spans and the pending ACTOR suggestions, the quote's suggested speaker
first, then the one its sentence names as saying it, the rest of its sentence, then those before it (nearest
first), then after it (`annotator.speaker_offers`); tab and shift+tab go through them, and the line says that
order in short. The moving and selecting keys, and the mouse, still move the cursor in the article below: on an
ACTOR, that ACTOR is the candidate; a selection (or, with 1, the phrase under the cursor) becomes a new ACTOR span
and the speaker in one step. Its bindings carry the annotate screen's ids, so a keymap file remaps both alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from annotator.edges import crossing_sentence_end
from annotator.errors import Refused
from annotator.literal import quoted
from annotator.motion import words_around
from annotator.tui.bindings import MOVING, SELECTING
from annotator.tui.items import Item
from annotator.tui.layout import display
from annotator.tui.preview import refused_at_cursor
from annotator.tui.widgets.article_view import ArticleView
from annotator.tui.widgets.bars import KeyBar
from annotator.vocabulary import Label
from annotator.wording import clipped

if TYPE_CHECKING:
    from annotator.store.connection import Row
    from annotator.tui.screens.speaking import SpeakingScreen

#: What the screen returns: an ACTOR span or pending ACTOR suggestion, offsets for a new ACTOR span, no speaker,
#: unchanged (escape), or quit the app.
Choice = Item | tuple[int, int] | Literal["none", "cancel", "quit"]

#: The order of the candidates, said on the line in short (`speaker_offers`: its sentence's speaker, then before
#: the quote, then after; a newcomer's trial: shift+tab from the first wrapped to the article's first word, with
#: nothing saying why). Short: the line has 4 rows, and at 80 columns a longer phrase pushed "escape cancels" out.
ORDER = "nearest first"

#: Keys of the article below that mean something else here (tab: the next candidate) or are read differently
#: (the search line, the character after t or T): not forwarded as they are.
_FORWARDED = {"next_undecided", "previous_undecided", "next_any_span", "previous_any_span", "search", "cancel"}


def _forwarded(binding: Binding) -> Binding:
    return Binding(
        binding.key,
        f"forward({binding.action!r})",
        binding.description,
        show=False,
        id=binding.id,
        priority=binding.priority,  # t, T: as they arrive (`CursorScreen.action_jump`)
    )


class SpeakerScreen(ModalScreen[Choice]):
    """tab / shift+tab move among the candidates, enter confirms, x clears the speaker, escape cancels."""

    DEFAULT_CSS = """
    SpeakerScreen {
        background: transparent;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "step(1)", "Next ACTOR", id="next_undecided"),
        Binding("shift+tab", "step(-1)", "Previous", show=False, id="previous_undecided"),
        Binding("enter", "choose", "Confirm", id="accept"),
        Binding("1", "new_actor", "New ACTOR", id="label_actor"),
        Binding("x,delete", "clear", "No speaker", id="reject"),
        *(
            Binding(b.key, "search", b.description, show=False, id=b.id, priority=True)
            for b in MOVING
            if b.id == "search"
        ),
        Binding("escape", "cancel", "Cancel", id="cancel"),
        *(_forwarded(b) for b in [*MOVING, *SELECTING] if b.id not in _FORWARDED),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", show=False, id="quit"),  # the bar fits 80 columns without it (trial 43b)
    ]

    def __init__(
        self, quote: Item, candidates: Sequence[Item], index: int, below: SpeakingScreen, note: str = ""
    ) -> None:
        super().__init__()
        self.note = note  # said first: what the key that made the quote did beyond adding it
        self.quote = quote
        self.candidates = list(candidates)
        self.index = index
        self.below = below
        self.candidate: Item | None = self.candidates[index] if self.candidates else None
        self._dragging = False  # the mouse pressed on the article below and not yet released

    def compose(self) -> ComposeResult:
        yield KeyBar()

    def on_mount(self) -> None:
        self._show(self.note)

    def _show(self, note: str = "", words: tuple[int, int] | None = None) -> None:
        """Highlight the candidate in the article below and say what enter will do (after `note`: what the key
        pressed said, such as why the cursor did not move), or what becomes of `words` (1's phrase)."""
        below = self.below
        below.speaker_candidate = self.candidate
        below._redraw(follow=False)
        selection = words or below._selection()
        quote = display(clipped(self.quote.text, 40))
        line = Text(f"{note} · " if note else "", "yellow")
        line.append(f"Speaker of {quoted(quote)}? ", "bold")
        if selection is not None:
            line.append(*self._words_as_speaker(selection))
        elif self.candidate is not None:
            pending = " (a pending ACTOR suggestion: enter accepts it too)" if self.candidate.pending else ""
            place = f" {self.index + 1} of {len(self.candidates)}" if self.candidate in self.candidates else ""
            line.append(
                f"{quoted(display(self.candidate.text))}{pending}{place}{self._which(self.candidate)}", "bold yellow"
            )
            below.view.follow(self.candidate.start)
        else:
            line.append("no ACTOR here", "yellow")
            phrase = self._phrase_under_cursor()
            speaks = phrase is not None and self._can_speak(phrase) and self._refused_at_cursor() is None
            if phrase is not None and speaks:  # not "1: ','", then refused (a re-trial, 38c), nor "1: '128'"
                said = display(clipped(below.model.text[phrase[0] : phrase[1]], 40))
                line.append(f"; 1: {quoted(said)} as a new ACTOR", "bold yellow")
        line.append(
            f" · tab/shift+tab other ACTORs, {ORDER} · arrows, v, shift+arrows then 1: a new ACTOR · x none · escape "
            "cancels"
        )
        below.status_line.say(line)

    def _words_as_speaker(self, words: tuple[int, int]) -> tuple[str, str]:
        """What enter makes of selected words (`Store.speaker_words`), said before it is pressed: a new ACTOR, the
        ACTOR they take in grown to them, or why they cannot be the speaker; and the style to say it in."""
        said = display(clipped(self.below.model.text[words[0] : words[1]], 40))
        try:
            grows = self._speaker_words(words)
        except Refused as refused:
            return f"{quoted(said)} cannot be the speaker: {refused}", "bold red"
        if grows is None:
            return f"enter: {quoted(said)} as a new ACTOR", "bold yellow"
        if (grows["start"], grows["end"]) == words:
            return f"enter: {quoted(said)}, the ACTOR there", "bold yellow"
        was = f"{grows['label']} {quoted(display(grows['text']))}"
        return f"enter: {quoted(said)} as the speaker: {was} grows to it", "bold yellow"

    def _can_speak(self, words: tuple[int, int]) -> bool:
        """Whether the words can be the speaker (`Store.speaker_words` does not refuse them)."""
        try:
            self._speaker_words(words)
        except Refused:
            return False
        return True

    def _speaker_words(self, words: tuple[int, int]) -> Row | None:
        app, quote, model = self.below.annotator_app, self.quote, self.below.model
        crossing = crossing_sentence_end(model.text, model.tokens, *words, Label.ACTOR)  # as 1 on the article
        if crossing is not None:
            raise Refused(crossing)
        # a pending quote is accepted on enter, bringing its suggested speaker along (a pending ACTOR suggestion)
        coming = quote.kind != "span" and any(
            c.kind == "pending" and (c.start, c.end) == quote.speaker for c in self.candidates
        )
        along = quote.speaker if coming else None
        return app.store.speaker_words(self.below.article_id, app.annotator, *words, along=along)

    def _refused(self, words: tuple[int, int]) -> bool:
        """Whether words cannot be the speaker: then the choice stays open, saying why (a refusal after it closed
        left the speaker it was opened to change)."""
        try:
            self._speaker_words(words)
        except Refused:
            self._show("Not done", words)
            return True
        return False

    def _which(self, candidate: Item) -> str:
        """Which of the candidates named alike this one is (a newcomer's trial: tab between two "Police" showed the
        same line twice): its place among them in reading order and the words around it; nothing when its name
        is its own."""
        namesakes = sorted({c.start for c in self.candidates if c.text == candidate.text} | {candidate.start})
        if len(namesakes) < 2:
            return ""
        model = self.below.model
        before, after = words_around(model.text, model.tokens, candidate.start, candidate.end)
        nth = namesakes.index(candidate.start) + 1
        return f", the {_ordinal(nth)} of {len(namesakes)} named so: {quoted(display(before + candidate.text + after))}"

    def action_step(self, step: int) -> None:
        if not self.candidates:
            self.below.status_line.say("No ACTOR in this article yet: select the speaker's words and press 1")
            return
        if self.candidate in self.candidates:
            self.index = (self.index + step) % len(self.candidates)
        self.candidate = self.candidates[self.index]
        below = self.below
        below.selection_start = None
        below.cursor = below.model.token_index(self.candidate.start)
        self._show()

    async def action_forward(self, action: str) -> None:
        """A moving or selecting key: the cursor moves below; an ACTOR under it becomes the candidate."""
        said = self._last_said()
        await self.below.run_action(action)
        if self.below.jump_step is None:  # t or T: the character typed next moves it (`jump_character`)
            self._follow_cursor(self._said_since(said))

    def jump_character(self, event: events.Key) -> bool:
        """The character after t or T goes to the article below, as it would without the speaker choice
        (`AnnotatorApp.on_event`); False when no jump waits for one."""
        if self.below.jump_step is None:
            return False
        said = self._last_said()
        self.below.jump_character(event)
        self._follow_cursor(self._said_since(said))
        return True

    def _last_said(self) -> tuple[str, str] | None:
        messages = self.below.annotator_app.messages
        return messages[-1] if messages else None

    def _said_since(self, last: tuple[str, str] | None) -> str:
        """What the article below said after its message `last` ("No word starting with 'z' after this one")."""
        now = self._last_said()
        return now[1] if now is not None and now is not last else ""

    def action_search(self) -> None:
        """/ searches the article below; where the search leaves the cursor, an ACTOR there is the candidate."""
        self.below.search(then=self._follow_cursor)

    def _follow_cursor(self, note: str = "") -> None:
        below = self.below
        if below.selection_start is None:
            under = below.model.item_at(below._offset()) if below.model.tokens else None
            if under is not None and under.label is Label.ACTOR and not under.rejected:
                self.candidate = under
                if under in self.candidates:
                    self.index = self.candidates.index(under)
            else:
                self.candidate = None
        self._show(note)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click on the article below moves its cursor there, as a moving key does: on an ACTOR, that one is
        offered (a trial: a click on an ACTOR did nothing, the prompt kept offering the first); a drag from there
        selects the speaker's words. A click on a row of the span list goes to its item, as outside the choice."""
        below = self.below
        below.on_mouse_down(event)  # a jump waiting for its character (t, T) ends, as outside the choice
        self._dragging = self._pointed(event, drag=False)
        panel = below.panel.region
        if not self._dragging and panel.contains(event.screen_x, event.screen_y):
            item = below.model.get(below.panel.key_at(event.screen_y - panel.y))
            if item is not None:
                below.selection_start, below.cursor = None, below.model.token_index(item.start)
                self._follow_cursor()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging and event.button:
            self._pointed(event, drag=True)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        self._dragging = False

    def _pointed(self, event: events.MouseEvent, drag: bool) -> bool:
        """The article below pointed at as by the mouse outside the choice (`ArticleScreen.on_article_view_pointed`),
        and the candidate it leaves under the cursor; False when `event` is not over the article's text."""
        view = self.below.view
        region = view.region
        offset = view.offset_at(event.screen_x - region.x, event.screen_y - region.y)
        if not region.contains(event.screen_x, event.screen_y) or offset is None:
            return False
        self.below.on_article_view_pointed(ArticleView.Pointed(offset, drag))
        self._follow_cursor()
        return True

    def action_choose(self) -> None:
        selection = self.below._selection()
        if selection is not None:
            if not self._refused(selection):
                self.dismiss(selection)
        elif self.candidate is not None:
            self.dismiss(self.candidate)
        else:
            self.below.status_line.say("Move onto an ACTOR, or select the speaker's words and press 1", "yellow")

    def action_new_actor(self) -> None:
        """The selection, or else the phrase under the cursor, as a new ACTOR span and the speaker."""
        below = self.below
        selection = below._selection()
        under = below.model.item_at(below._offset()) if below.model.tokens else None
        if selection is None and self.candidate is not None and self.candidate == under:
            self.dismiss(self.candidate)  # an ACTOR is there already: it is the speaker
            return
        if selection is None and (refusal := self._refused_at_cursor()) is not None:
            self._show(refusal)  # the label keys' rule, in their words: "'128' is a number, a FIGURE by the guide"
            return
        selection = selection or self._phrase_under_cursor()
        if selection is None or self._refused(selection):
            return
        self.dismiss(selection)

    def _phrase_under_cursor(self) -> tuple[int, int] | None:
        """The phrase 1 makes an ACTOR with no selection: what the ACTOR key takes outside the choice too."""
        from annotator import phrases

        model, cursor = self.below.model, self.below.cursor
        if not model.tokens:
            return None
        found = phrases.at_cursor(
            model.text, model.tokens, cursor, Label.ACTOR, lambda index: model.spanned(*model.tokens[index])
        )
        return model.token_range(*found) if found is not None else None

    def _refused_at_cursor(self) -> str | None:
        """Why 1 makes no ACTOR of the phrase under the cursor, as the ACTOR key refuses to add it (a number alone, a
        date, a word that is no mention: `preview.refused_at_cursor`; a trial made ACTOR '128' the speaker here); None
        where it makes one. The FIGURE key is not named: only 1 adds here."""
        model, cursor = self.below.model, self.below.cursor
        if not model.tokens:
            return None
        return refused_at_cursor(model, cursor, Label.ACTOR, self.below.annotator_app.keymap, figure_key=False)

    def action_clear(self) -> None:
        self.dismiss("none")

    def action_cancel(self) -> None:
        if self.below.selection_start is not None:
            self.below.action_cancel()
            self._show()
            return
        self.dismiss("cancel")

    def action_quit(self) -> None:
        self.dismiss("quit")

    def action_help(self) -> None:
        from annotator.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())


def _ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
