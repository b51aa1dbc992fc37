"""Reports for people and programs: the store's spans through `annotator.metrics` into text, JSON and HTML."""
