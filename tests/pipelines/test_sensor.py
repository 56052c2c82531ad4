"""The drop sensor, called with an instance: new folders become partitions and runs."""

from __future__ import annotations

import os
from pathlib import Path

from dagster import DagsterInstance, SensorResult, build_sensor_context

from assets.partitions import drops_partitions
from assets.resources import ParleyPaths
from pipelines.sensors import drop_sensor


def _tick(instance: DagsterInstance, paths: ParleyPaths, cursor: str | None = None) -> SensorResult:
    context = build_sensor_context(instance=instance, cursor=cursor, resources={"paths": paths})
    return drop_sensor(context)


def test_sensor_adds_partition_and_requests_its_run(paths: ParleyPaths) -> None:
    with DagsterInstance.ephemeral() as instance:
        result = _tick(instance, paths)
        [add_request] = result.dynamic_partitions_requests
        assert list(add_request.partition_keys) == ["seeds"]
        [run_request] = result.run_requests
        assert run_request.partition_key == "seeds"
        assert run_request.run_key.startswith("seeds:")


def test_sensor_is_quiet_when_nothing_changed_and_wakes_on_a_change(
    paths: ParleyPaths, drops_root: Path
) -> None:
    with DagsterInstance.ephemeral() as instance:
        first = _tick(instance, paths)
        instance.add_dynamic_partitions(drops_partitions.name, ["seeds"])
        second = _tick(instance, paths, cursor=first.cursor)
        assert second.run_requests == []
        assert second.dynamic_partitions_requests == []

        (drops_root / "seeds" / "extra.txt").write_text("date 2025-07-03 Wong met Jaishankar.")
        (drops_root / "2025-07-04 ani").mkdir()
        third = _tick(instance, paths, cursor=second.cursor)
        assert sorted(r.partition_key for r in third.run_requests) == ["2025-07-04 ani", "seeds"]
        [add_request] = third.dynamic_partitions_requests
        assert list(add_request.partition_keys) == ["2025-07-04 ani"]


def test_sensor_ticks_over_names_that_are_not_utf8(paths: ParleyPaths, drops_root: Path) -> None:
    # The name of issue 14: every tick failed on it with UnicodeEncodeError.
    seeds = bytes(drops_root / "seeds")
    with open(os.path.join(seeds, b"bad\xff\xfe.txt"), "wb") as handle:
        handle.write(b"date 2025-07-03 Wong met Jaishankar.")
    os.mkdir(os.path.join(bytes(drops_root), b"drop\xff"))
    with DagsterInstance.ephemeral() as instance:
        result = _tick(instance, paths)
        [add_request] = result.dynamic_partitions_requests
        assert list(add_request.partition_keys) == ["drop\\xff", "seeds"]
        assert sorted(r.partition_key for r in result.run_requests) == ["drop\\xff", "seeds"]
