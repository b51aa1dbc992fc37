"""Widgets of the annotation screens."""
