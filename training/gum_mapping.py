"""GUM's entity layer mapped to the annotation guide's entity layer: ACTOR, LOCATION, FIGURE.

GUM (Zeldes 2017; annotations CC BY 4.0) marks every mention of a person, organisation or place as a full noun
phrase (determiner, modifiers, relative clauses, appositions), nested, pronouns included, and has no layer for
quantities. The guide (ANNOTATION_GUIDE.md, refined by the gold's house conventions) wants a flat layer of
minimal spans. The mapping reads GUM's gold tokens, parts of speech and dependency trees, so it needs no
model. Every rule is general: the word lists are titles, determiners, demonym endings and number qualifiers,
never an article's phrase.

ACTOR (GUM `person` and `organization` mentions)
- Pronouns and other non-nominal heads ("he", "those", "here") are dropped: the guide never marks pronouns.
  Quantifier heads with an "of" phrase are kept whole, as the conventions keep quantifiers in the span
  ("most of the injured", "Some of the protesters").
- Named (proper-noun head): the span is the run of capitalised words around the head, joined by "of", "for",
  "and", "&", "de" and in-word "-" or "."; articles, common modifiers ("biologist Nick Bos"), possessive 's,
  appositions and relative clauses fall away. Leading titles ("President", "Dr.", "Judge") are stripped with
  TITLES. A leading "The" stays only when capitalised mid-sentence on an organisation ("The Guardian"); a
  sentence-initial "The" is taken for the article. A person's run stops at a mention nested in it that is not
  the person ("Mayor of Koszalin Piotr Jedlinski" -> "Piotr Jedlinski" + LOCATION "Koszalin"); an
  organisation's run absorbs nested names ("University of Helsinki": a full name is one ACTOR).
- Title or description + name inside one mention ("Swedish captain Andreas Granqvist", "debutants Panama"):
  the name is the ACTOR; the description, and a nationality word in it, are not marked (conventions: "English
  mathematician John Horton Conway" marks only the name). An organisation or place nested in the title keeps
  its own span ("Taliban spokesperson Zabiullah Mujahid" -> "Taliban" + "Zabiullah Mujahid").
- Common (noun head): people and groups that take part ("police", "the captain", "one official", "his
  office", "the victims"). The span runs from the first kept pre-modifier to the head: determiners and
  quantifier words, possessive pronouns, common-noun possessors ("the mayor's office"), adjectives and
  compounds stay; a number before the noun is a FIGURE of its own and cuts the span ("seven people" ->
  "people", "all 33 passengers" -> "passengers"); a named possessor is its own span ("Fields' lawyers" ->
  "Fields" + "lawyers"); a place name modifying the noun is its own LOCATION and the ACTOR starts after it,
  without the article ("a West Virginia woman" -> "West Virginia" + "woman"). A named person or organisation
  modifying the noun is inside one ACTOR over the whole phrase ("Hamas leaders", "a Coast Guard
  spokesperson"). Post-modifiers are dropped except an "of" phrase whose object is a person or group ("the
  families of the victims", "member of the Coast Guard"); an "of" place is its own LOCATION ("the government"
  + "Oman").
- A nationality, religion or party adjective on a group ("Afghan refugees", "Egyptian and Qatari mediators")
  is the ACTOR and the noun is not marked. Such adjectives are recognised by form: capitalised, tagged ADJ,
  not sentence-initial, with a demonym ending (DEMONYM_ENDINGS).
- Common-noun mentions that are appositions or predicates (GUM link `appos` / `pred`: "Nick Bos, a
  biologist", "he is a doctor") describe someone already marked: dropped.
- Left to the model and the small model: nationality adjectives outside GUM's mentions ("Israeli tanks"),
  which GUM does not mark.

LOCATION (GUM `place` mentions)
- Named places only: the capitalised run around a proper-noun head ("the Gaza Strip" -> "Gaza Strip"), or the
  proper-noun compound of a lower-case generic head ("Maidan Wardak province" -> "Maidan Wardak"). Common-noun
  places ("the city", "your house") are not marked (the gold marks names). GUM types a place that acts (a
  country as a government or a team) as an organisation, which is the guide's metonymy rule: kept.
- A place, person or organisation that is only a word in the proper name of an event, work, award or other
  thing ("World" in "FIFA World Cup", "Budweiser" in "Budweiser Man of the Match award") is not marked.

FIGURE (GUM has none: derived from numerals)
- NUM words and quantity nouns ("dozens", "hundreds", "half", "a dozen", "a quarter", "two thirds") stating a
  quantity. Contiguous numerals join ("1.4 million", "52 thousand", "half a million"), so do ranges ("6% to
  11%", "five to six million", "20-30"); a currency sign before and a percent sign after stay in ("$4
  billion", "12%"), and a qualifier to the left joins ("at least", "more than", "up to", "about", "nearly",
  "all", "~"; QUALIFIERS).
- Not figures: numerals inside GUM `time` mentions (dates, years, durations), four-digit years, ages ("aged
  78", "a 19 year old", "Montalvo, 19,"), numbers right after a capitalised word ("Terminal 2", "Channel
  13"), bracketed citation numbers, list markers, times ("10:30"), and "one" unless it stands alone as a count
  ("killed one"): as a determiner it belongs to an ACTOR ("one resident") or is the indefinite article.

Flatness: spans are kept by rank (common ACTORs that swallow a nested name, then named ACTOR/LOCATION spans,
then FIGUREs, then other common-noun ACTORs), each dropped where it would overlap one already kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from gum_reader import Document, Mention, Word


def _words(text: str) -> frozenset[str]:
    """A word list written as running text, one entry a word."""
    return frozenset(text.split())


ACTOR, LOCATION, FIGURE = "ACTOR", "LOCATION", "FIGURE"
PARTICIPANTS = ("person", "organization")

#: Titles and honorifics that precede a name and are not part of it (general English, lower case, no dot).
TITLES = _words(
    """president vice prime minister mr mrs ms miss dr prof professor sir dame lord lady king queen prince
    princess emperor empress pope saint st father rabbi imam sheikh reverend rev bishop archbishop cardinal
    chief secretary general governor gov mayor senator sen representative rep congressman congresswoman
    councillor councilor commissioner superintendent inspector sergeant sgt officer detective constable
    captain capt commander colonel col lieutenant lt major admiral marshal private corporal judge justice
    chancellor speaker chairman chairwoman chair director ambassador envoy deputy foreign interior defence
    defense home health finance attorney coach manager spokesman spokeswoman spokesperson mp premier sultan
    emir founder ceo executive sheriff"""
)
#: Connectors allowed inside a name between capitalised words.
NAME_CONNECTORS = frozenset({"of", "for", "and", "&", "de", "du", "del", "la", "le", "von", "van", "-", "."})
DEMONYM_ENDINGS = ("an", "ian", "ese", "ish", "i", "ch", "ek", "ic", "ist", "ite")
#: Heads that quantify a group: kept with their "of" phrase ("most of the injured").
QUANTIFIER_HEADS = _words("some most many all both several few none each any")
#: Quantity nouns that are FIGUREs ("Dozens died", "hundreds of", "nearly half", "about a quarter").
QUANTITY_NOUNS = _words("dozens dozen hundreds thousands millions billions half quarter quarters thirds scores")
#: Quantity nouns that take "a" as part of the figure ("a dozen", "a quarter", "half a million").
A_QUANTITIES = frozenset({"dozen", "quarter", "half", "third"})
#: Qualifiers that change a number's meaning (one word, or two words as pairs). Deliberately a frozen copy, not
#: an import of annotator.suggest.lexicon's FIGURE_QUALIFIERS (which also has "only"): these define the pinned
#: training data, so a later change to the suggesters' rules must not silently change what a rebuild trains on.
QUALIFIERS = _words("about around approximately roughly nearly almost over under some just ~ all")
QUALIFIER_PAIRS = frozenset(
    {
        ("at", "least"),
        ("at", "most"),
        ("more", "than"),
        ("less", "than"),
        ("fewer", "than"),
        ("up", "to"),
        ("as", "many"),
        ("as", "much"),
        ("close", "to"),
        ("well", "over"),
    }
)
CURRENCY = _words("$ £ € ¥ us$ a$ c$ usd eur gbp")
PERCENT = frozenset({"%", "percent"})
RANGE_WORDS = frozenset({"to", "-", "–", "—"})


@dataclass(frozen=True)
class Target:
    start: int  # word indices, end exclusive
    end: int
    label: str
    rank: int  # 0 common swallowing a name, 1 named, 2 figure, 3 other common


def _capitalised(word: Word) -> bool:
    return word.form[:1].isupper() or word.form[:1].isdigit()


def _title(word: Word) -> bool:
    return word.form.lower().rstrip(".") in TITLES


def _sentence_initial(doc: Document, i: int) -> bool:
    return i == 0 or doc.words[i - 1].sent != doc.words[i].sent


def head_of(doc: Document, mention: Mention) -> int:
    """The mention's syntactic head: the first word whose head lies outside the mention."""
    for i in range(mention.start, mention.end):
        h = doc.words[i].head
        if h < mention.start or h >= mention.end:
            return i
    return mention.start


