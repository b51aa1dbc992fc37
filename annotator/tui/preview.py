"""What the label keys would do at the cursor or with the selection, for the status line ("1-3 add 'the harbour
master' · 4 adds the quotation"): the phrase a digit takes can be longer than the word the cursor shows, as at a
stop of `;`, and a pending suggestion there is accepted or replaced by it. The phrases are `phrases.key_phrases`'s,
what a new span does to the suggestions it meets `spans.decided_by`'s; this module only words them, with the keys
as the keymap has them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from annotator import phrases, quotations, spans
from annotator.edges import Refusal, refusal
from annotator.figure_labels import A_NUMBER, label_misfit
from annotator.literal import quoted
from annotator.tui.bindings import LABEL_KEYS, key_name
from annotator.tui.items import Item
from annotator.tui.layout import display
from annotator.tui.model import ArticleModel
from annotator.vocabulary import Label
from annotator.wording import counted, elided

#: Each label's key before a keymap file moves it.
DIGITS = {label: key for key, label in LABEL_KEYS.items()}
#: The keys of some labels as the status line names them ("1-3"), and a verb's "s" when there is one key.
Naming = Callable[[Sequence[Label]], tuple[str, str]]


def in_a_row(keys: list[str]) -> bool:
    """Whether the keys are digits one after the other ("1", "2", "3": written "1-3")."""
    return all(k.isdigit() for k in keys) and [int(k) for k in keys] == list(
        range(int(keys[0]), int(keys[0]) + len(keys))
    )


def shortened(words: str, width: int = 40) -> str:
    """Article words for the status line, on one line, shown literally, a long run cut in the middle."""
    shown = display(words.replace("\n", " "))
    return shown if len(shown) <= width else elided(shown, width * 3 // 5, width * 3 // 10)


def selected(words: str) -> str:
    """The selection as the "Selected ..." line quotes it: on one line, literally, a long run cut in the middle."""
    shown = display(words.replace("\n", " "))
    return quoted(shown if len(shown) <= 60 else elided(shown, 40, 16))


def what_keys_add(model: ArticleModel, cursor: int, keymap: Mapping[str, str], quote: bool = True) -> str:
    """What the label keys would add at token `cursor` ("1-3 add 'the harbour master' · 4 adds the quotation"; the
    quote key left out inside a quote (`quote` false), where it accepts the quote; "1 resizes 'X' to 'the X'" where
    the phrase takes in a span; "3 accepts the suggestion FIGURE '35'" where one is there)."""
    if not model.tokens:
        return "1-4: add"
    parts = []

    def in_quote(index: int) -> bool:
        return any(item.kind == "span" for item in model.overlapping(*model.tokens[index])[1])

    def named(labels: Sequence[Label]) -> tuple[str, str]:
        return _keys(labels, keymap), "s"[len(labels) > 1 :]

    at = "" if quote else " at the cursor"
    for labels, (first, last), resizes in phrases.key_phrases(
        model.text, model.tokens, cursor, lambda index: model.spanned(*model.tokens[index]), in_quote, model.held
    ):
        labels = labels if quote else tuple(label for label in labels if label is not Label.QUOTE)
        if not labels:
            continue
        keys, s = named(labels)
        if labels == (Label.QUOTE,):
            parts.append(f"{keys} adds the quotation")
            continue
        start, end = model.tokens[first][0], model.tokens[last][1]
        if resizes is not None:  # the phrase takes in a span of the key's label: the key resizes it
            old, words = (shortened(model.text[low:high]) for low, high in (resizes, (start, end)))
            parts.append(f"{keys} resize{s} {quoted(old)} to {quoted(words)}")
            continue
        parts.append(_adding(model, labels, start, end, at, named))
    return " · ".join(parts) or "no label key adds anything here"


#: What the keys do on the current item, by (kind, is a quote): inside a quote a digit of an entity adds one at
#: the cursor (`AnnotateScreen.action_label`), and 4 on an entity adds a quote around it, so neither "labels" it.
_KEYS_ON = {
    ("pending", False): "enter accept, x reject, {label} label",
    ("pending", True): "enter or 4 accept the quote, x reject it, s choose its speaker; {add}",
    ("span", True): "x remove the quote, s choose its speaker; {add}",
    ("rejected", False): "rejected: enter takes it back",
    ("rejected", True): "rejected: enter takes it back",
}


def keys_on(model: ArticleModel, item: Item, cursor: int, keymap: Mapping[str, str]) -> str:
    """What the keys do on an item when it is current, the cursor at token `cursor` ("enter accept, x reject, 1/2
    label"): of the entity keys only those `relabels` lets label it, the others being refused there ("1-3 label"
    on a suggestion ACTOR 'Police' offered 3, which says "Not relabelled"); "" for a span with nothing to decide."""
    keys = _KEYS_ON.get((item.kind, item.is_quote), "")
    if "{label}" in keys:
        entities = (Label.ACTOR, Label.LOCATION, Label.FIGURE)
        return keys.format(label=_keys([label for label in entities if relabels(model, item, label)], keymap))
    return keys.format(add=what_keys_add(model, cursor, keymap, quote=False)) if "{add}" in keys else keys


def refused_at_cursor(
    model: ArticleModel,
    cursor: int,
    label: Label,
    keymap: Mapping[str, str],
    item: Item | None = None,
    figure_key: bool = True,
) -> str | None:
    """Why the entity key of `label` adds nothing at token `cursor` with nothing selected, for the status line: the
    entity `item` under it relabelled is refused (`relabels`); a word alone that is no mention
    (`phrases.why_no_phrase`), a number alone for an ACTOR or a LOCATION, words with no number for a FIGURE
    (`figure_labels.label_misfit`); None where it adds its phrase. A selection marks it anyway. Without
    `figure_key` (the speaker choice, where only 1 adds), the FIGURE key is not named."""
    anyway = "; v selects it, then the key marks it anyway"
    if item is not None and not relabels(model, item, label):
        what = f"{item.label.value} {quoted(shortened(item.text))} {_relabel_misfit(model, item, label)}"
        return f"Not relabelled: {what}{_figure_way(item, label, keymap)}{anyway}"
    alone = phrases.why_no_phrase(model.text, model.tokens, cursor)
    if alone is not None:
        word = quoted(model.text[slice(*model.tokens[cursor])])
        return f"Not added: {word} alone is {alone}, no mention (the guide){anyway}"
    words = phrases.at_cursor(model.text, model.tokens, cursor, label, lambda i: model.spanned(*model.tokens[i]))
    misfit = None if words is None else label_misfit(model.text, model.tokens, cursor, label, words)
    if words is None or misfit is None:
        return None
    figure = f": {_keys([Label.FIGURE], keymap)} marks it" if misfit == A_NUMBER and figure_key else ""
    phrase = quoted(shortened(model.text[model.tokens[words[0]][0] : model.tokens[words[1]][1]]))
    return f"Not added: {phrase} {misfit}{figure}{anyway}"


def relabels(model: ArticleModel, item: Item, label: Label) -> bool:
    """Whether an entity key with nothing selected gives the entity `item` under the cursor (a span, or a suggestion
    it accepts) its `label`: not where the label keys' rule refuses its words that label, as it refuses an add (a
    number alone for an ACTOR or a LOCATION, words with no number for a FIGURE: a trial relabelled the suggestion
    FIGURE '128' an ACTOR with 1, which refuses to add '128'). The key of its own label, a quote's, always does."""
    return item.is_quote or label is Label.QUOTE or item.label is label or _relabel_misfit(model, item, label) is None


