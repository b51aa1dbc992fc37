"""The review screen's own keys: a pick key per annotator, the moves between disagreements, the agreed spans in or
out of gold, and the next versions where the panel is cut. What the keys are, apart from what they do
(`screens.review`)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

#: Pick keys for annotators 1..9: letters the annotate screen leaves free (d is done, g agreed, j/k move).
PICK_KEYS = "abcefhimo"

#: The annotate screen's keys the review leaves out: gold is not skipped nor flagged, and takes no suggestions for
#: O (reopen) to make pending again.
PUT_ASIDE = {"skip", "flag", "reopen"}
REVIEW_BINDINGS: list[BindingType] = [
    *(
        Binding(key, f"pick({index})", f"Pick annotator {index + 1}", show=False, id=f"pick_{index + 1}",
                tooltip=f"pick annotator {index + 1}'s version of the current disagreement (black on rose) into gold")
        for index, key in enumerate(PICK_KEYS)
    ),
    Binding("j", "disagreement(1)", "Next disagreement", id="next_disagreement",
            tooltip="next disagreement, settled or not"),
    Binding("k", "disagreement(-1)", "Previous disagreement", show=False, id="previous_disagreement",
            tooltip="previous disagreement"),
    Binding("g", "agreed", "Agreed in/out", id="agreed",
            tooltip="take the agreed spans out of gold, or put them back"),
    Binding("V", "more_versions", "More versions", id="more_versions",
            tooltip="where the panel cannot show every annotator's version of the disagreement: the next one's rows "
                    "(then back to the top); the panel's last row says how many are left and whose"),
]  # fmt: skip
