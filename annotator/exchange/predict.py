"""`annotator predict`: the suggesters over a corpus far larger than an annotation database should hold, on Dask.

The inputs are cut into shards (`exchange.shards`); Dask's distributed scheduler spreads them over its workers,
a `LocalCluster` of worker processes on this machine by default, or the workers of an existing scheduler. A
worker plugin (`exchange.cluster_work`) loads the spaCy pipeline once per worker process, when it starts or joins; every
shard on that worker then goes through the suggesters' public entry point (`suggest_texts`) with it.

This process reads the inputs (workers need no access to them), sends each shard's articles to the cluster,
keeps a few shards per worker in flight, and writes each returned shard as one JSONL file of native suggestion
records, the records `export --suggestions` writes, through a `.partial` file that is synced and then
renamed over the shard's path (never through a link there, and never over a file the manifest does not list
as ours: `shards.write_shard`); `manifest.json` is rewritten the same way every two seconds while shards finish, and at the end. A
crash or an interruption therefore leaves only whole shard files and a manifest naming finished ones; a rerun
of the same command skips every shard the manifest lists with the same fingerprint and computes the rest (a
shard finished in the last two seconds before a crash, and so not yet listed, is computed again: the shards
folder's record proves it predict's own, `shards.write_shard`).

A terminal's ctrl+c reaches every process of its group, a local cluster's worker processes too: each printed a
traceback before this process's one line. They ignore SIGINT (`exchange.local_worker`, preloaded), so only this
process takes it, and it stops them by closing the cluster.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.companion_names import companion_refusal
from annotator.errors import AnnotatorError, InputError
from annotator.exchange.cluster_work import PipelineOnWorker, pipeline_on_worker, predict_shard
from annotator.exchange.formats.labelstudio_project import TEXT
from annotator.exchange.labelstudio_tasks import TaskReading
from annotator.exchange.manifest import MANIFEST, Manifest, read_manifest, resumed
from annotator.exchange.recording import forget_written
from annotator.exchange.shards import Shard, as_written, count_articles, must_write, shards_of, write_shard
from annotator.exchange.skipping import Skippable
from annotator.interrupts import interrupts_after, stop_if_interrupted
from annotator.places import leading, unbroken

if TYPE_CHECKING:
    from distributed import Client, Future

    from annotator.places import Note

#: Called with (articles done, articles in the inputs) as shards finish; the CLI draws a progress bar.
Progress = Callable[[int, int], None]

IN_FLIGHT_PER_WORKER = 2  # shards sent ahead to each worker: it never waits, and this process holds few
#: The module each worker of a local cluster preloads.
LOCAL_WORKER = "annotator.exchange.local_worker"
MANIFEST_EVERY = 2.0  # seconds between rewrites of the manifest while shards finish (and once at the end)
NO_WORKER_WAIT = 5.0  # seconds an existing scheduler may have no worker before this is said (once)


@dataclass(frozen=True)
class PredictReport:
    shards: int
    computed: int  # shards computed by this run (the others were finished before)
    articles: int
    words_computed: int
    suggestions: int
    seconds: float  # from the first shard sent to the last one written
    workers: int  # that computed this run's shards, as their results name them

    @property
    def words_per_second(self) -> float:
        return self.words_computed / self.seconds if self.seconds else 0.0


@contextmanager
def dask_client(workers: int | None, scheduler: str | None) -> Iterator[Client]:
    """A client of an existing scheduler, or of a new LocalCluster of `workers` single-threaded worker
    processes (default: one per core), closed on the way out."""
    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:  # waits as long as Dask's distributed.comm.timeouts.connect says (30 s unless configured)
            client = Client(scheduler)
        except (
            OSError,
            TimeoutError,
            ValueError,
            TypeError,
        ) as error:  # Dask: tls:// needs a context, inproc:// another process
            raise AnnotatorError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        with client:
            yield client
        return
    with ExitStack() as started:
        # an interrupt while the cluster starts waits until it has started (a second or two), then ends it as any
        # other: one that came earlier left a half-started cluster that Dask failed to close at exit, printing a
        # traceback ("Exception ignored in atexit callback ... AssertionError: Status.init") after the one line
        with interrupts_after():
            cluster = started.enter_context(
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # any free port: never a clash with another cluster's 8787
                    silence_logs=logging.CRITICAL,  # a worker's error reaches this process, told once, in one line
                    preload=[LOCAL_WORKER],  # ignores SIGINT: a terminal's ctrl+c is this process's to handle
                )
            )
        yield started.enter_context(Client(cluster))


def check_output(folder: Path) -> None:
    """Before any cluster starts: the output folder is new, empty, or one this command wrote."""
    unbroken(folder)  # a link to nothing or in a loop: one line, nothing made
    shown = leading(folder, os.path.realpath(folder))  # and where a link leads
    refusal = companion_refusal(folder, shown)  # SQLite would take a folder there for a database's own
    if refusal is not None:
        raise AnnotatorError(f"{refusal}: give another folder for the predictions")
    if folder.exists() and not folder.is_dir():
        raise AnnotatorError(f"{shown} is a file: give a folder for the predictions")
    if read_manifest(folder) is None and folder.exists() and any(folder.iterdir()):
        raise AnnotatorError(f"{shown} is not empty and holds no {MANIFEST}: give a new or empty folder")


def predict(
    paths: Sequence[Path],
    out: Path,
    *,
    model: str | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    shard_size: int = 100,
    batch_size: int = 32,
    progress: Progress | None = None,
    note: Note = None,
    skipped: list[InputError] | None = None,
    text_field: str = TEXT,
) -> PredictReport:
    """Suggestion records for every article of `paths`, one file per shard in `out/shards/`, with `out/
    manifest.json`; shards a previous run finished are kept as they are. `note` hears of a leftover beside the
    manifest or beside a shard this run writes. With `skipped` (--skip-invalid), a file or line that holds no
    article is added to it and the rest predicted; without, it stops the run (the shards finished are kept), in
    a line that says --skip-invalid would skip it. `text_field`: a Label Studio task's (--text-field), as ingest
    reads it."""
    check_output(out)
    tasks = TaskReading(text_field)
    with _skip_said(skipped):
        total = count_articles(paths, note, skipping=skipped is not None, tasks=tasks)
    with dask_client(workers, scheduler) as client, _skip_said(skipped):
        if scheduler is not None:
            _wait_for_a_worker(client, scheduler, note)
        client.register_plugin(PipelineOnWorker(model))  # loads the pipeline on every worker; its error is ours
        pipeline = client.submit(pipeline_on_worker, model, pure=False).result()
        manifest = resumed(out, pipeline, shard_size, [str(p) for p in paths], text_field)
        manifest.note = note
        return _run(client, paths, out, manifest, model, shard_size, batch_size, total, progress, note, skipped, tasks)


@contextmanager
def _skip_said(skipped: list[InputError] | None) -> Iterator[None]:
    """Without --skip-invalid, a file or line that holds no article stops the run saying that option skips it."""
    try:
        yield
    except Skippable as error:
        if skipped is not None:
            raise
        raise Skippable(error, "; --skip-invalid skips it and predicts the rest") from None


def _wait_for_a_worker(client: Client, scheduler: str, note: Note) -> None:
    """Waits, as a Dask client does, until a worker is connected to the scheduler: workers may join later (a
    cluster scaling up). One that has none after a few seconds is said, once, with how to start one (a newcomer's
    trial: an empty progress bar for ever, not a word). Polled in short calls an interrupt waits for: one that
    landed as Dask's `wait_for_workers` began made Dask print a traceback (NameError in `sync`'s cancel)."""
    said, started = False, time.monotonic()
    while True:
        with interrupts_after():
            try:
                client.wait_for_workers(1, timeout=0.5)
                return
            except TimeoutError:  # Dask's WorkerStartTimeoutError
                pass
        if not said and time.monotonic() - started >= NO_WORKER_WAIT and note is not None:
            note(f"no worker is connected to the Dask scheduler at {scheduler}: waiting for one (start one with "
                 f"`dask worker {scheduler}`)")  # fmt: skip
            said = True


def _run(
    client: Client,
    paths: Sequence[Path],
    out: Path,
    manifest: Manifest,
    model: str | None,
    shard_size: int,
    batch_size: int,
    total: int,
    progress: Progress | None,
    note: Note,
    skipped: list[InputError] | None,
    tasks: TaskReading,
) -> PredictReport:
    from distributed import as_completed

    # only how many shards to keep in flight: the workers that computed them are counted from their results (the
    # scheduler's list misses those not registered yet, and counts those that leave or compute nothing)
    workers = len(client.scheduler_info(n_workers=-1)["workers"])
    run = _Run(out, manifest, total, progress, note)
    run.advance(0)  # the bar shows its total from the start
    pending = as_completed()
    try:
        for shard in shards_of(paths, shard_size, manifest.inputs, skipped, tasks):
            run.planned.append(shard.file)
            if _done(out, shard, manifest):
                run.advance(len(shard.articles))
                continue
            must_write(out, shard.file, manifest)  # a link or special file there is refused before any work
            payload = [(a.article_id, a.title, a.text, a.meta) for a in shard.articles]
            key = f"annotator-{shard.name}-{shard.fingerprint}"
            future = client.submit(predict_shard, payload, model, batch_size, key=key, pure=False)
            run.started = run.started or time.perf_counter()
            run.sent[future.key] = shard
            pending.add(future)
            while len(run.sent) >= IN_FLIGHT_PER_WORKER * max(workers, 1):
                run.finished(next(pending))
        for future in pending:
            run.finished(future)
    except AnnotatorError:
        if run.changed:
            run.listed()  # the shards finished so far stay listed
        raise
    stop_if_interrupted()
    if set(manifest.shards) - set(run.planned):
        run.changing()
    _forget_stale(out, manifest, run.planned)
    manifest.complete = True
    # every shard listed: none is left in the record (a run killed between a rewrite and its `listed` left some)
    run.unlisted.update({out / file: str(entry.get("sha256")) for file, entry in manifest.shards.items()})
    run.listed()
    entries = manifest.shards.values()
    return PredictReport(
        shards=len(run.planned),
        computed=run.computed,
        articles=sum(e["articles"] for e in entries),
        words_computed=run.words,
        suggestions=sum(e["suggestions"] for e in entries),
        seconds=time.perf_counter() - run.started if run.started else 0.0,
        workers=len(run.workers),
    )


@dataclass
class _Run:
    """What this process tracks while shards are out: which shard each future computes, what is done."""

    out: Path
    manifest: Manifest
    total: int
    progress: Progress | None
    note: Note  # hears of a leftover beside a shard written
    sent: dict[Any, Shard] = field(default_factory=dict)  # future key -> its shard
    planned: list[str] = field(default_factory=list)  # every shard file of today's inputs
    articles: int = 0
    computed: int = 0
    words: int = 0
    started: float = 0.0
    written: float = 0.0  # when the manifest was last written
    unlisted: dict[Path, str] = field(default_factory=dict)  # shards written since then -> their SHA-256
    workers: set[str] = field(default_factory=set)  # the addresses of the workers that computed shards
    changed: bool = False  # whether this run changed the folder (the manifest says so first)

    def finished(self, future: Future[dict[str, Any]]) -> None:
        """Write a computed shard's records (whole or not at all), and list it in the manifest."""
        stop_if_interrupted()  # one that some code dropped (a Dask object's `__del__`) stops the run before this shard
        shard = self.sent.pop(future.key)
        result = future.result()  # a worker's error is raised here, in this process
        records = "".join(result["lines"]).encode("utf-8")
        # a file there it may not replace is refused before the manifest is changed
        write_shard(self.out, shard.file, self.manifest, records, self.note, allowed=self.changing)
        first, last = shard.sources
        self.manifest.shards[shard.file] = {
            "articles": len(shard.articles),
            "words": result["words"],
            "suggestions": result["suggestions"],
            "first": first,
            "last": last,
            "fingerprint": shard.fingerprint,
            "bytes": len(records),
            "sha256": hashlib.sha256(records).hexdigest(),  # the file as written: any later edit shows
            "made": result["made"],
            "worker": result["worker"],
            "pipeline_loads": result["pipeline_loads"],
        }
        self.unlisted[self.out / shard.file] = self.manifest.shards[shard.file]["sha256"]
        if time.perf_counter() - self.written >= MANIFEST_EVERY:
            self.listed()
            self.written = time.perf_counter()
        self.computed += 1
        self.workers.add(result["worker"])
        self.words += result["words"]
        self.advance(len(shard.articles))

    def changing(self) -> None:
        """Before this run's first change to the folder, the manifest says it is not complete (and a new folder
        says it holds these predictions before any shard is in it: an interrupt between the first shard and the
        manifest's first writing left a shard without one, a folder the rerun it asks for refused). Not before: a
        run refused before any change leaves the manifest byte for byte (a newcomer's trial: a shard edited by
        hand was refused, and "complete": true had become false)."""
        if not self.changed:
            self.manifest.complete = False
            self.manifest.write(self.out)
            self.changed = True

    def listed(self) -> None:
        """The manifest rewritten: it lists every shard written so far, whose hashes the shards folder's record
        (`shards.write_shard`) need not hold any more."""
        self.manifest.write(self.out)
        if self.unlisted:
            forget_written(self.unlisted)
            self.unlisted.clear()

    def advance(self, articles: int) -> None:
        self.articles += articles
        if self.progress:
            self.progress(self.articles, max(self.total, self.articles))


def _done(out: Path, shard: Shard, manifest: Manifest) -> bool:
    """Finished by an earlier run: the manifest lists it with this fingerprint, and its file is byte for byte the
    one written then (its SHA-256; an edited one is computed again, and `must_write` refuses to replace it)."""
    entry = manifest.shards.get(shard.file)
    return entry is not None and entry.get("fingerprint") == shard.fingerprint and as_written(out / shard.file, entry)


def _forget_stale(out: Path, manifest: Manifest, planned: list[str]) -> None:
    """Shards an earlier run wrote past the end of today's inputs (they shrank): off the manifest, and their
    files removed when they are provably ours: a shard's name in the shards folder, with the SHA-256 the manifest
    recorded (an edited manifest, or shard, never makes this remove another file)."""
    for file in set(manifest.shards) - set(planned):
        entry = manifest.shards.pop(file)
        path = out / file
        ours = re.fullmatch(r"shards/shard-\d{6}\.jsonl", file) is not None and not path.is_symlink()
        if ours and as_written(path, entry):
            path.unlink()
