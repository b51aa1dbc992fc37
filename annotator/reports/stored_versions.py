"""`evaluate --suggester NAME` for a version read as stored (a trained pipeline's, or one this release replaced):
which of the articles compared hold its suggestions. Another `suggest` run replaces a version's suggestions, so it
may be on few of them or none; an article without them is no "found nothing" of the version (a newcomer's trial:
a full table of F1 0.000 over 9 gold articles that had none), so only the articles holding them are scored."""

from __future__ import annotations

from collections.abc import Sequence

from annotator.errors import AnnotatorError
from annotator.reports.reference import Reference
from annotator.store import Reader, db_option
from annotator.suggest.superseded import replacement


def read_as_stored(suggesters: Sequence[str] | None) -> list[str]:
    """The versions named that this release does not run: they are scored from the database."""
    from annotator.suggest import builtin_suggesters

    return [name for name in suggesters or [] if name not in builtin_suggesters()]


def elsewhere(name: str, them: str = "them", db: str = "") -> str:
    """What scores such a version on the reference's texts (`them`) instead; its command carries `db`, the --db
    option of the database read (`store.db_option`)."""
    if "@" in name:
        return (
            f"`annotator evaluate{db} --model FOLDER` runs the pipeline that made it (the folder `annotator train` "
            f"wrote) on {them} now"
        )
    newer = replacement(name)
    if newer is not None:
        return f"`annotator evaluate{db} --suggester {newer}` runs the version that replaced it now"
    return f"`annotator evaluate{db}` without --suggester scores the current suggestions"


def holding(store: Reader, ids: list[str], stored: Sequence[str], reference: Reference) -> list[str]:
    """The articles of `ids` holding a suggestion of every version in `stored`; none of them is refused, naming
    how many other articles hold it and what scores it instead."""
    by_article = store.suggesters_by_article()  # one read of every article's versions, not one per article
    kept = [i for i in ids if set(stored) <= by_article.get(i, set())]
    if kept or not stored:
        return kept
    name = next((n for n in stored if not any(n in by_article.get(i, set()) for i in ids)), stored[0])
    compared = set(ids)
    others = sum(name in names for i, names in by_article.items() if i not in compared)
    where = f" (it has some on {others} other article{'s' if others != 1 else ''})" if others else ""
    raise AnnotatorError(
        f"no {name} suggestion is stored on any of the {len(ids)} article(s) {reference.name} has "
        f"{reference.articles_rule}{where}: nothing to score; {elsewhere(name, db=db_option(store.path))}"
    )


def coverage_lines(
    stored: Sequence[str], articles: int, left_out: int, reference: str, rule: str, db: str = ""
) -> list[str]:
    """Before the table, unindented: the figures cover only the articles holding the stored versions; the command
    it gives carries `db`."""
    if not left_out:
        return []
    names = ", ".join(stored)
    hint = f" (`annotator evaluate{db} --model FOLDER` runs the pipeline on all of them now)" if "@" in names else ""
    return [
        "",
        f"note: the figures cover only these {articles} of the {articles + left_out} article(s) {reference} has "
        f"{rule}: {left_out} {'has' if left_out == 1 else 'have'} no {names} suggestion stored{hint}",
    ]
