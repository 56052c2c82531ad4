"""The step graph in parley/meetings/README.md is the truth about the SQL it names.

Each step's files must write exactly the tables the README lists for it and read exactly
the ones it lists; no table has two writing steps; every read comes from the inputs or an
earlier step; every SQL file of the clustering belongs to one step.
"""

from __future__ import annotations

import re
from pathlib import Path

from parley.meetings.cluster import CROSS_ARTICLE, SQL_DIR, WITHIN_ARTICLE

README = Path(SQL_DIR).parent / "README.md"
# Relations build_meetings is given: the caller's tables and the registered previous state.
INPUTS = {
    "articles",
    "event_mentions",
    "event_mention_participants",
    "entities",
    "person_roles",
    "_mc_prev_assign",
    "_mc_prev_registry",
    "_mc_prev_redirects",
    "_mc_group_member",
}
# SQL files the check and baseline functions run, not part of build_meetings.
NOT_STEPS = {
    "baseline_one_a_day.sql",
    "check_meeting_date_span.sql",
    "check_meeting_id_unique.sql",
    "check_mention_in_one_meeting.sql",
}
MACRO_FILES = {"units.sql", "score_pairs.sql", "ids.sql", "names.sql", "titles.sql"}

_WRITE = re.compile(
    r"\b(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP\s+)?(?:TABLE|MACRO)|INSERT\s+INTO)\s+(\w+)",
    re.I,
)
_CTE = re.compile(r"(?:\bWITH|,)\s+(\w+)\s+AS\s+\(", re.I)
# A name after FROM or JOIN that is not a table function call, or a quoted macro argument
# (reads of a step's own tables or of the inputs: _mc_person_names('entities')).
_READ = re.compile(r"\b(?:FROM|JOIN)\s+(\w+)\b(?!\s*\()|'(\w+)'", re.I)


def steps() -> list[tuple[str, set[str], set[str], set[str]]]:
    """(name, files, reads, writes) of every step in the README, in order."""
    text = README.read_text()
    section = text.split("## Step graph", 1)[1].split("\n## ", 1)[0]
    found = []
    for item in re.split(r"\n(?=\d+\. \*\*)", section)[1:]:
        item = item.split("\n\n", 1)[0]  # the list ends at the first blank line
        name = re.match(r"\d+\. \*\*(.+?)\*\*", item).group(1)
        head, tail = re.split(r"\bReads\b", item, maxsplit=1)
        reads_text, writes_text = re.split(r"\bwrites\b", tail, maxsplit=1)
        files = set()
        for token in re.findall(r"`([\w*]+\.sql)`", head):
            files |= {p.name for p in SQL_DIR.glob(token)}
        reads = set(re.findall(r"`(\w+)`", reads_text))
        writes = set(re.findall(r"`(\w+)`", writes_text))
        found.append((name, files, reads, writes))
    return found


def sql_of(file: str, writes: set[str]) -> str:
    """A file's SQL without comments, ``{graph}`` set to the prefix of the step's tables."""
    text = "\n".join(line.split("--", 1)[0] for line in (SQL_DIR / file).read_text().splitlines())
    graph = WITHIN_ARTICLE if any(w.startswith(WITHIN_ARTICLE + "_") for w in writes) else None
    if graph is None and any(w.startswith(CROSS_ARTICLE + "_") for w in writes):
        graph = CROSS_ARTICLE
    if "{graph}" in text:
        assert graph is not None, f"{file} needs a graph"
        text = text.replace("{graph}", graph)
    return text


def test_readme_step_graph_matches_the_sql() -> None:
    graph = steps()
    assert len(graph) >= 10
    every_write = set().union(*(w for _, _, _, w in graph))
    written_before: set[str] = set(INPUTS)
    writer: dict[str, str] = {}
    for name, files, reads, writes in graph:
        assert files, f"{name}: no SQL files"
        found_writes: set[str] = set()
        found_reads: set[str] = set()
        ctes: set[str] = set()
        for file in files:
            sql = sql_of(file, writes)
            found_writes |= set(_WRITE.findall(sql))
            ctes |= set(_CTE.findall(sql))
            if file not in MACRO_FILES:  # a macro reads only the tables it is given
                found_reads |= {a or b for a, b in _READ.findall(sql)}
        tables = {t for t in found_reads if t.startswith("_mc_") or t in INPUTS | every_write}
        found_reads = tables - found_writes - ctes
        assert found_writes == writes, f"{name} writes {sorted(found_writes)}"
        assert found_reads == reads, f"{name} reads {sorted(found_reads)}"
        for table in writes:
            assert table not in writer, f"{table} written by {writer.get(table)} and {name}"
            writer[table] = name
        assert reads <= written_before, f"{name} reads {sorted(reads - written_before)} early"
        written_before |= writes


def test_every_clustering_sql_file_is_in_one_step() -> None:
    owners: dict[str, list[str]] = {}
    for name, files, _, _ in steps():
        for file in files:
            owners.setdefault(file, []).append(name)
    on_disk = {p.name for p in SQL_DIR.glob("*.sql")} - NOT_STEPS
    assert set(owners) == on_disk
    # The shared label propagation files serve both loop steps; every other file one step.
    shared = {f for f, names in owners.items() if len(names) > 1}
    assert shared == {p.name for p in SQL_DIR.glob("components_*.sql")}
