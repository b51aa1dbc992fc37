"""How texts reach the suggesters: in batches through `nlp.pipe` and `suggest_doc`, in this process or in worker
processes of our own.

One process or several, every batch takes the same path (`_suggested`: spaCy's pipeline, then the suggesters), so
the results are the same. With `n_process` > 1, that many processes forked from this one (the loaded pipeline comes
with them, nothing is pickled) take the next batch whenever they are free, and send back only what is stored: the
token offsets and the suggestions. This process keeps the order and writes. Why not `nlp.pipe(n_process=N)`: spaCy's
workers send each Doc back whole (its tensor included), which this process rebuilt only to read the results; they
are dealt batches in turn, so with 100 articles one worker got 64 and the other 36; and a SIGINT to this process
alone hung for ever, its `finally` joining workers blocked writing to a pipe whose reading end every forked worker
also held (issue 10). Here each worker holds only the writing end of its own pipe and ignores SIGINT (a terminal's
ctrl+c reaches every process of the group: this one decides), and a run that stops early for any reason
(ctrl+c, an error, a consumer that stops reading) terminates its workers before it returns.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import traceback
from collections.abc import Generator, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, TypeVar

from annotator.errors import AnnotatorError, SuggestingFailed, unexpected
from annotator.interrupts import INTERRUPTS, blocked, default_terminate, stop_if_interrupted
from annotator.models import Suggestion
from annotator.rows import Token
from annotator.suggest.pipeline import Suggesters, suggest_doc
from annotator.suggest.tokens import tokens_of

if TYPE_CHECKING:
    from multiprocessing.context import ForkContext, SpawnContext
    from multiprocessing.process import BaseProcess
    from multiprocessing.queues import Queue

    from spacy.language import Language

Context = TypeVar("Context")
Result = tuple[list[Token], list[Suggestion]]
#: Texts a worker takes at a time: small, so that the workers finish together (the last batch is short), and the
#: same results whatever the batch (spaCy parses a text alike in any batch; tests compare 1 and 2 workers).
WORKER_BATCH = 4
#: Characters a batch reaches at most (a batch ends with the text that reaches them): the parser's memory grows
#: with a batch's characters, so a long article's pieces (`suggest.pieces`) go a few at a time, not 32 at once
#: (one 300,000-character article parsed at once took 1.7 GB).
BATCH_CHARS = 100_000
#: Batches waiting for each worker, so that it never waits for this process.
AHEAD = 2
#: How often a worker waiting for texts checks that this process is still there.
PARENT_CHECK_SECONDS = 1.0


class WorkerLost(AnnotatorError):
    """A worker process ended before sending its results (killed from outside, out of memory): one line, like
    every error the user sees; what was stored before it stays."""

    def __init__(self, exitcode: int | None):
        how = f"exit status {exitcode}"
        if exitcode is not None and exitcode < 0:
            how = f"killed by {signal.Signals(-exitcode).name}"
        super().__init__(f"a worker process ended before it sent its results ({how})")


def _suggested(nlp: Language, suggesters: Suggesters, texts: list[str]) -> list[Result]:
    """Token offsets and suggestions of each text: one batch through the pipeline, then the suggesters (which rest
    their spans on the same token offsets, read once). An unexpected error (a bug, here or in a --model pipeline's
    component) is `SuggestingFailed`, naming the text it failed on (`_failing`)."""
    try:
        found: list[Result] = []
        for doc in nlp.pipe(texts, batch_size=len(texts)):
            tokens = tokens_of(doc)
            found.append((tokens, suggest_doc(doc, suggesters, tokens)))
        return found
    except AnnotatorError:
        raise
    except Exception as error:  # any bug: said in one line, its traceback kept
        raise _failing(nlp, suggesters, texts, error) from None


def _failing(nlp: Language, suggesters: Suggesters, texts: list[str], error: Exception) -> SuggestingFailed:
    """Which text of a batch the error came from, and in which part: each text again alone (spaCy parses a text
    alike in any batch), the first that fails named; if none fails alone, the batch's error, of all its texts."""
    names = " + ".join(suggesters.names)
    for number, text in enumerate(texts):
        where = "the spaCy pipeline"
        try:
            doc = nlp(text)
            where = "the suggesters"
            suggest_doc(doc, suggesters)
        except Exception as alone:  # the first text that fails alone is the one
            details = "".join(traceback.format_exception(alone))
            return SuggestingFailed(unexpected(alone, where), names, details, (number,))
    details = "".join(traceback.format_exception(error))
    return SuggestingFailed(
        unexpected(error, "the spaCy pipeline or the suggesters"), names, details, tuple(range(len(texts)))
    )


