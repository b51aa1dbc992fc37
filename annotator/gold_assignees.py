"""Assignees `adjudicate --auto` settles gold without: another annotator an article is assigned to has not finished
it, perhaps in a pack that is out. A re-trial: `adjudicate --auto --annotators alice` settled articles assigned to
alice and bob, bob's pack out and unfinished, with no word. It is not refused (a lead may settle alone, the way a
team of one does); it is said, naming the articles and what to do (merge the pack once finished, then review)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from annotator.literal import quoted
from annotator.store import Reader
from annotator.store.pack import pack_file
from annotator.vocabulary import GOLD, Status
from annotator.wording import counted, them, together

#: Articles a note names at most; "and N more" after.
NAMED = 3
#: An assignee's statuses that are not finished: neither done nor put aside (a flag or a skip has its own note).
UNFINISHED = (Status.TODO, Status.IN_PROGRESS)


@dataclass(frozen=True)
class Unfinished:
    """An article compared without one of its assignees, who has not finished it; `pack` the file of their pack
    out with it (from here, "" if unnamed), None when no pack of theirs holding it is out."""

    article_id: str
    annotator: str
    pack: str | None


def unfinished_assignees(store: Reader, compared: Sequence[tuple[str, Sequence[str]]]) -> list[Unfinished]:
    """Of the articles compared (`compared_articles`: each with whose work counts), each assignee left out who has not
    finished it, in the order given."""
    found = []
    for article_id, who in compared:
        for name in store.assignees_of(article_id):
            if name not in who and name != GOLD and store.status(article_id, name) in UNFINISHED:
                found.append(Unfinished(article_id, name, pack_file(store, article_id, name)))
    return found


def unfinished_lines(
    store: Reader,
    found: Sequence[Unfinished],
    review: Callable[[Sequence[str]], str],
    merge: Callable[[str], str],
) -> list[str]:
    """One line for the articles an assignee's pack holds, one for those they have not finished here; each naming
    them (`NAMED`, then how many more) and what to do: wait (`merge` of each pack, then the `review` of the
    annotators compared with them), or leave them out on purpose."""
    packed = [item for item in found if item.pack is not None]
    here = [item for item in found if item.pack is None]
    lines = []
    if packed:
        names, articles, titles = _named(store, packed)
        files = list(dict.fromkeys(item.pack for item in packed if item.pack))
        one, n = len(names) == 1, len(articles)
        where = f" ({', '.join(files)})" if files else ""
        merges = " and ".join(f"`{merge(file)}`" for file in files) or "`annotator merge` of the pack"
        lines.append(
            f"{counted(n, 'article')} compared without {together(names)}, assigned {them(n)} too, whose "
            f"{'pack' if len(files) < 2 else 'packs'}{where} {'is' if len(files) < 2 else 'are'} out and who "
            f"{'has' if one else 'have'} not marked {them(n)} done here: {titles}: to wait for "
            f"{together(names) if one else 'them'}, {merges} once the {'pack is' if len(files) < 2 else 'packs are'} "
            f"finished, then `{review(names)}` shows where the work differs from gold; or leave "
            f"{together(names) if one else 'them'} out on purpose"
        )
    if here:
        names, articles, titles = _named(store, here)
        one, n = len(names) == 1, len(articles)
        lines.append(
            f"{counted(n, 'article')} compared without {together(names)}, assigned {them(n)} too, who "
            f"{'has' if one else 'have'} not marked {them(n)} done: {titles}: to wait for "
            f"{together(names) if one else 'them'}, once {'it is' if n == 1 else 'they are'} done `{review(names)}` "
            f"shows where the work differs from gold; or leave {together(names) if one else 'them'} out on purpose"
        )
    return lines


def _named(store: Reader, found: Sequence[Unfinished]) -> tuple[list[str], list[str], str]:
    """Who, which articles, and the articles named: "'Match 0'; 'Match 1'; 'Match 2'; and 2 more articles", each
    with who when there are several ("'Match 0' (bob, dan)")."""
    names = list(dict.fromkeys(item.annotator for item in found))
    articles = list(dict.fromkeys(item.article_id for item in found))
    whose = {a: [item.annotator for item in found if item.article_id == a] for a in articles[:NAMED]}
    said = "; ".join(
        quoted(store.article(a).title) + (f" ({', '.join(whose[a])})" if len(names) > 1 else "") for a in whose
    )
    more = len(articles) - NAMED
    return names, articles, said + (f"; and {counted(more, 'more article', 'more articles')}" if more > 0 else "")
