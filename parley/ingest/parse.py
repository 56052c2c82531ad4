"""Parse a drop folder into articles and rejected inputs.

Accepted kinds (``shared/CONTRACT.md`` section 1): ``*.txt`` in the seed format and
``*.jsonl`` / ``*.jsonl.gz`` with one article a line. Anything that cannot become an article
becomes a ``RejectedInput`` with a short reason code; nothing is dropped silently and one bad
file never stops the rest of the drop.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import os
import re
import reprlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from json import JSONDecodeError
from pathlib import Path

from parley.failures import PROCESSING_ERROR, describe_error
from parley.ingest.drops import escape_name
from parley.ingest.html import html_to_text, looks_like_html
from parley.ingest.json_value import TooDeep, load_json
from parley.records import Article, RejectedInput

# Largest file or JSONL line read into memory. News articles are a few KB; anything this big
# is a dump or a mistake, and reading it whole would make memory use depend on the input.
MAX_TEXT_BYTES = 5_000_000

_SEED_DATE = re.compile(r"\A\s*date[ \t]+(\S+)[ \t]*(.*)\Z", re.DOTALL | re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# "Based On ANI Report", "Based on Reuters report", "Source: PTI", "(With inputs from IANS)".
_ATTRIBUTION = re.compile(
    r"^\s*(?:based\s+on\s+(?P<based>.+?)(?:\s+reports?)?"
    r"|source\s*:\s*(?P<source>.+?)"
    r"|\(?with\s+inputs\s+from\s+(?P<inputs>.+?)\)?)\s*\.?\s*$",
    re.IGNORECASE,
)
_MAX_OUTLET_CHARS = 60
# A JSON string escape can denote half of a UTF-16 pair ("\ud800"), which no UTF-8 text holds.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Input values quoted in a rejection's detail are shortened: a value can be megabytes long.
_shown = reprlib.Repr()
_shown.maxstring = _shown.maxother = 60


@dataclass
class IngestResult:
    """What one drop yielded."""

    articles: list[Article] = field(default_factory=list)
    rejected: list[RejectedInput] = field(default_factory=list)


class InputRejected(Exception):
    """Raised inside the parsers for an input that cannot become an article."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def article_id_for(source_ref: str, content_sha256: str) -> str:
    """Stable article key: the same text under the same name is the same article in any drop."""
    digest = hashlib.sha256(f"{source_ref}\0{content_sha256}".encode()).hexdigest()
    return f"art-{digest[:16]}"


