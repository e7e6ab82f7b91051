"""The curated lists under ``termbank/data/extract/``, read once.

Each file is tab-separated, ``#`` starts a comment line, and every file names its sources
in its header. They hold what text alone cannot tell: expansions of acronyms that are never
defined or whose letters do not map one-to-one, Kazakh institutions in English, the head
words that say what a name names, and place names (beside which the world's countries come
from CLDR, through Babel).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from termbank.errors import FormatError
from termbank.lang import places as official_places


@dataclass(frozen=True)
class Known:
    """A name the lists know: its canonical form, its kind and where the list took it from."""

    canonical: str
    kind: str
    source: str


def _rows(name: str) -> list[list[str]]:
    text = resources.files("termbank").joinpath("data", "extract", name).read_text("utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if not cells[0]:
            raise FormatError("empty first column", source=f"data/extract/{name}", line=number)
        rows.append(cells + [""] * (4 - len(cells)))
    return rows


@functools.cache
def acronyms() -> dict[str, Known]:
    """Acronym → its expansion, kind and source (``acronyms.tsv``)."""
    return {a: Known(expansion, kind, f"data/extract/acronyms.tsv ({src})")
            for a, expansion, kind, src in (r[:4] for r in _rows("acronyms.tsv"))}


@functools.cache
def heads() -> dict[str, str]:
    """Lower-case head word (or two-word head) → kind, ``title`` or ``modifier``."""
    return {r[0].lower(): r[1] for r in _rows("heads.tsv")}


@functools.cache
def places() -> dict[str, str]:
    """Lower-case place name or variant → canonical place name (``places.tsv``, then
    Kazakhstan's official regions, cities and ports, then the countries of CLDR)."""
    table = {}
    for name, variants, _demonyms, _ in _rows("places.tsv"):
        table[name.lower()] = name
        for variant in filter(None, variants.split(",")):
            table[variant.strip().lower()] = name
    for entry in official_places.entries():  # "Karaganda", "Karagandy", "Qaraghandy"
        for spelling in entry.english:
            table.setdefault(spelling.lower(), entry.english[0])
    for name in cldr_countries():
        table.setdefault(name.lower(), name)
    return table


#: CLDR regions that are no country of ISO 3166 (Ascension, Clipperton, Diego Garcia, Ceuta
#: and Melilla, Canary Islands, Tristan da Cunha, Sark) or no place (the EU, the eurozone,
#: the UN, outlying Oceania, pseudo-locales, unknown)
_NOT_COUNTRIES = frozenset("AC CP DG EA IC TA CQ EU EZ UN QO XA XB ZZ".split())


@functools.cache
def cldr_countries() -> tuple[str, ...]:
    """English short names of the world's countries and territories, from CLDR (Babel):
    "Syria", "Czechia", "Bosnia and Herzegovina", "Myanmar"."""
    from babel import Locale

    names = []
    for code, name in Locale("en").territories.items():
        if len(code) != 2 or not code.isalpha() or code in _NOT_COUNTRIES:
            continue
        name = re.sub(r"\s*\(.*\)", "", name).replace(" & ", " and ")
        if " - " not in name and "," not in name:  # "Congo - Kinshasa": no form a text writes
            names.append(name)
    return tuple(names)


@functools.cache
def cities() -> frozenset[str]:
    """Canonical names of the places ``places.tsv`` marks as cities: venues, not scopes."""
    return frozenset(r[0] for r in _rows("places.tsv") if r[3] == "city")


@functools.cache
def local_places() -> frozenset[str]:
    """Canonical names of cities and regions within a country: the cities of ``places.tsv``
    and Kazakhstan's official regions, cities and ports."""
    return cities() | {entry.english[0] for entry in official_places.entries()}


@functools.cache
def demonyms() -> dict[str, str]:
    """"kazakh" → "Kazakhstan": adjectives that name a jurisdiction before a title."""
    table = {}
    for name, _variants, names, _ in _rows("places.tsv"):
        for demonym in filter(None, names.split(",")):
            table[demonym.strip().lower()] = name
    return table


@functools.cache
def institutions() -> dict[str, Known]:
    """Lower-case form (lemma or variant) → the institution's lemma, kind and source."""
    table = {}
    for lemma, kind, variants, src in _rows("institutions.tsv"):
        known = Known(lemma, kind, f"data/extract/institutions.tsv ({src})")
        table[lemma.lower()] = known
        for variant in filter(None, variants.split(",")):
            table[variant.strip().lower()] = known
    return table


@functools.cache
def known_names() -> dict[tuple[str, ...], Known]:
    """Every multiword name the lists know, as a tuple of lower-case words → :class:`Known`.

    The chunker looks these up first, so that "Organization for Security and Co-operation
    in Europe" stays whole although "in" does not usually join names.
    """
    table: dict[tuple[str, ...], Known] = {}
    for acronym, known in acronyms().items():
        table[tuple(_words(known.canonical))] = Known(known.canonical, known.kind, known.source)
        if " " in acronym:  # "DG AGRI" is one name, not "DG" and "AGRI"
            table[tuple(_words(acronym))] = Known(acronym, known.kind, known.source)
    for form, known in institutions().items():
        table[tuple(_words(form))] = known
    for form, name in places().items():
        table[tuple(_words(form))] = Known(name, "place", "data/extract/places.tsv")
    return {k: v for k, v in table.items() if len(k) > 1}


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.split(r"[\s/]+", text.replace("’", "'")) if w]


@functools.cache
def given_names() -> frozenset[str]:
    """Lower-case given names (``given_names.tsv``): evidence that a name is a person's."""
    return frozenset(r[0].lower() for r in _rows("given_names.tsv"))


@functools.cache
def descriptors() -> frozenset[str]:
    """Lower-case descriptor adjectives (``descriptors.tsv``): they open no term."""
    return frozenset(r[0].lower() for r in _rows("descriptors.tsv"))
