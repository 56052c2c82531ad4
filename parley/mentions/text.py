"""Cheap text handling before any parsing: sentence spans and the trigger prefilter.

Only sentences that pass the prefilter are parsed, which is the main speed lever of the
mention stage (most wire sentences never mention a meeting). Offsets are always offsets
into ``Article.body``; the text handed to spaCy is the body slice with line breaks turned
into spaces (same length), so token offsets map back by adding the sentence start.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

# Words that can state a meeting, call or visit. Deliberately broad: the dependency rules
# decide; this only keeps sentences without any such word away from the parser.
_TRIGGER_WORDS = (
    "met", "meet(?:s|ing|ings)?", "talk(?:s|ed|ing)?", "call(?:s|ed)?", "phon(?:e|ed)",
    r"telephon\w*", r"visit\w*", "host(?:s|ed|ing)?", "receiv(?:ed|es)", "conversations?",
    "discussions?", "discuss(?:es|ed|ing)?", r"summit\w*", r"negotiat\w*", "conferr?(?:ed|ing)?",
    "consult(?:ed|ations?)", "spoke", r"videoconferenc\w*", r"welcom\w*", "receptions?",
    "dinners?", "lunch(?:es|eon|eons)?", "banquets?", "breakfasts?", "encounters?",
    r"conven\w*", "brief(?:s|ed|ing)?", "greet(?:s|ed|ing)?", "roundtables?", "audiences?",
)  # fmt: skip
# The lookahead on the words' first letters matches nothing the words would not, and lets
# the regex engine skip most word starts without trying every word: half the time.
_FIRST_LETTERS = "".join(sorted({word[0] for word in _TRIGGER_WORDS}))
TRIGGER_RE = re.compile(rf"\b(?=[{_FIRST_LETTERS}])(?:{'|'.join(_TRIGGER_WORDS)})\b", re.IGNORECASE)

# Paragraph breaks: a blank line (seed format) or a line break followed by indentation
# (Reuters wires start each paragraph with a newline and four spaces).
_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n\s*|\n[ \t]{2,}")

# A sentence ends at . ! or ? (optionally followed by a closing quote) before whitespace and
# an upper-case letter, a quote or a digit. Abbreviations are checked separately.
_SENTENCE_END_RE = re.compile(r"[.!?][\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])")
_ABBREVIATION_RE = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gen|Col|Gov|Lt|Sgt|Capt|Prof|St|Jr|Sr|Inc|"
    r"Co|Corp|Ltd|No|Nos|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Ft|Mt|vs|approx|Messrs)\.)$"
)
# The abbreviation check looks this far back from a full stop (the words are short, and a
# run of initials matches from anywhere inside it): from the sentence start instead, a body
# of initials took time quadratic in its length.
_ABBREVIATION_REACH = 40
# The parser's time and memory grow with the text it is given, so a "sentence" longer than
# this (a table, a transcript without full stops) is cut at whitespace. The longest sentence
# of the Reuters and White House readout corpora has 3,314 characters.
MAX_SENTENCE_CHARS = 5_000
_TO_LAST_BLANK = re.compile(r".*\s", re.DOTALL)


@dataclass(frozen=True)
class SentenceSpan:
    """A sentence of an article body: its offsets and its paragraph's index."""

    start: int
    end: int
    paragraph: int


# Cached: each event mention of an article asks for its paragraph, which on a long article
# made the time grow with the square of its length.
@functools.lru_cache(maxsize=4)
def paragraph_spans(body: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the paragraphs of a body, without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH_RE.finditer(body):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(body)))
    return tuple(_strip(body, start, end) for start, end in spans if body[start:end].strip())


def sentence_spans(body: str) -> list[SentenceSpan]:
    """Split a body into sentences with a rule splitter that knows wire abbreviations."""
    sentences: list[SentenceSpan] = []
    for index, (p_start, p_end) in enumerate(paragraph_spans(body)):
        start = p_start
        for match in _SENTENCE_END_RE.finditer(body, p_start, p_end):
            reach = max(start, match.start() - _ABBREVIATION_REACH)
            if _ABBREVIATION_RE.search(body, reach, match.start() + 1):
                continue
            sentences.extend(_capped(body, *_strip(body, start, match.end()), index))
            start = match.end()
        if body[start:p_end].strip():
            sentences.extend(_capped(body, *_strip(body, start, p_end), index))
    return sentences


def _capped(body: str, start: int, end: int, paragraph: int) -> Iterator[SentenceSpan]:
    """The sentence [start, end), in pieces of at most ``MAX_SENTENCE_CHARS`` cut after the
    last whitespace in reach (a hard cut where there is none)."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        blank = _TO_LAST_BLANK.match(body, start + MAX_SENTENCE_CHARS // 2, limit)
        cut = blank.end() if blank else limit
        yield SentenceSpan(*_strip(body, start, cut), paragraph)
        start, end = _strip(body, cut, end)
    yield SentenceSpan(start, end, paragraph)


def has_trigger(text: str) -> bool:
    """True when the text contains a word that could state a meeting, call or visit."""
    return TRIGGER_RE.search(text) is not None


# The comma before a name's suffix ("President Joseph R. Biden, Jr. and President Pedro
# Sanchez spoke"): the parser makes "Jr." an apposition and hangs the second subject on it.
_SUFFIX_COMMA = re.compile(r",(?=\s+[JS]r\b)")


def flat(text: str) -> str:
    """The text as the parser reads it, offsets unchanged: every whitespace character a
    plain space, no comma before a "Jr."/"Sr." suffix, and "-elect" in lower case."""
    spaced = _SUFFIX_COMMA.sub(" ", re.sub(r"\s", " ", text))
    # "President-Elect Luiz Inacio Lula da Silva": capitalised, "Elect" parses as a name
    return spaced.replace("-Elect ", "-elect ")


def iter_trigger_sentences(body: str) -> Iterator[SentenceSpan]:
    """The sentences of a body that pass the trigger prefilter."""
    # Three Reuters bodies in four have no trigger word at all: one search of the body spares
    # splitting them. Sentences start and end next to whitespace, so a trigger word of a
    # sentence is one of the body and the other way round.
    if not has_trigger(body):
        return
    for sentence in sentence_spans(body):
        if has_trigger(body[sentence.start : sentence.end]):
            yield sentence


def _strip(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end
