"""entities.v9's rules (`suggest.general_v9`) on sentences written for the purpose (none from the gold files), with
the real pipeline: each rule's effect as exact (text, label) pairs of the entity layer, beside entities.v8's layer
for the same text."""

from __future__ import annotations

import pytest

from annotator.models import Label, check_spans
from annotator.suggest import Suggesters, suggest_doc

V8 = Suggesters("entities.v8", "quotes.v3")
V9 = Suggesters("entities.v9", "quotes.v3")


def entities(nlp, text: str, suggesters: Suggesters = V9) -> list[tuple[str, str]]:
    """The entity layer `suggesters` make for `text`, in order."""
    suggestions = suggest_doc(nlp(text), suggesters)
    check_spans(list(suggestions), text)
    return [(s.text, s.label.value) for s in suggestions if s.label is not Label.QUOTE]


CASES = [
    (  # modifiers_are_no_participants: a piece of "press secretary" is no participant
        "The statement was read out by the press secretary on Monday.",
        [("the press", "ACTOR")],
        [],
    ),
    (  # modifiers_are_no_participants: "a court order" is a thing
        "The ruling follows a court order issued in March.",
        [("a court", "ACTOR")],
        [],
    ),
    (  # predicates_are_no_participants: a predicate of "be" describes its subject
        "Her neighbour said he is a nice man who never caused trouble.",
        [("Her neighbour", "ACTOR"), ("a nice man", "ACTOR")],
        [("Her neighbour", "ACTOR")],
    ),
    (  # predicates_are_no_participants
        "This is a new government with a clear plan, the minister said.",
        [("a new government", "ACTOR"), ("the minister", "ACTOR")],
        [("the minister", "ACTOR")],
    ),
    (  # roles_are_no_participants: "as an observer" is a role
        "He joined the talks as an observer and left early.",
        [("an observer", "ACTOR")],
        [],
    ),
    (  # places_as_parties: "with" a country, a party
        "The minister spoke with Turkey about the pipeline on Friday.",
        [("The minister", "ACTOR"), ("Turkey", "LOCATION")],
        [("The minister", "ACTOR"), ("Turkey", "ACTOR")],
    ),
    (  # places_as_parties: "against" a country
        "The alliance imposed sanctions against Russia last year.",
        [("The alliance", "ACTOR"), ("Russia", "LOCATION")],
        [("The alliance", "ACTOR"), ("Russia", "ACTOR")],
    ),
    (  # places_addressed: a country urged to do something
        "Officials urged Germany to reopen the talks.",
        [("Officials", "ACTOR"), ("Germany", "LOCATION")],
        [("Officials", "ACTOR"), ("Germany", "ACTOR")],
    ),
    (  # places_addressed: "called on" a country
        "The delegates called on France to withdraw its troops.",
        [("The delegates", "ACTOR"), ("France", "LOCATION"), ("its troops", "ACTOR")],
        [("The delegates", "ACTOR"), ("France", "ACTOR"), ("its troops", "ACTOR")],
    ),
    (  # nationality_groups: the nationality word is the group's ACTOR
        "Aid workers helped Syrian refugees cross the border.",
        [("Aid workers", "ACTOR")],
        [("Aid workers", "ACTOR"), ("Syrian", "ACTOR")],
    ),
    (  # nationality_groups: a religion word
        "Catholic bishops met in Rome last week.",
        [("Rome", "LOCATION")],
        [("Catholic", "ACTOR"), ("Rome", "LOCATION")],
    ),
    (  # bodies_as_subjects: "the" + a body of people acting
        "The embassy declined the request on Tuesday.",
        [],
        [("The embassy", "ACTOR")],
    ),
    (  # bodies_as_subjects
        "The committee will meet again in June.",
        [],
        [("The committee", "ACTOR")],
    ),
    (  # generic_objects: an indefinite object of an infinitive after a participle is any one of a kind
        "A two-thirds vote is needed to impeach an official under the rules.",
        [("two-thirds", "FIGURE"), ("an official", "ACTOR")],
        [("two-thirds", "FIGURE")],
    ),
    (  # platforms_that_act: a platform's name as a subject is the company
        "Facebook was ordered to remove the post.",
        [],
        [("Facebook", "ACTOR")],
    ),
]


@pytest.mark.parametrize(("text", "v8", "v9"), CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_each_rule_on_a_sentence_of_its_own(
    nlp, text: str, v8: list[tuple[str, str]], v9: list[tuple[str, str]]
) -> None:
    assert entities(nlp, text, V8) == v8
    assert entities(nlp, text) == v9


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place "with" which a border runs stays a place
        ("The dispute concerns the border with Mexico near the river.", [("Mexico", "LOCATION")]),
        # "there was" brings someone in: the predicate is a participant
        ("There was a woman at the gate when the fire started.", [("a woman", "ACTOR")]),
        # a platform a message went out on stays unmarked
        ("The video was posted on Facebook by a student.", [("a student", "ACTOR")]),
        # a participant in a coordination the parse hung on the next noun stays
        (
            "According to police and county officials, the road was closed.",
            [("police", "ACTOR"), ("county officials", "ACTOR")],
        ),
        # a purpose clause's object is someone in particular
        ("Police went to the house to arrest a man on Friday.", [("Police", "ACTOR"), ("a man", "ACTOR")]),
        # the agent of an act the noun names stays
        ("The police killing of a teenager led to protests.", [("The police", "ACTOR")]),
    ],
)
def test_what_the_rules_leave_alone(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected == entities(nlp, text, V8)
