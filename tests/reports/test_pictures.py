"""A picture is drawn again only when what it shows changed; it carries what it was drawn
from, and stays a valid PNG."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import matplotlib.image as mpimg

from parley.reports import pictures
from parley.reports.read import NetworkEdge, TimelinePoint

POINTS = [TimelinePoint(dt.date(2025, 3, 1), "IND-USA", "meeting", 2)]
EDGES = [NetworkEdge("Alice", "USA", "Bob", "IND", 2)]


def test_an_unchanged_picture_is_kept_and_a_changed_one_drawn(tmp_path: Path) -> None:
    first = pictures.timeline_picture(tmp_path, POINTS, 0)
    assert first.drawn
    assert mpimg.imread(first.path).shape[2] in (3, 4)  # a PNG the libraries read
    again = pictures.timeline_picture(tmp_path, POINTS, 0)
    assert not again.drawn
    assert again.png == first.png == first.path.read_bytes()
    # One more report of the meeting: a bigger marker, so a new picture.
    bigger = [TimelinePoint(dt.date(2025, 3, 1), "IND-USA", "meeting", 3)]
    assert pictures.timeline_picture(tmp_path, bigger, 0).drawn
    assert pictures.timeline_picture(tmp_path, bigger, 1).drawn  # an undated meeting more


def test_the_network_is_kept_too_and_a_foreign_file_is_redrawn(tmp_path: Path) -> None:
    assert pictures.network_picture(tmp_path, EDGES).drawn
    assert not pictures.network_picture(tmp_path, EDGES).drawn
    (tmp_path / pictures.NETWORK_FILE).write_bytes(b"not a picture")
    assert pictures.network_picture(tmp_path, EDGES).drawn


def test_a_kept_picture_needs_no_plotting_library(tmp_path: Path) -> None:
    pictures.network_picture(tmp_path, EDGES)
    plots = sys.modules.pop("parley.reports.plots")
    try:
        assert not pictures.network_picture(tmp_path, EDGES).drawn
        assert "parley.reports.plots" not in sys.modules
    finally:
        sys.modules["parley.reports.plots"] = plots
