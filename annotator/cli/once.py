"""Options that take one name or path, refused when given twice with different values: click keeps the last value
of a single-valued option without a word (re-trial s56 t13 G4: `export --annotator ana --annotator bob` exported
bob's work alone; trial s58 t16 F6: `export -o x4.jsonl -o x5.jsonl` wrote x5.jsonl alone)."""

# No `from __future__ import annotations` in this package (see `cli.common`).
import os

from typer._click import Context
from typer._click.exceptions import UsageError
from typer.core import TyperOption

from annotator.literal import quoted

#: The options that take one value, and what the value is, for the message.
ONE_NAME = {"--annotator": "name", "--reviewer": "name", "--db": "file", "--output": "path", "--out": "path"}


class GivenOnce:
    """A click command whose options of `ONE_NAME` (where one takes a single value) are a usage error when given
    more than once with different values, naming the option and the values: "--annotator given twice ('ana',
    'bob'); it takes one name". So is one given before the command (`annotator --annotator ana export`, the
    group's) and again after it with another value (re-trial s57 t15 F3: the one after it won without a word). One
    value given twice is that value, on either side (trial s58 t16 F6: it was refused on one side alone)."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        once = [
            p
            for p in self.get_params(ctx)  # type: ignore[attr-defined]
            if isinstance(p, TyperOption) and set(p.opts) & set(ONE_NAME) and not p.multiple and not p.is_flag
        ]
        for param in once:  # read once more with each kept as a list: the parse itself keeps only the last
            param.multiple = True
        try:
            opts, _, _ = self.make_parser(ctx).parse_args(args=list(args))  # type: ignore[attr-defined]
        except UsageError:
            opts = {}  # the parse below says what is wrong
        finally:
            for param in once:
                param.multiple = False
        for param in once:
            named = next(opt for opt in param.opts if opt in ONE_NAME)  # "--output", not "-o"
            values = [str(value) for value in opts.get(param.name) or []]
            before = ctx.parent.params.get(param.name or "") if ctx.parent is not None else None
            if before is not None and values and {_one(named, str(before))} != {_one(named, v) for v in values}:
                values = [str(before), *values]
            if len({_one(named, value) for value in values}) > 1:
                times = "twice" if len(values) == 2 else f"{len(values)} times"
                given = ", ".join(quoted(value) for value in values)
                raise UsageError(f"{named} given {times} ({given}); it takes one {ONE_NAME[named]}", ctx)
        parsed: list[str] = super().parse_args(ctx, args)  # type: ignore[misc]
        return parsed


def _one(option: str, value: str) -> str:
    """What a value stands for: a name as it is, a path as the file it names (trial s58 t17 F4: `--db imp.db --db
    ./imp.db` was refused as two)."""
    return value if ONE_NAME[option] == "name" else os.path.normpath(os.path.abspath(value))
