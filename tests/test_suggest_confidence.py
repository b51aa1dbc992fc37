"""The learned component's confidence in its spans (`suggest.guide.GuideRecognizer`) and entities.v5, which
leaves out the spans it is unsure of, on sentences written for the purpose (none from the gold files), with the
real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.pipeline import EntityRecognizer
from support import entity_layers

from annotator.suggest import Suggesters
from annotator.suggest.entities_v5 import MIN_CONFIDENCE
from annotator.suggest.guide import GUIDE_COMPONENT, GUIDE_KEY, GuideRecognizer
from annotator.suggest.loading import _load

V4 = Suggesters("entities.v4", "quotes.v3")
V5 = Suggesters("entities.v5", "quotes.v3")
SENTENCES = [
    "The report was written for policymakers and the public.",
    "The company hired 40 new workers last year, a spokesperson for the firm said.",
    "Voters in the north backed the proposal, while most in the south rejected it.",
    "Critics called the decision by Mayor Anna Lind a mistake.",
]


def guide_spans(nlp, text: str) -> list[tuple[str, str, bool]]:
    """The guide component's spans of `text`: (text, label, whether its probability reaches entities.v5's)."""
    doc = nlp(text)
    group = doc.spans[GUIDE_KEY]
    return [(s.text, s.label_, p >= MIN_CONFIDENCE) for s, p in zip(group, group.attrs["scores"], strict=True)]


def compiled_decoder_spans(nlp, text: str) -> list[tuple[int, int, str]]:
    """The spans spaCy's own (compiled) greedy decoder takes with the same weights, on the doc the guide sees."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == GUIDE_COMPONENT:
            states = EntityRecognizer.predict(component, [doc])
            EntityRecognizer.set_annotations(component, [doc], states)
            return [(e.start, e.end, e.label_) for e in doc.ents]
        doc = component(doc)
    raise AssertionError("no guide component in the pipeline")


@pytest.mark.parametrize("text", SENTENCES)
def test_the_guide_takes_the_spans_spacys_decoder_takes(nlp, text: str) -> None:
    doc = nlp(text)
    assert [(s.start, s.end, s.label_) for s in doc.spans[GUIDE_KEY]] == compiled_decoder_spans(nlp, text)


def test_an_empty_text_in_a_batch_changes_nothing(nlp) -> None:
    empty, doc = nlp.pipe(["", SENTENCES[1]])
    assert list(empty.spans[GUIDE_KEY]) == []
    assert [s.text for s in doc.spans[GUIDE_KEY]] == ["The company", "40", "new workers", "a spokesperson"]


def test_entities_set_before_the_guide_are_kept_as_spacys_decoder_keeps_them(nlp) -> None:
    """The guide never gets such a doc in annotator's pipeline (its entities are moved aside first), but a
    component of spaCy's must keep what spaCy's does: an entity set before, across two sentences here."""
    text = "It was built in the old Mill. Street markets came later."
    docs = []
    for _ in range(2):
        doc = nlp.make_doc(text)
        for name, component in nlp.pipeline:
            if name == GUIDE_COMPONENT:
                break
            doc = component(doc)
        assert [t.i for t in doc if t.is_sent_start] == [0, 8]
        doc.set_ents([doc.char_span(text.index("Mill"), text.index(" markets"), label="LOCATION")])
        docs.append(doc)
    ours, theirs = docs
    guide = nlp.get_pipe(GUIDE_COMPONENT)
    guide.set_annotations([ours], guide.predict([ours]))
    EntityRecognizer.set_annotations(guide, [theirs], EntityRecognizer.predict(guide, [theirs]))
    assert [(e.text, e.label_) for e in ours.ents] == [(e.text, e.label_) for e in theirs.ents]
    assert ("Mill. Street", "LOCATION") in [(e.text, e.label_) for e in ours.ents]


def test_every_guide_span_has_a_probability(nlp) -> None:
    assert isinstance(nlp.get_pipe(GUIDE_COMPONENT), GuideRecognizer)
    doc = nlp(SENTENCES[1])
    group = doc.spans[GUIDE_KEY]
    assert [s.text for s in group] == ["The company", "40", "new workers", "a spokesperson"]
    assert all(0.0 < p <= 1.0 for p in group.attrs["scores"])


def test_a_participant_in_a_generic_use_is_a_span_the_guide_is_unsure_of(nlp) -> None:
    assert guide_spans(nlp, SENTENCES[0]) == [("the public", "ACTOR", False)]
    assert guide_spans(nlp, SENTENCES[1]) == [
        ("The company", "ACTOR", True),
        ("40", "FIGURE", True),
        ("new workers", "ACTOR", True),
        ("a spokesperson", "ACTOR", True),
    ]


def layers(nlp, text: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The entity layer entities.v4 and entities.v5 make for `text`, in order."""
    first, second = entity_layers(nlp, text, V4, V5)
    return first, second


def test_entities_v5_leaves_out_the_spans_the_guide_is_unsure_of(nlp) -> None:
    assert layers(nlp, SENTENCES[0]) == ([("the public", "ACTOR")], [])


def test_entities_v5_keeps_the_spans_the_guide_is_sure_of(nlp) -> None:
    v4, v5 = layers(nlp, SENTENCES[1])
    assert v4 == [("The company", "ACTOR"), ("40", "FIGURE"), ("new workers", "ACTOR"), ("a spokesperson", "ACTOR")]
    assert v5 == v4


def test_a_folder_whose_guide_names_spacys_ner_factory_runs_as_the_guide(nlp, tmp_path: Path) -> None:
    """Folders trained before the guide had a factory of its own name spaCy's "ner": they keep the probabilities."""
    nlp.to_disk(tmp_path / "old")
    config = tmp_path / "old" / "config.cfg"
    text = config.read_text("utf-8")
    assert text.count('factory = "annotator_guide_ner"') == 1
    config.write_text(text.replace('factory = "annotator_guide_ner"', 'factory = "ner"'), "utf-8")
    loaded = _load(str(tmp_path / "old"))
    assert loaded is not None and isinstance(loaded.get_pipe(GUIDE_COMPONENT), GuideRecognizer)
    assert guide_spans(loaded, SENTENCES[0]) == [("the public", "ACTOR", False)]
