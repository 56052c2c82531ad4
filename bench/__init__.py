"""Corpus-scale benchmark of parley against plain spaCy (run ``python -m bench --help``)."""
