"""Progress of a drop's long stages: on the display of ``parley run``, else in the run's log."""

from __future__ import annotations

from contextlib import AbstractContextManager

from dagster import AssetExecutionContext

from parley.progress import ProgressCallback, ProgressLines, shown


def drop_stage(
    context: AssetExecutionContext, drop_id: str, stage: str, total: int
) -> AbstractContextManager[ProgressCallback]:
    """Show ``stage`` of ``total`` articles of the drop while the block runs."""
    progress = shown() or ProgressLines(context.log.info)
    return progress.stage(f"drop {drop_id!r} {stage}", total)