def _batches(
    items: Iterable[tuple[str, Context]], size: int, chars: int = BATCH_CHARS
) -> Iterator[list[tuple[str, Context]]]:
    """Batches of `size` items, or fewer when their texts reach `chars` characters."""
    batch: list[tuple[str, Context]] = []
    length = 0
    for item in items:
        batch.append(item)
        length += len(item[0])
        if len(batch) >= size or length >= chars:
            yield batch
            batch, length = [], 0
    if batch:
        yield batch


def suggest_in_processes(
    items: Iterable[tuple[str, Context]],
    nlp: Language,
    suggesters: Suggesters,
    *,
    batch_size: int = 32,
    n_process: int = 1,
) -> Generator[tuple[Result, Context], None, None]:
    """((tokens, suggestions), context) per (text, context), in order, from `n_process` processes (1: this one,
    no fork), by the `suggesters` versions."""
    if n_process == 1:
        for batch in _batches(items, batch_size):
            stop_if_interrupted()  # one that some code dropped (spaCy's loading catches everything) stops the work here
            try:
                found = _suggested(nlp, suggesters, [text for text, _ in batch])
            except SuggestingFailed as failure:
                raise _of_batch(failure, [context for _, context in batch]) from None
            yield from zip(found, (context for _, context in batch), strict=True)
        return
    yield from _Workers(nlp, suggesters, n_process).run(_batches(items, min(batch_size, WORKER_BATCH)))


def _of_batch(failure: SuggestingFailed, contexts: list[Any]) -> SuggestingFailed:
    """A batch's failure with the contexts of the texts it names, for the caller to say which they are."""
    failure.contexts = tuple(contexts[number] for number in failure.texts)
    return failure


def _context() -> ForkContext | SpawnContext:
    """Fork where there is fork: the workers start with the loaded pipeline, nothing pickled or loaded again."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _work(
    nlp: Language,
    suggesters: Suggesters,
    tasks: Queue[tuple[int, list[str]] | None],
    results: Connection,
    not_ours: list[Connection],
    parent: int,
) -> None:
    """A worker: take the next batch, send back (number, results) or (number, the error), until told to stop or
    this process's parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt stops, and stops us
    default_terminate()  # with SIGTERM (terminate()): the parent's handler, forked with us, would raise instead
    signal.pthread_sigmask(signal.SIG_UNBLOCK, set(INTERRUPTS))  # blocked by the parent while it forked us
    for end in not_ours:  # reading ends forked with us: held here, a pipe would never break
        end.close()
    while True:
        try:
            task = tasks.get(timeout=PARENT_CHECK_SECONDS)
        except queue.Empty:
            if os.getppid() != parent:
                return
            continue
        if task is None:
            return
        number, texts = task
        try:
            found: list[Result] | BaseException = _suggested(nlp, suggesters, texts)
        except Exception as error:  # any error is the parent's to raise
            found = error
        try:
            results.send((number, found))
        except OSError:  # the parent closed its end: it has stopped
            return
        except Exception:  # an error that cannot be pickled (nothing was sent): its traceback as text
            if not isinstance(found, BaseException):
                raise
            results.send((number, RuntimeError("".join(traceback.format_exception(found)))))
        if isinstance(found, BaseException):
            return