def _subtree(kids: list[list[int]], i: int) -> list[int]:
    out, todo = [], [i]
    while todo:
        j = todo.pop()
        out.append(j)
        todo.extend(kids[j])
    return out


def _nested(doc: Document, m: Mention, keep: int) -> set[int]:
    """Words of mentions nested in `m` that do not contain word `keep`."""
    return {
        i
        for other in doc.mentions
        if other is not m and m.start <= other.start and other.end <= m.end and not other.start <= keep < other.end
        for i in range(other.start, other.end)
    }


def _name_run(doc: Document, head: int, lo: int, hi: int, blocked: set[int]) -> tuple[int, int]:
    """The capitalised run around `head` inside [lo, hi), not crossing `blocked` words or a sentence end."""
    words = doc.words
    sent = words[head].sent

    def ok(i: int) -> bool:
        return lo <= i < hi and i not in blocked and words[i].sent == sent

    def joins(connector: int, other: int) -> bool:
        c = words[connector]
        if c.form.lower() not in NAME_CONNECTORS or not ok(other) or not _capitalised(words[other]):
            return False
        # "-" and "." join only when written without spaces ("Kim Shin-Wook"); a spaced dash is punctuation.
        return c.form not in ("-", ".") or (words[connector - 1].end == c.start and c.end == words[connector + 1].start)

    start = head
    while ok(start - 1):
        if _capitalised(words[start - 1]):
            start -= 1
        elif joins(start - 1, start - 2):
            start -= 2
        else:
            break
    end = head + 1
    while ok(end):
        if _capitalised(words[end]):
            end += 1
        elif joins(end, end + 1) and not _title(words[end + 1]):
            end += 2
        else:
            break
    return start, end


