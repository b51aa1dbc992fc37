"""Where `;` stops, from a newcomer's trial: it stopped at title words opening a sentence before a name already
marked ("Finance minister | Ada Lee", "Chief executive | Tom Hale"; titles stay off names, the guide) and
skipped nouns for family members and divers ("Their daughters", "the divers"). Core functions, exact stops."""

from __future__ import annotations

from annotator.stops import is_candidate, next_candidate
from annotator.suggest.tokens import tokenize

TEXT = (
    "Finance minister Ada Lee said the plan works. Chief executive Tom Hale agreed. "
    "Their daughters and the divers waited. The minister Ada Lee left."
)
TOKENS = [(t.start, t.end) for t in tokenize([TEXT])[0]]


def marking(*names: str):
    marked = set()
    for name in names:
        start = TEXT.find(name)
        while start >= 0:
            marked |= {i for i, (s, e) in enumerate(TOKENS) if s >= start and e <= start + len(name)}
            start = TEXT.find(name, start + 1)
    return lambda index: index in marked


def stops(covered) -> list[str]:
    found, index = [], 0
    if is_candidate(TEXT, TOKENS, 0, covered):
        found.append(0)
    while (following := next_candidate(TEXT, TOKENS, index, 1, covered)) != index:
        found.append(following)
        index = following
    return [TEXT[slice(*TOKENS[i])] for i in found]


def test_titles_before_marked_names_are_no_stops_and_family_nouns_and_divers_are() -> None:
    assert stops(marking("Ada Lee", "Tom Hale")) == ["daughters", "divers"]


def test_before_a_name_not_yet_marked_the_name_is_the_stop() -> None:
    """ "Chief", a sentence's first capital and no name by itself (trials 19-20), is no stop before an unmarked
    name: the name is ("Chief executive | Tom Hale")."""
    assert stops(marking("Tom Hale")) == ["Ada", "daughters", "divers", "Ada"]
    assert stops(marking("Ada Lee")) == ["Tom", "daughters", "divers"]


def test_a_capitalised_title_word_before_an_unmarked_name_stays_a_stop() -> None:
    """It may open the name itself ("General Motors"); as before, the key there adds the name whole."""
    text = "Workers at General Motors and the minister Ada Lee met."
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    general = next(i for i, (s, e) in enumerate(tokens) if text[s:e] == "General")
    minister = next(i for i, (s, e) in enumerate(tokens) if text[s:e] == "minister")
    assert is_candidate(text, tokens, general, lambda _: False)
    assert not is_candidate(text, tokens, minister, lambda _: False)  # its name is the stop
    assert next_candidate(text, tokens, general + 1, 1, lambda _: False) == minister + 1  # from "Motors": "Ada"


def test_no_stop_at_a_time_of_day_an_age_or_a_pronoun_and_a_stop_at_girls_and_miners() -> None:
    """A second trial: ; stopped at "six" ("at six this morning"), "nine" ("aged nine") and "Nobody", and passed
    "a girl" and "miners"."""
    text = "He phoned at six this morning. Nobody knew. A girl aged nine and twelve miners were found at 4 pm."
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    found, index = [], 0
    while (following := next_candidate(text, tokens, index, 1, lambda _: False)) != index:
        found.append(text[slice(*tokens[following])])
        index = following
    assert found == ["girl", "twelve", "miners"]


def test_a_sentences_first_word_opening_a_title_before_a_name_is_no_stop() -> None:
    """A third trial: ; stopped at "Transport" (Transport minister Hal Ostrander), "Coast" (Coast guard commander
    Ilse Maarten) and "Fire" (Fire chief Ben Ode), offering the single word."""
    text = "Transport minister Hal Ostrander spoke. Coast guard commander Ilse Maarten left. Fire chief Ben Ode came."
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    found, index = [], -1
    while (following := next_candidate(text, tokens, max(index, 0), 1, lambda _: False)) != max(index, 0):
        found.append(text[slice(*tokens[following])])
        index = following
    first = [text[slice(*tokens[0])]] if is_candidate(text, tokens, 0, lambda _: False) else []
    assert first + found == ["Hal", "Ilse", "Ben"]


