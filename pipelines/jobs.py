"""Jobs: process one drop (ingest -> entities -> mentions) and publish the warehouse."""

from dagster import AssetSelection, define_asset_job

process_drop_job = define_asset_job(
    "process_drop",
    selection=AssetSelection.groups("per_drop"),
    description="Parse a drop and extract its entities and event mentions into staged files.",
)

publish_job = define_asset_job(
    "publish_warehouse",
    selection=AssetSelection.groups("warehouse", "reports"),
    description="Cluster meetings across all drops, publish the DuckDB warehouse, draw reports.",
)
