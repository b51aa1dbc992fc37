"""quotes.v4 (`suggest.speakers_v4`): a short quote that a pronoun is reported as saying ('"We cannot sail," it
added.') is a quote, not a scare quote, and "it", "they" or "we" that no ACTOR fits stands for an unmarked subject
that is a doer. Sentences written for the purpose (none from an article), with the real pipeline and entities.v12:
exact (quote, speaker) pairs of quotes.v3 and of quotes.v4 for the same text; and the real CLI ingesting such a story
with the default suggesters."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import ingested_suggestions
from test_suggest_speakers import speakers

from annotator.suggest import Suggesters

V3 = Suggesters("entities.v12", "quotes.v3")
V4 = Suggesters("entities.v12", "quotes.v4")


def quotes(nlp, text: str, suggesters: Suggesters) -> list[tuple[str, str | None]]:
    """(quote, speaker) pairs in order, by `suggesters` (the speaker tests' helper, every speaker a suggested ACTOR)."""
    return speakers(nlp, text, suggesters)


CHANGED = [
    (  # "they" for a group the entity layer left unmarked: quotes.v3 lost the speaker, then the quote
        'The miners walked out on Friday. "We are done," they said.',
        [],
        [("We are done,", "The miners")],
    ),
    (  # "it" for a body named by a common noun, after a verb that is no verb of saying
        'The Harbour Line ferry company cancelled every crossing on Monday. "We cannot sail," it added.',
        [],
        [("We cannot sail,", "The Harbour Line ferry company")],
    ),
    (  # a common-noun possessor stays in the speaker, as the house conventions keep "the mayor's office"
        'The union\'s members walked out on Friday. "We are done," they told reporters.',
        [],
        [("We are done,", "The union's members")],
    ),
    (  # the quote stays even when nobody fits the pronoun: a name the small model does not take for a body
        'Storms closed the port. The ferry operator Nordsail cancelled its crossings. "We cannot sail," it added.',
        [],
        [("We cannot sail,", None)],
    ),
    (  # a thing is no speaker: the quote stays, with no speaker, and "Prices" is not made an ACTOR
        'Prices rose again in March. "Far too high," they said.',
        [],
        [("Far too high,", None)],
    ),
]


@pytest.mark.parametrize(("text", "v3", "v4"), CHANGED, ids=[f"case{i}" for i in range(len(CHANGED))])
def test_what_quotes_v4_changes(nlp, text: str, v3: list, v4: list) -> None:
    assert quotes(nlp, text, V3) == v3
    assert quotes(nlp, text, V4) == v4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronoun that finds its ACTOR: as quotes.v3 did
        ('The council met on Tuesday. "No comment," it said.', [("No comment,", "The council")]),
        ('Anna Berg coached the team for a decade. "Never again," she said.', [("Never again,", "Anna Berg")]),
        # a passive verb reports nobody's words: still a scare quote
        ('The storm, "a monster," it was called, hit the coast.', []),
        # a verb of saying further up the parse than the quote's own words: a caption, not her words
        ('He posted a video of the crowd with "farewell" typed as its title.', []),
        # a term in quotes with no verb of saying, and a pronoun that says nothing
        ('The mayor\'s office used the word "unprecedented" and it stuck.', []),
        # a pronoun inside the quote is not its speaker
        ('Officials met on Monday. The plan, "as we said," is dead.', []),
    ],
)
def test_what_quotes_v4_leaves_alone(nlp, text: str, expected: list) -> None:
    assert quotes(nlp, text, V3) == expected == quotes(nlp, text, V4)


STORY = 'Pit closes after walkout\nThe miners walked out on Friday. "We are done," they said.\n'


def test_ingest_keeps_the_short_quote_and_its_speaker(tmp_path: Path) -> None:
    """The real CLI with the default suggesters (quotes.v6, whose speakers keep quotes.v4's): the quote quotes.v3 dropped is
    stored, its speaker the ACTOR that quotes.v4 added for the pronoun's unmarked antecedent."""
    suggestions = ingested_suggestions(tmp_path, "pit.txt", STORY)
    assert [(s.text, s.label.value, s.suggester) for s in suggestions] == [
        ("The miners", "ACTOR", "entities.v16"),
        ("We are done,", "QUOTE", "quotes.v6"),
    ]
    quote = suggestions[1]
    assert quote.speaker is not None and STORY[quote.speaker.start : quote.speaker.end] == "The miners"
