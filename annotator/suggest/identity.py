"""What a pipeline folder `annotator train` writes says it is, in the keys spaCy reads from meta.json (`spacy
info`, `spacy package`): this model's own name, version, description, scores, sources and licence.

A trial found a trained folder still calling itself en_core_web_sm: "author": "Explosion", "license": "MIT",
version 3.8.0, and `performance` with the small model's OntoNotes scores (ents_f 0.843) that anything reading it
would advertise for a model that never earned them. Now `performance` holds this model's own held-out figures
(its suggestions', not a spaCy component's: no `ents_*` key), `sources` what its weights learned from (the small
model's, the shipped component's as training/README.md credits them, the team's annotations) and the licence
says the mix. The "annotator" section (`loading.META_KEY`), which annotator itself reads, is written as given.
meta.json is no part of the folder's content hash (`loading.folder_hash`), so none of this renames a pipeline.
"""

from __future__ import annotations

from typing import Any

from annotator.metrics.evaluation import Evaluation

#: spaCy's version for a pipeline that keeps none: the weights are named by the hash in `name`.
VERSION = "0.0.0"
#: Who trained it: annotator cannot know the team's name.
AUTHOR = "the team that ran `annotator train`"
GUM = {
    "name": "GUM, the Georgetown University Multilayer corpus (entity annotations, mapped to annotator's guide)",
    "url": "https://gucorpling.org/gum/",
    "license": "annotations CC BY 4.0; texts under their sources' licences (CC BY, CC BY-SA, some CC BY-NC-SA "
    "non-commercial), listed per genre in annotator's training/README.md",
    "author": "Amir Zeldes and the GUM annotators (Zeldes 2017, Language Resources and Evaluation 51(3))",
}
WIKINEWS = {
    "name": "annotator's development gold (Wikinews articles)",
    "url": "https://en.wikinews.org/",
    "license": "CC BY 2.5",
    "author": "Wikinews contributors; annotations by the annotator project",
}
SHIPPED_LICENCE = (
    "mixed: en_core_web_sm's weights MIT (Explosion); weights learned from GUM (annotations CC BY 4.0, texts partly "
    "CC BY-SA and non-commercial CC BY-NC-SA), Wikinews (CC BY 2.5) and the team's annotations (the team's terms): "
    "see sources"
)
NEW_LICENCE = (
    "mixed: en_core_web_sm's weights MIT (Explosion); weights learned from the team's annotations (the team's terms): "
    "see sources"
)


def _small_model(start: dict[str, Any]) -> dict[str, str]:
    """The small model the pipeline is built on, from its own meta (the start of a first run)."""
    return {
        "name": f"en_core_web_sm {start.get('version', '')}".strip(),
        "url": "https://github.com/explosion/spacy-models",
        "license": str(start.get("license") or "MIT"),
        "author": str(start.get("author") or "Explosion"),
    }


def _team(about: dict[str, Any]) -> dict[str, str]:
    articles = about.get("articles", [])
    return {
        "name": f"the team's annotations: {about.get('trained_on', '')}, {len(articles)} article(s) learned from",
        "license": "the team's own terms (annotator does not know them)",
        "author": AUTHOR,
    }


def performance(after: Evaluation | None) -> dict[str, float]:
    """The suggestions' pooled entity figures on the held-out articles after training (`annotator train`'s
    "entities" row), exact P/R/F and overlap F; a figure with nothing to divide by is left out."""
    if after is None:
        return {}
    micro = after.micro
    figures = {
        "entities_exact_p": micro.exact.precision,
        "entities_exact_r": micro.exact.recall,
        "entities_exact_f": micro.exact.f1,
        "entities_overlap_f": micro.overlap.f1,
    }
    return {key: round(value, 4) for key, value in figures.items() if value is not None}


def own_meta(
    start: dict[str, Any], about: dict[str, Any], after: Evaluation | None, weights: str, *, shipped: bool
) -> dict[str, Any]:
    """meta.json for a pipeline `annotator train` wrote: `start` the meta of what it started from (the small
    model's, or a `--base` folder's), `about` the "annotator" section, `weights` the folder's content hash;
    `shipped`: it started from the component shipped with annotator (GUM and the dev gold are among its sources)."""
    earlier = start.get("annotator")
    held, learned = len(about.get("held_out", [])), len(about.get("articles", []))
    meta = {key: value for key, value in start.items() if key not in ("annotator", "annotator_suggesters")}
    sources = [s for s in start.get("sources", []) if isinstance(s, dict)]  # the small model's own data, or more
    if isinstance(earlier, dict) and start.get("author") == AUTHOR:  # a `--base` folder with its own meta: carried
        licence = str(start.get("license") or NEW_LICENCE)
    else:  # the small model, or a `--base` folder of an older release that still called itself en_core_web_sm
        sources += [_small_model(start), *([GUM, WIKINEWS] if shipped else [])]
        sources += [_team(earlier)] if isinstance(earlier, dict) else []
        licence = SHIPPED_LICENCE if shipped else NEW_LICENCE
    meta.update(
        name=f"annotator_trained_{weights}",
        version=VERSION,
        description=(
            f"en_core_web_sm with annotator's entity component (guide_ner: ACTOR, LOCATION, FIGURE) fine-tuned by "
            f"`annotator train` on {about.get('trained_on', '')} ({learned} article(s)); its suggestions are named "
            f"entities.v16@{weights}. performance: those suggestions' pooled entity figures on {held} held-out "
            "article(s), exact and overlap; the other components are en_core_web_sm's, unchanged"
        ),
        author=AUTHOR,
        email="",
        url="",
        license=licence,
        sources=[*sources, _team(about)],
        performance=performance(after),
    )
    meta["annotator"] = about
    return meta
