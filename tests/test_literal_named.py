"""A newcomer's trial: a right-to-left override (U+202E) in stored text was shown as "\ufffd", the same as a real
replacement character, and zero-width characters were not shown at all. Text is data: every character that is
invisible or changes the direction of what follows ("Trojan Source") is named by its code, so a reader can tell
them apart; the C0 controls keep their pictures (ESC as ␛). The command line on real database files."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator, small_database
from support import SMALL_TEXT, nth

from annotator.literal import literal, literal_json
from annotator.models import Status
from annotator.store import Store


def test_a_bidi_override_and_a_replacement_character_are_told_apart() -> None:
    assert literal("said \u202eRafah\u202c and \ufffd") == "said ⟨U+202E⟩Rafah⟨U+202C⟩ and \ufffd"


def test_bidi_isolates_and_marks_are_named_by_their_code() -> None:
    assert literal("\u202a\u202b\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c") == (
        "⟨U+202A⟩⟨U+202B⟩⟨U+202D⟩⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩⟨U+200E⟩⟨U+200F⟩⟨U+061C⟩"
    )


def test_zero_width_characters_are_named_by_their_code() -> None:
    assert literal("zero\u200bwidth\u200c\u200d\u2060\ufeff") == "zero⟨U+200B⟩width⟨U+200C⟩⟨U+200D⟩⟨U+2060⟩⟨U+FEFF⟩"


def test_other_format_characters_are_named_beyond_the_first_plane_too() -> None:
    assert literal("co\u00adop \u2062 \U000e0001") == "co⟨U+00AD⟩op ⟨U+2062⟩ ⟨U+E0001⟩"


def test_c1_controls_and_line_separators_are_named_and_c0_keep_their_pictures() -> None:
    assert literal("\x85\x9b31m\u2028\u2029\x1b\x07\x7f\n") == "⟨U+0085⟩⟨U+009B⟩31m⟨U+2028⟩⟨U+2029⟩␛␇␡␊"


def test_visible_text_of_every_script_is_shown_as_itself() -> None:
    text = "São\u00a0Paulo 漢字 यह विकास 👍🏽 ⟨U+202E⟩ [bold]x[/bold]"
    assert literal(text) == text


def test_json_escapes_them_and_keeps_the_same_value() -> None:
    text = json.dumps({"name": "x\u202e\u200b\x85\U000e0001 ok"}, ensure_ascii=False)
    shown = literal_json(text)
    assert shown == '{"name": "x\\u202e\\u200b\\u0085\\udb40\\udc01 ok"}'
    assert json.loads(shown) == json.loads(text)


def test_stats_names_the_characters_in_a_name_and_a_path(tmp_path: Path) -> None:
    folder = tmp_path / "odd\u202efolder"
    folder.mkdir()
    db = folder / "w.db"
    article = small_database(db)
    with Store.open(db) as store:
        start = nth(SMALL_TEXT, "Washington")
        store.add_span(article, "ann\u202eeil\u200b", start, start + 10, "ACTOR")
        store.set_status(article, "ann\u202eeil\u200b", Status.DONE)
    result = annotator("stats", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert f"database     {tmp_path}/odd⟨U+202E⟩folder/w.db" in result.stdout.splitlines()
    assert [line.split()[0] for line in result.stdout.splitlines() if line.startswith("ann⟨")] == [
        "ann⟨U+202E⟩eil⟨U+200B⟩"
    ]
    assert "\u202e" not in result.stdout and "\u200b" not in result.stdout
