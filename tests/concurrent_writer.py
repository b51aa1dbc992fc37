"""One of two processes annotating the same database at once (used by tests/test_two_writers.py).

    python tests/concurrent_writer.py DB SEED ACTIONS ANNOTATOR ARTICLE|any START_FILE

Says it is ready, then waits for START_FILE (so both start together), then makes ACTIONS edits like a TUI window: it reads the
article (`view`), edits, and on `Conflict` (the same annotation changed in another window) reloads and goes
on. Prints one JSON line per acknowledged edit and a last line with its count of conflicts.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from crashing import one_action

from annotator.errors import Conflict, Refused
from annotator.store import Store


def main(db: str, seed: int, actions: int, who: str, article: str, start_file: str) -> None:
    rng = random.Random(seed)
    with Store.open(db) as store:
        articles = store.article_ids() if article == "any" else [article]
        for article_id in articles:
            store.view(article_id, who)
        print(json.dumps({"ready": True}), flush=True)
        while not Path(start_file).exists():
            time.sleep(0.001)
        done = conflicts = 0
        while done < actions:
            article_id = rng.choice(articles)
            try:
                edit = one_action(store, rng, article_id, who)
            except Conflict:
                conflicts += 1
                store.view(article_id, who)  # the window reloads the article, as the TUI does
                continue
            except Refused:
                continue
            if not edit.event_id:  # a status mark already there: nothing was written (`Store.set_status`)
                continue
            done += 1
            print(json.dumps({"event": edit.event_id, "action": edit.action, "article": article_id}), flush=True)
        print(json.dumps({"conflicts": conflicts}), flush=True)


if __name__ == "__main__":
    db, seed, actions, who, article, start_file = sys.argv[1:7]
    main(db, int(seed), int(actions), who, article, start_file)
