"""Agreement figures: against scikit-learn and the krippendorff package on the same data, and by hand."""

from __future__ import annotations

import itertools
import random
import re
import warnings
from dataclasses import replace

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score
from support import nth as nth_start

from annotator.metrics.agreement import ArticleAnnotations, Corpus, PairRatios, agreement
from annotator.metrics.reliability import Patterns, cohen_kappa
from annotator.models import ArticleIn, Span, Status
from annotator.reports.agreement import load
from annotator.rows import Token
from annotator.store import Store

TEXT = 'Israel said Hamas fired 20 rockets at Tel Aviv . The army said it was " ready " to respond .'


def words(text: str) -> list[Token]:
    return [Token(start=m.start(), end=m.end()) for m in re.finditer(r"\S+", text)]


def mark(text: str, part: str, label: str, nth: int = 0, speaker: Span | None = None) -> Span:
    start = nth_start(text, part, nth)
    offsets = {"start": speaker.start, "end": speaker.end} if speaker else None
    return Span(start=start, end=start + len(part), label=label, text=part, speaker=offsets)


def article(spans: dict[str, list[Span]], text: str = TEXT, article_id: str = "a1") -> ArticleAnnotations:
    return ArticleAnnotations(article_id=article_id, tokens=[(t.start, t.end) for t in words(text)], spans=spans)


def token_values(text: str, spans: list[Span], labels: set[str]) -> list[str]:
    """Each word's BIO tag among `labels` ("B-ACTOR" on a span's first word, "I-ACTOR" on the others, O for none),
    the slow obvious way."""
    values, tokens = [], words(text)
    for token in tokens:
        found = [s for s in spans if s.label.value in labels and s.start < token.end and token.start < s.end]
        if not found:
            values.append("O")
            continue
        first = next(t for t in tokens if t.end > found[0].start)
        values.append(f"{'B' if first == token else 'I'}-{found[0].label.value}")
    return values


#: A number for each tag, for the krippendorff package.
TAG_CODES = {
    tag: code for code, tag in enumerate(["O"] + [f"{t}-{x}" for t in "BI" for x in ("ACTOR", "LOCATION", "FIGURE")])
}


def of_label(values: list[str], label: str) -> list[str]:
    """The tags of one label against the rest: "B", "I" or "O"."""
    return [v[0] if v.endswith(f"-{label}") else "O" for v in values]


@pytest.fixture
def db(tmp_path):
    with Store.open(tmp_path / "annotations.db") as opened:
        yield opened


def row(report, a: str, b: str, label: str):
    return next(p for p in report.pairs if (p.a, p.b, p.label) == (a, b, label))


ISRAEL = mark(TEXT, "Israel", "ACTOR")
ARMY = mark(TEXT, "The army", "ACTOR")
ALICE = [
    ISRAEL,
    mark(TEXT, "Hamas", "ACTOR"),
    mark(TEXT, "20 rockets", "FIGURE"),
    mark(TEXT, "Tel Aviv", "LOCATION"),
    ARMY,
    mark(TEXT, "ready", "QUOTE", speaker=ARMY),
]
BOB = [
    ISRAEL,
    mark(TEXT, "Hamas", "LOCATION"),  # relabelled
    mark(TEXT, "20", "FIGURE"),  # shorter
    mark(TEXT, "Tel Aviv", "LOCATION"),
    mark(TEXT, "army", "ACTOR"),  # shorter
    mark(TEXT, "ready", "QUOTE", speaker=ISRAEL),  # other speaker
]


def test_span_figures_by_hand():
    report = agreement([article({"alice": ALICE, "bob": BOB})], ["alice", "bob"])
    # ACTOR: alice 3, bob 2; exact: Israel; overlap: Israel, army/The army.
    actor = row(report, "alice", "bob", "ACTOR")
    assert actor.exact == PairRatios(p=1 / 2, r=1 / 3, f1=2 * 1 / 5)
    assert actor.partial == PairRatios(p=2 / 2, r=2 / 3, f1=2 * 2 / 5)
    figure = row(report, "alice", "bob", "FIGURE")
    assert figure.exact == PairRatios(p=0.0, r=0.0, f1=0.0)
    assert figure.partial == PairRatios(p=1.0, r=1.0, f1=1.0)
    overall = row(report, "alice", "bob", "ALL")
    assert (overall.a_spans, overall.b_spans, overall.exact_matches, overall.overlap_matches) == (6, 6, 3, 5)
    assert overall.exact == PairRatios(p=0.5, r=0.5, f1=0.5)
    assert report.speaker_agreement == 0.0  # the one jointly found quote has two speakers
    assert report.articles == 1 and report.annotators == ["alice", "bob"]


