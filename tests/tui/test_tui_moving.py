"""The moving keys of the annotate screen: words, lines (keeping the column), line ends, pages, paragraphs and
search; each test ends by adding a span where the cursor went, and checks what the database holds."""

from __future__ import annotations

import pytest

from annotator.store import Store
from tests.tui.conftest import WHO


def article_screen(app):
    return next(s for s in reversed(app.screen_stack) if hasattr(s, "model"))


def cursor_word(app) -> str:
    screen = article_screen(app)
    start, end = screen.model.tokens[screen.cursor]
    return screen.model.text[start:end]


def added(store) -> list[str]:
    with store as opened:
        return [s.text for s in opened.spans("seed", WHO)]


async def test_word_jumps_skip_punctuation(running):
    async with running() as (app, pilot):
        await pilot.press("n")  # the hostile article "[bold]Not bold[/] and ...", open on its suggestion
        assert cursor_word(app) == "Not"
        await pilot.press("ctrl+right", "ctrl+right")
        assert cursor_word(app) == "and"  # over "[/]"
        await pilot.press("ctrl+left")
        assert cursor_word(app) == "bold"


async def test_up_and_down_keep_the_column(running, read_store):
    async with running(size=(100, 32)) as (app, pilot):
        screen = app.screen
        layout = screen.view.layout_
        # From "gleaming" far right on a long line, down over a short line and down again: back to the column.
        text = screen.model.text
        start = text.index("reportedly")
        screen._move_to(screen.model.token_index(start))
        column = layout.lines[layout.line_of(start)].column(start)
        await pilot.press("up", "up", "down", "down")
        offset = screen.model.tokens[screen.cursor][0]
        assert abs(layout.lines[layout.line_of(offset)].column(offset) - column) <= len(cursor_word(app))
        assert cursor_word(app) == "reportedly"


async def test_home_and_end_go_to_the_ends_of_the_line(running):
    async with running() as (app, pilot):
        await pilot.press("end")
        layout = app.screen.view.layout_
        line = layout.lines[0]
        assert app.screen.model.tokens[app.screen.cursor][1] <= line.end
        assert app.screen.model.tokens[app.screen.cursor + 1][0] >= line.end
        await pilot.press("home")
        assert app.screen.cursor == 0