def _named_span(doc: Document, m: Mention, head: int, lo: int, blocked: set[int]) -> tuple[int, int]:
    words = doc.words
    start, end = _name_run(doc, head, lo, m.end, blocked)
    first = words[start]
    if first.form.lower() == "the" and end - start > 1:
        keep = first.form == "The" and not _sentence_initial(doc, start) and m.etype == "organization"
        start += 0 if keep else 1
    while start < end - 1 and start < head and _title(words[start]):
        start += 1
    return start, end


def _is_demonym(doc: Document, i: int) -> bool:
    w = doc.words[i]
    return (
        w.upos == "ADJ"
        and w.form[:1].isupper()
        and not w.form.isupper()
        and not _sentence_initial(doc, i)
        and w.form.lower().endswith(DEMONYM_ENDINGS)
    )


def _demonyms(doc: Document, mention: Mention, head: int, kids: list[list[int]]) -> list[Target]:
    """Nationality or religion adjectives on the mention's head, with their conjuncts, as ACTORs."""
    words = doc.words
    found = [k for k in kids[head] if mention.start <= k < head and words[k].deprel == "amod" and _is_demonym(doc, k)]
    for k in list(found):
        found += [c for c in kids[k] if words[c].deprel == "conj" and _is_demonym(doc, c)]
    return [Target(k, k + 1, ACTOR, 1) for k in sorted(set(found))]


