"""Random drops of hostile inputs, for the generative tests of the ingest and of whole runs.

A drop set maps folder names (raw bytes, often not UTF-8) to files: seed-format articles of
random lengths, JSONL files of records, JSON of random shapes, nesting far past any limit and
junk, or random bytes under any extension. ``write_drops`` writes them and says how many
inputs each drop holds: every one must come out as an article or a rejected input.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from parley.ingest.drops import escape_name

# Names: printable text, bytes that are not UTF-8, spaces, quotes, dots, control characters.
name_bytes = st.lists(
    st.sampled_from([b"a", b"Z", b"7", b" ", b"'", b'"', b".", b"-", b"\\", b"\n", b"\t"])
    | st.sampled_from(
        [b"\xff", b"\xfe", b"\xc3", b"\xed\xa0\x80", "\u00e9".encode(), "\u2013".encode()]
    ),
    min_size=1,
    max_size=8,
).map(b"".join)
drop_names = name_bytes.filter(lambda n: not n.startswith(b".") and n not in (b"..",))
# Words that make sentences, triggers, abbreviations, paragraphs, markup and a lone surrogate.
words = st.sampled_from(
    [
        *("Jaishankar", "met", "Rubio", "Penny", "Wong", "Washington", "on", "Tuesday"),
        *(".", ",", "the", "talks", "visit", "called", "minister", "Mr.", "U.S.", "President"),
        *("he", "his", "\n", "\n\n", "<p>", "</p>", "&", ";", "\ud800", "x"),
    ]
)
bodies = st.lists(words, min_size=1, max_size=400).map(" ".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=4), children)
    ),
    max_leaves=12,
)


# A JSONL line: its text, or a record to which write_drops gives an id of its own.
Line = str | dict[str, object]


@st.composite
def jsonl_lines(draw: st.DrawFn) -> Line:
    """One JSONL line: a record (good or with random field values), or any JSON, or junk."""
    kind = draw(st.sampled_from(["record", "odd_record", "value", "deep", "junk", "blank"]))
    if kind == "record":
        return {"date": "2020-02-02", "body": draw(bodies), "ascii": draw(st.booleans())}
    if kind == "odd_record":
        fields = st.sampled_from(["id", "date", "body", "title", "dateline", "source", "url"])
        return json.dumps(draw(st.dictionaries(fields, json_values | bodies)))
    if kind == "value":
        return json.dumps(draw(json_values), ensure_ascii=draw(st.booleans()))
    if kind == "deep":
        return draw(st.sampled_from(["[", '{"a":'])) * draw(st.integers(60, 5000))
    if kind == "junk":
        return draw(st.text(max_size=50)).replace("\n", " ")
    return draw(st.sampled_from(["", "  "]))


@dataclass
class InputFile:
    """A file to write: a seed-format body, JSONL lines, or raw bytes."""

    name: bytes
    body: str | None = None
    lines: list[Line] | None = None
    raw: bytes = b""


@st.composite
def input_files(draw: st.DrawFn) -> InputFile:
    kind = draw(st.sampled_from(["txt", "jsonl", "bytes"]))
    stem = draw(name_bytes)
    if kind == "txt":
        return InputFile(stem + b".txt", body=draw(bodies))
    if kind == "jsonl":
        return InputFile(stem + b".jsonl", lines=draw(st.lists(jsonl_lines(), max_size=6)))
    name = stem + draw(st.sampled_from([b".txt", b".jsonl", b".bin", b""]))
    return InputFile(name if name not in (b".", b"..") else name + b"_", raw=draw(st.binary()))


drop_sets = st.dictionaries(
    drop_names, st.lists(input_files(), min_size=1, max_size=4), min_size=1, max_size=3
)


def render(file: InputFile, marker: str) -> bytes:
    """The file's bytes; ``marker`` makes its articles unlike those of any other file."""
    if file.body is not None:
        text = f"date 2021-03-04\n{marker} {file.body}"
    elif file.lines is not None:
        lines = [
            line
            if isinstance(line, str)
            else json.dumps(
                {"id": f"{marker}-{n}", "date": line["date"], "body": line["body"]},
                ensure_ascii=bool(line["ascii"]),
            )
            for n, line in enumerate(file.lines)
        ]
        text = "\n".join(lines)
    else:
        return file.raw
    return text.encode("utf-8", "surrogatepass")


def inputs_in(file: InputFile, content: bytes) -> int:
    """How many inputs a file holds: its non-blank lines for JSONL (or 1 if none), else 1."""
    if not file.name.endswith(b".jsonl"):
        return 1
    return sum(1 for line in content.split(b"\n") if line.strip()) or 1


def write_drops(root: Path, drops: dict[bytes, list[InputFile]]) -> dict[str, int]:
    """Write the drops; return each drop id with the number of inputs it holds."""
    expected: dict[str, int] = {}
    for d, (drop_name, files) in enumerate(drops.items()):
        folder = os.path.join(bytes(root), drop_name)
        os.mkdir(folder)
        expected[escape_name(os.fsdecode(drop_name))] = 0
        for f, file in enumerate(files):
            content = render(file, f"M{d}x{f}")
            with open(os.path.join(folder, b"%d" % f + file.name), "wb") as handle:
                handle.write(content)
            expected[escape_name(os.fsdecode(drop_name))] += inputs_in(file, content)
    return expected