def _relabel_misfit(model: ArticleModel, item: Item, label: Label) -> str | None:
    first, last = model.token_index(item.start), model.token_index(max(item.end - 1, item.start))
    return label_misfit(model.text, model.tokens, first, label, (first, last))


def _figure_way(item: Item, label: Label, keymap: Mapping[str, str]) -> str:
    """The FIGURE key's part in a refused relabel: it marks a number alone, or accepts a suggestion FIGURE there."""
    if label is Label.FIGURE or (item.label is Label.FIGURE and item.kind == "span"):
        return ""
    return f": {_keys([Label.FIGURE], keymap)} {'accepts' if item.label is Label.FIGURE else 'marks'} it"


def refused(model: ArticleModel, start: int, end: int, label: Label, resized: Item | None) -> Refusal | None:
    """Why the label key of `label` refuses a span over the chosen characters start..end (a quote's without its
    marks), resizing `resized` or adding one: `edges.refusal` over the model's spans, no query. The key asks it before
    the Store, the "Selected ..." line for each key, so they never disagree (a tester: 'later.' was offered to 1)."""
    items = model.overlapping(start, end)[label is Label.QUOTE]
    spans = [(i.start, i.end, i.label, i.text) for i in items if i.kind == "span" and i is not resized]
    return refusal(model.text, model.tokens, start, end, label, spans)