def _of_object(doc: Document, head: int, kids: list[list[int]]) -> int | None:
    """The noun of an "of" phrase right after `head` ("families of the victims"), if any."""
    for k in kids[head]:
        if (
            k > head
            and doc.words[k].deprel.startswith("nmod")
            and any(doc.words[c].form.lower() == "of" and doc.words[c].deprel == "case" for c in kids[k])
        ):
            return k
    return None


def _common_actor(
    doc: Document, m: Mention, head: int, kids: list[list[int]], mention_at: dict[int, Mention]
) -> list[Target]:
    words = doc.words
    demonyms = _demonyms(doc, m, head, kids)
    if demonyms:
        return demonyms
    rank = 3
    start = head
    for k in sorted((k for k in kids[head] if m.start <= k < head), reverse=True):
        w = words[k]
        rel = w.deprel.split(":")[0]
        inner = mention_at.get(k)
        if (rel == "nummod" or w.upos == "NUM") and w.form.lower() != "one":
            break  # "seven people": the number is a FIGURE, the ACTOR starts after it
        if w.deprel == "nmod:poss" and w.upos == "PROPN":
            break  # "Fields' lawyers": a named possessor is its own span
        if w.upos == "PROPN" and inner is not None and inner.etype == "place":
            break  # "a West Virginia woman": the place is a LOCATION, the ACTOR starts after it
        if w.upos == "PROPN" and inner is not None and inner.etype in PARTICIPANTS:
            rank = 0  # "Hamas leaders", "a Coast Guard spokesperson": one ACTOR over the phrase
        if rel in ("det", "amod", "compound", "nmod", "advmod", "flat", "nummod"):
            start = min(start, min(_subtree(kids, k)))
        else:
            break
    start = max(start, m.start)
    end = head + 1
    obj = _of_object(doc, head, kids)
    if obj is not None and obj < m.end:
        inner = mention_at.get(obj)
        if inner is not None and inner.etype in PARTICIPANTS:
            if words[obj].upos == "PROPN":
                end = _name_run(doc, obj, obj, m.end, set())[1]
                rank = 0  # "member of the Coast Guard"
            else:
                end = obj + 1  # "the families of the victims"
    while start < end and words[start].upos == "PUNCT":
        start += 1
    return [Target(start, end, ACTOR, rank)] if start < end else []


def _quantified_group(doc: Document, m: Mention, head: int, kids: list[list[int]]) -> list[Target]:
    """ "most of the injured", "Some of the protesters": the quantifier with its "of" phrase."""
    words = doc.words
    if words[head].form.lower() not in QUANTIFIER_HEADS:
        return []
    obj = _of_object(doc, head, kids)
    if obj is None or obj >= m.end or words[obj].upos not in ("NOUN", "ADJ"):
        return []
    start = min([head] + [k for k in kids[head] if k < head and words[k].deprel == "det"])
    return [Target(start, obj + 1, ACTOR, 3)]


def _inside_other_name(doc: Document, m: Mention, head: int, others: list[Mention]) -> bool:
    """A person, organisation or place that is only a word of a longer name of an event, work or thing."""
    for o in others:
        if o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end):
            start, end = _name_run(doc, head, o.start, o.end, set())
            if start < m.start or end > m.end:
                return True
    return False


