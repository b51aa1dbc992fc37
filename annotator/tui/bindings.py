"""The annotate screen's default keys, in groups, in the order the help screen and the README list them.

Every binding has an id: a keymap file remaps it by that id (`annotator/tui/keymap.py`). Its description is
the short word of the key line at the bottom; its tooltip the line of the help screen and of the README's
key table (`key_table()`; a test keeps the README equal to it). The speaker screen reuses the moving and
selecting keys (and their ids), so a remapped key works there too.
"""

from __future__ import annotations

from textual.binding import Binding

from annotator.vocabulary import Label

LABEL_KEYS = {"1": Label.ACTOR, "2": Label.LOCATION, "3": Label.FIGURE, "4": Label.QUOTE}
PHRASE = (
    "the phrase under the cursor (a name; a common noun's group: its modifiers and determiner, "
    '"one" or "most of", a member noun\'s "of" phrase, a name in it with its head: members of the SEAL union; it stops '
    "at a marked name; a number alone it refuses, saying so: a FIGURE by the guide)"
)
#: A FIGURE holds a number (the guide): the FIGURE key's phrase is the figure, and words with none are refused.
FIGURE_PHRASE = (
    "the figure under the cursor (the number with its qualifier and scale words: at least 35, 1.4 million; on a "
    "unit, its number: 20 of 20 km; words with no number it refuses, saying so: a FIGURE is a number)"
)


def _key(
    keys: str, action: str, short: str, help_line: str, id: str, show: bool = False, priority: bool = False
) -> Binding:
    return Binding(keys, action, short, show=show, id=id, tooltip=help_line, priority=priority)


MOVING = [
    _key("tab", "next_needing(1)", "Next", "next item still to decide: a pending suggestion, a quote without speaker",
         "next_undecided", show=True),
    _key("shift+tab", "next_needing(-1)", "Previous", "previous item still to decide", "previous_undecided"),
    _key("full_stop", "next_item(1)", "Next span", "next span or suggestion, decided or not", "next_any_span"),
    _key("comma", "next_item(-1)", "Previous span", "previous span or suggestion (where a digit moved on from the "
         "span it added: that span)", "previous_any_span"),
    _key("left", "move(-1)", "Left", "token left", "cursor_left"),
    _key("right", "move(1)", "Right", "token right", "cursor_right"),
    _key("ctrl+left", "word(-1)", "Word left", "word left (over punctuation)", "word_left"),
    _key("ctrl+right", "word(1)", "Word right", "word right (over punctuation)", "word_right"),
    _key("w", "unmarked(1)", "Unmarked", "next place a missed mention may be: a word no entity marks yet, once a "
         "phrase (a noun group's noun, a name's first word, a figure's first number; function words, dates, years, "
         "-ed/-ing/-ly verbs and adverbs skipped); 1/2 there add its phrase, 3 its figure", "next_unmarked"),
    _key("W", "unmarked(-1)", "Unmarked back", "previous place a missed mention may be", "previous_unmarked"),
    _key("semicolon", "candidate(1)", "Name", "next name, number or noun for people no entity marks yet (a capitalised "
         "word where a name starts, not one capitalised only as a sentence's first (nor a preposition, conjunction or "
         "adverb opening it: Unlike | Senators) nor a title before a name, a "
         "figure's first number (3 of 3-1), not a time of day, a duration (six hours, a four-month trial), an age "
         "(Rui Almeida, 61,), \"one\" standing for a noun or a part of a period (the last quarter), a noun for people: residents, investors (a plural in -ers, -ors, "
         "-ists, -ians but a list of things: others, numbers), the army said, not taken "
         "hostage nor a descriptor before a name, the defendant, Rui Almeida; what w stops at, other common nouns skipped); 1/2 there add the whole name or the "
         "noun group, 3 the figure with its qualifier (the status line says which), and go on to the next such "
         "place, or to the next item still to decide when it comes first", "next_candidate"),
    _key("colon", "candidate(-1)", "Name back", "previous name, number or noun for people no entity marks yet",
         "previous_candidate"),
    _key("number_sign", "occurrence(1)", "Again", "next place with the same words: the current entity's, or the word "
         "under the cursor when there is none or they stand nowhere else (wrapping around)", "next_occurrence"),
    # t, T: in the order typed; the keys read after one wait until the jump waits for its character
    # (`AnnotatorApp.on_event`), so the next key is the character however soon it comes
    _key("t", "jump(1)", "To", "to the next word starting with the character typed next (t then p: the next word "
         "starting with p or P, as vim's f)", "jump_forward"),
    _key("T", "jump(-1)", "To back", "to the previous word starting with the character typed next", "jump_back"),
    _key("up", "move_line(-1)", "Up", "line up (keeping the column)", "cursor_up"),
    _key("down", "move_line(1)", "Down", "line down (keeping the column)", "cursor_down"),
    _key("home", "line_end(-1)", "Line start", "start of the line", "line_start"),
    _key("end", "line_end(1)", "Line end", "end of the line", "line_end"),
    _key("pageup", "page(-1)", "Page up", "a screen up", "page_up"),
    _key("pagedown", "page(1)", "Page down", "a screen down", "page_down"),
    _key("ctrl+up", "paragraph(-1)", "Paragraph up", "start of this paragraph, or of the one before", "paragraph_up"),
    _key("ctrl+down", "paragraph(1)", "Paragraph down", "start of the next paragraph", "paragraph_down"),
    _key("slash", "search", "Search", "search the article: type, enter goes there (↓ ↑ other matches, escape back); "
         "case is ignored unless a capital stands inside a word of the query ('Mellin' finds 'PORT MELLIN', 'US' not 'us'); "
         "again from a match, the next one (wrapping around; the only match says so)", "search",
         priority=True),  # as it arrives: the letters typed right after it are the search's (`TypedInto`)
    _key("ctrl+n", "search_again(1)", "Next match", "next match of the last search (wrapping around)", "next_match"),
    _key("ctrl+p", "search_again(-1)", "Previous match", "previous match of the last search", "previous_match"),
]  # fmt: skip

