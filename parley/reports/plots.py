"""Pictures of the warehouse: a meeting timeline and a who-met-whom network, as PNG bytes.

Importing this module imports matplotlib and networkx (about half a second):
``parley.reports.pictures`` does so only when a picture must be drawn.
"""

from __future__ import annotations

import datetime as dt
import io

import matplotlib

# No display on servers and in Dagster runs: render off-screen. Set before pyplot is imported.
matplotlib.use("Agg")

import matplotlib.pyplot as plt
import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from parley.reports.read import NetworkEdge, TimelinePoint

# One marker per meeting kind, so calls and visits stand apart from in-person meetings.
KIND_MARKERS = {
    "meeting": "o",
    "phone_call": "^",
    "video_call": "v",
    "visit": "s",
    "summit": "*",
    "negotiation": "D",
}
# A large network or timeline is unreadable: the busiest people and country groups are drawn,
# and the title says how many there are in all.
MAX_NETWORK_PEOPLE = 60
MAX_TIMELINE_ROWS = 40
# Kinds outside the contract's list still get drawn, with this marker.
OTHER_MARKER = "x"
DPI = 100


def timeline_png(points: list[TimelinePoint], n_undated: int = 0) -> bytes:
    """Meetings over time, one row per country group, marker by kind, size by articles."""
    n_meetings = len(points)
    per_row: dict[str, int] = {}
    for p in points:
        per_row[p.countries] = per_row.get(p.countries, 0) + 1
    busiest = sorted(per_row, key=lambda label: (-per_row[label], label))[:MAX_TIMELINE_ROWS]
    rows = sorted(busiest)
    kept = set(rows)
    points = [p for p in points if p.countries in kept]
    height = 1.6 + 0.35 * max(len(rows), 1)
    fig, ax = plt.subplots(figsize=(11, height))
    try:
        y = _spread_rows(points, {label: i for i, label in enumerate(rows)})
        for kind in sorted({p.kind for p in points}):
            mine = [i for i, p in enumerate(points) if p.kind == kind]
            ax.scatter(
                [points[i].meeting_date for i in mine],
                [y[i] for i in mine],
                s=[40 + 30 * min(points[i].n_articles, 10) for i in mine],
                marker=KIND_MARKERS.get(kind, OTHER_MARKER),
                alpha=0.75,
                label=kind.replace("_", " "),
            )
        ax.set_yticks(range(len(rows)), rows)
        # Alphabetical from the top, as a reader scans a list.
        ax.set_ylim(max(len(rows), 1) - 0.3, -0.7)
        ax.grid(axis="x", alpha=0.3)
        ax.margins(x=0.05)
        ax.set_xlabel("meeting date (marker size: reporting articles)")
        undated = f"; {n_undated} undated not shown" if n_undated else ""
        shown = (
            ""
            if len(per_row) <= MAX_TIMELINE_ROWS
            else f"; busiest {MAX_TIMELINE_ROWS} of {len(per_row)} groups"
        )
        ax.set_title(f"Meetings by country group: {n_meetings} dated{undated}{shown}")
        if points:
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
            fig.autofmt_xdate()
        else:
            ax.text(0.5, 0.5, "no dated meetings", ha="center", transform=ax.transAxes)
        fig.tight_layout()
        return _png(fig)
    finally:
        plt.close(fig)


def network_png(edges: list[NetworkEdge]) -> bytes:
    """Who met whom: people as nodes coloured by country, edge width by meetings."""
    graph = nx.Graph()
    for e in edges:
        graph.add_node(e.person_a, country=e.country_a or "?")
        graph.add_node(e.person_b, country=e.country_b or "?")
        graph.add_edge(e.person_a, e.person_b, weight=e.n_meetings)
    n_people = graph.number_of_nodes()
    busiest = sorted(graph.nodes, key=lambda n: (-graph.degree(n, weight="weight"), n))
    graph = graph.subgraph(busiest[:MAX_NETWORK_PEOPLE]).copy()
    # Someone whose every counterpart was cut would float alone with no line to explain them.
    graph.remove_nodes_from([n for n in list(graph.nodes) if graph.degree(n) == 0])
    # More people, a bigger canvas: up to 16 x 13 inches at MAX_NETWORK_PEOPLE.
    growth = min(1.0, graph.number_of_nodes() / MAX_NETWORK_PEOPLE)
    fig, ax = plt.subplots(figsize=(10 + 6 * growth, 8 + 5 * growth))
    try:
        ax.set_axis_off()
        shown = "" if n_people <= MAX_NETWORK_PEOPLE else f" (busiest {MAX_NETWORK_PEOPLE})"
        ax.set_title(f"Who met whom: {n_people} people, {len(edges)} pairs{shown}")
        if graph.number_of_nodes() == 0:
            ax.text(0.5, 0.5, "no meetings between people", ha="center", transform=ax.transAxes)
        else:
            _draw_network(ax, graph)
        fig.tight_layout()
        return _png(fig)
    finally:
        plt.close(fig)