def test_kappa_equals_scikit_learn_on_the_same_tokens():
    report = agreement([article({"alice": ALICE, "bob": BOB})], ["alice", "bob"])
    entity = {"ACTOR", "LOCATION", "FIGURE"}
    a, b = token_values(TEXT, ALICE, entity), token_values(TEXT, BOB, entity)
    assert row(report, "alice", "bob", "ALL").cohen_kappa == pytest.approx(cohen_kappa_score(a, b), abs=1e-12)
    for label in ("ACTOR", "LOCATION", "FIGURE"):
        expected = cohen_kappa_score(of_label(a, label), of_label(b, label))
        assert row(report, "alice", "bob", label).cohen_kappa == pytest.approx(expected, abs=1e-12)
    quotes_a, quotes_b = token_values(TEXT, ALICE, {"QUOTE"}), token_values(TEXT, BOB, {"QUOTE"})
    assert quotes_a == quotes_b
    assert row(report, "alice", "bob", "QUOTE").cohen_kappa == 1.0


def test_alpha_equals_the_krippendorff_package_on_raw_tokens():
    carol = [ISRAEL, mark(TEXT, "Hamas", "ACTOR"), mark(TEXT, "Tel Aviv", "LOCATION")]
    spans = {"alice": ALICE, "bob": BOB, "carol": carol}
    report = agreement([article(spans)], list(spans))
    entity = ["ACTOR", "LOCATION", "FIGURE"]
    tags = [token_values(TEXT, s, set(entity)) for s in spans.values()]
    data = np.array([[TAG_CODES[v] for v in coder] for coder in tags])
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert report.krippendorff_alpha["ALL"] == pytest.approx(expected, abs=1e-12)
    for label in entity:
        three = np.array([["OBI".index(v) for v in of_label(coder, label)] for coder in tags])
        expected = krippendorff.alpha(reliability_data=three, level_of_measurement="nominal")
        assert report.krippendorff_alpha[label] == pytest.approx(expected, abs=1e-12)


def test_a_span_split_in_two_is_a_disagreement_on_the_token_where_the_second_begins():
    """A newcomer's trial (s56 t12 F6): 'New York City' against 'New York' + 'City' scored kappa and alpha 1.000,
    as if the two agreed, when each token only had its label. Tags say where a span begins (BIO), so the token
    'City' differs (I against B), and kappa and alpha say so."""
    text = "Fans in New York City cheered ."
    whole = [mark(text, "Fans", "ACTOR"), mark(text, "New York City", "LOCATION")]
    split = [mark(text, "Fans", "ACTOR"), mark(text, "New York", "LOCATION"), mark(text, "City", "LOCATION")]
    report = agreement([article({"alice": whole, "bob": split}, text)], ["alice", "bob"])
    a = token_values(text, whole, {"ACTOR", "LOCATION", "FIGURE"})
    b = token_values(text, split, {"ACTOR", "LOCATION", "FIGURE"})
    assert a == ["B-ACTOR", "O", "B-LOCATION", "I-LOCATION", "I-LOCATION", "O", "O"]
    assert b == ["B-ACTOR", "O", "B-LOCATION", "I-LOCATION", "B-LOCATION", "O", "O"]
    # 6 of 7 tokens agree; alice's tags O 3, B-ACTOR 1, B-LOC 1, I-LOC 2; bob's O 3, B-ACTOR 1, B-LOC 2, I-LOC 1:
    # chance (9 + 1 + 2 + 2) / 49, kappa (6/7 - 14/49) / (1 - 14/49) = 28/35.
    assert row(report, "alice", "bob", "ALL").cohen_kappa == pytest.approx(28 / 35, abs=1e-12)
    assert row(report, "alice", "bob", "LOCATION").cohen_kappa == pytest.approx(
        cohen_kappa_score(of_label(a, "LOCATION"), of_label(b, "LOCATION")), abs=1e-12
    )
    assert row(report, "alice", "bob", "LOCATION").cohen_kappa < 1
    assert row(report, "alice", "bob", "ACTOR").cohen_kappa == 1.0
    assert report.krippendorff_alpha["ALL"] is not None and report.krippendorff_alpha["ALL"] < 1