SELECTING = [
    _key("shift+left", "extend(-1)", "Select left", "select the cursor's token and the one left of it, or move the "
         "selection's moving end a token left", "select_left"),
    _key("shift+right", "extend(1)", "Select right", "select the cursor's token and the one right of it, or move the "
         "selection's moving end a token right", "select_right"),
    _key("v", "phrase", "Phrase", "select the phrase under the cursor (a name, a figure, a word); again: a larger one "
         "(its noun group, with its determiner, then with the \"of\" phrase after it)", "select_phrase"),
    _key("quotation_mark", "quotation", "Quotation",
         "the quote under the cursor (or between the quotation marks it is on) becomes current, the cursor on its "
         "first word; again (or with none there), select the quotation around the "
         "cursor (or the next one in the paragraph) without its marks", "select_quotation"),
    _key("escape", "cancel", "Clear", "clear the selection", "cancel"),
]  # fmt: skip

EDITING = [
    _key("enter", "accept", "Accept", "accept the current suggestion (or a rejected one shown with R: taken back); a "
         "quote's suggested speaker still pending is accepted with it and is current next, to check (the status line "
         "names it; enter keeps it and goes on); a speaker marked before stays as it is, and the cursor goes on to "
         "the next item, which the status line names; on a span accepted already (after [ ] { }), keeps it and goes on",
         "accept", show=True),
    _key("x,delete", "reject", "Reject", "reject the current suggestion, or remove the current span (a selection it "
         "only clears, saying so)", "reject",
         show=True),
    *(
        _key(key, f"label('{label.value}')", label.value.title(),
             ("QUOTE: accept the current quote suggestion, or add a quote over the selection (the quotation marks at its edges left out), or else over the "
              "quotation around the cursor (or the next one in the paragraph); with none, nothing" if label is Label.QUOTE else
              f"{label.value}: relabel the current entity span (a suggestion is accepted with it; not words it refuses below, saying so), or add one over "
              f"the selection (never across a sentence's end), or else over {FIGURE_PHRASE if label is Label.FIGURE else PHRASE}, inside a quote too; words that take in one span of that label, "
              "adding words at its edges, resize it (a selection so over a span of another label: it is resized "
              "and relabelled)"), f"label_{label.value.lower()}")
        for key, label in LABEL_KEYS.items()
    ),
    _key("left_square_bracket", "boundary('start', -1)", "Start left",
         "move the start of the current span (or selection) left, an entity's never over the sentence before; ] right", "start_left"),
    _key("right_square_bracket", "boundary('start', 1)", "Start right", "move the start right", "start_right"),
    _key("left_curly_bracket", "boundary('end', -1)", "End left",
         "move the end of the current span (or selection) left; } right, an entity's never over its sentence's end", "end_left"),
    _key("right_curly_bracket", "boundary('end', 1)", "End right", "move the end right", "end_right"),
    _key("asterisk", "elsewhere", "Elsewhere",
         "the same label on every other place with exactly the current span's words (one undo)", "elsewhere"),
    _key("s", "speaker", "Speaker",
         "link the quote to its speaker (on a speaker just accepted with its quote, that quote): tab/shift+tab "
         "choose among ACTORs and suggested ACTORs (its suggested speaker, then its sentence's, first), or move onto one; enter confirms (a pending quote "
         "is accepted only then, with it); a selection (or, with 1, what 1 adds at the cursor) becomes a new "
         "ACTOR and the speaker; x none; escape cancels, storing nothing", "speaker", show=True),
    _key("A", "accept_all", "Accept all", "accept every suggestion that fits", "accept_all"),
    _key("u", "undo", "Undo", "undo the last change in this article (undo goes per article; says what, and goes there), when it was made in "
         "this window or before it opened (never another window's since: that one writes nothing and says so); right after d, "
         "before a change in the article it opened: the done mark it made, that article open again",
         "undo", show=True),
    _key("ctrl+r,U", "redo", "Redo", "redo", "redo"),
]  # fmt: skip

