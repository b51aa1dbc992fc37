"""Trial findings on what the label keys offer at the cursor. A newcomer pressed 1 on "Harbor" of "PORT MAREN -
Harbor Bank was fined ..." (the dateline a LOCATION span already) and got ACTOR 'Harbor': the dash after the dateline
was read as a name's hyphen ('PORT MAREN - Harbor Bank' one name), and the part no span held, '- Harbor Bank', no
clean span, left the cursor's word alone. Days, months, dates and years were offered as entities ("1/2 add
'Thursday'", "3 adds '2016'"): the guide makes dates no entity and no figure. On "percent" of "13 percent" the
phrase was 'percent' alone, not the figure. Real tokens of the project's tokenizer."""

from __future__ import annotations

import pytest
from support import offered, spacy_at

from annotator.phrases import at_cursor, why_no_phrase

DATELINE = "PORT MAREN - Harbor Bank was fined $4 million on Tuesday by the regulator."


@pytest.mark.parametrize("word", ["Harbor", "Bank"])
def test_a_dash_after_a_dateline_joins_no_name(word: str) -> None:
    assert offered(DATELINE, word) == [(("ACTOR", "LOCATION"), "Harbor Bank")]
    assert offered(DATELINE, "MAREN") == [(("ACTOR", "LOCATION"), "PORT MAREN")]


@pytest.mark.parametrize("word", ["Harbor", "Bank"])
def test_the_name_after_a_marked_dateline_is_the_phrase(word: str) -> None:
    tokens, index = spacy_at(DATELINE, word)
    dateline = spacy_at(DATELINE, "MAREN")[1]
    words = at_cursor(DATELINE, tokens, index, "ACTOR", lambda i: i <= dateline)
    assert words is not None
    assert DATELINE[tokens[words[0]][0] : tokens[words[1]][1]] == "Harbor Bank"


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("Shares of Harbor Bank fell on Monday.", "Harbor", "Harbor Bank"),
        ("The loss was confirmed, said Harbor Bank in a statement.", "Harbor", "Harbor Bank"),
        ("Jean-Pierre Dupont said the vote was fair.", "Jean", "Jean-Pierre Dupont"),  # a hyphen still joins a name
    ],
)
def test_a_proper_noun_run_is_one_name(text: str, word: str, phrase: str) -> None:
    assert offered(text, word) == [(("ACTOR", "LOCATION"), phrase)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Police said on Thursday that two men died.", "Thursday"),
        ("Police said last Wednesday that two men died.", "Wednesday"),
        ("Police said last Wednesday that two men died.", "last"),
        ("The talks resume on March 3 in Cairo.", "March"),
        ("The talks resume on March 3 in Cairo.", "3"),
        ("The talks resume on 3 March in Cairo.", "3"),
        ("Tuesday, September 1, 2015", "1"),
        ("Tuesday, September 1, 2015", "2015"),
        ("The firm was founded in 2016 by two brothers.", "2016"),
        ("The fine is the largest since 2019, when a bank paid.", "2019"),
    ],
)
def test_a_date_is_offered_to_no_key_and_the_keys_say_why(text: str, word: str) -> None:
    tokens, index = spacy_at(text, word)
    assert offered(text, word) == []
    assert why_no_phrase(text, tokens, index) == "a date"


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("The firm hired 2016 workers last year.", "2016", "2016"),  # a count of something: a figure
        ("The town spent about 2000 euros.", "2000", "about 2000"),
        ("The bill came to $2016 in all.", "2016", "$2016"),
        ("The march drew 3 thousand people.", "3", "3 thousand"),
    ],
)
def test_a_number_that_counts_stays_a_figure(text: str, word: str, phrase: str) -> None:
    assert offered(text, word) == [(("FIGURE",), phrase)]


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("Prices rose 13 percent in a year.", "percent", "13 percent"),
        ("Prices rose 13 percent in a year.", "13", "13 percent"),
        ("Prices rose 13 per cent in a year.", "per", "13 per cent"),
        ("Prices rose 13 per cent in a year.", "cent", "13 per cent"),
        ("Prices rose by about 13 percent in a year.", "percent", "about 13 percent"),
    ],
)
def test_percent_after_a_number_is_the_figure(text: str, word: str, phrase: str) -> None:
    assert offered(text, word) == [(("FIGURE",), phrase)]
