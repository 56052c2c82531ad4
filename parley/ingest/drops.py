"""Find drops under a drops root and fingerprint their contents."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Drop:
    """A drop folder: its id (the folder name, also the Dagster partition key) and content id."""

    drop_id: str
    path: Path
    fingerprint: str


def list_drops(drops_root: Path) -> list[Drop]:
    """Every drop folder directly under ``drops_root``, sorted by id.

    Hidden folders (``.partial`` uploads, ``.git``) are not drops. A symlinked folder is not
    followed, so a drop can never reach outside the drops root.
    """
    if not drops_root.is_dir():
        return []
    drops = []
    for entry in sorted(os.scandir(drops_root), key=lambda e: e.name):
        if entry.name.startswith(".") or not entry.is_dir(follow_symlinks=False):
            continue
        path = Path(entry.path)
        drops.append(Drop(entry.name, path, fingerprint_drop(path)))
    return drops


def fingerprint_drop(drop_dir: Path) -> str:
    """A short hash of the drop's file names, sizes and modification times.

    It changes when a file is added, removed or rewritten, which is what the sensor needs to
    request a new run, without reading the contents of large drops on every tick.
    """
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(drop_dir, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            stat = path.lstat()
            relative = path.relative_to(drop_dir).as_posix()
            digest.update(f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]