def test_no_stop_at_one_as_a_pronoun_and_a_stop_at_one_as_a_figure() -> None:
    """Trial 21: ; stopped at "one" in "it is a fair one,", "the one who" and "this one": a pronoun standing for a
    noun (after a determiner, or a determiner and an adjective, with no noun, number or "of" after it) is no
    mention. "one" counting something stays a stop ("killed one", "one of them")."""
    text = (
        '"It is a fair one," he said. The one who left took this one. '
        "The blast killed one and hurt one of them. The only one was found."
    )
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    found, index = [], 0
    while (following := next_candidate(text, tokens, index, 1, lambda _: False)) != index:
        found.append((text[slice(*tokens[following])], tokens[following][0]))
        index = following
    assert found == [("one", text.index("one and")), ("one", text.index("one of"))]


def test_no_stop_of_w_at_a_verb_whose_past_is_its_base_form() -> None:
    """Trial 21: w and W stopped on "cost" ("has cost exporters"), a verb, no mention; "the cost" stays a word w
    may stop at."""
    from annotator.stops import next_unmarked

    text = "The strike has cost exporters dearly and the cost rose."
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    found, index = [], 0
    while (following := next_unmarked(text, tokens, index, 1, lambda _: False)) != index:
        found.append(text[slice(*tokens[following])])
        index = following
    assert found == ["strike", "exporters", "cost"]  # "dearly" and "rose" skipped as before


def test_capitalised_titles_before_unmarked_names_are_no_stops_and_a_key_there_adds_the_name() -> None:
    """A trial (22): `;` stopped at "Environment" and "Minister" before "Joao Silva", and a label key on "Mayor" added
    "Mayor Ana Costa". The name is the stop, and the key on a title word adds the name alone; a title word that also
    opens names of things stays a name ("General Motors")."""
    from annotator.phrases import at_cursor

    text = (
        "Later, Environment Minister Joao Silva and Mayor Ana Costa met Chief Executive Rita Lobo, Dr. Abel Tiro and "
        "Health Secretary Susan Kimani at General Motors, near the Health Ministry."
    )
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    found, index = [], 0
    while (following := next_candidate(text, tokens, index, 1, lambda _: False)) != index:
        found.append(text[slice(*tokens[following])])
        index = following
    assert found[:6] == ["Joao", "Ana", "Rita", "Abel", "Susan", "General"]
    added = {}
    for word in ("Environment", "Minister", "Mayor", "Chief", "Executive", "Dr.", "Health", "General"):
        where = next(i for i, (s, e) in enumerate(tokens) if text[s:e] == word)
        first, last = at_cursor(text, tokens, where, "ACTOR")
        added[word] = text[tokens[first][0] : tokens[last][1]]
    assert added == {
        "Environment": "Joao Silva",
        "Minister": "Joao Silva",
        "Mayor": "Ana Costa",
        "Chief": "Rita Lobo",
        "Executive": "Rita Lobo",
        "Dr.": "Abel Tiro",
        "Health": "Susan Kimani",
        "General": "General Motors",
    }


def test_no_stop_at_a_capitalised_am_or_pm_after_the_time() -> None:
    """A team trial (39b, 7): in "He passed away 5:03 AM, February 10" ; stopped at "AM" and offered it as a name;
    "4 pm" was skipped already, "AM" and "P.M." were read as capitalised words."""
    text = (
        "He passed away 5:03 AM, February 10, at the hospital. Rescuers came at 6 P.M. and two divers left at 7 PM. "
        "The ferry left at 6:00AM and the tug at 7:30pm."  # one token each (re-check 39c)
    )
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    found, index = [], 0
    while (following := next_candidate(text, tokens, index, 1, lambda _: False)) != index:
        found.append(text[slice(*tokens[following])])
        index = following
    assert found == ["Rescuers", "two", "divers"]
