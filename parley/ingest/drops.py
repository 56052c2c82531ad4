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


def escape_name(name: str) -> str:
    """A file or folder name as text, with the bytes that are not UTF-8 written as ``\\xff``.

    ``os`` hands such bytes over as lone surrogates (PEP 383), which no UTF-8 writer (hashes,
    Parquet, DuckDB, the Dagster instance) accepts. A valid name is returned unchanged.
    """
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def list_drops(drops_root: Path) -> list[Drop]:
    """Every drop folder directly under ``drops_root``, sorted by name.

    Hidden folders (``.partial`` uploads, ``.git``) are not drops. A symlinked folder is not
    followed, so a drop can never reach outside the drops root. A folder whose name is not
    UTF-8 is a drop with its name escaped (``escape_name``) as id, unless a folder already
    has that id as its real name.
    """
    if not drops_root.is_dir():
        return []
    drops: dict[str, Drop] = {}
    for entry in sorted(os.scandir(drops_root), key=lambda e: os.fsencode(e.name)):
        if entry.name.startswith(".") or not entry.is_dir(follow_symlinks=False):
            continue
        drop_id = escape_name(entry.name)
        if drop_id not in drops or entry.name == drop_id:
            path = Path(entry.path)
            drops[drop_id] = Drop(drop_id, path, fingerprint_drop(path))
    return sorted(drops.values(), key=lambda d: d.drop_id)


def drop_folder(drops_root: Path, drop_id: str) -> Path:
    """The folder of a drop: ``drops_root / drop_id``, or the folder whose undecodable name
    escapes to ``drop_id``; ``drops_root / drop_id`` when there is neither."""
    folder = drops_root / drop_id
    if folder.is_dir() or not drops_root.is_dir():
        return folder
    for entry in os.scandir(drops_root):
        if entry.name != drop_id and escape_name(entry.name) == drop_id:
            return Path(entry.path)
    return folder


def fingerprint_drop(drop_dir: Path) -> str:
    """A short hash of the drop's file names, sizes and modification times.

    It changes when a file is added, removed or rewritten, which is what the sensor needs to
    request a new run, without reading the contents of large drops on every tick. Names are
    hashed as the bytes they are on disk; a file that vanishes while the drop is scanned is
    left out.
    """
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(drop_dir, followlinks=False):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            try:
                stat = path.lstat()
            except OSError:
                continue
            relative = os.fsencode(path.relative_to(drop_dir).as_posix())
            digest.update(relative + f"\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]
