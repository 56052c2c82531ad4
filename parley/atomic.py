"""Replacing a file so that readers and crashes never see half of it.

Every file parley replaces (per-drop Parquet, the published warehouse, the meeting-id state
pointer, the report pictures) goes through ``replace_atomically``: the new content is written
to a temporary name in the same folder, flushed to disk, renamed over the target, and the
folder is flushed, so after ``kill -9`` or a power cut the target is the old file or the new
one, never a mix, and the rename is never durable before the data it names.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path


def replace_atomically(target: Path, write: Callable[[Path], None], suffix: str = ".tmp") -> Path:
    """Write ``target`` through ``write(temporary_path)``, then swap it in atomically.

    The temporary file is ``.<name>.<pid>.<random><suffix>`` beside the target: the pid lets
    ``remove_abandoned`` tell a file left by a dead process from one still being written.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex}{suffix}")
    try:
        write(temporary)
        fsync_path(temporary)
        os.replace(temporary, target)
        fsync_path(target.parent)
    finally:
        temporary.unlink(missing_ok=True)
    return target


def write_bytes_atomically(target: Path, data: bytes) -> Path:
    """``replace_atomically`` for content already in memory (a picture, a pointer file)."""
    return replace_atomically(target, lambda path: path.write_bytes(data))


def remove_abandoned(target: Path) -> list[Path]:
    """Delete temporary files of ``target`` left by processes that died mid-write."""
    removed = []
    for leftover in target.parent.glob(f".{target.name}.*"):
        pid_text = leftover.name[len(target.name) + 2 :].split(".", 1)[0]
        if pid_text.isdigit() and not process_alive(int(pid_text)):
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


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
