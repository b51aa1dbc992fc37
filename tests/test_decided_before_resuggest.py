"""An annotator's decision on a suggestion holds for the same span and label suggested again by a later version
(newcomer trial: alice rejected a suggestion on the seed article, `annotator train` and `annotator suggest --model`
made a new batch under a new suggester name with the same span, and she was offered it again: "2 pending" in her
header, `accept` took what she had rejected, `--done` did not mark the article done). What she decided on (or
holds as a span of hers) with the same start, end and label is decided for her, and for her only; undoing the
decision offers the new suggestion again. The real console script, a real trained pipeline, the upgrade path of
`annotator suggest` over an older release's database, real SQLite, the screen driven by Pilot."""

from __future__ import annotations

import shutil
from pathlib import Path

from processes import annotator

from annotator.reports.evaluation import load_corrections
from annotator.store import Store, listing
from annotator.suggest.loading import folder_hash
from annotator.tui.app import make_app

FIXTURES = Path(__file__).parent / "fixtures"
SEED = next((Path(__file__).resolve().parent.parent / "seeds").iterdir())
ISRAEL = (0, 6, "ACTOR")  # the seed's first suggestion: "Israel", which alice rejects
GAZA_STRIP = (51, 61, "LOCATION")  # which she accepts


def key(s) -> tuple[int, int, str]:
    return s.start, s.end, s.label.value


