"""quotes.v6's speakers (`suggest.speakers_v6`) on sentences written for the purpose (none from the gold files), with
the real pipeline: each construction's speaker beside quotes.v5's for the same text, and the look-alikes that keep
quotes.v5's speaker."""

from __future__ import annotations

import pytest

from annotator.models import Label, check_spans
from annotator.suggest import Suggesters, suggest_doc
from annotator.suggest.speakers_v6 import SpeakersV6

V5 = Suggesters("entities.v14", "quotes.v5")
V6 = Suggesters("entities.v14", "quotes.v6")


def speakers(nlp, text: str, suggesters: Suggesters) -> list[tuple[str, str | None]]:
    """(the quote's first words, its speaker's text) for each QUOTE suggestion, in order."""
    suggestions = suggest_doc(nlp(text), suggesters)
    check_spans(list(suggestions), text)
    return [
        (s.text[:20], text[s.speaker.start : s.speaker.end] if s.speaker else None)
        for s in suggestions
        if s.label is Label.QUOTE
    ]


CASES = [
    (  # the one quoted speaks, not the outlet that quotes
        'The Herald quoted Anna Berg, a former fire chief, as saying "the crews did everything they could to save '
        'the mill."',
        "The Herald",
        "Anna Berg",
    ),
    (  # the passive: "was quoted by X" names the outlet, not the speaker
        'Anna Berg was quoted by the Herald as saying "the crews did everything they could to save the mill."',
        "Herald",
        "Anna Berg",
    ),
    (  # a statement from someone, before a colon: its author, not the body that released it
        "The vote was delayed.\nThe embassy released the following statement from the ambassador: "
        '"Our staff are safe and the building will reopen when the police allow it."',
        "The embassy",
        "the ambassador",
    ),
    (
        "The rally was cancelled.\nThe church issued the following statement from the bishop: "
        '"Every parish will hold a service of remembrance on Sunday evening."',
        "The church",
        "the bishop",
    ),
    (  # a participle of saying hung under the reported clause: the reporting verb's subject
        "Governor Lisa Park spoke on Monday. She stated the budget would not be enough, saying she expected "
        '"a long and costly recovery" in the county.',
        "the budget",
        "Lisa Park",
    ),
    (  # a thing cited is no speaker
        'The bishop quoted the Bible in his sermon, saying "love your neighbour as yourself, whatever they believe."',
        "The bishop",
        "The bishop",
    ),
    (
        'Several senators condemned the ruling, citing the decision as a "grave abuse of the court\'s power" in a '
        "joint letter.",
        "Several senators",
        "Several senators",
    ),
    (  # the quoted words themselves as the object
        "The minister wrote to the council, citing the city's \"long record of broken promises to the people who "
        'live there."',
        "The minister",
        "The minister",
    ),
    (  # a possessor may be any one of a group: no new rule
        'Colleagues were kinder in their comments: "She served this town for thirty years and never once asked '
        'for thanks."',
        "Colleagues",
        "Colleagues",
    ),
]


@pytest.mark.parametrize(("text", "v5", "v6"), CASES)
def test_speaker_beside_quotes_v5(nlp, text: str, v5: str, v6: str) -> None:
    [(_, before)] = speakers(nlp, text, V5)
    [(_, after)] = speakers(nlp, text, V6)
    assert (before, after) == (v5, v6)


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        ('She pointed out that the clinic had "treated more patients than ever."', True),
        ("She pointed to the map on the wall.", False),
        ("He pointed the way out of the building.", False),
    ],
)
def test_point_out_reports_words(nlp, text: str, reports: bool) -> None:
    """quotes.v5 takes "pointed out" for no verb of saying: a speaker the entity layer missed was then lost."""
    [verb] = [t for t in nlp(text) if t.lemma_ == "point"]
    assert SpeakersV6()._reports(verb) is reports
