"""A word glued to an invisible character (a bidi override, a zero-width space, as web copy has them) is a token of
its own letters: the invisible character is no place a span may start or end (`spans.edge_problem`), so a token
that held it could never be marked. Found by the display helper: "\u202eRafah\u202c" was one token."""

from __future__ import annotations

from annotator.models import ArticleIn, Label
from annotator.store import Store
from annotator.suggest import suggest_doc, tokens_of
from annotator.suggest.tokens import tokenize

TEXT = "Israel struck \u202eRafah\u202c on Monday , and \u200bGaza\u200b too ."


def words(text: str, tokens) -> list[str]:
    return [text[t.start : t.end] for t in tokens]


def test_invisible_characters_at_a_tokens_edges_are_left_out() -> None:
    [tokens] = tokenize([TEXT])
    assert words(TEXT, tokens) == ["Israel", "struck", "Rafah", "on", "Monday", ",", "and", "Gaza", "too", "."]


def test_a_token_of_invisible_characters_only_is_no_token() -> None:
    text = "Rafah \u200b\u200b Gaza"
    [tokens] = tokenize([text])
    assert words(text, tokens) == ["Rafah", "Gaza"]


def test_the_word_can_be_marked_and_is_suggested(nlp, tmp_path) -> None:
    doc = nlp(TEXT)
    assert [s.text for s in suggest_doc(doc)] == ["Israel", "Rafah"]  # the word, without what is glued to it
    with Store.open(tmp_path / "a.db") as store:
        [article], _ = store.add_articles([(ArticleIn(text=TEXT, title="t"), tokens_of(doc), [])])
        start = TEXT.index("Rafah")
        edit = store.add_span(article, "alice", start, start + len("Rafah"), Label.LOCATION)
        assert [(s.text, s.label) for s in edit.spans] == [("Rafah", Label.LOCATION)]