def content_hash(body: str) -> str:
    """SHA-256 of the body text, used to find exact re-sends under other names."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def ingest_drop(drop_dir: Path, drop_id: str) -> IngestResult:
    """Parse every file under ``drop_dir`` (recursively, never following symlinks)."""
    result = IngestResult()
    if not drop_dir.is_dir():
        return result
    for path in _walk_files(drop_dir, drop_id, result):
        source_ref = _source_ref(path, drop_dir)
        name = path.name.lower()
        try:
            if name.endswith(".txt"):
                result.articles.append(parse_seed_file(path, source_ref, drop_id))
            elif name.endswith(".jsonl") or name.endswith(".jsonl.gz"):
                _ingest_jsonl(path, source_ref, drop_id, result)
            else:
                raise InputRejected(
                    "unsupported_kind",
                    f"{escape_name(path.suffix) or 'no extension'} is not .txt or .jsonl",
                )
        except InputRejected as rejection:
            result.rejected.append(
                RejectedInput(drop_id, source_ref, rejection.reason, rejection.detail)
            )
        except OSError as error:
            detail = _io_message(error)
            result.rejected.append(RejectedInput(drop_id, source_ref, "unreadable", detail))
        except Exception as error:
            # A bug the input found: this file is rejected, the rest of the drop goes on.
            result.rejected.append(
                RejectedInput(drop_id, source_ref, PROCESSING_ERROR, describe_error(error))
            )
    return result


def _source_ref(path: Path, drop_dir: Path) -> str:
    """The path relative to the drop folder, with bytes that are not UTF-8 escaped."""
    return escape_name(path.relative_to(drop_dir).as_posix())


def _io_message(error: OSError | EOFError) -> str:
    """The message of an I/O error, with the bytes of its file name that are not UTF-8
    escaped."""
    return escape_name(str(error))


def _walk_files(drop_dir: Path, drop_id: str, result: IngestResult) -> Iterator[Path]:
    """Yield regular files in a stable order; symlinks, specials and folders that cannot be
    listed become rejections."""

    def unlistable(error: OSError) -> None:
        source_ref = _source_ref(Path(error.filename), drop_dir)
        result.rejected.append(RejectedInput(drop_id, source_ref, "unreadable", _io_message(error)))

    for root, dirs, files in os.walk(drop_dir, onerror=unlistable, followlinks=False):
        dirs.sort()
        root_path = Path(root)
        for linked_dir in [d for d in dirs if (root_path / d).is_symlink()]:
            dirs.remove(linked_dir)
            source_ref = _source_ref(root_path / linked_dir, drop_dir)
            result.rejected.append(
                RejectedInput(drop_id, source_ref, "symlink", "symbolic links are not followed")
            )
        for file_name in sorted(files):
            path = root_path / file_name
            source_ref = _source_ref(path, drop_dir)
            if path.is_symlink():
                result.rejected.append(
                    RejectedInput(drop_id, source_ref, "symlink", "symbolic links are not followed")
                )
            elif not path.is_file():
                result.rejected.append(
                    RejectedInput(drop_id, source_ref, "not_a_file", "not a regular file")
                )
            else:
                yield path


def parse_seed_file(path: Path, source_ref: str, drop_id: str) -> Article:
    """Parse one ``.txt`` file of the seed format."""
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise InputRejected("too_large", f"{size} bytes; the limit is {MAX_TEXT_BYTES}")
    raw = path.read_bytes()
    text, flags = decode_text(raw)
    return parse_seed_text(text, source_ref, drop_id, input_flags=flags)


def decode_text(raw: bytes) -> tuple[str, str | None]:
    """Decode bytes as UTF-8, leniently: replace bad bytes and say so in a flag."""
    if not raw.strip():
        raise InputRejected("empty", "the file is empty or blank")
    if b"\x00" in raw:
        raise InputRejected("binary", "the file contains NUL bytes; not text")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        return raw.decode("utf-8", errors="replace"), f"non_utf8 at byte {error.start}"


def parse_seed_text(
    text: str, source_ref: str, drop_id: str, input_flags: str | None = None
) -> Article:
    """Parse seed-format text: ``date YYYY-MM-DD`` then the body, same line or later."""
    match = _SEED_DATE.match(text)
    if match is None:
        raise InputRejected("missing_date", "the file does not start with 'date YYYY-MM-DD'")
    published = parse_iso_date(match.group(1))
    body, outlet, input_flags = clean_body(match.group(2), input_flags)
    if not body:
        raise InputRejected("empty_body", "no article text after the date line")
    sha = content_hash(body)
    return Article(
        article_id=article_id_for(source_ref, sha),
        source_ref=source_ref,
        drop_id=drop_id,
        published_date=published,
        title=None,
        dateline=None,
        outlet=outlet,
        body=body,
        content_sha256=sha,
        input_flags=input_flags,
    )


def parse_iso_date(value: object) -> dt.date:
    """A ``YYYY-MM-DD`` date, or a rejection saying what was wrong with it."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise InputRejected("bad_date", f"{_shown.repr(value)} is not a YYYY-MM-DD date")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as error:
        raise InputRejected("bad_date", f"{_shown.repr(value)}: {error}") from error
    # A day of slack for time zones ahead of UTC. A later date is a typo or a clock error, and
    # it would date its meetings in the future, which the publish step refuses.
    if day > dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1):
        raise InputRejected("future_date", f"{value} is after today")
    return day


def clean_body(text: str, input_flags: str | None) -> tuple[str, str | None, str | None]:
    """Strip HTML markup and the attribution line; return (body, outlet, input_flags)."""
    if looks_like_html(text):
        text = html_to_text(text)
        input_flags = ";".join(filter(None, [input_flags, "html_stripped"]))
    body, outlet = split_attribution(text)
    return body, outlet, input_flags


def split_attribution(text: str) -> tuple[str, str | None]:
    """Strip blank padding and a trailing attribution line; return (body, outlet)."""
    lines = text.strip().splitlines()
    outlet = None
    # The length first: the pattern takes time quadratic in a long line that starts "based on".
    if lines and len(lines[-1]) <= _MAX_OUTLET_CHARS + 20:
        match = _ATTRIBUTION.match(lines[-1])
        if match:
            outlet = next(g for g in match.groups() if g).strip()
            lines = lines[:-1]
    return "\n".join(lines).strip(), outlet


