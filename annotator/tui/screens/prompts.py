"""Small questions over the article: what `d` does with pending suggestions, whether `S` skips it, and a line of
text (a flag's reason, a comment). Modal screens that return the answer; the article stays in view behind them."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from annotator.tui.screens.typed import TypedInto
from annotator.tui.widgets.bars import KeyBar
from annotator.wording import counted


class DonePrompt(ModalScreen[str]):
    """Suggestions are still pending, or quotes have no speaker yet (what tab still goes to): accept them all and
    mark done (with suggestions pending), leave them and mark done, or cancel; one key each. Returns "accept",
    "leave" or "cancel"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "choose('accept')", "Accept all, done", id="done_accept_all"),
        Binding("l", "choose('leave')", "Leave them, done", id="done_leave"),
        Binding("escape", "choose('cancel')", "Cancel", id="done_cancel"),
    ]

    def __init__(self, pending: int, speakerless: int = 0) -> None:
        super().__init__()
        self.pending = pending
        self.speakerless = speakerless  # quotes without a speaker (newcomer 42k: d said nothing of them)
        self.key_words = {  # in number with what is left (a newcomer: "Leave them" for one suggestion)
            "done_accept_all": "Accept all, done" if pending > 1 else "Accept it, done",
            "done_leave": "Leave them, done" if pending + speakerless > 1 else "Leave it, done",
        }

    def compose(self) -> ComposeResult:
        pending, quotes = self.pending, self.speakerless
        said = [f"{counted(pending, 'suggestion')} {'is' if pending == 1 else 'are'} still pending"] if pending else []
        if quotes:
            said.append(f"{counted(quotes, 'quote')} {'has' if quotes == 1 else 'have'} no speaker yet (s on "
                        f"{'it' if quotes == 1 else 'each'} chooses one)")  # fmt: skip
        with Vertical(classes="prompt"):
            if pending > 1 or pending + quotes > 1:
                accepted = "them all" if pending > 1 else "the suggestion"
                keys = f" a  accept {accepted}, then mark the article done\n l  leave them undecided and mark it done"
            elif pending:
                keys = " a  accept it, then mark the article done\n l  leave it undecided and mark the article done"
            else:
                keys = f" l  leave {'it' if quotes == 1 else 'them'} so and mark the article done"
            yield Static(f"{'; '.join(said)}.\n\n{keys}\n escape  cancel: keep working on it", id="done-question")
        yield KeyBar()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """a accepts nothing with no suggestion pending: not a key then."""
        return not (action == "choose" and parameters == ("accept",) and not self.pending)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


class YesPrompt(ModalScreen[bool]):
    """A question that y answers yes and escape no (not enter, which accepts a suggestion and is the key a person
    presses next by habit). Subclasses give their bindings (ids for the keymap file) and the question."""

    #: The question's element id, and its text (a line, then the keys' lines).
    QUESTION_ID: ClassVar[str] = ""

    def question(self) -> str:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="prompt"):
            yield Static(self.question(), id=self.QUESTION_ID)
        yield KeyBar()

    def action_choose(self, yes: bool) -> None:
        self.dismiss(yes)


class SkipPrompt(YesPrompt):
    """`S` leaves the article, so a stray shift must not: y skips it, escape keeps it. Returns whether to skip."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "choose(True)", "Skip it", id="skip_confirm"),
        Binding("escape", "choose(False)", "Cancel", id="skip_cancel"),
    ]
    QUESTION_ID = "skip-question"

    def __init__(self, pending: int) -> None:
        super().__init__()
        self.pending = pending

    def question(self) -> str:
        some = (
            f" {counted(self.pending, 'suggestion')} {'is' if self.pending == 1 else 'are'} still pending."
            if self.pending
            else ""
        )
        return (f"Skip this article?{some}\n\n y  mark it skipped and open the next one to do\n"
                " escape  cancel: keep working on it")  # fmt: skip


class OpenDisagreementsPrompt(YesPrompt):
    """d in the review screen while disagreements are open: their spans would go into gold as nothing, so it asks
    first (trial 22): y marks gold done without them, escape keeps reviewing. Returns whether to mark it done."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "choose(True)", "Done without them", id="open_done"),
        Binding("escape", "choose(False)", "Cancel", id="open_cancel"),
    ]
    QUESTION_ID = "open-question"

    def __init__(self, open_count: int) -> None:
        super().__init__()
        self.open_count = open_count

    def question(self) -> str:
        one = self.open_count == 1
        some = f"{counted(self.open_count, 'disagreement')} {'is' if one else 'are'} still open"
        its, it = ("its", "it") if one else ("their", "them")
        return (f"{some}: gold would have none of {its} spans.\n\n y  mark gold done without {it}\n"
                f" escape  cancel: keep reviewing (tab goes to {it})")  # fmt: skip


class TextPrompt(TypedInto[str | None]):
    """One line of text: enter returns it (maybe empty), escape returns None. What is typed right after the key
    that opened it goes into the line (`TypedInto`)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="prompt_cancel")]

    #: What the line holds when it opens (a flagged article's reason, kept by enter).
    value: str = ""

    def __init__(self, question: str, name: str) -> None:
        super().__init__()
        self.question = question
        self.field = name

    def compose(self) -> ComposeResult:
        with Vertical(classes="prompt"):
            yield Static(self.question)
            yield Input(self.value, id=self.field)
        yield KeyBar()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
