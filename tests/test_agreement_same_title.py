"""When no article is compared, articles of one title each finished by other annotators are named: maybe one story
stored twice (newcomer trial F4: alice's `.txt` article and bob's `.rstrip()`ed JSONL one, merged by a release that
kept them apart, and `agreement` said only "no article is marked done by all of alice, bob"). The real console
script on real SQLite files."""

from __future__ import annotations

from pathlib import Path

from processes import annotator

from annotator.models import content_hash

STORY = "Port to close\n\nMayor Jane Okafor said the port will close.\n"
CORRECTED = STORY.replace("will", "would")
OTHER = "Bridge to open\n\nThe bridge opens on Monday.\n"


def merged_apart(tmp_path: Path, alice: str, bob: str) -> None:
    """alice's text marked done in alice.db, bob's in bob.db, both merged into r.db (no suggestions: nothing to accept)."""
    for name, text in (("alice", alice), ("bob", bob)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        assert annotator("ingest", f"{name}.txt", "--no-suggest", "--db", f"{name}.db", cwd=tmp_path).returncode == 0
        done = annotator("accept", "--annotator", name, "--done", "--db", f"{name}.db", cwd=tmp_path)
        assert (done.returncode, done.stderr) == (0, "")
    assert annotator("merge", "alice.db", "bob.db", "--db", "r.db", cwd=tmp_path).returncode == 0


#: What `agreement`, `adjudicate --auto` and `review` say of STORY done by alice and CORRECTED by bob.
APART = (
    "annotator: error: no article is marked done by all of alice, bob; articles with the same title are done by "
    "different annotators, one story stored twice maybe (texts that differ only in white space at their end are "
    f"one article to `ingest` and `merge` now): 'Port to close': {content_hash(STORY)} by alice, "
    f"{content_hash(CORRECTED)} by bob\n"
)


def test_agreement_names_the_articles_of_one_title_done_apart(tmp_path: Path) -> None:
    merged_apart(tmp_path, STORY, CORRECTED)
    compared = annotator("agreement", "--db", "r.db", cwd=tmp_path)
    assert (compared.returncode, compared.stdout, compared.stderr) == (1, "", APART)


def test_adjudicate_says_it_in_the_same_words(tmp_path: Path) -> None:
    merged_apart(tmp_path, STORY, CORRECTED)
    auto = annotator("adjudicate", "--auto", "--reviewer", "carol", "--db", "r.db", cwd=tmp_path)
    assert (auto.returncode, auto.stderr) == (1, APART)


def test_articles_of_other_titles_are_not_named(tmp_path: Path) -> None:
    merged_apart(tmp_path, STORY, OTHER)
    compared = annotator("agreement", "--db", "r.db", cwd=tmp_path)
    assert (compared.returncode, compared.stderr) == (
        1,
        "annotator: error: no article is marked done by all of alice, bob\n",
    )
