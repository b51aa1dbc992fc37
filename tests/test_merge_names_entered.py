"""`merge` and `check` read another database's annotator names by the rule every other border applies
(`vocabulary.entered_name`), not an older one of their own (names31). Before, a database another program (or an
older release) wrote with a name in NFD, "Gold" or "аlice" (a Cyrillic а) was merged in, while `accept
--annotator` and `import --annotator` refused the same name; and a source's "аlісе" (wholly Cyrillic) became a
second annotator beside the target's alice. Now `merge` refuses such a source in one line naming the file, the
table and the name (escaped: stored text is data), and nothing is merged; `check` names the same. The real console
script on real SQLite files."""

from __future__ import annotations

from pathlib import Path

import pytest
from processes import annotator, one_error_line
from test_merge_names_checked import article_ids, ingest, ours, theirs  # noqa: F401  (the fixtures)

from annotator.store import Store

GOLD_LIKE = "'Gold' is gold in another case or form: a record of gold names it 'gold', and a person works under a name of their own"  # fmt: skip
MIXED = (
    "an annotator's name may not mix Latin, Cyrillic and Greek letters in one word (it would look like another "
    "name): 'аlice' has Cyrillic а U+0430 among Latin letters"
)
#: a name stored as no command stores it: the problem merge and check name.
STORED = {
    "NFD": (
        "Andre\u0301",
        r"an annotator's name must be in NFC, as every command stores it: 'Andre\u0301' is 'André' in another form",
    ),
    "gold in another case": ("Gold", GOLD_LIKE),
    "mixed scripts": ("\u0430lice", MIXED),
    "invisible": ("bob\ufe0f", r"an annotator's name may not contain an invisible character: 'bob\ufe0f' has U+FE0F"),
    "like gold": (
        "\u0261old",
        "'ɡold' looks like 'gold': a record of gold names it 'gold', and a person works under a name of their own",
    ),
}


@pytest.mark.parametrize(("name", "problem"), list(STORED.values()), ids=list(STORED))
def test_merge_refuses_and_check_names_a_name_no_command_would_store(
    ours: Path,  # noqa: F811
    theirs: Path,  # noqa: F811
    name: str,
    problem: str,
) -> None:
    with Store.open(theirs) as store:  # the store's callers check names; another program need not
        store.set_status("rome", name, "done")
    before = theirs.read_bytes()
    assert one_error_line(annotator("merge", theirs, "--db", ours)) == (
        f"{theirs}: table 'annotations': article 'rome': {problem}; nothing was merged"
    )
    assert article_ids(ours) == ["ann"]
    assert theirs.read_bytes() == before
    assert one_error_line(annotator("check", "--db", theirs)) == (
        f"{theirs}: problem 1 of 1: table 'annotations': article 'rome': {problem}"
    )


LOOKALIKE = "\u0430\u04c0\u0456\u0441\u0435"  # "alice", every letter Cyrillic


def test_check_names_two_names_that_look_alike(theirs: Path) -> None:  # noqa: F811
    with Store.open(theirs) as store:
        store.set_status("porto", "alice", "done")
        store.set_status("rome", LOOKALIKE, "done")
    assert one_error_line(annotator("check", "--db", theirs)) == (
        f"{theirs}: problem 1 of 1: table 'annotations': article 'rome': {LOOKALIKE!r} looks like 'alice', another "
        "name in this database (a name of its own may not look like another's)"
    )


def test_merge_refuses_a_name_that_looks_like_one_the_target_has(ours: Path, theirs: Path) -> None:  # noqa: F811
    with Store.open(ours) as store:
        store.set_status("ann", "alice", "done")
    with Store.open(theirs) as store:
        store.set_status("rome", LOOKALIKE, "done")
    assert one_error_line(annotator("merge", theirs, "--db", ours)) == (
        f"{theirs}: table 'annotations': article 'rome': {LOOKALIKE!r} looks like 'alice', who has work or an "
        "assignment in this database (a name of its own may not look like another's); nothing was merged"
    )
    assert article_ids(ours) == ["ann"]


def test_merge_of_a_real_cyrillic_name_still_brings_it(ours: Path, theirs: Path) -> None:  # noqa: F811
    with Store.open(ours) as store:
        store.set_status("ann", "alice", "done")
    with Store.open(theirs) as store:
        store.set_status("rome", "Иван", "done")
    result = annotator("merge", theirs, "--db", ours)
    assert result.returncode == 0, result.stderr
    assert article_ids(ours) == ["ann", "porto", "rome"]