def test_random_codings_match_both_references():
    rng = random.Random(7)
    for _ in range(200):
        values = rng.choice([2, 4])
        units = rng.randint(1, 40)
        coders = rng.randint(2, 4)
        skew = rng.random()
        codings = [
            np.array([0 if rng.random() < skew else rng.randrange(values) for _ in range(units)]) for _ in range(coders)
        ]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            kappa = cohen_kappa_score(codings[0], codings[1], labels=list(range(values)))
            try:
                alpha = krippendorff.alpha(
                    reliability_data=np.array(codings), value_domain=list(range(values)), level_of_measurement="nominal"
                )
            except ValueError:  # too few values in the data for the package: no figure
                alpha = float("nan")
        ours = cohen_kappa(codings[0], codings[1], values)
        assert (ours is None) == bool(np.isnan(kappa))
        if ours is not None:
            assert ours == pytest.approx(kappa, abs=1e-12)
        patterns = Patterns(codings, values)
        assert patterns.kappa(0, 1) == ours
        ours = patterns.alpha()
        assert (ours is None) == bool(np.isnan(alpha))
        if ours is not None:
            assert ours == pytest.approx(alpha, abs=1e-12)


def test_random_codings_with_missing_values_match_both_references():
    """A coder who did not code a unit (not assigned the article): alpha as the package computes it with nan,
    kappa as scikit-learn computes it over the units both coded."""
    rng = random.Random(11)
    checked = 0
    for _ in range(200):
        values, units, coders = rng.choice([2, 4]), rng.randint(2, 40), rng.randint(2, 4)
        codings = [
            np.array([rng.randrange(values + 1) for _ in range(units)]) for _ in range(coders)
        ]  # values: missing
        data = np.array(codings, dtype=float)
        data[data == values] = np.nan
        patterns = Patterns(codings, values)
        both = (codings[0] < values) & (codings[1] < values)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            kappa = (
                cohen_kappa_score(codings[0][both], codings[1][both], labels=list(range(values)))
                if both.any()
                else float("nan")  # no unit both coded: no figure
            )
            try:
                alpha = krippendorff.alpha(
                    reliability_data=data, value_domain=list(range(values)), level_of_measurement="nominal"
                )
            except (ValueError, ZeroDivisionError):
                alpha = float("nan")
        ours = patterns.kappa(0, 1)
        assert (ours is None) == bool(np.isnan(kappa))
        if ours is not None:
            assert ours == pytest.approx(kappa, abs=1e-12)
        ours = patterns.alpha()
        assert (ours is None) == bool(np.isnan(alpha))
        if ours is not None:
            assert ours == pytest.approx(alpha, abs=1e-12)
            checked += 1
    assert checked > 100


