"""Trial 23: a street name with an elided particle ("on Via dell'Archeologia") was no phrase: `;` skipped "Via" (a
preposition when lower-case), a label key on it added 'Via' alone, and `v` found no larger phrase, since the
tokenizer keeps "dell'Archeologia" one token and its capital is not its first letter. A word that is an elided
particle glued to a capitalised word is a name word, and a capitalised function word that opens a name of several
words mid-sentence is a name's first word. Names with particles as separate words ("Rua da Prata") keep working.
Core functions on spaCy's tokens, as `ingest` stores them.
"""

from __future__ import annotations

import pytest
from support import spacy_at as at

from annotator import phrases, stops
from annotator.suggest.tokens import tokenize
from annotator.vocabulary import Label

NAMES = [
    ("Rescuers dug through the rubble on Via dell'Archeologia overnight.", "Via", "Via dell'Archeologia"),
    ("Rescuers dug through the rubble on Via dell’Archeologia overnight.", "Via", "Via dell’Archeologia"),
    ("Protesters gathered at Corso d'Italia before noon.", "Corso", "Corso d'Italia"),
    ("Shops on Rua da Prata stayed shut.", "Rua", "Rua da Prata"),
    ("The march went down Avenida de la Paz on Friday.", "Avenida", "Avenida de la Paz"),
    ("The orchestra played Ludwig van Beethoven all night.", "Ludwig", "Ludwig van Beethoven"),
    ("Floods hit the Valle d'Aosta region.", "Valle", "Valle d'Aosta"),
]


def words(text: str, tokens: list[tuple[int, int]], found: tuple[int, int]) -> str:
    return text[tokens[found[0]][0] : tokens[found[1]][1]]


@pytest.mark.parametrize(("text", "word", "name"), NAMES)
def test_the_label_key_adds_the_whole_name(text: str, word: str, name: str) -> None:
    tokens, index = at(text, word)
    assert words(text, tokens, phrases.at_cursor(text, tokens, index, Label.LOCATION)) == name


@pytest.mark.parametrize(("text", "word", "name"), NAMES)
def test_v_selects_the_whole_name_first(text: str, word: str, name: str) -> None:
    tokens, index = at(text, word)
    assert words(text, tokens, phrases.phrase_ladder(text, tokens, index)[0]) == name


@pytest.mark.parametrize(("text", "word", "name"), NAMES)
def test_semicolon_stops_at_the_name_and_not_inside_it(text: str, word: str, name: str) -> None:
    tokens, index = at(text, word)
    unmarked = lambda _: False  # noqa: E731
    assert stops.is_candidate(text, tokens, index, unmarked)
    last = index + len(tokenize([name])[0]) - 1
    assert [i for i in range(index + 1, last + 1) if stops.is_candidate(text, tokens, i, unmarked)] == []


@pytest.mark.parametrize(("text", "word", "name"), NAMES)
def test_the_status_line_preview_names_the_whole_name(text: str, word: str, name: str) -> None:
    tokens, index = at(text, word)
    [preview] = phrases.key_phrases(text, tokens, index)[:1]
    assert (preview.labels, words(text, tokens, preview.words)) == ((Label.ACTOR, Label.LOCATION), name)


def test_the_name_is_found_from_its_last_word_too() -> None:
    text = NAMES[0][0]
    tokens, index = at(text, "dell'Archeologia")
    assert words(text, tokens, phrases.at_cursor(text, tokens, index, Label.LOCATION)) == "Via dell'Archeologia"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Aid arrived via Cyprus on Monday.", "via"),  # the preposition, lower-case
        ("Via the port, aid arrived.", "Via"),  # a sentence's first word, no name after it
        ("The prosecutor said d'accord.", "d'accord"),  # lower-case after the apostrophe: no name
    ],
)
def test_function_words_and_lower_case_elisions_are_no_names(text: str, word: str) -> None:
    tokens, index = at(text, word)
    assert not stops.is_candidate(text, tokens, index, lambda _: False)


async def test_semicolon_then_the_label_key_adds_the_street_with_its_particle(tmp_path) -> None:
    """Pilot on a real database: `;` goes from "Rescuers", where the article opens, to "Via", the status line names the whole street, `2` adds
    it, and `v` there selects it whole."""
    from annotator.tui.app import make_app
    from tests.tui.conftest import WHO
    from tests.tui.fixtures import held_spans, one_article

    text = NAMES[0][0]
    db = one_article(tmp_path / "v.db", text)
    app = make_app(db, WHO, keymap_path=False)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        await pilot.press("semicolon")
        assert app.screen.status_line.text.plain.startswith('1/2 add "Via dell\'Archeologia" · ')
        await pilot.press("v")
        assert app.screen.status_line.text.plain.startswith('Selected "Via dell\'Archeologia"')
        await pilot.press("escape", "2")
    assert held_spans(db, WHO) == [("LOCATION", "Via dell'Archeologia")]
