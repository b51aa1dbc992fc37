"""The Textual interface: a thin layer over the Store. Nothing here is imported by the core."""
