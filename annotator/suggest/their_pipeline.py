"""A pipeline given with --model: what the suggesters need of it, and a NER trained with spaCy for our labels.

The suggesters read a parse: sentences and dependencies (the quote and speaker rules, unnamed sources), tags,
parts of speech and lemmas (the span rules), and named entities of labels they map (PERSON, GPE, CARDINAL ...).
A pipeline lacking one is refused as it loads, before any work, in one line naming what it lacks
(`check_parts`): spaCy would otherwise fail deep inside the rules (E030, sentence boundaries unset).

A pipeline folder whose NER predicts our own labels only (ACTOR, LOCATION, FIGURE: what `spacy train` makes of
`annotator export --format spacy --config`) is what `annotator train` makes too, the learned component: it runs as
that component on the default pipeline, whose parse and names the rules read (`their_ner`, `with_their_ner`), and
its suggestions are named after its folder ("entities.v16@<hash>"). Its other components (a spancat for quotes) are
not run: quotes come from their marks. Those suggestions are entities.v16's, its NER one part of them: `their_entities`
runs the folder's NER alone, as spaCy does, so `evaluate --model` can score it apart (`reports.their_ner`).
"""

from __future__ import annotations

import configparser
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.errors import AnnotatorError
from annotator.suggest.entities import ACTOR_LABELS, NUMBER_LABELS, PLACE_LABELS
from annotator.vocabulary import ENTITY_LABELS

if TYPE_CHECKING:
    from spacy.language import Language

OUR_LABELS = frozenset(label.value for label in ENTITY_LABELS)
#: The entity labels entities.v1 maps to ours (`suggest.entities`).
MAPPED_LABELS = ACTOR_LABELS | PLACE_LABELS | NUMBER_LABELS
#: A sentence that a parser, a tagger, a lemmatizer and a NER all annotate.
PROBE = 'Officials in Gaza said "the talks failed" on Monday. Mr. Smith agreed.'
#: What a parsed doc must have (`Doc.has_annotation`), as the refusal names it.
NEEDED = (
    ("DEP", "dependencies"),
    ("SENT_START", "sentence boundaries"),
    ("TAG", "tags"),
    ("POS", "parts of speech"),
    ("LEMMA", "lemmas"),
)


class PipelineLacks(AnnotatorError):
    """A pipeline given with --model lacks what the suggesters read."""


def _read(folder: Path) -> tuple[dict[str, str], dict[str, Any]]:
    """A folder's components and their factories (config.cfg) and meta.json's labels, read without spaCy."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(folder / "config.cfg", encoding="utf-8")
        factories = {
            section.split(".", 1)[1]: json.loads(parser.get(section, "factory"))
            for section in parser.sections()
            if section.count(".") == 1 and section.startswith("components.") and parser.has_option(section, "factory")
        }
        labels = json.loads((folder / "meta.json").read_text("utf-8")).get("labels", {})
    except (OSError, ValueError, configparser.Error, UnicodeDecodeError, AttributeError):
        return {}, {}
    return factories, labels if isinstance(labels, dict) else {}


def their_ner(model: str) -> str | None:
    """The name of a folder's spaCy NER that predicts our labels and nothing else (its meta.json says so), or
    None: another pipeline, or a folder `annotator train` wrote (whose learned component is named `guide_ner`)."""
    folder = Path(model)
    if not (folder / "config.cfg").is_file():
        return None
    factories, labels = _read(folder)
    for name, factory in factories.items():
        found = labels.get(name)
        if name != "guide_ner" and factory == "ner" and isinstance(found, list) and found and set(found) <= OUR_LABELS:
            return name
    return None


def with_their_ner(nlp: Language, model: str) -> Language:
    """`nlp` (the default pipeline, without the shipped learned component) with the NER of the folder `model` as
    its learned component: given its own copy of the tok2vec it listens to, so it runs on its own weights."""
    import spacy

    from annotator.suggest.guide import GUIDE_COMPONENT, add_guide

    name = their_ner(model)
    if name is None:
        raise ValueError(f"{model}: no NER of ACTOR, LOCATION and FIGURE")
    theirs = spacy.load(model)
    for other in theirs.pipe_names:
        if name in getattr(theirs.get_pipe(other), "listening_components", []):
            theirs.replace_listeners(other, name, ["model.tok2vec"])
    if theirs.vocab.vectors.shape[0]:  # a tok2vec with static vectors reads them from the vocab it runs with
        nlp.vocab.vectors = theirs.vocab.vectors  # (the small model's components use none)
    add_guide(nlp, None, ner_config=dict(theirs.config.interpolate()["components"][name]))
    recognizer: Any = theirs.get_pipe(name)
    guide: Any = nlp.get_pipe(GUIDE_COMPONENT)
    guide.from_bytes(recognizer.to_bytes(exclude=["vocab"]), exclude=["vocab"])
    return nlp


def check_parts(nlp: Language, model: str) -> None:
    """Refuse a pipeline whose parse lacks what the suggesters read, naming what it lacks and its components."""
    doc = nlp(PROBE)
    missing = [what for attribute, what in NEEDED if not doc.has_annotation(attribute)]
    labels: set[str] = set()
    recognizers = [n for n in nlp.pipe_names if "doc.ents" in nlp.get_pipe_meta(n).assigns]
    for name in recognizers:
        labels |= set(getattr(nlp.get_pipe(name), "labels", ()) or ())
    if not recognizers:
        missing.append("named entities")
    elif labels and not labels & MAPPED_LABELS:
        shown = ", ".join(sorted(labels)[:6]) + (", ..." if len(labels) > 6 else "")
        missing.append(f"entity labels the rules map (PERSON, ORG, GPE, CARDINAL ...; its NER has {shown})")
    if missing:
        raise PipelineLacks(
            f"{model}: a spaCy pipeline without {', '.join(missing)} ({', '.join(nlp.pipe_names) or 'no components'}"
            "), which the suggesters need: pass one with a parser, a tagger, a lemmatizer and a NER "
            "(en_core_web_sm has them), a folder whose NER predicts ACTOR, LOCATION and FIGURE only, "
            "or leave --model out"
        )


def their_entities(model: str, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """Each text's entities (start, end, label: characters) as the folder's own pipeline finds them with its NER,
    as `spacy evaluate` runs it (its tokenizer, its tok2vec, its NER; nothing of the default pipeline, no rule):
    what `evaluate --model` reports beside the suggestions its NER helped make. A text longer than the
    pipeline's limit is read in pieces (`suggest.pieces`)."""
    import spacy

    from annotator.suggest.pieces import pieces

    name = their_ner(model)
    if name is None:
        raise ValueError(f"{model}: no NER of ACTOR, LOCATION and FIGURE")
    theirs = spacy.load(model)
    needed = {name} | {
        other for other in theirs.pipe_names if name in getattr(theirs.get_pipe(other), "listening_components", [])
    }
    parts = [
        (number, offset, piece)
        for number, text in enumerate(texts)
        for offset, piece in pieces(text, theirs.max_length)
    ]
    found: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    disabled = [other for other in theirs.pipe_names if other not in needed]
    for (number, offset, _), doc in zip(parts, theirs.pipe((p for _, _, p in parts), disable=disabled), strict=True):
        found[number] += [
            (offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents if e.label_ in OUR_LABELS
        ]
    return found
