"""What each label key would add at the cursor with nothing selected (`phrases.key_phrases`), which the status
line shows: a newcomer's trial found that at a stop of `;` the screen shows only the cursor's word while a digit
adds a whole phrase. Keys adding the same words are grouped; the quote key only where a quotation is."""

from __future__ import annotations

from annotator import phrases
from annotator.suggest.tokens import tokenize
from annotator.vocabulary import Label

TEXT = 'The harbour master said: "One resident stayed." At least 35 people died.'
TOKENS = [(t.start, t.end) for t in tokenize([TEXT])[0]]
#: A FIGURE holds a number, and a number alone is no ACTOR nor LOCATION (the guide; `figure_labels.label_misfit`).
WORDS, NUMBER = (Label.ACTOR, Label.LOCATION), (Label.FIGURE,)


def previews(word: str) -> list[tuple[tuple[Label, ...], str]]:
    index = next(i for i, (start, end) in enumerate(TOKENS) if TEXT[start:end] == word)
    return [
        (labels, TEXT[TOKENS[a][0] : TOKENS[b][1]]) for labels, (a, b), _ in phrases.key_phrases(TEXT, TOKENS, index)
    ]


def test_a_common_noun_adds_its_group_and_the_quote_key_the_next_quotation_of_the_paragraph() -> None:
    assert previews("master") == [(WORDS, "The harbour master"), ((Label.QUOTE,), "One resident stayed.")]


def test_one_before_a_noun_for_people_is_an_actor_with_it_and_a_number_for_the_figure_key() -> None:
    assert previews("One") == [
        ((Label.ACTOR,), "One resident"),
        (NUMBER, "One"),
        ((Label.QUOTE,), "One resident stayed."),
    ]


def test_a_number_adds_its_qualifier_and_after_the_last_quotation_the_quote_key_is_left_out() -> None:
    assert previews("35") == [(NUMBER, "At least 35")]


def test_a_span_already_added_bounds_the_group() -> None:
    index = TOKENS.index(next(t for t in TOKENS if TEXT[t[0] : t[1]] == "master"))
    harbour = index - 1
    found = phrases.key_phrases(TEXT, TOKENS, index, lambda i: i == harbour)
    assert [(labels, TEXT[TOKENS[a][0] : TOKENS[b][1]]) for labels, (a, b), _ in found] == [
        (WORDS, "master"),
        ((Label.QUOTE,), "One resident stayed."),
    ]


def test_what_a_key_would_be_refused_is_left_out() -> None:
    """A newcomer's trial: the line offered "1-3 add '.'" on a full stop and "4 adds the quotation" where a quote
    span held it already, and the keys then said "Not done"."""
    stop = len(TOKENS) - 1
    assert TEXT[slice(*TOKENS[stop])] == "."
    assert phrases.key_phrases(TEXT, TOKENS, stop) == []
    master = next(i for i, (s, e) in enumerate(TOKENS) if TEXT[s:e] == "master")
    quote = TEXT.index("One resident")
    held = {i for i, (s, e) in enumerate(TOKENS) if quote <= s and e <= quote + len("One resident stayed.")}
    found = phrases.key_phrases(TEXT, TOKENS, master, quoted=held.__contains__)
    assert [(labels, TEXT[TOKENS[a][0] : TOKENS[b][1]]) for labels, (a, b), _ in found] == [
        (WORDS, "The harbour master")
    ]


def test_a_fraction_after_a_qualifier_and_an_article_is_one_figure() -> None:
    """A second trial: on "fifth" the FIGURE key added "a fifth", on "nearly" only "nearly"."""
    text = "Prices rose by nearly a fifth."
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    for word in ("nearly", "fifth"):
        index = next(i for i, (s, e) in enumerate(tokens) if text[s:e] == word)
        assert [(labels, text[tokens[a][0] : tokens[b][1]]) for labels, (a, b), _ in phrases.key_phrases(
            text, tokens, index
        )] == [(NUMBER, "nearly a fifth")]  # fmt: skip


