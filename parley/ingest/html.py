"""Turn an HTML article body into plain text (stdlib only: bodies are small and simple)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# A body is treated as HTML when it holds at least one common markup tag; a lone "<" in
# text ("growth < 2 pct") is not enough. The pattern stays linear on hostile text: a tag ends
# before the next "<" (a body of "<p<p<p..."), and the blanks around "/" cannot be matched in
# two ways (a "<" before a million spaces).
_HTML_TAG = re.compile(
    r"<(?:\s*/)?\s*(html|head|body|p|div|br|span|a|table|tr|td|h[1-6]|li|ul|ol|script|style|"
    r"article|section|strong|em|b|i)\b[^<>]*>",
    re.IGNORECASE,
)
# A "<" that no ">" closes before the next "<" cannot open a tag. Python 3.11's HTMLParser
# rescans the rest of the text from every such "<" (time quadratic in "<a<a<a..."), so they
# are written as "&lt;" first, which the parser reads back as the text "<".
_UNCLOSED_LT = re.compile(r"<(?![^<>]*>)")
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "tr",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "article",
        "section",
        "table",
        "ul",
        "ol",
        "title",
    }
)
_SKIPPED_TAGS = frozenset({"script", "style", "head", "noscript", "template"})


def looks_like_html(text: str) -> bool:
    """True when the text carries HTML markup."""
    return _HTML_TAG.search(text) is not None


def html_to_text(markup: str) -> str:
    """The visible text of an HTML fragment or page, one line per block, entities decoded."""
    parser = _TextExtractor()
    parser.feed(_UNCLOSED_LT.sub("&lt;", markup))
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


class _TextExtractor(HTMLParser):
    """Collects text outside script/style, with a newline at each block boundary."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)