async def test_paragraph_jumps_and_a_span_added_there(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("ctrl+down", "ctrl+down")  # the third paragraph starts with '"The occupation'
        assert cursor_word(app) == '"'
        await pilot.press("ctrl+up")
        assert cursor_word(app) == "Israeli"
        await pilot.press("ctrl+right", "1")  # on "tanks": a common noun, with its modifier
    assert added(read_store()) == ["Israeli tanks"]


async def test_search_goes_to_the_next_match_and_escape_goes_back(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("slash", *"Hamas")
        assert cursor_word(app) == "Hamas"
        first = article_screen(app).cursor
        await pilot.press("down")  # the next match, the search line still open
        assert article_screen(app).cursor > first
        await pilot.press("escape")
        assert cursor_word(app) == "Israel"  # where the search started
        await pilot.press("slash", *"Hamas", "enter")
        assert app.screen.cursor == first
        await pilot.press("ctrl+n")
        assert app.screen.cursor > first
        await pilot.press("ctrl+p", "v", "1")  # v: the name alone, not its group "Hamas leaders"
    with read_store() as store:
        assert [(s.text, s.start) for s in store.spans("seed", WHO)] == [
            ("Hamas", store.article_text("seed").index("Hamas"))
        ]


async def test_a_search_with_no_match_says_so(running):
    async with running() as (app, pilot):
        await pilot.press("slash", *"zzz")
        assert "no match" in str(app.screen.query_one("#matches").render())
        await pilot.press("enter")
        assert cursor_word(app) == "Israel"


async def test_enter_on_a_search_with_no_match_says_so_on_the_status_line(running):
    """A newcomer's trial (22): after enter the search line closed and nothing said the word was not found."""
    async with running() as (app, pilot):
        await pilot.press("slash", *"Lisbonx", "enter")
        assert app.screen.status_line.text.plain == "No match for 'Lisbonx' in this article"
        assert cursor_word(app) == "Israel"


async def test_searching_again_from_a_match_goes_on_to_the_next_wrapping_around(running):
    """/ again with the same word, from a match: the next match, round to the first after the last (as less and
    vim); the query is kept, so enter alone does it too."""
    async with running() as (app, pilot):
        screen = article_screen(app)
        text = screen.model.text
        every = [i for i in range(len(text)) if text.startswith("Hamas", i)]
        await pilot.press("slash", *"Hamas", "enter")
        seen = [screen.model.tokens[screen.cursor][0]]
        for _ in range(len(every)):
            await pilot.press("slash", *"Hamas", "enter")
            seen.append(screen.model.tokens[screen.cursor][0])
        await pilot.press("slash", "enter")
        seen.append(screen.model.tokens[screen.cursor][0])
    assert len(every) == 5 and seen == [*every, every[0], every[1]]


async def test_searching_again_from_the_only_match_says_it_is_the_only_one(running):
    """A newcomer's trial: on the article's only "explosions", / and the word again said "no match", and ctrl+n
    "'explosions' is not in this article". It is the only match, said as # says it."""
    async with running() as (app, pilot):
        screen = article_screen(app)
        await pilot.press("slash", *"explosions", "enter")
        here = screen.cursor
        await pilot.press("slash")
        assert str(app.screen.query_one("#matches").render()) == "the only match"
        await pilot.press(*"explosions")
        assert str(app.screen.query_one("#matches").render()) == "the only match"
        await pilot.press("enter", "ctrl+n")
        assert (screen.cursor, cursor_word(app)) == (here, "explosions")
        assert app.messages[-1][1] == "'explosions' stands nowhere else in this article"
        await pilot.press("ctrl+p")
        assert screen.cursor == here
        assert app.messages[-1][1] == "'explosions' stands nowhere else in this article"


async def test_a_search_whose_matches_are_all_in_the_cursors_word_says_so(tmp_path):
    """Two matches in one word ("ana" in "Banana", case-insensitive) and none elsewhere: from that word the
    search has nowhere else to go; it says how many and where."""
    from annotator.tui.app import make_app
    from tests.tui.fixtures import one_article

    app = make_app(one_article(tmp_path / "n.db", "Banana bread rose."), WHO, keymap_path=False)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"ana")
        assert str(app.screen.query_one("#matches").render()) == "2 matches, all in this word"
        await pilot.press("enter")
        assert cursor_word(app) == "Banana"


async def test_page_down_and_up(running):
    async with running(size=(80, 24)) as (app, pilot):
        height = app.screen.view.size.height
        await pilot.press("pagedown")
        layout = app.screen.view.layout_
        line = layout.line_of(app.screen.model.tokens[app.screen.cursor][0])
        assert line == height - 1
        await pilot.press("pageup")
        assert layout.line_of(app.screen.model.tokens[app.screen.cursor][0]) == 0


async def test_w_and_shift_w_stop_at_words_no_entity_marks(running, read_store):
    """w and W skip function words, punctuation, suggestions and spans, verbs by their ending, dates, and a
    modifier before its noun: the places a missed mention may be."""
    async with running() as (app, pilot):
        assert cursor_word(app) == "Israel"  # the first suggestion
        seen = []
        for _ in range(5):
            await pilot.press("w")
            seen.append(cursor_word(app))
        # Not "Gaza Strip", "at least 35" (suggested), "killed", "Thursday", "stalled" (before "truce talks").
        assert seen == ["aerial", "ground", "bombardments", "ready", "resume"]
        await pilot.press("W", "W", "W", "W")
        assert cursor_word(app) == "aerial"
        await pilot.press("1")  # the phrase there, as an ACTOR: now marked, so W finds nothing before it
        await pilot.press("W")
        assert cursor_word(app) == "aerial"
        assert app.messages[-1][1] == "No unmarked word before this one"
        await pilot.press("w")
        assert cursor_word(app) == "ground"
    assert added(read_store()) == ["aerial"]


async def test_v_grows_a_noun_group_into_its_of_phrase_and_a_digit_adds_it(running, read_store):
    async with running() as (app, pilot):
        await pilot.press("slash", *"supporters", "enter")
        assert cursor_word(app) == "supporters"
        await pilot.press("v", "v", "1")  # "supporters", then "supporters of hostages" (not "trapped")
    assert added(read_store()) == ["supporters of hostages"]


async def test_a_label_key_takes_the_noun_phrase_under_the_cursor(running, read_store):
    """Found in the keys-to-gold replay: a date glued to a name, a verb after "to" and a modifier without its
    noun were taken as the phrase under the cursor."""
    async with running() as (app, pilot):
        await pilot.press("slash", *"talks", "enter", "1")  # its first match: "... ready to resume stalled truce talks"
        await pilot.press("slash", *"western", "enter", "2")
        await pilot.press("slash", *"Thursday", "enter", "v")
        screen = article_screen(app)
        first, last = sorted((screen.selection_start, screen.cursor))
        start, end = screen.model.tokens[first][0], screen.model.tokens[last][1]
        assert screen.model.text[start:end] == "Thursday"  # not "Palestinians Thursday"
    assert sorted(added(read_store())) == ["stalled truce talks", "the city's western district"]


async def test_t_and_a_character_go_to_the_next_word_starting_with_it_and_a_digit_adds_it_there(running, read_store):
    """t then b: the next word starting with b or B; T goes back; a character no word starts with stays and says
    so; escape after t stays. Then 1 adds the phrase where t went."""
    async with running() as (app, pilot):
        assert cursor_word(app) == "Israel"
        await pilot.press("t", "b")
        assert cursor_word(app) == "bombardments"
        await pilot.press("t", "K")
        assert cursor_word(app) == "killed"
        await pilot.press("T", "a")
        assert cursor_word(app) == "across"
        await pilot.press("t", "escape")
        assert (cursor_word(app), app.screen.__class__.__name__) == ("across", "AnnotateScreen")
        await pilot.press("T", "z")
        assert cursor_word(app) == "across"
        assert app.messages[-1][1] == "No word starting with 'z' before this one"
        await pilot.press("t", "3")
        assert cursor_word(app) == "35"
        await pilot.press("t", "t")  # t as the character
        assert cursor_word(app) == "Thursday"
        await pilot.press("T", "T")
        assert cursor_word(app) == "the"
        await pilot.press("t", "3")
        await pilot.press("T", "g")
        assert cursor_word(app) == "Gaza"  # the suggestion "Gaza Strip" is current there
        await pilot.press("T", "g", "1")  # on "ground": the phrase there, its noun group, as an ACTOR
    assert added(read_store()) == ["ground bombardments"]


async def test_a_click_after_t_ends_the_jump_and_the_next_key_acts_where_it_clicked(running, read_store):
    """A click (or a click on the key bar) after t or T ends the jump: the next key is a key again, not the
    character of the jump ("1" adds the phrase clicked on; it was read as "no word starting with '1'")."""
    from tests.tui.fixtures import region_of

    async with running() as (app, pilot):
        screen = article_screen(app)
        view = screen.query_one("#article")
        await pilot.press("t")
        where = region_of(view, screen.model.text.index("aerial"))
        await pilot.click(view, offset=(where.x, where.y))
        assert (cursor_word(app), screen.jump_step) == ("aerial", None)
        await pilot.press("1")
        await pilot.press("T")
        await pilot.click("KeyBar")  # on its first key (tab): a key, not the character of the jump
        assert screen.jump_step is None
    assert added(read_store()) == ["aerial"]


async def test_semicolon_and_colon_go_to_names_and_numbers_no_entity_marks_and_a_digit_adds_the_name(
    running, read_store
):
    """; stops only where w stops on a capitalised word, a figure's first number or a common noun naming people
    ("(Israeli forces)", once a group; the second "Yibna", "the army has invaded"), over every other common word
    between; :
    goes back; once marked, a name is skipped."""
    async with running() as (app, pilot):
        assert cursor_word(app) == "Israel"  # the first suggestion
        seen = []
        for _ in range(3):
            await pilot.press("semicolon")
            seen.append(cursor_word(app))
        assert seen == ["Israeli", "Yibna", "army"]  # "Israeli forces": one stop a group (trial 32)
        await pilot.press("colon", "2")  # the second "Yibna", as a LOCATION
        await pilot.press("colon")
        assert cursor_word(app) == "Israeli"
        await pilot.press("semicolon")
        assert cursor_word(app) == "army"  # "Yibna" is marked now
        # "Israel", "three", "European" (not "Prime"): a nationality adds its group, "European countries" (trial 32)
        await pilot.press("semicolon", "semicolon", "semicolon", "1")
        text = article_screen(app).model.text
    with read_store() as store:
        held = sorted((s.start, s.label.value, s.text) for s in store.spans("seed", WHO))
    second_yibna = text.index("Yibna", text.index("Yibna") + 1)
    assert held == [(second_yibna, "LOCATION", "Yibna"), (text.index("European"), "ACTOR", "European countries")]


async def test_semicolon_and_colon_with_nothing_left_that_way_say_what_they_look_for(running):
    """A newcomer's trial: ; at the end said "No unmarked name or number after this one", though ; stops at
    nouns for people too (the help says so); : at the start says the same of before."""
    async with running() as (app, pilot):
        screen = article_screen(app)
        screen._move_to(len(screen.model.tokens) - 1)
        await pilot.press("semicolon")
        after = (screen.cursor, app.messages[-1][1])
        screen._move_to(0)
        await pilot.press("colon")
        before = (screen.cursor, app.messages[-1][1])
    last = len(screen.model.tokens) - 1
    assert after == (last, "No unmarked name, number or noun for people after this one")
    assert before == (0, "No unmarked name, number or noun for people before this one")


async def test_number_sign_goes_to_the_next_place_with_the_same_words_and_a_digit_marks_it(running, read_store):
    """# on a suggestion goes to the next place with its words ("Yibna" to the second "Yibna"); on a word no
    item covers, to the next place with that word, wrapping around at the end; a word that stands nowhere else
    stays and says so."""
    async with running() as (app, pilot):
        screen = article_screen(app)
        text = screen.model.text
        await pilot.press("slash", *"Yibna", "enter")  # the first "Yibna", a suggestion
        await pilot.press("number_sign")
        assert screen.model.tokens[screen.cursor][0] == text.index("Yibna", text.index("Yibna") + 1)
        await pilot.press("slash", *"explosions", "enter", "number_sign")
        assert app.messages[-1][1] == "'explosions' stands nowhere else in this article"
        await pilot.press("slash", *"army", "enter")
        first = screen.model.tokens[screen.cursor][0]
        seen = [first]
        for _ in range(2):
            await pilot.press("number_sign")
            seen.append(screen.model.tokens[screen.cursor][0])
        await pilot.press("1")
    every = [i for i in range(len(text)) if text.startswith("army", i)]
    assert len(every) == 2 and seen == [every[0], every[1], every[0]]
    with read_store() as store:
        assert [(s.label.value, s.text, s.start) for s in store.spans("seed", WHO)] == [
            ("ACTOR", "the army", every[0] - 4)
        ]


async def test_number_sign_goes_on_with_the_word_it_followed_after_landing_inside_a_longer_name(running):
    """A newcomer's trial: # from "Netanyahu" wrapped around onto the suggested "Benjamin Netanyahu", and every
    further # said "'Benjamin Netanyahu' stands nowhere else": stuck. It goes on to the next "Netanyahu"."""
    async with running() as (app, pilot):
        screen = article_screen(app)
        text = screen.model.text
        every = [i for i in range(len(text)) if text.startswith("Netanyahu", i)]
        await pilot.press("slash", *"against Netanyahu", "enter", "ctrl+right")
        seen = [screen.model.tokens[screen.cursor][0]]
        for _ in range(len(every)):
            await pilot.press("number_sign")
            seen.append(screen.model.tokens[screen.cursor][0])
    second = every.index(seen[0])
    assert seen == [every[(second + i) % len(every)] for i in range(len(every) + 1)]


#: Newsroom copy: a blank line between paragraphs (the seed article has single line breaks).
SPACED = (
    "Title\n\n"
    "First paragraph of several words that wraps across the screen at eighty columns and again at two hundred, "
    "as the plan runs for ten years, saving 4.2 billion crowns over the decade and more in the years after it.\n\n"
    "Chief executive Sunita Rao said the board backed it.\n"
)

SPACED_WALKS = {  # the words the cursor is on, pressing down from "Title" then up, at each size: column 0 each time
    (80, 24): (
        ["First", "across", "two", "saving", "more", "Chief", "it", "it"],
        ["Chief", "more", "saving", "two", "across", "First", "Title", "Title"],
    ),
    (200, 50): (["First", "years", "Chief", "Chief"], ["years", "First", "Title", "Title"]),
}


@pytest.mark.parametrize("size", list(SPACED_WALKS))
async def test_up_and_down_step_over_blank_lines_between_paragraphs(tmp_path, size):
    from annotator.tui.app import make_app
    from tests.tui.fixtures import one_article

    app = make_app(one_article(tmp_path / "n.db", SPACED), WHO, keymap_path=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert cursor_word(app) == "Title"
        down, up = [], []
        for _ in SPACED_WALKS[size][0]:
            await pilot.press("down")
            down.append(cursor_word(app))
        for _ in SPACED_WALKS[size][1]:
            await pilot.press("up")
            up.append(cursor_word(app))
        assert (down, up) == SPACED_WALKS[size]
        await pilot.press("down", "1")  # from "Title" down over the blank line: an ACTOR from "First"
    with Store.open(tmp_path / "n.db") as store:  # the label key takes the noun group the cursor's word opens
        assert [(s.start, s.text) for s in store.spans("n", WHO)] == [(SPACED.index("First"), "First paragraph")]
