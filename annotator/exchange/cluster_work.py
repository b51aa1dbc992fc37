"""What runs on a Dask worker for `annotator predict` (`exchange.predict` runs the rest): a worker plugin that
loads the spaCy pipeline once per worker process, the task that names the pipeline and suggester versions a
worker runs, and the task that turns a shard's articles into suggestion records."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from distributed import WorkerPlugin

from annotator.errors import article_named, failures_named

if TYPE_CHECKING:
    from distributed import Worker

    from annotator.models import Suggestion
    from annotator.rows import Token

PLUGIN = "annotator-pipeline"  # and the model asked for: one plugin, and pipeline, per model on a worker


class PipelineOnWorker(WorkerPlugin):
    """A Dask worker plugin that loads the pipeline once, in the worker's process, when the worker starts (or
    joins the cluster later), and keeps it for every shard the worker is given. Idempotent: on a long-lived
    cluster, a second `predict` with the same model finds the pipeline loaded."""

    idempotent = True

    def __init__(self, model: str | None) -> None:
        self.name = plugin_name(model)
        self.model = model
        self.nlp: Any = None
        self.loads = 0

    def setup(self, worker: Worker) -> None:
        from annotator.suggest import load_pipeline

        self.nlp = load_pipeline(self.model)
        self.loads += 1


def plugin_name(model: str | None) -> str:
    return f"{PLUGIN}:{model or ''}"


def _pipeline_here(model: str | None) -> Any:
    """The plugin (with the loaded pipeline) of the worker this task runs on."""
    from distributed import get_worker

    return get_worker().plugins[plugin_name(model)]


def pipeline_on_worker(model: str | None) -> dict[str, Any]:
    """(A task) Which pipeline and suggester versions a worker runs: the manifest's record of what made it."""
    from annotator.suggest import suggesters_of

    plugin = _pipeline_here(model)
    meta = plugin.nlp.meta
    return {
        "model": plugin.model,
        "name": f"{meta['lang']}_{meta['name']}",
        "version": meta["version"],
        "suggesters": list(suggesters_of(plugin.nlp).names),
    }


def predict_shard(
    articles: Sequence[tuple[str, str, str, dict[str, Any]]], model: str | None, batch_size: int
) -> dict[str, Any]:
    """(A task) Suggestion records for (id, title, text, meta) articles, as JSONL lines, with their counts. A bug
    in the suggesters names the article it failed on (its file and line), and comes back to `predict` whole."""
    from annotator.suggest import suggest_texts

    plugin = _pipeline_here(model)

    def named(place: int) -> str:
        article_id, title, _, meta = articles[place]
        return article_named(str(meta.get("source", "")), article_id, title)

    with failures_named(named):
        results = suggest_texts((text for _, _, text, _ in articles), plugin.nlp, batch_size=batch_size)
        return _records(articles, results, plugin.loads)


def _records(
    articles: Sequence[tuple[str, str, str, dict[str, Any]]],
    results: Iterable[tuple[list[Token], list[Suggestion]]],
    loads: int,
) -> dict[str, Any]:
    """A shard's suggestion records as JSONL lines, with their counts (`predict_shard`)."""
    from distributed import get_worker

    from annotator.exchange.formats.jsonl import dumps
    from annotator.exchange.records import suggestion_record

    lines: list[str] = []
    made: dict[str, dict[str, int]] = {}
    words = suggested = 0
    for (article_id, title, text, meta), (_, suggestions) in zip(articles, results, strict=True):
        record = suggestion_record(article_id, text, title, meta, suggestions, (s.suggester for s in suggestions))
        lines.append(dumps(record) + "\n")
        # the counts are of the spans written, each label by the suggester that made it (one a label, which is
        # how `ingest --suggestions-from` gives each span back its suggester)
        maker = {s.label: s.suggester for s in suggestions}
        for span in record.spans:
            labels = made.setdefault(maker[span.label], {})
            labels[span.label.value] = labels.get(span.label.value, 0) + 1
        words += len(text.split())
        suggested += len(record.spans)
    return {
        "lines": lines,
        "made": made,
        "words": words,
        "suggestions": suggested,
        "worker": get_worker().address,
        "pipeline_loads": loads,
    }
