"""entities.v12's rules (`suggest.general_v12`: the common-noun subject of a verb of saying is an ACTOR; a headline's
capitals are its case, not names) on sentences written for the purpose (none from the gold files), with the real
pipeline: exact (text, label) pairs of the entity layer beside entities.v11's layer for the same text; and the real CLI
ingesting a .txt file whose first line is a headline, as a newcomer's trial did."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator

from annotator.models import Label, check_spans
from annotator.store import Store
from annotator.suggest import Suggesters, suggest_doc

V11 = Suggesters("entities.v11", "quotes.v3")
V12 = Suggesters("entities.v12", "quotes.v3")


def entities(nlp, text: str, suggesters: Suggesters = V12) -> list[tuple[str, str]]:
    """The entity layer `suggesters` make for `text`, in order."""
    suggestions = suggest_doc(nlp(text), suggesters)
    check_spans(list(suggestions), text)
    return [(s.text, s.label.value) for s in suggestions if s.label is not Label.QUOTE]


CASES = [
    (  # a speaker named by a common noun the word lists did not hold, with no quote to point at it
        "Reserves are thin this year, the grid operator said on Tuesday.",
        [],
        [("the grid operator", "ACTOR")],
    ),
    (  # an indefinite one keeps its article, as the house conventions keep "one resident"
        "An economist warned that prices would rise again.",
        [],
        [("An economist", "ACTOR")],
    ),
    (  # a headline's first word, capitalised by the headline's case, that modifies the noun after it
        "Ferry strike halts island traffic\nFerry crews walked out on Monday, and the ferry operator cancelled every "
        "sailing.",
        [("Ferry", "ACTOR"), ("Ferry crews", "ACTOR")],
        [("Ferry crews", "ACTOR")],
    ),
    (  # a headline in title case: words the body writes as ordinary words are no name
        "Grid Operator Warns Of Summer Blackouts\nReserves are thin this year, the grid operator warns.",
        [("Warns Of", "ACTOR")],
        [("the grid operator", "ACTOR")],
    ),
]


@pytest.mark.parametrize(("text", "v11", "v12"), CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_what_entities_v12_changes(nlp, text: str, v11: list[tuple[str, str]], v12: list[tuple[str, str]]) -> None:
    assert entities(nlp, text, V11) == v11
    assert entities(nlp, text) == v12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title with the person's name in apposition: the name is the speaker, the descriptor is not marked
        (
            "The mayor of Springfield, Ana Lopes, said the bridge would reopen.",
            [("Springfield", "LOCATION"), ("Ana Lopes", "ACTOR")],
        ),
        # things said or written are no speakers
        ("The comments said nothing new about the bridge.", []),
        ("A manifesto says the movement will win.", [("the movement", "ACTOR")]),
        # a thing with a doer's ending is no speaker
        ("The weather can explain the delays, officials said.", [("officials", "ACTOR")]),
        # a participant heading a headline stays, and so do names the body writes as names
        (
            "Hackers attack city website\nHackers attacked the website of the city council on Monday.",
            [("Hackers", "ACTOR"), ("Hackers", "ACTOR"), ("the city council", "ACTOR")],
        ),
        (
            "Analyst Ben Ortiz warns of slump\nShares fell on Monday. Ben Ortiz, an analyst at a bank, said the slump "
            "would last.",
            [("Ben Ortiz", "ACTOR"), ("Ben Ortiz", "ACTOR")],
        ),
        # a first line that ends a sentence is the body's, not a headline
        (
            "Ferry strike halts island traffic.\nFerry crews walked out on Monday, and the ferry operator cancelled "
            "every sailing.",
            [("Ferry", "ACTOR"), ("Ferry crews", "ACTOR")],
        ),
    ],
)
def test_what_the_rules_leave_alone(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert entities(nlp, text) == expected == entities(nlp, text, V11)


STORY = (
    "Ferry strike halts island traffic\n"
    "Ferry crews walked out on Monday, and the ferry operator cancelled every sailing. Fares will rise, the port "
    'operator said on Tuesday. "We cannot sail without crews and we will not sail without them," the operator added.\n'
)


def test_ingest_of_a_story_with_a_headline_and_a_common_noun_speaker(tmp_path: Path) -> None:
    """The real CLI: the headline is the title and is not taken for a name; the speakers are ACTORs, the quote's
    speaker one of them."""
    (tmp_path / "ferry.txt").write_text(STORY, encoding="utf-8")
    done = annotator("ingest", "ferry.txt", "--db", "x.db", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    with Store.open(tmp_path / "x.db", read_only=True) as store:
        [article] = store.article_ids()
        assert store.article(article).title == "Ferry strike halts island traffic"
        suggestions = store.current_suggestions(article)
    text = STORY
    assert [(s.text, s.label.value, s.suggester) for s in suggestions] == [
        ("Ferry crews", "ACTOR", "entities.v16"),
        ("the port operator", "ACTOR", "entities.v16"),
        ("We cannot sail without crews and we will not sail without them,", "QUOTE", "quotes.v6"),
        ("crews", "ACTOR", "entities.v16"),
        ("the operator", "ACTOR", "entities.v16"),
    ]
    [quote] = [s for s in suggestions if s.label is Label.QUOTE]
    assert quote.speaker is not None and text[quote.speaker.start : quote.speaker.end] == "the operator"
