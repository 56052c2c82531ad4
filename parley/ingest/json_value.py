"""One JSONL line -> a JSON value, without recursion that the input can drive.

``json.loads`` recurses once per nested array or object, so a line of 200,000 ``[`` ends in a
``RecursionError`` (or worse, deep inside a caller that has less stack left). The nesting is
measured first by a scan that skips strings exactly as the decoder does (with the decoder's
own ``scanstring``) and never recurses; only a line within the limit is decoded. Memory stays
bounded by the line size, which the caller caps: the worst value a 5 MB line can decode into
(a million empty objects) takes about 120 MB.
"""

from __future__ import annotations

import itertools
import json
import re
from json.decoder import scanstring

# An article record is an object of strings: one level, two with a list field. The limit
# keeps json.loads far from the interpreter's recursion limit wherever it is called.
MAX_JSON_DEPTH = 64

_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class TooDeep(ValueError):
    """The value nests arrays and objects deeper than ``MAX_JSON_DEPTH``."""


def load_json(text: str, max_depth: int = MAX_JSON_DEPTH) -> object:
    """The JSON value of ``text``; ``TooDeep`` past ``max_depth`` levels, ``ValueError`` for
    anything else the decoder refuses (syntax, an integer of more than 4,300 digits)."""
    if nesting_exceeds(text, max_depth):
        raise TooDeep(f"arrays and objects nested more than {max_depth} deep")
    return json.loads(text)


def nesting_exceeds(text: str, max_depth: int) -> bool:
    """True when the brackets outside strings reach more than ``max_depth`` levels.

    Exact for every text ``json.loads`` accepts, and for the prefix of any other text up to
    its first syntax error, which is as far as the decoder gets.
    """
    depth = 0
    position = 0
    while True:
        quote = text.find('"', position)
        segment = text[position:] if quote < 0 else text[position:quote]
        brackets = _NOT_BRACKETS.sub("", segment)
        opens = brackets.count("[") + brackets.count("{")
        if depth + opens > max_depth:
            # Runs in C (map over a dict method, accumulate, max): linear and fast.
            levels = itertools.accumulate(map(_STEP.__getitem__, brackets), initial=depth)
            if max(levels) > max_depth:
                return True
        depth += 2 * opens - len(brackets)
        if quote < 0:
            return False
        try:
            _, position = scanstring(text, quote + 1)
        except ValueError:
            # An unterminated or invalid string: the decoder stops there too.
            return False