class _BatchFailed(Exception):
    """A worker's `SuggestingFailed` on the batch of that number (`_Workers.run` says which texts it names)."""

    def __init__(self, number: int, failure: SuggestingFailed):
        super().__init__(number, failure)
        self.number, self.failure = number, failure


class _Workers:
    """`n_process` forked workers, fed batches from one queue and read from a pipe each."""

    def __init__(self, nlp: Language, suggesters: Suggesters, n_process: int):
        self.nlp, self.suggesters, self.n_process = nlp, suggesters, n_process

    def run(self, batches: Iterator[list[tuple[str, Context]]]) -> Iterator[tuple[Result, Context]]:
        context = _context()
        tasks: Queue[tuple[int, list[str]] | None] = context.Queue()
        processes: list[BaseProcess] = []
        readers: list[Connection] = []
        contexts: dict[int, list[Context]] = {}
        finished: dict[int, list[Result]] = {}
        sent = following = 0

        def send_next() -> None:
            nonlocal sent
            batch = next(batches, None)
            if batch is not None:
                contexts[sent] = [item for _, item in batch]
                tasks.put((sent, [text for text, _ in batch]))
                sent += 1

        try:
            for _ in range(self.n_process):
                reader, writer = context.Pipe(duplex=False)
                readers.append(reader)
                process = context.Process(
                    target=_work,
                    args=(self.nlp, self.suggesters, tasks, writer, list(readers), os.getpid()),
                    daemon=True,  # never outlives this process, whatever ends it
                )
                with blocked(*INTERRUPTS):  # until the worker ignores it: a terminal's ctrl+c is ours alone
                    process.start()
                processes.append(process)
                writer.close()  # only the worker writes: its pipe breaks when it ends
            for _ in range(AHEAD * self.n_process):
                send_next()
            while following < sent:
                while following not in finished:
                    stop_if_interrupted()  # one some code dropped: the workers are ended below, as for any interrupt
                    try:
                        number, found = self._receive(readers, processes)
                    except _BatchFailed as failed:
                        raise _of_batch(failed.failure, contexts[failed.number]) from None
                    finished[number] = found
                    send_next()
                yield from zip(finished.pop(following), contexts.pop(following), strict=True)
                following += 1
        except BaseException:  # ctrl+c, an error, or a consumer that stopped reading (GeneratorExit)
            self._stop(processes, readers, tasks, orderly=False)
            raise
        self._stop(processes, readers, tasks, orderly=True)

    @staticmethod
    def _receive(readers: list[Connection], processes: list[BaseProcess]) -> tuple[int, list[Result]]:
        """The next (number, results) any worker sends; its error raised; a worker that ended without a word is
        `WorkerLost`."""
        ready = wait([*readers, *(p.sentinel for p in processes)])
        for reader, process in zip(readers, processes, strict=True):
            if reader in ready:
                try:
                    number, found = reader.recv()
                except EOFError:  # its pipe closed: it has ended
                    process.join()
                    raise WorkerLost(process.exitcode) from None
                if isinstance(found, SuggestingFailed):
                    raise _BatchFailed(number, found)
                if isinstance(found, BaseException):
                    raise found
                return number, found
        ended = next(p for p in processes if p.sentinel in ready)
        ended.join(5)  # its sentinel closes a moment before it can be reaped: without this, "exit status None"
        raise WorkerLost(ended.exitcode)

    @staticmethod
    def _stop(processes: list[BaseProcess], readers: list[Connection], tasks: Any, *, orderly: bool) -> None:
        """Orderly: tell each worker to stop and wait for it. Otherwise terminate the workers, whatever they are
        doing, and never wait for the queue's texts to reach them."""
        if orderly:
            for _ in processes:
                tasks.put(None)
        else:
            for process in processes:
                process.terminate()
            tasks.cancel_join_thread()
        for process in processes:
            process.join(timeout=None if orderly else 5)
            if process.is_alive():
                process.kill()
                process.join()
        for reader in readers:
            reader.close()
        tasks.close()
