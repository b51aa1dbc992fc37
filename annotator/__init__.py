"""annotator: turn news articles into gold data for actors, locations, figures and quotes."""

__version__ = "0.1.0"