def mention_targets(doc: Document) -> list[Target]:
    words = doc.words
    kids = doc.children()
    mention_at: dict[int, Mention] = {}
    for m in sorted(doc.mentions, key=lambda m: m.end - m.start):
        for i in range(m.start, m.end):
            mention_at.setdefault(i, m)  # the smallest mention holding each word
    others = [m for m in doc.mentions if m.etype not in ("person", "organization", "place")]
    targets: list[Target] = []
    for m in doc.mentions:
        if m.etype not in ("person", "organization", "place"):
            continue
        head = head_of(doc, m)
        hw = words[head]
        if _inside_other_name(doc, m, head, others):
            continue  # "World" in "FIFA World Cup 2018"
        if hw.upos == "PROPN" or (hw.upos in ("NOUN", "ADJ", "X") and hw.xpos.startswith("NNP")):
            blocked = _nested(doc, m, head) if m.etype == "person" else set()
            start, end = _named_span(doc, m, head, m.start, blocked)
            if end - start == 1 and _title(words[start]):
                continue  # "the President" alone: a role, left unmarked as the gold leaves titles
            targets.append(Target(start, end, LOCATION if m.etype == "place" else ACTOR, 1))
            continue
        if m.etype == "place":
            if hw.upos == "NOUN":  # "Maidan Wardak province": the proper-noun compound names the place
                names = [
                    k
                    for k in kids[head]
                    if k < head and words[k].upos == "PROPN" and words[k].deprel in ("compound", "flat")
                ]
                if names:
                    start, end = _name_run(doc, names[-1], m.start, head, set())
                    targets.append(Target(start, end, LOCATION, 1))
            continue
        if hw.upos != "NOUN":
            targets.extend(_quantified_group(doc, m, head, kids))
            continue  # pronouns, "those", "here"
        names = [
            k
            for k in kids[head]
            if head < k < m.end
            and words[k].upos == "PROPN"
            and words[k].deprel.split(":")[0] in ("flat", "appos", "compound")
        ]
        if names:
            # "Swedish captain Andreas Granqvist": a description, then the name: the name is the ACTOR.
            start, end = _name_run(doc, names[0], head + 1, m.end, _nested(doc, m, names[0]))
            targets.append(Target(start, end, ACTOR, 1))
            continue
        if any(words[k].deprel == "appos" and words[k].upos == "PROPN" for k in kids[head]):
            continue  # "the match referee Joel Aguilar": the name is a mention of its own
        if m.link in ("appos", "pred"):
            continue
        targets.extend(_common_actor(doc, m, head, kids, mention_at))
    return targets


# ---------------------------------------------------------------------------------------------- FIGURE


def _is_quantity(w: Word) -> bool:
    return w.upos == "NUM" or (w.form.lower() in QUANTITY_NOUNS and w.upos == "NOUN")


def _number_end(words: list[Word], start: int) -> int:
    """One past the numeral group starting at `start` ("1.4 million", "half a million", "two thirds")."""
    end = start + 1
    n = len(words)
    while end < n and words[end].sent == words[start].sent:
        if _is_quantity(words[end]):
            end += 1
        elif (
            words[end].form.lower() == "a"
            and end + 1 < n
            and words[end - 1].form.lower() == "half"
            and words[end + 1].upos == "NUM"
        ):
            end += 2
        else:
            break
    return end


