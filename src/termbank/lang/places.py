"""Kazakhstan's regions, cities and ports by their official Kazakh and Russian names.

The list is data (``data/places/kz_official.tsv``) with its sources; English spellings in
use (Karaganda, Karagandy, Qaraghandy) all lead to the one entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LIST_NAME = "data/places/kz_official.tsv"


@dataclass(frozen=True)
class OfficialName:
    english: tuple[str, ...]
    kk: str
    ru: str
    kind: str
    source: str


@lru_cache(maxsize=1)
def _table() -> dict[str, OfficialName]:
    text = resources.files("termbank").joinpath(LIST_NAME).read_text("utf-8")
    table: dict[str, OfficialName] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        en, kk, ru, kind, source = line.split("\t")
        entry = OfficialName(tuple(en.split("|")), kk, ru, kind, source)
        for spelling in entry.english:
            table[spelling.casefold()] = entry
    return table


def lookup(english: str) -> OfficialName | None:
    """The official entry for an English spelling (any case), or None.

    >>> lookup("Qaraghandy").kk, lookup("East Kazakhstan Region").ru
    ('Қарағанды', 'Восточно-Казахстанская область')
    """
    return _table().get(english.strip().casefold())


def entries() -> list[OfficialName]:
    return sorted(set(_table().values()), key=lambda e: e.english[0])
