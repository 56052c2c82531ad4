"""Asset checks on every published table, read from the published file.

A publish runs every check on the rows it wrote before it links the new version into place,
and records the results in the file (``parley_internal.check_results``); in the publish job
this step reports those. The check job (and its daily schedule) runs every check over the
whole file again, as does this step for a file without recorded results.
"""

from collections.abc import Iterator

import duckdb
from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetKey,
    Config,
    MetadataValue,
    multi_asset_check,
)

from assets.resources import ParleyPaths
from warehouse.checks import WAREHOUSE_CHECKS, examples_markdown, run_checks
from warehouse.internal import read_check_results

WAREHOUSE_CHECK_SPECS = [
    AssetCheckSpec(
        check.name,
        asset=AssetKey(check.table),
        description=check.description,
        blocking=check.blocking,
    )
    for check in WAREHOUSE_CHECKS
]


class WarehouseCheckConfig(Config):
    """Whether to run every check over the whole published file, rather than report the
    results its publish recorded for the rows it wrote."""

    whole_file: bool = False


@multi_asset_check(
    specs=WAREHOUSE_CHECK_SPECS,
    description="Keys, references, dates and parties of the published tables.",
)
def warehouse_checks(
    context: AssetCheckExecutionContext, config: WarehouseCheckConfig, paths: ParleyPaths
) -> Iterator[AssetCheckResult]:
    """Report every warehouse check over one read-only connection to the published file."""
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        recorded = None if config.whole_file else read_check_results(con)
        if recorded is None:
            context.log.info("running every check over the whole published file")
            recorded = {
                (o.check.table, o.check.name): (len(o.rows), examples_markdown(o.rows))
                for o in run_checks(con)
            }
    for check in WAREHOUSE_CHECKS:
        n_failures, examples = recorded[(check.table, check.name)]
        if n_failures:
            context.log.warning(f"{check.table}.{check.name}: {n_failures} failing rows")
        yield AssetCheckResult(
            asset_key=AssetKey(check.table),
            check_name=check.name,
            passed=not n_failures,
            severity=AssetCheckSeverity.ERROR if check.blocking else AssetCheckSeverity.WARN,
            metadata={"failures": n_failures, "examples": MetadataValue.md(examples)},
        )
