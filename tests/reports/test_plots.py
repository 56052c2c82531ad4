"""The pictures: valid PNGs of the right content, readable layouts, inline Markdown."""

from __future__ import annotations

import base64
import datetime as dt
import io

import matplotlib.image as mpimg
import networkx as nx
import pytest
from matplotlib.axes import Axes

from parley.reports import pictures, plots
from parley.reports.plots import NetworkEdge, TimelinePoint

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels of a PNG."""
    image = mpimg.imread(io.BytesIO(png), format="png")
    return image.shape[1], image.shape[0]


def _points() -> list[TimelinePoint]:
    return [
        TimelinePoint(dt.date(2025, 3, 1), "IND-USA", "meeting", 2),
        TimelinePoint(dt.date(2025, 4, 10), "JPN-USA", "phone_call", 1),
        TimelinePoint(dt.date(2025, 4, 20), "IND-USA", "video_call", 1),
    ]


def test_timeline_is_a_png_that_grows_with_its_rows() -> None:
    small = plots.timeline_png(_points(), n_undated=1)
    assert small.startswith(PNG_MAGIC)
    many = [
        TimelinePoint(dt.date(2025, 1, 1 + i), f"C{i:02d}-USA", "meeting", 1) for i in range(20)
    ]
    big = plots.timeline_png(many)
    assert _size(big)[1] > _size(small)[1]


def test_timeline_keeps_only_the_busiest_country_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plots, "MAX_TIMELINE_ROWS", 5)
    day = dt.date(2025, 1, 1)
    busy = [TimelinePoint(day, f"B{i}-USA", "meeting", 1) for i in range(5) for _ in range(3)]
    quiet = [TimelinePoint(day, f"Q{i}-USA", "summit", 1) for i in range(30)]
    capped = plots.timeline_png(busy + quiet)
    only_busy = plots.timeline_png(busy)
    assert _size(capped) == _size(only_busy)


def test_timeline_draws_a_kind_outside_the_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    markers: list[str] = []
    original = Axes.scatter

    def scatter(self: Axes, *args: object, **kwargs: object) -> object:
        markers.append(str(kwargs.get("marker")))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Axes, "scatter", scatter)
    day = dt.date(2025, 1, 1)
    plots.timeline_png(
        [TimelinePoint(day, "FRA-USA", "dinner", 1), TimelinePoint(day, "FRA-USA", "summit", 1)]
    )
    assert sorted(markers) == sorted([plots.OTHER_MARKER, plots.KIND_MARKERS["summit"]])


def test_timeline_and_network_draw_empty_warehouses() -> None:
    assert plots.timeline_png([], n_undated=3).startswith(PNG_MAGIC)
    assert plots.network_png([]).startswith(PNG_MAGIC)


def test_meetings_on_the_same_row_and_day_are_fanned_out() -> None:
    day = dt.date(2025, 7, 1)
    points = [
        TimelinePoint(day, "IND-USA", "meeting", 1),
        TimelinePoint(day, "IND-USA", "meeting", 1),
        TimelinePoint(day, "AUS-IND", "meeting", 1),
    ]
    y = plots._spread_rows(points, {"AUS-IND": 0, "IND-USA": 1})
    assert y[0] != y[1]
    assert all(abs(a - b) < 0.5 for a, b in [(y[0], 1), (y[1], 1)])
    assert y[2] == 0


def test_network_groups_do_not_overlap() -> None:
    graph = nx.Graph([("Doval", "Sullivan"), ("Jaishankar", "Rubio"), ("Jaishankar", "Wong")])
    layout = plots._component_grid_layout(graph)
    assert set(layout) == set(graph.nodes)

    def box(nodes: set[str]) -> tuple[float, float, float, float]:
        xs = [layout[n][0] for n in nodes]
        ys = [layout[n][1] for n in nodes]
        return min(xs), max(xs), min(ys), max(ys)

    (a, b) = [box(c) for c in nx.connected_components(graph)]
    apart_x = a[1] < b[0] or b[1] < a[0]
    apart_y = a[3] < b[2] or b[3] < a[2]
    assert apart_x or apart_y


def test_network_draws_only_the_busiest_people(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[set[str]] = []
    original = plots._draw_network
    monkeypatch.setattr(
        plots, "_draw_network", lambda ax, g: (drawn.append(set(g.nodes)), original(ax, g))
    )
    star = [NetworkEdge("Hub", "USA", f"Leaf {i:02d}", "IND", 1) for i in range(80)]
    assert plots.network_png(star).startswith(PNG_MAGIC)
    assert len(drawn[0]) == plots.MAX_NETWORK_PEOPLE
    assert "Hub" in drawn[0]
    # 40 separate pairs: the cut keeps 60 people, and the 20 whose partner was cut are not
    # drawn alone.
    pairs = [NetworkEdge(f"P{i:02d}", "USA", f"Q{i:02d}", "IND", 1) for i in range(40)]
    plots.network_png(pairs)
    assert len(drawn[1]) == 40
    assert all(f"Q{name[1:]}" in drawn[1] for name in drawn[1] if name.startswith("P"))


def test_markdown_image_embeds_the_png() -> None:
    png = plots.network_png([NetworkEdge("Alice", "USA", "Bob", "IND", 2)])
    markdown = pictures.markdown_image(png, "who met whom")
    prefix = "![who met whom](data:image/png;base64,"
    assert markdown.startswith(prefix) and markdown.endswith(")")
    assert base64.b64decode(markdown[len(prefix) : -1]) == png
