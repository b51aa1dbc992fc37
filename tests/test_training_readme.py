"""training/README.md's opening says which suggesters the shipped component serves and which is the default: it
said `entities.v3` to `entities.v14` (the default) after entities.v15 became the default (a newcomer's trial). Read
against the code, so the next version cannot leave it behind."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.store.current import suggester_order
from annotator.suggest.entities_v3 import ENTITIES_V3
from annotator.suggest.guide import GUIDE_COMPONENT
from annotator.suggest.loading import GUIDED
from annotator.suggest.pipeline import DEFAULT_SUGGESTERS

README = Path(__file__).resolve().parent.parent / "training" / "README.md"


def test_the_opening_names_the_suggesters_the_component_serves_and_the_default() -> None:
    opening = README.read_text("utf-8").split("\n\n")[1]
    newest = max(GUIDED, key=suggester_order)
    assert newest == DEFAULT_SUGGESTERS.entities
    served = re.search(r"the suggesters `(entities\.v\d+)` to `(entities\.v\d+)`", opening)
    assert served is not None and served.groups() == (ENTITIES_V3, newest)
    assert f"the default is `{DEFAULT_SUGGESTERS.entities}`" in opening
    assert f"(`{GUIDE_COMPONENT}`)" in opening