def _not_a_count(doc: Document, start: int, end: int, timed: set[int]) -> bool:
    words = doc.words
    w = words[start]
    text = doc.text[w.start : words[end - 1].end]
    prev = words[start - 1] if start > 0 else None
    nxt = words[end] if end < len(words) else None
    if any(k in timed for k in range(start, end)):
        return True  # dates, years, durations
    if text.lower() == "one":
        rel = w.deprel.split(":")[0]
        counted = rel in ("obj", "nsubj", "conj", "obl") and not any(
            words[c].form.lower() == "of" for c in doc.children()[start]
        )
        return not counted  # "one" as a determiner or an article
    if ":" in text or (len(text) == 4 and text.isdigit() and 1000 <= int(text) <= 2100 and w.deprel != "nummod"):
        return True  # times, years
    if (
        nxt is not None
        and nxt.form.lower() in ("year", "years", "-year-old")
        and end + 1 < len(words)
        and words[end + 1].form.lower() in ("old", "-")
    ):
        return True  # "a 19 year old"
    if w.deprel == "appos" and w.head >= 0 and words[w.head].xpos.startswith("NNP"):
        return True  # "Daniel Montalvo, 19,"
    if prev is not None and prev.form.lower() in ("aged", "age"):
        return True
    currency = prev is not None and (prev.form.lower() in CURRENCY or prev.form.endswith("$"))
    score = nxt is not None and nxt.form in RANGE_WORDS and end + 1 < len(words) and words[end + 1].upos == "NUM"
    if (
        not currency
        and not score
        and prev is not None
        and prev.sent == w.sent
        and _capitalised(prev)
        and not prev.form.isdigit()
        and prev.upos in ("PROPN", "NOUN")
    ):
        return True  # "Terminal 2", "Channel 13"
    if prev is not None and prev.form in ("[", "(") and nxt is not None and nxt.form in ("]", ")"):
        return True  # a citation number
    return _sentence_initial(doc, start) and nxt is not None and nxt.form in (".", ")")  # a list marker


def _widen(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Currency and percent signs, "a" of "a dozen", and a qualifier on the left."""
    words = doc.words
    n = len(words)
    if end < n and words[end].form.lower() in PERCENT:
        end += 1
    elif end + 1 < n and words[end].form.lower() == "per" and words[end + 1].form.lower() == "cent":
        end += 2
    if start > 0 and (words[start - 1].form.lower() in CURRENCY or words[start - 1].form.endswith("$")):
        start -= 1
    if start > 0 and words[start].form.lower() in A_QUANTITIES and words[start - 1].form.lower() == "a":
        start -= 1
    if start >= 2 and (words[start - 2].form.lower(), words[start - 1].form.lower()) in QUALIFIER_PAIRS:
        return start - 2, end
    if start >= 1:
        prev = words[start - 1]
        lower = prev.form.lower()
        if lower == "all" and prev.upos == "DET":
            return start - 1, end
        if lower in ("over", "under", "some", "just") and prev.deprel.split(":")[0] != "advmod":
            return start, end  # "over two years" (a preposition)
        if lower in QUALIFIERS and lower != "all":
            return start - 1, end
    return start, end


def figure_targets(doc: Document) -> list[Target]:
    words = doc.words
    timed = {i for m in doc.mentions if m.etype == "time" for i in range(m.start, m.end)}
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if not _is_quantity(words[i]):
            i += 1
            continue
        start, end = i, _number_end(words, i)
        i = end
        if not _not_a_count(doc, start, end, timed):
            found.append(_widen(doc, start, end))
    # Ranges are one FIGURE: "6% to 11%", "five to six million", "20-30".
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and merged[-1][1] + 1 == start and words[start - 1].form.lower() in RANGE_WORDS:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return [Target(s, e, FIGURE, 2) for s, e in merged]


def map_document(doc: Document) -> list[Target]:
    """The guide's flat entity layer for one GUM document, as word spans."""
    targets = mention_targets(doc) + figure_targets(doc)
    kept: list[Target] = []
    used: set[int] = set()
    for target in sorted(targets, key=lambda t: (t.rank, t.start, -t.end)):
        words = set(range(target.start, target.end))
        if words & used or target.end <= target.start:
            continue
        used |= words
        kept.append(target)
    return sorted(kept, key=lambda t: t.start)


def char_spans(doc: Document, targets: list[Target]) -> list[tuple[int, int, str]]:
    return [(doc.words[t.start].start, doc.words[t.end - 1].end, t.label) for t in targets]