def test_a_verb_in_ed_after_its_subject_is_no_noun_group() -> None:
    """A third trial: the key on "waited" offered 'one missing deckhand waited outside', on "battled"
    'Firefighters battled'. A verb after its subject is the word alone; "the wounded" stays a group."""
    text = "The mother of one missing deckhand waited outside. Firefighters battled on. Medics treated the wounded."
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]

    def added(word: str) -> str:
        index = next(i for i, (s, e) in enumerate(tokens) if text[s:e] == word)
        first, last = phrases.at_cursor(text, tokens, index, Label.ACTOR)
        return text[tokens[first][0] : tokens[last][1]]

    assert [added(w) for w in ("waited", "battled", "treated", "wounded", "deckhand")] == [
        "waited",
        "battled",
        "treated",
        "the wounded",
        "one missing deckhand",
    ]


def test_a_verb_in_s_after_its_subject_is_no_noun_group() -> None:
    """Trials 19-20: the key on "rises" in "The toll rises to 12." added 'The toll rises'. A verb in -s with its
    object or figure after it is the word alone; a plural noun after a determiner ("the rises in prices") or
    ending a group before a verb ("Rescue workers arrived") stays in its group."""
    text = "The toll rises to 12. The storm hits the coast. It rises. The rises in prices hurt. Rescue workers arrived."
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]

    def added(word: str, nth: int = 0) -> str:
        index = [i for i, (s, e) in enumerate(tokens) if text[s:e] == word][nth]
        first, last = phrases.at_cursor(text, tokens, index, Label.ACTOR)
        return text[tokens[first][0] : tokens[last][1]]

    assert [added("rises"), added("hits"), added("rises", 1), added("rises", 2), added("workers")] == [
        "rises",
        "hits",
        "rises",
        "The rises",
        "Rescue workers",
    ]


def test_a_verb_whose_past_is_its_base_form_stays_out_of_the_group_after_it() -> None:
    """Trial 21: the key on "exporters" offered 'cost exporters' ("a dispute that has cost exporters ...") and on
    "businesses" 'cost businesses'. Such a verb (cost, hit, cut, ...) after an auxiliary, a pronoun or a noun is
    the clause's verb; after a determiner it stays a noun's modifier ("the cut flowers")."""
    text = (
        "A dispute that has cost exporters dearly. The protests had cost businesses a lot. "
        "The storm hit coastal towns. It cut jobs. They sold the cut flowers."
    )
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]

    def added(word: str) -> str:
        index = next(i for i, (s, e) in enumerate(tokens) if text[s:e] == word)
        first, last = phrases.at_cursor(text, tokens, index, Label.ACTOR)
        return text[tokens[first][0] : tokens[last][1]]

    assert [added(w) for w in ("exporters", "businesses", "towns", "jobs", "flowers")] == [
        "exporters",
        "businesses",
        "coastal towns",
        "jobs",
        "the cut flowers",
    ]


def test_a_phrase_holding_one_span_of_the_keys_label_resizes_it_and_other_keys_are_left_out() -> None:
    """Trial 21: on "The" of "The Lisbon Port Authority", with an ACTOR span 'Lisbon Port Authority', the line
    offered "1-3 add 'The Lisbon Port Authority'" and 1 was then refused ("it would overlap"). The key of that
    span's label resizes it to the phrase; a key of another label would be refused, so it is left out."""
    text = "The Lisbon Port Authority said berths were idle."
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]
    span = (text.index("Lisbon"), text.index(" said"), Label.ACTOR)

    def held(start: int, end: int) -> list[tuple[int, int, Label]]:
        return [span] if start < span[1] and span[0] < end else []

    found = phrases.key_phrases(text, tokens, 0, held=held)
    assert [(p.labels, text[tokens[p.words[0]][0] : tokens[p.words[1]][1]], p.resizes) for p in found] == [
        ((Label.ACTOR,), "The Lisbon Port Authority", (span[0], span[1]))
    ]


def test_a_name_inside_a_member_nouns_of_phrase_keeps_the_head_after_it() -> None:
    """Trial 21: on "members" the key offered 'members of the SEAL' for "members of the SEAL union": a capitalised
    word inside a group before its lower-case head belongs to the group. A name ending the phrase stays its end."""
    text = "Most of them are members of the SEAL union, the strikers said. A member of the Coast Guard spoke."
    tokens = [(t.start, t.end) for t in tokenize([text])[0]]

    def added(word: str) -> str:
        index = next(i for i, (s, e) in enumerate(tokens) if text[s:e] == word)
        first, last = phrases.at_cursor(text, tokens, index, Label.ACTOR)
        return text[tokens[first][0] : tokens[last][1]]

    assert [added("members"), added("member")] == ["members of the SEAL union", "A member of the Coast Guard"]
