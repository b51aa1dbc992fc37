"""Planning the fewest keys that turn an article's suggestions into its gold, for `benchmarks/keys_to_gold.py`.

- `screen` (with `items`, `keys` and `rules`): what each key of the annotate screen does, a model of the TUI
  (`keys`: the keys; `screen`: what it shows and where navigation leads) and of the Store's editing rules
  (`rules`);
- `recipes`: which keys do each kind of work (accept, fix, add, remove, speaker, ...) with the default keymap;
- `planner` (with `work`, `paths` and `tour`): the search for the cheapest order and way of doing the work,
  independent of the keymap (`work`: which source makes which gold span; `paths`: the navigation to a job).

A new keymap changes `screen`, `keys` and `recipes`; the planner and the replay stay as they are.
"""