def test_with_assignments_each_pair_is_scored_on_the_articles_it_shares():
    """Three annotators, overlap two: each pair's figures are those of its shared article alone, and alpha
    counts each token's values from those who coded it."""
    other, third = "Paris is calm .", "Rome is calm ."
    paris, rome = mark(other, "Paris", "LOCATION"), mark(third, "Rome", "ACTOR")
    articles = [
        article({"alice": ALICE, "bob": BOB}),  # alice + bob
        article({"bob": [paris], "carol": []}, text=other, article_id="a2"),  # bob + carol
        article({"alice": [rome], "carol": [rome]}, text=third, article_id="a3"),  # alice + carol
    ]
    names = ["alice", "bob", "carol"]
    corpus = Corpus.from_articles(articles, names)
    coded = {"alice": [True, False, True], "bob": [True, True, False], "carol": [False, True, True]}
    corpus = replace(corpus, coders={name: np.array(flags) for name, flags in coded.items()})
    report = agreement(corpus)
    alone = agreement([articles[0]], ["alice", "bob"])
    for label in ("ALL", "ACTOR", "LOCATION", "FIGURE", "QUOTE"):
        assert row(report, "alice", "bob", label) == row(alone, "alice", "bob", label)
    assert row(report, "bob", "carol", "LOCATION").exact == PairRatios(p=None, r=0.0, f1=0.0)
    assert row(report, "alice", "carol", "ALL").exact == PairRatios(p=1.0, r=1.0, f1=1.0)
    assert [row(report, *pair, "ALL").articles for pair in itertools.combinations(names, 2)] == [1, 1, 1]
    entity = {"ACTOR", "LOCATION", "FIGURE"}
    codes = TAG_CODES
    columns = []
    for a, text in zip(articles, [TEXT, other, third], strict=True):
        for token in range(len(words(text))):
            columns.append([codes[token_values(text, list(a.spans[n]), entity)[token]] if n in a.spans else np.nan
                            for n in names])  # fmt: skip
    expected = krippendorff.alpha(reliability_data=np.array(columns).T, level_of_measurement="nominal")
    assert report.krippendorff_alpha["ALL"] == pytest.approx(expected, abs=1e-12)


def test_identical_annotations_agree_perfectly():
    report = agreement([article({"alice": ALICE, "bob": ALICE})], ["alice", "bob"])
    overall = row(report, "alice", "bob", "ALL")
    assert overall.exact == PairRatios(p=1.0, r=1.0, f1=1.0)
    assert overall.cohen_kappa == 1.0
    assert report.krippendorff_alpha == {"ALL": 1.0, "ACTOR": 1.0, "LOCATION": 1.0, "FIGURE": 1.0, "QUOTE": 1.0}
    assert report.speaker_agreement == 1.0


def test_no_spans_at_all_leaves_every_figure_undefined():
    report = agreement([article({"alice": [], "bob": []})], ["alice", "bob"])
    overall = row(report, "alice", "bob", "ALL")
    assert overall.exact == PairRatios(p=None, r=None, f1=None)
    assert overall.cohen_kappa is None  # one value everywhere: scikit-learn gives nan
    assert set(report.krippendorff_alpha.values()) == {None}
    assert report.speaker_agreement is None


def test_one_annotator_with_no_spans():
    report = agreement([article({"alice": ALICE, "bob": []})], ["alice", "bob"])
    overall = row(report, "alice", "bob", "ALL")
    assert overall.exact == PairRatios(p=None, r=0.0, f1=0.0)
    assert overall.cohen_kappa == 0.0  # bob is constant: agreement is exactly chance (scikit-learn: 0.0)
    entity = {"ACTOR", "LOCATION", "FIGURE"}
    codes = TAG_CODES
    data = np.array([[codes[v] for v in token_values(TEXT, s, entity)] for s in (ALICE, [])])
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert report.krippendorff_alpha["ALL"] == pytest.approx(expected, abs=1e-12)


def test_a_label_absent_from_one_side():
    alice = [ISRAEL, mark(TEXT, "Tel Aviv", "LOCATION")]
    bob = [ISRAEL]
    report = agreement([article({"alice": alice, "bob": bob})], ["alice", "bob"])
    location = row(report, "alice", "bob", "LOCATION")
    assert location.exact == PairRatios(p=None, r=0.0, f1=0.0)
    assert location.cohen_kappa == 0.0
    assert row(report, "alice", "bob", "FIGURE").cohen_kappa is None  # absent from both: undefined
    assert report.krippendorff_alpha["FIGURE"] is None


def test_no_articles():
    report = agreement([], ["alice", "bob"])
    assert report.articles == 0 and report.tokens == 0
    assert set(report.krippendorff_alpha.values()) == {None}


