"""Re-trial findings on what the label keys offer at the cursor. "May" is a month and a word: on "May 3" as a date
the keys offered 1/2 'May' and 3 '3' ("Thursday", "March 3" were offered nothing: the guide makes a date no entity
and no figure), while "in May 3 people ..." counts people after the month and "may" the verb or "May" the name are
no date. On "percent" of "thirteen percent" the phrase was 'percent' alone, offered to 1/2, where "13 percent" gave
the figure. Real tokens of the project's tokenizer."""

from __future__ import annotations

import pytest
from support import offered, spacy_at

from annotator.phrases import why_no_phrase


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The talks resume on May 3 in Cairo.", "May"),
        ("The talks resume on May 3 in Cairo.", "3"),
        ("The talks began May 3, officials said.", "May"),
        ("The talks began May 3, officials said.", "3"),
        ("The talks resume on 3 May in Cairo.", "3"),
        ("The talks resume on 3 May in Cairo.", "May"),
        ("The plant closed on May 3, 2016, officials said.", "May"),
        ("The plant closed on May 3rd after the flood.", "3rd"),
        ("The plant closed in May 2016 after the flood.", "May"),
        ("The vote is due in May, officials said.", "May"),
        ("Prices fell last May after the flood.", "May"),
        ("Prices fell last May after the flood.", "last"),
        ("Prices have fallen since May, officials said.", "May"),
        ("In May 3 people died in the floods.", "May"),
        ("The ban ends at the end of May, officials said.", "May"),
        ("The vote this past May was fair.", "May"),
    ],
)
def test_may_as_a_month_is_a_date_offered_to_no_key(text: str, word: str) -> None:
    tokens, index = spacy_at(text, word)
    assert (offered(text, word), why_no_phrase(text, tokens, index)) == ([], "a date")


@pytest.mark.parametrize(
    ("text", "word", "offers"),
    [
        ("In May 3 people died in the floods.", "3", [(("FIGURE",), "3")]),  # the month alone: 3 counts people
        ("In March 3 people died in the floods.", "3", [(("FIGURE",), "3")]),
        ("Theresa May said the vote was fair.", "May", [(("ACTOR", "LOCATION"), "Theresa May")]),
        ("The vote was fair, said May on Monday.", "May", [(("ACTOR", "LOCATION"), "May")]),
        ("Officials may delay the vote.", "may", []),
        ("The government of May fell in 2019.", "May", [(("ACTOR", "LOCATION"), "May")]),
        ("Officials may delay the vote by May 3.", "may", []),
    ],
)
def test_may_that_is_no_date_is_offered_as_before(text: str, word: str, offers: list[object]) -> None:
    tokens, index = spacy_at(text, word)
    assert offered(text, word) == offers
    assert why_no_phrase(text, tokens, index) != "a date"


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("Prices rose thirteen percent in a year.", "percent", "thirteen percent"),
        ("Prices rose thirteen percent in a year.", "thirteen", "thirteen percent"),
        ("Prices rose by about thirteen percent in a year.", "percent", "about thirteen percent"),
        ("Prices rose thirteen per cent in a year.", "per", "thirteen per cent"),
        ("Prices rose thirteen per cent in a year.", "cent", "thirteen per cent"),
        ("Prices rose twenty-five percent in a year.", "percent", "twenty-five percent"),
        ("Prices rose 13 percent in a year.", "percent", "13 percent"),
    ],
)
def test_percent_after_a_spelled_number_is_the_figure(text: str, word: str, phrase: str) -> None:
    assert offered(text, word) == [(("FIGURE",), phrase)]
