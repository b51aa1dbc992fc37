"""The title `annotator ingest` gives an article from its text (a .txt file, a JSONL article without one): the first
line, unless that line opens with a dateline ("VALENCIA, Spain (Reuters) — Floods swept ..."), which is the story's
body, not a headline: then the words after the dateline. Real files, ingested by the console script."""

from __future__ import annotations

import json
from pathlib import Path

from processes import annotator

from annotator.store import Store

BODY = "Floods swept through eastern Spain on Tuesday, killing at least 51 people."
LONG = (
    "Britain's economy grew faster than expected in the third quarter, official figures showed on Friday, as "
    "shoppers returned to the high street."
)

FILES = {
    # agency copy with its headline first: the headline, as before
    "a_headline.txt": f"Floods kill 51 in eastern Spain\nVALENCIA, Spain (Reuters) — {BODY}\n",
    # the body first, opening with a dateline: its words after the dateline
    "b_dateline.txt": f"VALENCIA, Spain (Reuters) — {BODY}\nRescuers searched for survivors.\n",
    "c_city_and_state.txt": "ST. LOUIS, Mo. — Storms tore roofs off homes.\nNo one was hurt.\n",
    "d_place_with_hyphens.txt": "PORT-AU-PRINCE - Gangs blocked the main road.\n",
    "e_dateline_alone.txt": f"LONDON (Reuters) -\n{LONG}\n",
    "e_dated.txt": "WASHINGTON, Dec. 2, 2026 (AP) — The Senate passed the bill.\n",
    "e_dated_reuters.txt": "LONDON, Dec 2 (Reuters) - Shares fell.\n",
    # a slug before the dash is no place, nor is a name with lower-case words after its comma: the line as it is
    "f_slug.txt": "BREAKING — Floods kill 51 in eastern Spain\nMore follows.\n",
    "f_not_a_region.txt": "UNESCO, a United Nations agency - report\n",
    # a first line with no dateline (the seed article's shape): the line as it is
    "g_plain_body.txt": f"{BODY}\nRescuers searched for survivors.\n",
}


def titles(db: Path) -> dict[str, str]:
    with Store.open(db) as store:
        stored = [store.article(article_id) for article_id in store.article_ids()]
    return {Path(str(a.meta["source"]).rsplit(":", 1)[0]).name: a.title for a in stored}


def test_a_txt_file_opening_with_a_dateline_is_titled_by_its_words_after_it(tmp_path: Path) -> None:
    """A newcomer's trial: a .txt file whose first line was the body, opening "VALENCIA, Spain (Reuters) — Floods
    swept ...", got that whole line as its title: in the article list every agency story started with its place
    and agency. A headline first is kept."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "annotations.db"
    result = annotator("ingest", folder, "--no-suggest", "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
    assert titles(db) == {
        "a_headline.txt": "Floods kill 51 in eastern Spain",
        "b_dateline.txt": BODY,
        "c_city_and_state.txt": "Storms tore roofs off homes.",
        "d_place_with_hyphens.txt": "Gangs blocked the main road.",
        "e_dateline_alone.txt": LONG[:99].rstrip() + "…",
        "e_dated.txt": "The Senate passed the bill.",
        "e_dated_reuters.txt": "Shares fell.",
        "f_slug.txt": "BREAKING — Floods kill 51 in eastern Spain",
        "f_not_a_region.txt": "UNESCO, a United Nations agency - report",
        "g_plain_body.txt": BODY,
    }


def test_a_jsonl_article_without_a_title_gets_the_same_title(tmp_path: Path) -> None:
    path = tmp_path / "more.jsonl"
    lines = [
        {"id": "v", "text": f"VALENCIA, Spain (Reuters) — {BODY}"},
        {"id": "t", "title": "Given", "text": f"VALENCIA, Spain (Reuters) — {BODY} Again."},
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    db = tmp_path / "annotations.db"
    assert annotator("ingest", path, "--no-suggest", "--db", db).returncode == 0
    with Store.open(db) as store:
        assert [(store.article(i).id, store.article(i).title) for i in store.article_ids()] == [
            ("v", BODY),
            ("t", "Given"),
        ]
