"""Suggester versions this release no longer runs. Their stored suggestions keep their names (what made them),
`annotator evaluate --suggester NAME` reads those, and `annotator suggest` upgrades their articles; asking to
run one is an error that names the version that replaced it, never a run of today's rules under the old name.
"""

from __future__ import annotations

from annotator.errors import AnnotatorError
from annotator.suggest.entities_v3 import ENTITIES_V3

#: An older version -> the one that replaced it. entities.v2's general rules were changed in place before the
#: change got its own name (entities.v3), so no code makes entities.v2's suggestions any more.
SUPERSEDED = {"entities.v2": ENTITIES_V3}


class Superseded(AnnotatorError):
    """A suggester version was asked to run that this release has replaced by a newer one."""


def replacement(name: str) -> str | None:
    """The name that replaced `name` ("entities.v2@3fa9..." -> "entities.v3@3fa9...", the same weights), if any."""
    version, at, weights = name.partition("@")
    newer = SUPERSEDED.get(version)
    return None if newer is None else newer + at + weights


def check_runnable(name: str) -> None:
    """Raise `Superseded` if this release cannot run the suggester version `name` because a newer one replaced it."""
    newer = replacement(name)
    if newer is not None:
        evaluate = f"annotator evaluate --suggester {name}"
        error = Superseded(
            f"suggester {name!r} was superseded by {newer!r}: this release cannot run it (its stored suggestions "
            f"keep their name, and `{evaluate}` reads them)"
        )
        error.advised = evaluate  # on the database the command read (`errors.on_database`)
        raise error
