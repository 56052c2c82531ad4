"""The files behind the published warehouse: two replicas, one of them linked into place.

Beside the published file ``parley.duckdb`` (what readers open, read-only) live replicas,
``.parley.duckdb.replica-<id>``; the published file is a hard link to one of them. A
publish writes the other one, the *spare*, in place with DuckDB's own transaction, then
renames a new link to it over the published name: a reader holding the published file keeps
reading its replica, which no publish writes while it is published, and the next connection
opens the new one.

The spare was the published file one publish ago, so a reader may still hold it. DuckDB
locks a file between processes (readers share the lock, a writer takes it alone), so a
publish opens the spare for writing only when no other process has it open, and this
process's own connections are looked for among its open files; when the spare is held, or
missing, the publish copies the published file instead (``.building``, a full copy) and the
held replica is left to its reader and removed from the set. A full build leaves a copy of
itself as the spare, so that the first increment after it need not copy. Readers never block
a publish and never see a file being written.

Measured with DuckDB 2.0 (``BENCHMARKS.md``): a process holding a file read-only makes
another process's read-write open fail at once ("Conflicting lock is held"), and a process
holding it read-write makes read-only opens fail, so publishing by DuckDB transactions on
the file readers open would block both ways; a read-write open through another hard link of
a file held by another process fails the same way (the lock is the inode's), while this
process's own open connections do not conflict with it, hence the look at open files.
"""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb

from parley.atomic import fsync_path, remove_abandoned

# DuckDB's memory for a publish, past which it spills to a temporary folder beside the file
# (its default is 80% of RAM). The build runs in the process that holds the spaCy models,
# and the mention pairs of one article grow with the square of its mentions: a 2.3 MB
# article repeating one report 1,000 times took the build to 2.8 GB without this limit, 1.2
# GB with it, for twice the time.
BUILD_MEMORY_LIMIT = "1GB"
_REPLICA_TAG = "replica-"
_BUILDING = ".building"


@dataclass(frozen=True)
class Replicas:
    """The replicas of one published file, in its folder."""

    target: Path

    @classmethod
    def of(cls, target: Path) -> Replicas:
        """The replicas of ``target``; removes temporary files left by dead processes."""
        target = target.absolute()
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_abandoned(target)
        return cls(target)

    def all(self) -> list[Path]:
        """Every replica file (not their DuckDB write-ahead logs)."""
        prefix = f".{self.target.name}.{_REPLICA_TAG}"
        return sorted(
            path for path in self.target.parent.glob(f"{prefix}*") if not path.name.endswith(".wal")
        )

    def published(self) -> Path | None:
        """The replica the published file is a link to, if any."""
        try:
            published = self.target.stat()
        except FileNotFoundError:
            return None
        for path in self.all():
            found = path.stat()
            if (found.st_dev, found.st_ino) == (published.st_dev, published.st_ino):
                return path
        return None

    def spares(self) -> list[Path]:
        """The replicas that are not published, newest first."""
        published = self.published()
        spares = [path for path in self.all() if path != published]
        return sorted(spares, key=lambda path: path.stat().st_mtime_ns, reverse=True)

    def building_path(self) -> Path:
        """A fresh name for a file being built or copied (``remove_abandoned`` knows it)."""
        name = f".{self.target.name}.{os.getpid()}.{uuid.uuid4().hex}{_BUILDING}"
        return self.target.with_name(name)

    def copy_of_published(self) -> Path:
        """A new building file holding a copy of the published replica."""
        published = self.published()
        if published is None:
            raise FileNotFoundError(f"{self.target} is no replica; nothing to copy")
        building = self.building_path()
        shutil.copyfile(published, building)
        return building

    def copy_as_spare(self, replica: Path) -> Path:
        """A new replica holding a copy of ``replica``, for the next publish to write."""
        building = self.building_path()
        shutil.copyfile(replica, building)
        return self.adopt(building)

    def adopt(self, building: Path) -> Path:
        """Make a finished building file a replica."""
        replica = self.target.with_name(f".{self.target.name}.{_REPLICA_TAG}{uuid.uuid4().hex}")
        fsync_path(building)
        os.replace(building, replica)
        fsync_path(replica.parent)
        return replica

    def publish(self, replica: Path) -> None:
        """Link ``replica`` over the published file in one atomic rename."""
        link = self.building_path().with_suffix(".link")
        os.link(replica, link)
        try:
            os.replace(link, self.target)
        finally:
            link.unlink(missing_ok=True)
        fsync_path(self.target.parent)

    def remove(self, replica: Path) -> None:
        """Remove a replica's names (a reader holding it keeps reading until it closes)."""
        replica.unlink(missing_ok=True)
        Path(f"{replica}.wal").unlink(missing_ok=True)


def open_for_write(path: Path) -> duckdb.DuckDBPyConnection | None:
    """A read-write connection to ``path``, or None when someone else has it open.

    Another process holding it shows as DuckDB's lock conflict; a connection of this process
    shows among its open files, where the lock cannot see it.
    """
    if _open_in_this_process(path):
        return None
    try:
        return connect_for_build(path)
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            return None
        raise


def connect_for_build(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-write connection for a publish's work: to ``path``, or in memory."""
    database = ":memory:" if path is None else str(path)
    con = duckdb.connect(database, config={"memory_limit": BUILD_MEMORY_LIMIT})
    # `parley run` prints a short summary, not the progress of a long query.
    con.execute("SET enable_progress_bar = false")
    return con


def _open_in_this_process(path: Path) -> bool:
    """True when this process has a file descriptor on ``path``'s inode (Linux /proc)."""
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        return False
    wanted = path.stat()
    for fd in fds.iterdir():
        try:
            found = fd.stat()
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (wanted.st_dev, wanted.st_ino):
            return True
    return False
