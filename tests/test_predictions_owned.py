"""Found by a newcomer: a rerun of `annotator predict` wrote through a symlink at a shard's path to a file
outside its folder, and overwrote a file the manifest does not list; `ingest --suggestions-from` loaded shard
files cut short or edited without a word. A shard is now written through a temporary renamed over its path,
a file there the manifest does not list as ours is refused and left byte for byte, and ingest checks every
shard against its manifest entry before storing anything. A real LocalCluster, real processes and files."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from test_predict import ANNOTATOR, dev_articles, ok, write_articles

from annotator.exchange.shards import fingerprint

LEAVE_IT = "it was left as it is (move it away, or give another output folder)"


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ANNOTATOR, *map(str, args)], capture_output=True, text=True, cwd=cwd, check=False)


PREDICT = ("predict", "news.jsonl", "-o", "out", "--workers", "1", "--shard-size", "4")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """8 articles predicted in 2 shards of 4 (out/shards/shard-000000.jsonl, shard-000001.jsonl)."""
    folder = tmp_path_factory.mktemp("owned")
    write_articles(folder / "news.jsonl", dev_articles(8))
    ok(*PREDICT, cwd=folder)
    return folder


@pytest.fixture
def folder(made: Path, tmp_path: Path) -> Path:
    shutil.copytree(made, tmp_path / "w")
    return tmp_path / "w"


def manifest(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "out" / "manifest.json").read_text("utf-8"))


def files(out: Path) -> dict[str, bytes]:
    """Every file under the output folder (the folders' records included), with its bytes: what a refused run
    leaves as it was (a newcomer's trial: the manifest went from "complete": true to false)."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_a_rerun_never_writes_through_a_link_at_a_shards_path(folder: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"someone's file\n")
    (folder / "out" / "shards" / "shard-000002.jsonl").symlink_to(victim)
    write_articles(folder / "news.jsonl", dev_articles(12))  # the input grew: a third shard
    before = files(folder / "out")
    result = run(*PREDICT, cwd=folder)
    assert (result.returncode, result.stderr) == (
        1,
        f"annotator: error: out/shards/shard-000002.jsonl: a symbolic link, not a shard file these predictions "
        f"wrote; {LEAVE_IT}\n",
    )
    assert victim.read_bytes() == b"someone's file\n"
    assert (folder / "out" / "shards" / "shard-000002.jsonl").readlink() == victim
    assert files(folder / "out") == before


def test_a_rerun_never_overwrites_a_file_the_manifest_does_not_list(folder: Path) -> None:
    foreign = folder / "out" / "shards" / "shard-000002.jsonl"
    foreign.write_bytes(b"FOREIGN\n")
    write_articles(folder / "news.jsonl", dev_articles(12))
    before = files(folder / "out")
    result = run(*PREDICT, cwd=folder)
    assert (result.returncode, result.stderr) == (
        1,
        f"annotator: error: out/shards/shard-000002.jsonl: a file the manifest does not list as a shard of these "
        f"predictions; {LEAVE_IT}\n",
    )
    assert files(folder / "out") == before
    assert [s["file"] for s in manifest(folder)["shards"]] == ["shards/shard-000000.jsonl", "shards/shard-000001.jsonl"]
    foreign.rename(folder / "FOREIGN")  # moved away, as the line says: the same command goes on
    out = ok(*PREDICT, cwd=folder)
    assert out.startswith("12 article(s) in 3 shard(s) (1 computed on 1 worker(s), "), out
    assert (folder / "FOREIGN").read_bytes() == b"FOREIGN\n"


def test_a_refused_shard_through_a_link_at_the_output_names_where_it_is(folder: Path) -> None:
    """As export's refusals through a link name where it leads, so do the shards' when -o is a link to the
    output folder (they named the link alone)."""
    foreign = folder / "out" / "shards" / "shard-000002.jsonl"
    foreign.write_bytes(b"FOREIGN\n")
    (folder / "via").symlink_to("out")
    write_articles(folder / "news.jsonl", dev_articles(12))
    result = run(*PREDICT[:3], "via", *PREDICT[4:], cwd=folder)
    assert (result.returncode, result.stderr) == (
        1,
        f"annotator: error: via/shards/shard-000002.jsonl (through a link: {foreign}): a file the manifest does not list as "
        f"a shard of these predictions; {LEAVE_IT}\n",
    )
    assert foreign.read_bytes() == b"FOREIGN\n"


def test_a_rerun_never_overwrites_a_listed_shard_changed_since(folder: Path) -> None:
    """A listed shard of another size is not provably the one predict wrote (someone edited it): refused too."""
    shard = folder / "out" / "shards" / "shard-000001.jsonl"
    edited = shard.read_bytes() + b"someone's line\n"
    shard.write_bytes(edited)
    listed = manifest(folder)["shards"][1]["bytes"]
    before = files(folder / "out")
    result = run(*PREDICT, cwd=folder)
    assert (result.returncode, result.stderr) == (
        1,
        f"annotator: error: out/shards/shard-000001.jsonl: {len(edited)} bytes, not the {listed} the manifest lists "
        f"for this shard: changed since predict wrote it; {LEAVE_IT}\n",
    )
    assert files(folder / "out") == before
    assert manifest(folder)["complete"] is True


def test_an_unlisted_shard_holding_exactly_its_records_is_kept(tmp_path: Path) -> None:
    """What a run killed after a shard's rename and before the manifest's rewrite leaves: the rerun finds the
    very records it would write there, keeps the file as it is and lists it. (The manifest of that moment is one
    predict wrote for the first shard alone, with its folder's record of it: an edited one is refused.)"""
    folder = tmp_path
    write_articles(folder / "news.jsonl", dev_articles(4))
    ok(*PREDICT, cwd=folder)
    earlier = {name: (folder / "out" / name).read_bytes() for name in ("manifest.json", ".annotator-written.json")}
    write_articles(folder / "news.jsonl", dev_articles(8))
    ok(*PREDICT, cwd=folder)
    for name, data in earlier.items():
        (folder / "out" / name).write_bytes(data)
    assert [s["file"] for s in manifest(folder)["shards"]] == ["shards/shard-000000.jsonl"]
    shard = folder / "out" / "shards" / "shard-000001.jsonl"
    before = (shard.read_bytes(), shard.stat().st_ino)
    out = ok(*PREDICT, cwd=folder)
    assert out.startswith("8 article(s) in 2 shard(s) (1 computed on 1 worker(s), "), out
    assert (shard.read_bytes(), shard.stat().st_ino) == before
    assert [s["file"] for s in manifest(folder)["shards"]] == ["shards/shard-000000.jsonl", "shards/shard-000001.jsonl"]


def relabelled(shard: Path) -> bytes:
    """The shard with its first ACTOR made a LOCATION and three spaces taken out: the same size, other bytes."""
    old = shard.read_bytes()
    text = old.decode("utf-8")
    edited = text.replace('"label": "ACTOR"', '"label": "LOCATION"', 1).replace('"start": ', '"start":', 3).encode()
    shard.write_bytes(edited)
    assert len(edited) == len(old) and edited != old
    return edited


def test_a_rerun_never_replaces_a_listed_shard_edited_to_the_same_size(folder: Path) -> None:
    """Trial 27: a shard was proven predict's own by its size alone, so one edited to the same size was
    replaced when its articles changed; the manifest's SHA-256 of the file decides now."""
    shard = folder / "out" / "shards" / "shard-000001.jsonl"
    edited = relabelled(shard)
    articles = dev_articles(8)
    articles[5]["k"] = 50  # the second shard's articles changed: it is computed again
    write_articles(folder / "news.jsonl", articles)
    result = run(*PREDICT, cwd=folder)
    assert (result.returncode, result.stderr) == (
        1,
        "annotator: error: out/shards/shard-000001.jsonl: not the file predict wrote for this shard (its SHA-256 is "
        f"not the one the manifest lists): changed since predict wrote it; {LEAVE_IT}\n",
    )
    assert shard.read_bytes() == edited


def test_a_listed_shard_edited_to_the_same_size_is_not_taken_as_done(folder: Path) -> None:
    shard = folder / "out" / "shards" / "shard-000001.jsonl"
    relabelled(shard)
    before = files(folder / "out")
    result = run(*PREDICT, cwd=folder)
    assert result.returncode == 1
    assert result.stderr.startswith("annotator: error: out/shards/shard-000001.jsonl: not the file predict wrote")
    assert files(folder / "out") == before


def test_a_manifest_edited_by_hand_is_refused_and_left_byte_for_byte(folder: Path) -> None:
    """Trial 27: predict rewrote a manifest.json someone had edited (its writes replaced any file there)."""
    path = folder / "out" / "manifest.json"
    data = manifest(folder)
    data["shards"][0]["sha256"] = "0" * 64
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    edited = path.read_bytes()
    result = run(*PREDICT, cwd=folder)
    assert (result.returncode, result.stderr) == (
        1,
        "annotator: error: out/manifest.json: changed since annotator wrote it (its bytes are not the ones the folder's "
        "record holds); it was left as it is (give another output folder: predict goes on only from a manifest.json "
        "as it wrote it)\n",
    )
    assert path.read_bytes() == edited


# -- ingest --suggestions-from checks each shard against the manifest -------------------------------------------


def ingest_from(folder: Path) -> subprocess.CompletedProcess[str]:
    return run("ingest", "--suggestions-from", "out", "--db", "t.db", cwd=folder)


def changed(folder: Path, said: str, has: str) -> str:
    return (
        f"annotator: error: out/shards/shard-000000.jsonl: the manifest says {said}, the file has {has}: it changed "
        "after `annotator predict` wrote it (run predict again into a new folder); nothing was stored\n"
    )


def test_a_shard_cut_short_is_a_one_line_error_and_nothing_is_stored(folder: Path) -> None:
    shard = folder / "out" / "shards" / "shard-000000.jsonl"
    written = manifest(folder)["shards"][0]["bytes"]
    shard.write_text("".join(shard.read_text("utf-8").splitlines(keepends=True)[:2]), encoding="utf-8")
    result = ingest_from(folder)
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        changed(folder, f"{written} bytes", f"{shard.stat().st_size}"),
    )
    assert not (folder / "t.db").exists()


def test_a_shard_edited_to_the_same_size_is_a_one_line_error(folder: Path) -> None:
    shard = folder / "out" / "shards" / "shard-000000.jsonl"
    old = shard.read_bytes()
    lines = old.decode("utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace('"meta": {"k": 1,', '"meta": {"k": 7,', 1)  # another article's meta, same size
    shard.write_text("".join(lines), encoding="utf-8")
    assert shard.stat().st_size == len(old) and shard.read_bytes() != old
    records = [json.loads(line) for line in lines]
    edited = fingerprint((r["article_id"], r["title"], r["text"], r["meta"]) for r in records)
    result = ingest_from(folder)
    assert (result.returncode, result.stderr) == (
        1,
        changed(folder, f"fingerprint {manifest(folder)['shards'][0]['fingerprint']}", f"records of {edited}"),
    )
    assert not (folder / "t.db").exists()


def test_a_shard_of_another_count_of_records_is_a_one_line_error(folder: Path) -> None:
    data = manifest(folder)
    data["shards"][0]["articles"] = 5
    (folder / "out" / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    result = ingest_from(folder)
    assert (result.returncode, result.stderr) == (1, changed(folder, "5 records", "4"))
    assert not (folder / "t.db").exists()


def test_shards_as_predict_wrote_them_are_stored(folder: Path) -> None:
    result = ingest_from(folder)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("8 article(s) added, 0 already stored, "), result.stdout


def test_a_span_relabelled_in_a_shard_of_the_same_size_is_a_one_line_error(folder: Path) -> None:
    """Found by an attacker: the fingerprint covers the articles, not their spans, so ACTOR -> LOCATION with
    three spaces taken out (same size, same records) loaded silently; the manifest's sha256 of the file shows it."""
    shard = folder / "out" / "shards" / "shard-000000.jsonl"
    old = shard.read_bytes()
    text = old.decode("utf-8")
    assert '"label": "ACTOR"' in text and text.count('"start": ') >= 3
    edited = text.replace('"label": "ACTOR"', '"label": "LOCATION"', 1).replace('"start": ', '"start":', 3)
    shard.write_text(edited, encoding="utf-8")
    assert shard.stat().st_size == len(old)
    result = ingest_from(folder)
    digest = hashlib.sha256(edited.encode("utf-8")).hexdigest()
    assert (result.returncode, result.stderr) == (
        1,
        changed(folder, f"sha256 {manifest(folder)['shards'][0]['sha256']}", f"sha256 {digest}"),
    )
    assert not (folder / "t.db").exists()


def test_a_shard_taken_out_of_the_manifest_is_a_one_line_error(folder: Path) -> None:
    data = manifest(folder)
    del data["shards"][1]
    (folder / "out" / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    result = ingest_from(folder)
    assert (result.returncode, result.stderr) == (
        1,
        "annotator: error: out/manifest.json: field 'articles': its shards list 4 article(s), its total says 8: it "
        "was edited after `annotator predict` wrote it; nothing was stored\n",
    )


def test_a_leftover_beside_the_manifest_is_named_once_and_left(folder: Path) -> None:
    """The note comes through the CLI (the core hands it up: `places.Note`), once a run however often the
    manifest is rewritten, and the leftover stays as it is."""
    leftover = folder / "out" / ".manifest.json.partial-12345678"
    leftover.write_bytes(b"someone's half manifest\n")
    write_articles(folder / "news.jsonl", dev_articles(12))  # a third shard: the manifest is rewritten
    result = run(*PREDICT, cwd=folder)
    assert (result.returncode, result.stderr) == (
        0,
        "annotator: note: out/manifest.json: a leftover .manifest.json.partial-12345678 from an interrupted run is "
        "beside it; remove it if it is yours\n",
    )
    assert leftover.read_bytes() == b"someone's half manifest\n"


def test_an_unreadable_shard_is_refused_in_one_line(folder: Path) -> None:
    """As an unreadable export (trial 27): nothing tells whether predict wrote it; one line, left as it is."""
    shard = folder / "out" / "shards" / "shard-000001.jsonl"
    written = shard.read_bytes()
    articles = dev_articles(8)
    articles[5]["k"] = 50  # the second shard is computed again
    write_articles(folder / "news.jsonl", articles)
    shard.chmod(0)
    # root reads any file: without these capabilities a file of mode 000 is unreadable, as for anyone else
    without = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--inh-caps=-all", "--"]
    command = [*without, ANNOTATOR, *PREDICT] if os.geteuid() == 0 else [ANNOTATOR, *PREDICT]
    result = subprocess.run(command, capture_output=True, text=True, cwd=folder, check=False)
    assert (result.returncode, result.stderr) == (
        1,
        f"annotator: error: out/shards/shard-000001.jsonl: cannot be read, so nothing tells whether predict wrote "
        f"it; {LEAVE_IT}\n",
    )
    shard.chmod(0o644)
    assert shard.read_bytes() == written


def test_a_manifest_without_its_folders_record_is_refused(folder: Path) -> None:
    """Nothing proves a manifest predict's own without the folder's record (removed, or a folder an older release
    wrote): the refusal says so, and the manifest is left byte for byte."""
    (folder / "out" / ".annotator-written.json").unlink()
    before = (folder / "out" / "manifest.json").read_bytes()
    result = run(*PREDICT, cwd=folder)
    assert (result.returncode, result.stderr) == (
        1,
        "annotator: error: out/manifest.json: annotator cannot prove it wrote this file: the folder has no record "
        "of the files annotator wrote there (.annotator-written.json is missing); the file was left as it is (give "
        "another output folder: predict goes on only from a manifest.json as it wrote it)\n",
    )
    assert (folder / "out" / "manifest.json").read_bytes() == before
