#!/bin/sh
# Rebuild the guide component shipped in annotator/data/guide/ from its sources (about 30-40 minutes on two
# CPU cores). Run from the repository root with the project's environment:
#
#   git clone https://github.com/amir-zeldes/gum ../gum && git -C ../gum checkout 72ce5ac14978
#   sh training/rebuild.sh ../gum/dep ../shared/corpus/gum_gold.jsonl
#
# 1. GUM mapped to the guide + the dev gold, as DocBins (build/corpus/); 2. the component trained from
# en_core_web_sm's NER weights and copied into annotator/data/guide/ with its meta.json; 3. the hashes of the
# articles it learned from (annotator/data/guide/learned.json, which `annotator evaluate` leaves out).
set -e
GUM=${1:?GUM dep/ folder}
SHARED_GUM=${2:?the shared corpus gum_gold.jsonl}
PY=${PY:-.venv/bin/python}
OUT=${OUT:-build}
$PY training/build_corpus.py --gum "$GUM" --shared-gum "$SHARED_GUM" --gold tests/fixtures/gold/dev.jsonl \
    --out "$OUT/corpus"
nice -n 10 $PY training/train_guide.py --corpus "$OUT/corpus" --out "$OUT/guide" --seed 0 --epochs 10 \
    --gold-times 10 --ship
$PY training/learned_articles.py --gum "$GUM" --shared-gum "$SHARED_GUM" --gold tests/fixtures/gold/dev.jsonl \
    --out annotator/data/guide/learned.json
