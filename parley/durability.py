"""Process liveness and fsync: what atomic writes need to survive ``kill -9`` and power loss."""

import os
from pathlib import Path


def process_alive(pid: int) -> bool:
    """True when a process with this id exists on this machine."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by another user
        return True
    return True


def fsync_path(path: Path) -> None:
    """Flush a file or folder to disk, so a rename is never durable before the data it names."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