def selection_keys(model: ArticleModel, start: int, end: int, keymap: Mapping[str, str]) -> str:
    """What the label keys do with the selection start..end: add it, or resize the one entity span it takes in
    (adding words at its edges) to it with the key's label (trial 23), said only of the keys `refused` lets through,
    and in a few words why the others refuse ("4 only: 1-3 end with '.'"; none: "no key: ..." without "escape
    clears", to stay on one line at 80 columns); the keys as the keymap has them."""
    taken = model.resized(start, end, Label.ACTOR, any_label=True)
    taken = taken or model.resized(start, end, Label.LOCATION, any_label=True)
    first, last = model.token_index(start), model.token_index(max(end - 1, start))
    inside = quotations.without_marks(model.text, model.tokens, first, last)
    quote = None if inside is None else model.token_range(*inside)
    why: dict[Label, Refusal] = {
        label: found
        for label in (Label.ACTOR, Label.LOCATION, Label.FIGURE)
        if (found := refused(model, start, end, label, model.resized(start, end, label, any_label=True))) is not None
    }
    if quote is None:
        why[Label.QUOTE] = Refusal("", "holds quotation marks alone", "hold quotation marks alone")
    elif (found := refused(model, *quote, Label.QUOTE, None)) is not None:
        why[Label.QUOTE] = found
    taking = [label for label in Label if label not in why]
    groups: dict[tuple[str, str], list[Label]] = {}
    for label, found in why.items():
        groups.setdefault((found.one, found.more), []).append(label)
    reasons = ", ".join(
        f"{_keys(labels, keymap)} {one if len(labels) == 1 else more}" for (one, more), labels in groups.items()
    )
    if not taking:
        return f"no key: {reasons}"
    if why:
        return f"{_keys(taking, keymap)} only: {reasons}, escape clears"
    if taken is None:
        return f"{_keys(list(Label), keymap)} add it with that label, escape clears"
    entity = _keys([Label.ACTOR, Label.LOCATION, Label.FIGURE], keymap)
    return (
        f"{entity} resize {taken.label.value} {quoted(shortened(taken.text))} to it with the key's label, "
        f"{_keys([Label.QUOTE], keymap)} adds a quote, escape clears"
    )


def _keys(labels: Sequence[Label], keymap: Mapping[str, str]) -> str:
    """The keys of `labels` as the status line names them, as the keymap has them ("1-3", "4", "a/2/3")."""
    keys = [key_name(keymap.get(f"label_{label.value.lower()}", DIGITS[label]).split(",")[0]) for label in labels]
    return f"{keys[0]}-{keys[-1]}" if len(keys) > 2 and in_a_row(keys) else "/".join(keys)


def _adding(model: ArticleModel, labels: Sequence[Label], start: int, end: int, at: str, named: Naming) -> str:
    """What the label keys `labels` do adding start..end ("1-3 add 'the army'"), said with the pending suggestions
    there (`spans.decided_by`): the key of one with exactly those words accepts it, the other keys add theirs in its
    place; or the keys add the words in place of the suggestion they overlap. Trial 26: "1-3 add '35' at the
    cursor" was all the line said on a pending FIGURE '35' at a quote's start."""
    words = shortened(model.text[start:end])
    pending = [(item.start, item.end, item.label) for item in model.overlapping(start, end)[0] if item.pending]
    accepting = [label for label in labels if spans.decided_by(start, end, label, pending)[0] is not None]
    if accepting:
        line = f"{named(accepting)[0]} accepts the suggestion {accepting[0].value} {quoted(words)}{at}"
        others = [label for label in labels if label not in accepting]
        return line + (", {} add{} {} in its place".format(*named(others), quoted(words)) if others else "")
    keys, s = named(labels)
    replaced = spans.decided_by(start, end, labels[0], pending)[1]
    if len(replaced) == 1:
        first, last, label = replaced[0]
        instead = f" in place of the suggestion {label.value} {quoted(shortened(model.text[first:last]))}"
    else:
        instead = f" in place of {counted(len(replaced), 'suggestion')}" if replaced else ""
    return f"{keys} add{s} {quoted(words)}{at}{instead}"
