"""The report pictures beside a warehouse, drawn again only when what they show changed.

Each PNG carries, in a text chunk, a digest of what it was drawn from: its data, the drawing
code and the plotting libraries' versions. A picture whose digest matches is kept as it is,
so a publish that changed no meeting draws nothing and imports no plotting library (the
drawing is most of what a small drop's pictures cost; ``parley.reports.plots``).
"""

from __future__ import annotations

import base64
import hashlib
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from parley.atomic import write_bytes_atomically
from parley.reports.read import NetworkEdge, TimelinePoint

TIMELINE_FILE = "meeting_timeline.png"
NETWORK_FILE = "who_met_whom.png"
# The PNG text chunk (tEXt) holding the digest, and the files the digest covers.
_DIGEST_KEYWORD = b"parley:drawn-from"
_PLOTS_SOURCE = Path(__file__).with_name("plots.py")
_LIBRARIES = ("matplotlib", "networkx")
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Picture:
    """A picture file and its bytes; ``drawn`` False when the file was already up to date."""

    path: Path
    png: bytes
    drawn: bool


def timeline_picture(out: Path, points: list[TimelinePoint], n_undated: int) -> Picture:
    """``out/meeting_timeline.png`` for ``points``, drawn if it shows anything else."""
    return _picture(
        out / TIMELINE_FILE,
        _digest(TIMELINE_FILE, repr((points, n_undated))),
        lambda plots: plots.timeline_png(points, n_undated),
    )


def network_picture(out: Path, edges: list[NetworkEdge]) -> Picture:
    """``out/who_met_whom.png`` for ``edges``, drawn if it shows anything else."""
    return _picture(
        out / NETWORK_FILE,
        _digest(NETWORK_FILE, repr(edges)),
        lambda plots: plots.network_png(edges),
    )


def markdown_image(png: bytes, alt: str) -> str:
    """A Markdown image with the PNG inline as a data URI (the UI needs no file server)."""
    return f"![{alt}](data:image/png;base64,{base64.b64encode(png).decode('ascii')})"


def _picture(path: Path, digest: str, draw: Callable[[object], bytes]) -> Picture:
    """The picture at ``path`` if it carries ``digest``, else one ``draw`` makes, written."""
    if path.exists():
        png = path.read_bytes()
        if _drawn_from(png) == digest:
            return Picture(path, png, drawn=False)
    from parley.reports import plots

    png = _with_digest(draw(plots), digest)
    return Picture(write_bytes_atomically(path, png), png, drawn=True)


def _digest(name: str, data: str) -> str:
    """What a picture is drawn from: its data, the drawing code and the libraries."""
    digest = hashlib.sha256(name.encode())
    digest.update(_PLOTS_SOURCE.read_bytes())
    for library in _LIBRARIES:
        digest.update(f"{library}=={metadata.version(library)}".encode())
    digest.update(data.encode())
    return digest.hexdigest()


def _with_digest(png: bytes, digest: str) -> bytes:
    """``png`` with a tEXt chunk holding ``digest``, right after its header chunk."""
    header_end = len(_PNG_SIGNATURE) + 8 + struct.unpack(">I", png[8:12])[0] + 4
    data = _DIGEST_KEYWORD + b"\0" + digest.encode("ascii")
    chunk = struct.pack(">I", len(data)) + b"tEXt" + data
    chunk += struct.pack(">I", zlib.crc32(b"tEXt" + data))
    return png[:header_end] + chunk + png[header_end:]


def _drawn_from(png: bytes) -> str | None:
    """The digest a PNG written by ``_with_digest`` carries (None for any other file)."""
    if not png.startswith(_PNG_SIGNATURE):
        return None
    position = len(_PNG_SIGNATURE)
    while position + 8 <= len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        data = png[position + 8 : position + 8 + length]
        if kind == b"tEXt" and data.startswith(_DIGEST_KEYWORD + b"\0"):
            return data[len(_DIGEST_KEYWORD) + 1 :].decode("ascii", "replace")
        if kind == b"IDAT":
            return None  # text chunks this module writes come before the image data
        position += 12 + length
    return None
