"""Tests of the console script, run as a person runs it, on real files."""
