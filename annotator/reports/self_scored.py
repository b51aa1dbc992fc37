"""The caution under a report's first line where its reference is the model's suggestions unchanged
(`store.as_suggested`): `evaluate` says it of its reference, `train` of its held-out articles, in the same words (a
re-trial: `train` scored 1.000 before and after on gold settled from A then d, and said nothing of it)."""

#: What such articles do to the figures of suggestions scored against them.
SCORED = "there the model's suggestions are scored against themselves, which can only raise the figures below"


def unchanged_caution(count: int, articles: str, whose: str, there: str = SCORED) -> str:
    """On `count` of `articles` (e.g. "3 article(s)"), `whose` reference is the model's suggestions unchanged;
    `there`: what that does to the figures."""
    return (
        f"  caution: on {count} of these {articles} {whose} is the model's suggestions unchanged (no person changed "
        f"them, on the screen or by a command): {there}"
    )
