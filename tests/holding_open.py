"""A process that has a database open, with its last edit only in its `-wal`, as an annotation screen left open
(used by tests/test_safety_renamed_while_open.py).

    python tests/holding_open.py DB ANNOTATOR

Opens DB through the Store, accepts every article's suggestions as ANNOTATOR with no checkpoint (the work stays in
DB-wal), prints "ready", then waits for a line on standard input: "edit" tries one more edit and prints what
became of it ("saved", or the refusal), "close" closes the database and prints "closed".
"""

from __future__ import annotations

import sys

from annotator.errors import AnnotatorError
from annotator.store import Store
from annotator.vocabulary import Status


def main(db: str, who: str) -> None:
    store = Store.open(db)
    store.conn.execute("PRAGMA wal_autocheckpoint = 0")
    articles = store.article_ids()
    for article in articles:
        store.accept_all(article, who)
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() == "edit":
            try:
                store.set_status(articles[0], who, Status.DONE)
            except AnnotatorError as error:
                print(error, flush=True)
            else:
                print("saved", flush=True)
        elif line.strip() == "close":
            break
    store.close()
    print("closed", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
