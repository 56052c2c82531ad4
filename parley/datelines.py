"""The dateline of a wire story ("WASHINGTON, April 7"): its city and its local day.

Wire timestamps are GMT, so an Asian story datelined "TOKYO, April 8" can carry a published
date of April 7: the dateline's day is the story's local day, against which "yesterday" and
"on Tuesday" resolve; its city is where "met here" happened and, for a capital, the state
whose unprefixed office titles the story uses.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from parley.lexicon.countries import country_by_capital, country_by_name
from parley.lexicon.organisations import known_organisation
from parley.records import Article

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# A month name or abbreviation, as a named group ``month``.
MONTH_PATTERN = (
    r"(?P<month>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
    r"aug(?:ust|\.)?|sep(?:t(?:ember)?)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_DATELINE_DAY = re.compile(MONTH_PATTERN + r"\s+(?P<day>\d{1,2})\b", re.IGNORECASE)
# A dateline day further than this from the wire timestamp is not this story's day.
_MAX_DAYS_FROM_TIMESTAMP = 3


def local_day(published: dt.date, dateline: str | None) -> dt.date:
    """The article's local day: the dateline's month and day, else the published date."""
    if not dateline:
        return published
    match = _DATELINE_DAY.search(dateline)
    if match is None:
        return published
    month = MONTHS[match.group("month")[:3].lower()]
    day = int(match.group("day"))
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return published
    # The dateline day is the one closest to the wire timestamp (handles New Year).
    best = min(candidates, key=lambda d: abs((d - published).days))
    return best if abs((best - published).days) <= _MAX_DAYS_FROM_TIMESTAMP else published


def dateline_city(dateline: str | None) -> str | None:
    """The city of a dateline ("WASHINGTON, April 7" -> "Washington")."""
    if not dateline:
        return None
    city = dateline.split(",")[0].strip()
    if not city or _DATELINE_DAY.fullmatch(city):
        return None
    return " ".join(w.capitalize() for w in city.split())


@dataclass(frozen=True)
class Home:
    """Where a story comes from: the country whose capital heads its dateline ("COPENHAGEN,
    March 17" -> DNK), and the country whose government published it (outlet "The White
    House" -> USA)."""

    dateline: str | None = None
    government: str | None = None

    @classmethod
    def of(cls, article: Article, day: dt.date) -> Home:
        """The home of an article, from its dateline and its outlet."""
        city = dateline_city(article.dateline)
        dateline = country_by_capital(city, day) or country_by_name(city, day) if city else None
        # "The White House (Briefing Room)": the body, not the page.
        name = re.sub(r"\(.*?\)", "", article.outlet or "").strip()
        outlet = known_organisation(name) if name else None
        government = outlet.country_iso3 if outlet is not None else None
        return cls(dateline, government)