def test_json_has_exactly_the_documented_shape():
    report = agreement([article({"alice": ALICE, "bob": BOB})], ["alice", "bob"])
    data = report.model_dump(mode="json")
    assert list(data) == [
        "articles",
        "annotators",
        "pairs",
        "krippendorff_alpha",
        "speaker_agreement",
        "command_only",
        "suggestions_unchanged",
        "suggestions_unchanged_by",
        "tokens",
        "matched_quotes",
        "disputed_articles",
    ]
    assert list(data["pairs"][0]) == [
        "a",
        "b",
        "label",
        "articles",
        "exact",
        "overlap",
        "cohen_kappa",
        "exact_f1_interval",
        "a_spans",
        "b_spans",
        "exact_matches",
        "overlap_matches",
        "partial",  # overlap's old name, kept for scripts (deprecated)
    ]
    assert list(data["pairs"][0]["exact"]) == ["p", "r", "f1"]
    assert [p["label"] for p in data["pairs"]] == ["ALL", "ACTOR", "LOCATION", "FIGURE", "QUOTE"]
    assert list(data["krippendorff_alpha"]) == ["ALL", "ACTOR", "LOCATION", "FIGURE", "QUOTE"]


def test_tokens_pool_over_articles():
    other = "Paris is calm ."
    one = article({"alice": ALICE, "bob": BOB})
    two = article({"alice": [mark(other, "Paris", "LOCATION")], "bob": []}, text=other, article_id="a2")
    report = agreement([one, two], ["alice", "bob"])
    entity = {"ACTOR", "LOCATION", "FIGURE"}
    a = token_values(TEXT, ALICE, entity) + token_values(other, [mark(other, "Paris", "LOCATION")], entity)
    b = token_values(TEXT, BOB, entity) + token_values(other, [], entity)
    assert report.tokens == len(a)
    assert row(report, "alice", "bob", "ALL").cohen_kappa == pytest.approx(cohen_kappa_score(a, b), abs=1e-12)
    assert row(report, "alice", "bob", "LOCATION").a_spans == 2


def test_load_takes_articles_every_annotator_marked_done(db: Store):
    store = db
    texts = [TEXT, "Paris is calm .", "Rome is calm ."]
    added, _ = store.add_articles([(ArticleIn(text=t), words(t), []) for t in texts])
    for article_id, text in zip(added, texts, strict=True):
        for name in ("alice", "bob"):
            store.replace_annotation(
                article_id, name, [mark(text, "is" if text != TEXT else "Israel", "ACTOR")], "done"
            )
    store.set_status(added[1], "bob", Status.IN_PROGRESS)
    store.set_status(added[2], "carol", Status.DONE)
    assert load(store, ["alice", "bob"]).article_ids == [added[0], added[2]]
    assert load(store, ["alice", "bob"], include_in_progress=True).article_ids == added
    assert len(load(store, ["alice", "carol"]).spans["carol"]) == 0
    loaded = load(store, ["alice", "bob"])
    alice = loaded.spans["alice"]
    assert list(zip(alice.article, alice.start, alice.end, alice.label, strict=True)) == [(0, 0, 6, 0), (1, 5, 7, 0)]
    assert loaded.token_counts.tolist() == [len(words(TEXT)), 4]
    assert loaded.token_starts[: len(words(TEXT))].tolist() == [t.start for t in words(TEXT)]


def test_a_pairs_all_row_says_where_other_draws_of_articles_put_its_f1():
    """Four articles, two the pair agrees on wholly and two not at all: only ALL has an interval. With two articles
    (a draw of two holds the agreed one twice, once or never: "0.000-1.000" until 2026-12-05) none is drawn, under
    `intervals.FEWEST` as for every report."""
    other = "Paris is calm ."

    def agreed(n: int) -> ArticleAnnotations:
        spans = {"alice": [mark(TEXT, "Israel", "ACTOR")], "bob": [mark(TEXT, "Israel", "ACTOR")]}
        return article(spans, article_id=f"a{n}")

    def apart(n: int) -> ArticleAnnotations:
        spans = {"alice": [mark(other, "Paris", "LOCATION")], "bob": [mark(other, "calm", "ACTOR")]}
        return article(spans, text=other, article_id=f"b{n}")

    report = agreement([agreed(1), apart(1), agreed(2), apart(2)], ["alice", "bob"])
    assert [(p.label, p.exact_f1_interval) for p in report.pairs] == [
        ("ALL", (0.0, 1.0)),
        ("ACTOR", None),
        ("LOCATION", None),
        ("FIGURE", None),
        ("QUOTE", None),
    ]
    two = agreement([agreed(1), apart(1)], ["alice", "bob"])
    assert row(two, "alice", "bob", "ALL").exact_f1_interval is None  # two articles: no interval