ARTICLE = [
    _key("d", "finish('done')", "Done",
         "mark the article done and open the next one to do; with suggestions pending or a quote without speaker it "
         "asks: a accept the suggestions all, l leave them, escape cancel. A done article is locked: a key that would "
         "change its spans, labels, edges, speakers or quotes writes nothing and says so; moving, C, u, d, S, F and O "
         "work, and O reopens it to change it", "done", show=True),
    _key("S", "finish('skipped')", "Skip", "mark it skipped and open the next one to do; it asks first: y skips, "
         "escape cancels (on one skipped already it writes nothing and says so, asking nothing, as d on a done one)",
         "skip"),
    _key("F", "finish('flagged')", "Flag", "flag it for discussion, with an optional reason; open the next one",
         "flag", priority=True),  # as it arrives: the reason typed right after it is the prompt's (`TypedInto`)
    _key("O", "reopen", "Reopen", "reopen a done (skipped, flagged) article: in progress again, and the suggestions "
         "left undecided when it was marked done are pending again (tab goes to them); a flag goes, with its reason, "
         "which the status line names (u puts them back)", "reopen"),
    _key("C", "comment", "Comment", "add a comment to the article", "comment", priority=True),
    _key("n", "article(1)", "Next article", "next article", "next_article"),
    _key("p", "article(-1)", "Previous article", "previous article", "previous_article"),
    _key("l", "articles", "List", "the article list", "articles"),
    _key("R", "toggle_rejected", "Rejected", "show or hide rejected suggestions (dimmed, struck through)",
         "show_rejected"),
    _key("M", "messages", "Messages", "every message of this session", "messages"),
    _key("question_mark", "help", "Help", "this help", "help", show=True),
    _key("q", "quit", "Quit", "quit (everything is saved already)", "quit", show=True),
]  # fmt: skip

#: The key bar on an annotator's done article (`annotator.locking`), by binding id, in this order: what works there, O
#: first, in place of the shown keys (Accept, Reject, Speaker were still offered there, and each was refused).
DONE_KEY_BAR = ("reopen", "next_undecided", "comment", "skip", "flag", "help", "quit")

#: (heading, bindings) as the help screen and the README show them.
GROUPS = [
    ("Moving: whatever is under the cursor is current", MOVING),
    ("Selecting", SELECTING),
    ("Acting on the current span, suggestion or selection", EDITING),
    ("The article", ARTICLE),
]

KEY_NAMES = {"left": "←", "right": "→", "up": "↑", "down": "↓", "full_stop": ".", "comma": ",", "slash": "/",
             "quotation_mark": '"', "left_square_bracket": "[", "right_square_bracket": "]",
             "left_curly_bracket": "{", "right_curly_bracket": "}", "question_mark": "?", "pageup": "page up",
             "pagedown": "page down", "asterisk": "*", "semicolon": ";", "colon": ":", "number_sign": "#"}  # fmt: skip


def key_name(key: str) -> str:
    """A key as the help and the README write it: `ctrl+←`, `page up`, `"`."""
    *modifiers, base = key.strip().split("+")
    return "+".join([*modifiers, KEY_NAMES.get(base, base)])


def keys_shown(binding: Binding, keymap: dict[str, str]) -> str:
    """The binding's keys (as remapped by the keymap file), comma-separated."""
    return ", ".join(key_name(k) for k in keymap.get(binding.id or "", binding.key).split(","))


def key_table(keymap: dict[str, str] | None = None) -> str:
    """The keys as a Markdown table per group: the README's copy (the help screen shows the same lines)."""
    lines = []
    for heading, bindings in GROUPS:
        lines += [f"**{heading}**", "", "| key | action | id (keymap) |", "| --- | --- | --- |"]
        for binding in bindings:
            keys = keys_shown(binding, keymap or {}).replace("|", "\\|")
            shown = f"`{keys}`" if "`" not in keys else keys
            lines.append(f"| {shown} | {binding.tooltip} | `{binding.id}` |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
