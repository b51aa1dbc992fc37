"""Planning the fewest keys that turn an article's suggestions into its gold, for `benchmarks/keys_to_gold.py`.

- `screen`: what each key of the annotate screen does (a model of the TUI and of the Store's editing rules);
- `recipes`: which keys do each kind of work (accept, fix, add, remove, speaker, ...) with the default keymap;
- `planner`: the search for the cheapest order and way of doing the work, independent of the keymap.

A new keymap changes `screen` and `recipes`; the planner and the replay stay as they are.
"""