def decided_then_resuggested(tmp_path: Path, trained: Path) -> tuple[Path, str]:
    """The seed ingested (entities.v16's suggestions); alice accepts "Gaza Strip" and rejects "Israel"; then the
    trained pipeline suggests, a new batch under its own name."""
    (tmp_path / "texts").mkdir()
    shutil.copy(SEED, tmp_path / "texts" / SEED.name)
    done = annotator("ingest", "texts", "--db", "x.db", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    db = tmp_path / "x.db"
    with Store.open(db) as store:
        (article,) = store.article_ids()
        ids = {key(s): s.id for s in store.suggestions(article)}
        assert len(store.pending(article, "alice")) == len(ids) == 89
        store.accept_suggestion(article, "alice", ids[GAZA_STRIP])
        store.reject_suggestion(article, "alice", ids[ISRAEL])
        assert len(store.pending(article, "alice")) == 87
    done = annotator("suggest", "--db", "x.db", "--model", trained, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    with Store.open(db) as store:  # the same span, suggested again under the trained pipeline's name
        again = {key(s): s for s in store.current_suggestions(article)}
        assert again[ISRAEL].suggester == f"entities.v16@{folder_hash(trained)}"
        assert again[ISRAEL].id != ids[ISRAEL] and len(again) == 89
    return db, article


def test_a_rejection_holds_against_the_trained_pipelines_same_suggestion(tmp_path: Path, trained: Path) -> None:
    db, article = decided_then_resuggested(tmp_path, trained)
    with Store.open(db) as store:
        pending = [key(s) for s in store.pending(article, "alice")]
        assert len(pending) == 87 and ISRAEL not in pending and GAZA_STRIP not in pending
        (row,) = listing.rows(store, "alice", [listing.rowid_of(store, article)]).values()
        assert row.pending == 87
        bob = [key(s) for s in store.pending(article, "bob")]  # bob decided nothing: offered everything
        assert len(bob) == 89 and ISRAEL in bob
    result = annotator("accept", "--db", db, "--annotator", "alice", "--done", timeout=120)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert result.stdout.splitlines()[0] == f"alice: 87 suggestion(s) accepted in 1 article(s), 1 marked done -> {db}"
    with Store.open(db) as store:
        spans = [key(s) for s in store.spans(article, "alice")]
        assert len(spans) == 88 and ISRAEL not in spans
        assert store.status(article, "alice").value == "done"
        assert store.pending(article, "alice") == []


def test_undoing_the_rejection_offers_the_new_suggestion(tmp_path: Path, trained: Path) -> None:
    db, article = decided_then_resuggested(tmp_path, trained)
    with Store.open(db) as store:
        store.undo(article, "alice")  # her rejection of the old "Israel"
        pending = {key(s): s for s in store.pending(article, "alice")}
        assert len(pending) == 88 and pending[ISRAEL].suggester.startswith("entities.v16@")
    result = annotator("accept", "--db", db, "--annotator", "alice", timeout=120)
    assert result.stdout.splitlines()[0] == f"alice: 88 suggestion(s) accepted in 1 article(s) -> {db}"
    with Store.open(db) as store:
        assert ISRAEL in [key(s) for s in store.spans(article, "alice")]


async def test_the_screen_does_not_offer_it_and_undo_offers_it_again(tmp_path: Path, trained: Path) -> None:
    db, article = decided_then_resuggested(tmp_path, trained)
    with Store.open(db) as store:
        new = next(s.id for s in store.current_suggestions(article) if key(s) == ISRAEL)
    app = make_app(db, "alice", keymap_path=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.header[2] == "article 1 of 1 · 87 pending"
        assert screen.model.pending_count == 87
        assert ("pending", new) not in screen.model.items
        await pilot.press("u")  # undo her rejection: the trained pipeline's "Israel" is pending now
        await pilot.pause()
        assert screen.header[2] == "article 1 of 1 · 88 pending"
        assert ("pending", new) in screen.model.items
        assert screen.current == ("pending", new)
        await pilot.press("u")  # undo accepting "Gaza Strip": the current one is pending, the old one is history
        await pilot.pause()
        assert screen.header[2] == "article 1 of 1 · 89 pending"
    with Store.open(db) as store:
        assert len(store.pending(article, "alice")) == 89


def upgraded(tmp_path: Path) -> Path:
    """An older release's database (entities.v1, quotes.v1: alice accepted Washington and the quote, rejected Gaza,
    marked the small article done; she marked FIGURE "12" by hand on the other); carol rejects the quote and
    Washington; then `annotator suggest` upgrades both articles to this release's suggesters, which suggest the
    same spans again."""
    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "release-0.1.0.db", db)
    with Store.open(db) as store:
        old = {s.text: s.id for s in store.suggestions("small")}
        store.reject_suggestion("small", "carol", old["talks failed"])
        store.reject_suggestion("small", "carol", old["Washington"])
    done = annotator("suggest", "--db", db, timeout=120)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    with Store.open(db) as store:
        assert sorted(s.suggester for s in store.current_suggestions("small")) == sorted(
            ["entities.v16", "entities.v16", "entities.v16", "quotes.v6"]
        )
    return db


def texts(suggestions: list) -> list[str]:
    return [s.text for s in suggestions]


def test_decisions_on_an_older_version_hold_after_the_upgrade(tmp_path: Path) -> None:
    db = upgraded(tmp_path)
    with Store.open(db) as store:
        assert texts(store.pending("small", "alice")) == []  # she marked it done: nothing pending (trial 31)
        store.set_status("small", "alice", "in_progress")  # reopened: Gaza rejected, the rest her spans
        assert texts(store.pending("small", "alice")) == ["at least 35"]
        store.set_status("small", "alice", "done")
        assert texts(store.pending("small", "carol")) == ["Gaza", "at least 35"]  # a rejected quote holds too
        assert texts(store.pending("small", "bob")) == []
        assert texts(store.pending("small", "dave")) == ["Washington", "talks failed", "Gaza", "at least 35"]
        assert texts(store.pending("other", "alice")) == ["Ünïcödé", "👧", "no"]  # "12" is hers, marked by hand
    result = annotator("accept", "small", "--db", db, "--annotator", "alice", "--done", timeout=120)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert result.stdout.splitlines()[0] == f"alice: 1 suggestion(s) accepted in 1 article(s) -> {db}"
    result = annotator("accept", "small", "--db", db, "--annotator", "carol", "--done", timeout=120)
    assert result.stdout.splitlines()[0] == f"carol: 2 suggestion(s) accepted in 1 article(s), 1 marked done -> {db}"
    with Store.open(db) as store:
        assert texts(store.spans("small", "alice")) == ["Washington", "talks failed", "at least 35"]
        assert texts(store.spans("small", "carol")) == ["Gaza", "at least 35"]


def test_corrections_count_each_decision_once(tmp_path: Path) -> None:
    """`evaluate`'s corrections: carol's rejections count for the versions she made them on; this release's same
    suggestions were never offered to her (her decision settled them), so they are neither pending nor counted
    again, while the two she accepted from it are (apart: `annotator accept` accepted them, no person's check)."""
    db = upgraded(tmp_path)
    result = annotator("accept", "small", "--db", db, "--annotator", "carol", "--done", timeout=120)
    assert result.returncode == 0, result.stderr
    with Store.open(db) as store:
        telemetry = load_corrections(store, ["carol"])
    assert [(r.suggester, r.label.value, r.accepted, r.rejected, r.pending) for r in telemetry.rows] == [
        ("entities.v1", "ACTOR", 0, 1, 0),
        ("quotes.v1", "QUOTE", 0, 1, 0),
    ]
    assert telemetry.accepted_by_command == {"entities.v16": 2}


def test_a_quote_does_not_take_along_a_speaker_rejected_in_an_earlier_version(tmp_path: Path) -> None:
    """erin rejected the old Washington; accepting this release's quote, whose speaker it is, leaves the quote
    without one rather than accepting the new Washington she was never asked about."""
    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "release-0.1.0.db", db)
    with Store.open(db) as store:
        old = {s.text: s.id for s in store.suggestions("small")}
        store.reject_suggestion("small", "erin", old["Washington"])
    assert annotator("suggest", "--db", db, timeout=120).returncode == 0
    with Store.open(db) as store:
        quote = next(s for s in store.pending("small", "erin") if s.text == "talks failed")
        store.accept_suggestion("small", "erin", quote.id)
        assert [(s.text, s.speaker) for s in store.spans("small", "erin")] == [("talks failed", None)]
        assert texts(store.pending("small", "erin")) == ["Gaza", "at least 35"]


def test_a_span_moved_onto_a_rejected_span_does_not_accept_its_new_version(tmp_path: Path) -> None:
    """carol marks "Washington said" over this release's Washington (not hers to decide: she rejected the old
    one), then shortens it to "Washington": her own span, no suggestion accepted, none rejected as replaced."""
    db = upgraded(tmp_path)
    with Store.open(db) as store:
        before = store.decisions("small", "carol")
        store.add_span("small", "carol", 0, len("Washington said"), "ACTOR")
        (span,) = store.spans("small", "carol")
        store.resize_span("small", "carol", span.id, 0, len("Washington"))
        assert [(s.text, s.suggestion_id) for s in store.spans("small", "carol")] == [("Washington", None)]
        assert store.decisions("small", "carol") == before
        assert texts(store.pending("small", "carol")) == ["Gaza", "at least 35"]


async def test_the_screen_offers_the_new_version_after_undo_not_the_old_one(tmp_path: Path) -> None:
    """carol's undo of her old rejection: this release's Washington is pending, and the old one (history) is not
    drawn beside it."""
    db = upgraded(tmp_path)
    with Store.open(db) as store:
        old = next(s.id for s in store.suggestions("small") if s.suggester == "entities.v1" and s.text == "Washington")
        new = next(s.id for s in store.current_suggestions("small") if s.text == "Washington")
    app = make_app(db, "carol", keymap_path=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.article_id == "small"
        assert screen.header[2].endswith(" · 2 pending")
        await pilot.press("u")
        await pilot.pause()
        assert screen.header[2].endswith(" · 3 pending")
        assert ("pending", old) not in screen.model.items
        assert screen.current == ("pending", new)
    with Store.open(db) as store:
        assert texts(store.pending("small", "carol")) == ["Washington", "Gaza", "at least 35"]
