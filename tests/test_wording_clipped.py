"""Long article words on one line are cut between words, never inside one (a trial at 80x24 read "is tryin…" and
"… ey didn't invade it yet")."""

from __future__ import annotations

from annotator.wording import clipped, elided

QUOTE = "The occupation (Israeli forces) is trying to move further to the west, they didn't invade it yet,"


def test_clipped_keeps_whole_words() -> None:
    assert clipped(QUOTE, 40) == "The occupation (Israeli forces) is…"


def test_clipped_keeps_a_text_that_fits() -> None:
    assert clipped("one resident", 40) == "one resident"


def test_clipped_at_a_space_keeps_the_last_whole_word() -> None:
    assert clipped("The occupation is trying", 14) == "The occupation…"


def test_a_first_word_longer_than_half_the_width_is_cut() -> None:
    assert clipped("Donaudampfschifffahrtsgesellschaft said", 10) == "Donaudampf…"


def test_elided_cuts_both_ends_between_words() -> None:
    assert elided(QUOTE, 40, 24) == "The occupation (Israeli forces) is … didn't invade it yet,"


def test_elided_keeps_a_text_that_fits() -> None:
    assert elided("short quote", 40, 24) == "short quote"


def test_a_long_quote_in_an_edit_message_is_cut_between_words() -> None:
    """A re-trial (38c) read 'I'm as …  of this country' after choosing a speaker: the store's messages cut it too."""
    from annotator.store.changes import describe

    text = "Today, I am asking all Americans, I'm asking every Democrat, to stand up for the future of this country"
    row = {"text": text, "label": "QUOTE", "start": 241, "end": 241 + len(text)}
    assert describe(row) == 'QUOTE "Today, I am asking all Americans, I\'m … of this country" at 241:344'
