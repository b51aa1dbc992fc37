"""Re-trial 41r: label-studio-sdk's CONLL2003 output of our export was refused on import with "an ACTOR span may not
end with punctuation ('.')", and nothing said that --snap trims such an edge. The refusal names it now, with what
the span would become. The real console script, a real CoNLL file."""

from __future__ import annotations

from pathlib import Path

from processes import annotator, one_error_line

CONLL = "-DOCSTART- -X- O O\n\nHe _ _ O\nmet _ _ O\nHamas _ _ B-ACTOR\nleaders. _ _ I-ACTOR\nThen _ _ O\nleft _ _ O\n. _ _ O\n\n"


def test_a_span_an_edge_rule_refuses_names_what_snap_makes_of_it(tmp_path: Path) -> None:
    (tmp_path / "e.conll").write_text(CONLL, encoding="utf-8")
    args = ("import", "e.conll", "--format", "conll", "--annotator", "al", "--db", "e.db")
    assert one_error_line(annotator(*args, cwd=tmp_path)) == (
        "e.conll:5: field 'tag.start': span 7:21 'Hamas leaders.': an ACTOR span may not end with punctuation ('.') "
        "(--snap trims it to 'Hamas leaders')"
    )
    assert not (tmp_path / "e.db").exists()
    snapped = annotator(*args, "--snap", cwd=tmp_path)
    assert snapped.returncode == 0 and "1 span(s) trimmed to the span rules" in snapped.stdout
