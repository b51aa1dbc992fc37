"""Nitpick (newcomer 42k): `n` on the last article went to the first (`article 17 of 17` to `1 of 17`) without a
word, as `p` on the first went to the last. The status line now says it went round. Pilot on the two-article test
database (the seed article, then the hostile one)."""

from __future__ import annotations


async def test_n_past_the_last_article_and_p_before_the_first_say_they_went_round(running) -> None:
    async with running() as (app, pilot):
        assert app.screen.article_id == "seed"
        await pilot.press("n")
        assert app.screen.article_id != "seed"
        said = app.messages[-1][1] if app.messages else ""
        assert "went round" not in said
        await pilot.press("n")
        assert app.screen.article_id == "seed"
        assert app.messages[-1][1] == "n went round: past the last article, the first again (article 1 of 2)"
        await pilot.press("p")
        assert app.messages[-1][1] == "p went round: before the first article, the last again (article 2 of 2)"