def _ingest_jsonl(path: Path, source_ref: str, drop_id: str, result: IngestResult) -> None:
    """Parse a JSONL (optionally gzipped) file line by line, rejecting bad records one by one."""
    seen_ids: set[str] = set()
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    n_records = 0
    try:
        with opener(path, "rb") as handle:
            for line_no, raw_line in enumerate(_bounded_lines(handle), start=1):
                if raw_line is None:
                    result.rejected.append(
                        RejectedInput(
                            drop_id,
                            f"{source_ref}:{line_no}",
                            "too_large",
                            f"line longer than {MAX_TEXT_BYTES} bytes",
                        )
                    )
                    continue
                if not raw_line.strip():
                    continue
                n_records += 1
                try:
                    article = parse_jsonl_record(raw_line, drop_id)
                    if article.source_ref in seen_ids:
                        raise InputRejected(
                            "duplicate_id",
                            f"id {_shown.repr(article.source_ref)} appeared earlier in the file",
                        )
                    seen_ids.add(article.source_ref)
                    result.articles.append(article)
                except InputRejected as rejection:
                    result.rejected.append(
                        RejectedInput(
                            drop_id,
                            f"{source_ref}:{line_no}",
                            rejection.reason,
                            rejection.detail,
                        )
                    )
                except Exception as error:
                    result.rejected.append(
                        RejectedInput(
                            drop_id,
                            f"{source_ref}:{line_no}",
                            PROCESSING_ERROR,
                            describe_error(error),
                        )
                    )
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        # A truncated gzip stream keeps the records read before the damage.
        detail = f"after {n_records} records: {_io_message(error)}"
        raise InputRejected("unreadable", detail) from error
    if n_records == 0:
        raise InputRejected("empty", "the file holds no records")


def _bounded_lines(handle: io.BufferedIOBase) -> Iterator[bytes | None]:
    """Yield lines, or None for a line over the size limit (skipped without loading it)."""
    while True:
        line = handle.readline(MAX_TEXT_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_TEXT_BYTES and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(MAX_TEXT_BYTES)
            yield None
        else:
            yield line


def parse_jsonl_record(raw_line: bytes, drop_id: str) -> Article:
    """Parse one JSONL line into an article, or raise ``InputRejected``."""
    text, flags = decode_text(raw_line)
    try:
        record = load_json(text)
    except TooDeep as error:
        raise InputRejected("too_deep", str(error)) from error
    except JSONDecodeError as error:
        raise InputRejected("bad_json", f"{error.msg} at column {error.colno}") from error
    except ValueError as error:
        raise InputRejected("bad_json", str(error)) from error
    if not isinstance(record, dict):
        raise InputRejected("bad_record", f"a JSON {type(record).__name__}, not an object")
    if any(isinstance(v, str) and _LONE_SURROGATE.search(v) for v in record.values()):
        record = {
            k: _LONE_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v
            for k, v in record.items()
        }
        flags = ";".join(filter(None, [flags, "unpaired_surrogate"]))
    record_id = record.get("id")
    if isinstance(record_id, int) and not isinstance(record_id, bool):
        record_id = str(record_id)
    if not isinstance(record_id, str) or not record_id.strip():
        raise InputRejected("missing_id", "'id' is missing or not a non-empty string")
    if "date" not in record:
        raise InputRejected("missing_date", "'date' is missing")
    published = parse_iso_date(record["date"])
    body = record.get("body")
    if not isinstance(body, str):
        raise InputRejected("missing_body", "'body' is missing or not a string")
    body, attributed_outlet, flags = clean_body(body, flags)
    if not body:
        raise InputRejected("empty_body", "'body' is blank")
    optional = {key: _optional_str(record, key) for key in ("title", "dateline", "url")}
    outlet = _optional_str(record, "outlet") or _optional_str(record, "source") or attributed_outlet
    sha = content_hash(body)
    return Article(
        article_id=article_id_for(record_id, sha),
        source_ref=record_id,
        drop_id=drop_id,
        published_date=published,
        title=optional["title"],
        dateline=optional["dateline"],
        outlet=outlet,
        body=body,
        content_sha256=sha,
        url=optional["url"],
        input_flags=flags,
    )


def _optional_str(record: dict[str, object], key: str) -> str | None:
    """An optional string field; a present value of another type is a rejection."""
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputRejected("bad_field_type", f"'{key}' is a {type(value).__name__}, not a string")
    return value.strip() or None
