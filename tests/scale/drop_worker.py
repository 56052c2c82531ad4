"""Child process of the concurrency test: process one drop through Dagster, like a run worker.

    python -m tests.scale.drop_worker DROP_ID START_FILE

Reads ``DAGSTER_HOME``, ``PARLEY_DROPS_DIR`` and ``PARLEY_WAREHOUSE`` from the environment,
imports everything, then waits for ``START_FILE`` to exist so that the two workers of the
test begin their runs at the same moment, and executes the ``process_drop`` job for the
drop against the shared instance (what a run launcher does in each container of a
multi-machine deployment).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dagster import DagsterInstance

from pipelines.definitions import defs
from pipelines.jobs import process_drop_job

START_TIMEOUT_S = 60.0


def main(drop_id: str, start_file: Path) -> int:
    """Wait for the start signal, then process ``drop_id``; exit 0 on success."""
    job = defs.resolve_job_def(process_drop_job.name)
    deadline = time.monotonic() + START_TIMEOUT_S
    while not start_file.exists():
        if time.monotonic() > deadline:
            print("no start signal", file=sys.stderr)
            return 2
        time.sleep(0.05)
    with DagsterInstance.get() as instance:
        result = job.execute_in_process(
            instance=instance, partition_key=drop_id, raise_on_error=False
        )
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
