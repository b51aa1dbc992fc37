"""One of several processes creating the same new database at once (used by tests/test_safety_creating.py).

    python tests/open_new.py DB START_FILE TEXT

Imports everything first, says it is ready, waits for START_FILE (so all start together), opens DB (creating
it) and adds one article with TEXT; prints "ok" or the one-line error.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from support import word_tokens

from annotator.errors import AnnotatorError
from annotator.models import ArticleIn
from annotator.store import Store


def main(db: str, start_file: str, text: str) -> None:
    print("ready", flush=True)
    while not Path(start_file).exists():
        time.sleep(0.0005)
    try:
        with Store.open(db) as store:
            store.add_articles([(ArticleIn(text=text), word_tokens(text), [])])
    except AnnotatorError as error:
        print(error, flush=True)
        sys.exit(1)
    print("ok", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
