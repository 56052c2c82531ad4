"""Synthetic drops of the concurrency and deployment tests, and how to write them."""

from __future__ import annotations

import json
from pathlib import Path

# Synthetic one-paragraph wires (written for these tests), each stating one meeting.
DROPS: dict[str, list[dict[str, str]]] = {
    "east": [
        {
            "id": "east-1",
            "date": "1987-03-04",
            "dateline": "TOKYO, March 4",
            "body": "Japanese Finance Minister Kiichi Miyazawa met U.S. Treasury Secretary "
            "James Baker in Tokyo on Tuesday to discuss the yen.\n",
        },
        {
            "id": "east-2",
            "date": "1987-03-05",
            "dateline": "SEOUL, March 5",
            "body": "South Korean Foreign Minister Choi Kwang-soo held talks with "
            "Japanese Foreign Minister Tadashi Kuranari in Seoul on Wednesday.\n",
        },
    ],
    "west": [
        {
            "id": "west-1",
            "date": "1987-03-04",
            "dateline": "BONN, March 4",
            "body": "West German Chancellor Helmut Kohl met French President Francois "
            "Mitterrand in Bonn on Tuesday to discuss farm trade.\n",
        },
        {
            "id": "west-2",
            "date": "1987-03-06",
            "dateline": "LONDON, March 6",
            "body": "British Prime Minister Margaret Thatcher held talks with Italian Prime "
            "Minister Bettino Craxi in London on Thursday.\n",
        },
    ],
}


def write_drops(root: Path, drops: dict[str, list[dict[str, str]]]) -> None:
    """One folder per drop under ``root``, its records as ``articles.jsonl``."""
    for drop_id, records in drops.items():
        (root / drop_id).mkdir(parents=True)
        lines = "".join(json.dumps(record) + "\n" for record in records)
        (root / drop_id / "articles.jsonl").write_text(lines)
