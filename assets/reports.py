"""Reports: pictures of the published warehouse, shown in the UI and written beside it."""

from collections.abc import Iterator
from pathlib import Path

import duckdb
from dagster import (
    AssetExecutionContext,
    AssetKey,
    AssetSelection,
    AssetSpec,
    AutomationCondition,
    AutomationConditionSensorDefinition,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    MaterializeResult,
    MetadataValue,
    ScheduleDefinition,
    define_asset_job,
    multi_asset,
)

from assets.publish import PUBLISH_CONDITION
from assets.resources import ParleyPaths
from parley.reports.pictures import markdown_image, network_picture, timeline_picture
from parley.reports.read import network_edges, timeline_points, view_row_counts
from warehouse.publish import PUBLISHED_TABLES, preview_markdown
from warehouse.views import REPORT_VIEWS

MEETING_TIMELINE = AssetKey(["reports", "meeting_timeline"])
WHO_MET_WHOM = AssetKey(["reports", "who_met_whom"])
# The published tables the pictures and the report views read.
REPORT_DEPS = [
    AssetKey(table)
    for table in ("articles", "person_roles", "meetings", "meeting_participants", "meeting_sources")
]

# Redraw whenever the publish step has run, as the publish step itself does for drops; and
# never over a warehouse whose blocking checks failed (those checks run in the publish run, a
# run before this one, so Dagster's in-run blocking alone would not hold the reports back).
REPORTS_CONDITION = PUBLISH_CONDITION & AutomationCondition.all_deps_blocking_checks_passed()

REPORT_SPECS = [
    AssetSpec(
        MEETING_TIMELINE,
        description="Timeline of dated meetings by country group (PNG beside the warehouse).",
        deps=REPORT_DEPS,
        group_name="reports",
        kinds={"duckdb", "python"},
        automation_condition=REPORTS_CONDITION,
    ),
    AssetSpec(
        WHO_MET_WHOM,
        description="Network of people who met, coloured by country (PNG beside the warehouse).",
        deps=REPORT_DEPS,
        group_name="reports",
        kinds={"duckdb", "python"},
        automation_condition=REPORTS_CONDITION,
    ),
]


def reports_dir(warehouse: Path) -> Path:
    """Where the pictures go: ``reports/`` beside the published warehouse file."""
    return warehouse.absolute().parent / "reports"


@multi_asset(specs=REPORT_SPECS, can_subset=False)
def report_pictures(
    context: AssetExecutionContext, paths: ParleyPaths
) -> Iterator[MaterializeResult]:
    """Draw the meeting timeline and the who-met-whom network from the published warehouse."""
    warehouse = paths.warehouse
    if not warehouse.exists():
        raise FileNotFoundError(f"no published warehouse at {warehouse}; publish first")
    # Read-only: many readers may share the file, and the publish step never writes to it
    # in place (it renames a new file over it), so this never blocks anyone.
    with duckdb.connect(str(warehouse), read_only=True) as con:
        points, n_undated = timeline_points(con)
        edges = network_edges(con)
        view_rows = view_row_counts(con, REPORT_VIEWS)
        pair_preview = preview_markdown(con, "report_country_pair_month", limit=10)
        network_preview = preview_markdown(con, "report_person_network", limit=10)
    # A picture that would show what it shows already is kept (a publish that changed no
    # meeting draws nothing).
    out = reports_dir(warehouse)
    timeline = timeline_picture(out, points, n_undated)
    network = network_picture(out, edges)
    done = ", ".join(
        f"{p.path} ({'drawn' if p.drawn else 'unchanged'})" for p in (timeline, network)
    )
    context.log.info(f"pictures: {done}; report views: {view_rows}")
    views_md = "| view | rows |\n|---|---|\n" + "\n".join(
        f"| {view} | {rows} |" for view, rows in view_rows.items()
    )
    yield MaterializeResult(
        asset_key=MEETING_TIMELINE,
        metadata={
            "dagster/row_count": len(points),
            "undated_meetings": n_undated,
            "picture": MetadataValue.md(markdown_image(timeline.png, "meeting timeline")),
            "path": MetadataValue.path(str(timeline.path)),
            "preview": MetadataValue.md(pair_preview),
            "report_views": MetadataValue.md(views_md),
        },
    )
    yield MaterializeResult(
        asset_key=WHO_MET_WHOM,
        metadata={
            "dagster/row_count": len(edges),
            "people": len({e.person_a for e in edges} | {e.person_b for e in edges}),
            "picture": MetadataValue.md(markdown_image(network.png, "who met whom")),
            "path": MetadataValue.path(str(network.path)),
            "preview": MetadataValue.md(network_preview),
        },
    )


# The report assets have their own automation sensor: publish_automation targets only the
# warehouse tables, and an uncovered automation condition would land on Dagster's default
# sensor, which starts stopped.
reports_automation_sensor = AutomationConditionSensorDefinition(
    "reports_automation",
    target=AssetSelection.assets(*[spec.key for spec in REPORT_SPECS]),
    default_status=DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
    description="Redraws the report pictures after each publish whose blocking checks passed.",
)

# Daily re-check of the published file. Every publish runs the checks already; this catches a
# warehouse file replaced, restored from a backup or edited outside Dagster between publishes.
check_warehouse_job = define_asset_job(
    "check_warehouse",
    selection=AssetSelection.checks_for_assets(*[AssetKey(t) for t in PUBLISHED_TABLES]),
    description="Run every data-quality check against the whole published warehouse (read-only).",
    config={"ops": {"warehouse_checks": {"config": {"whole_file": True}}}},
)

daily_warehouse_checks = ScheduleDefinition(
    name="daily_warehouse_checks",
    job=check_warehouse_job,
    cron_schedule="0 6 * * *",
    execution_timezone="UTC",
    default_status=DefaultScheduleStatus.RUNNING,
    description="Every day at 06:00 UTC, re-run the warehouse checks on the published file.",
)