def _spread_rows(points: list[TimelinePoint], row_of: dict[str, int]) -> list[float]:
    """Row position of each point, meetings on the same row and day fanned out to stay visible."""
    seen: dict[tuple[str, dt.date], int] = {}
    totals: dict[tuple[str, dt.date], int] = {}
    for p in points:
        key = (p.countries, p.meeting_date)
        totals[key] = totals.get(key, 0) + 1
    positions = []
    for p in points:
        key = (p.countries, p.meeting_date)
        index = seen.get(key, 0)
        seen[key] = index + 1
        # Up to +/-0.3 of a row, evenly spaced around the row's line.
        step = 0.6 / max(totals[key] - 1, 1)
        offset = 0.0 if totals[key] == 1 else -0.3 + index * step
        positions.append(row_of[p.countries] + offset)
    return positions


def _draw_network(ax: plt.Axes, graph: nx.Graph) -> None:
    """Lay out and draw the network with a country legend."""
    # A fixed seed gives the same picture for the same data, run after run.
    layout = _component_grid_layout(graph)
    countries = sorted({graph.nodes[n]["country"] for n in graph.nodes})
    palette = plt.get_cmap("tab20")
    colour = {c: palette(i % palette.N) for i, c in enumerate(countries)}
    widths = [1 + 1.5 * graph.edges[e]["weight"] for e in graph.edges]
    nx.draw_networkx_edges(graph, layout, ax=ax, width=widths, alpha=0.5, edge_color="grey")
    nx.draw_networkx_nodes(
        graph,
        layout,
        ax=ax,
        node_color=[colour[graph.nodes[n]["country"]] for n in graph.nodes],
        node_size=[min(120 + 80 * graph.degree(n, weight="weight"), 900) for n in graph.nodes],
    )
    # Names below the nodes, so a label never hides a node or an edge count.
    below = {n: (x, y - 0.12) for n, (x, y) in layout.items()}
    font_size = 9 if graph.number_of_nodes() <= 20 else 7
    nx.draw_networkx_labels(graph, below, ax=ax, font_size=font_size, verticalalignment="top")
    weights = nx.get_edge_attributes(graph, "weight")
    nx.draw_networkx_edge_labels(
        graph,
        layout,
        ax=ax,
        edge_labels={e: w for e, w in weights.items() if w > 1},
        font_size=9,
        bbox={"boxstyle": "round", "fc": "white", "ec": "grey"},
    )
    handles = [
        Line2D([], [], marker="o", linestyle="", color=colour[c], markersize=9, label=c)
        for c in countries
    ]
    ax.legend(handles=handles, title="country", loc="lower left", fontsize="small")
    ax.margins(0.15)


def _component_grid_layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Each connected group of people laid out on its own, the groups packed in rows.

    One spring layout over a disconnected graph pushes the groups to the far corners and
    squeezes each group into a dot. Here every group gets a square whose side grows with the
    square root of its size, largest first, so a big group gets room and pairs stay compact.
    """
    components = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    boxes = []
    for nodes in components:
        if len(nodes) == 1:
            local = {next(iter(nodes)): (0.0, 0.0)}
        else:
            # Unweighted and seeded: frequent pairs would otherwise collapse onto each other,
            # and the same data must give the same picture.
            # k above networkx's default 1/sqrt(n) spreads big groups so names stay legible.
            local = nx.spring_layout(
                graph.subgraph(nodes),
                seed=7,
                weight=None,
                iterations=200,
                k=2.5 / len(nodes) ** 0.5,
            )
        half = len(nodes) ** 0.5  # spring_layout fills [-1, 1]; scale it to the box
        boxes.append((local, half))
    row_width = max(
        2 * boxes[0][1] + 1 if boxes else 1.0,
        sum((2 * half + 1) ** 2 for _, half in boxes) ** 0.5,
    )
    layout: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for local, half in boxes:
        side = 2 * half + 1
        if x > 0 and x + side > row_width + 1e-9:
            x, y, row_height = 0.0, y - row_height, 0.0
        for node, (lx, ly) in local.items():
            layout[node] = (x + side / 2 + float(lx) * half, y - side / 2 + float(ly) * half)
        x += side
        row_height = max(row_height, side)
    return layout


def _png(fig: Figure) -> bytes:
    """The figure as PNG bytes."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()
