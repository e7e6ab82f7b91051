"""Country, territory, language, currency and city names in Kazakh and Russian from CLDR.

Babel ships the Unicode CLDR; its English display names are the keys (``Kazakhstan``,
``Central Asia``, ``euro``), its ``kk`` and ``ru`` names the equivalents; time-zone exemplar
cities (Tashkent, Samarkand) come in by the English form of their zone id. Language names
are looked up as "<name> language" too: CLDR's Russian names are adjectives
(«казахский»), so the Russian term is «казахский язык» and says so in its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class CldrName:
    """One CLDR entry: what it is (``territory/KZ``), and its kk and ru names."""

    key: str
    kk: str
    ru: str
    ru_note: str | None = None


def version() -> str:
    """``CLDR 49 (Babel 2.19.0)``: the data version, recorded in every source."""
    import babel
    from babel.core import get_cldr_version

    return f"CLDR {get_cldr_version()} (Babel {babel.__version__})"


@lru_cache(maxsize=1)
def _table() -> dict[str, CldrName]:
    from babel import Locale

    en, kk, ru = Locale("en"), Locale("kk"), Locale("ru")
    table: dict[str, CldrName] = {}
    for code, name in en.territories.items():
        if code in kk.territories and code in ru.territories:
            table.setdefault(name.casefold(), CldrName(f"territory/{code}", kk.territories[code],
                                                       ru.territories[code]))
    for code, name in en.languages.items():
        if "_" in code or code not in kk.languages or code not in ru.languages:
            continue
        ru_name = ru.languages[code]
        entry = CldrName(f"language/{code}", kk.languages[code], f"{ru_name} язык",
                         ru_note=f"CLDR «{ru_name}» + «язык»")
        table.setdefault(f"{name.casefold()} language", entry)
    for zone, names in ru.time_zones.items():
        kk_city = kk.time_zones.get(zone, {}).get("city")
        ru_city = names.get("city")
        if not (kk_city and ru_city) or "/" not in zone:
            continue
        en_city = en.time_zones.get(zone, {}).get("city") or zone.rsplit("/", 1)[1].replace("_", " ")
        table.setdefault(en_city.casefold(), CldrName(f"exemplar-city/{zone}", kk_city, ru_city))
    for code, name in en.currencies.items():
        if code in kk.currencies and code in ru.currencies:
            table.setdefault(name.casefold(), CldrName(f"currency/{code}", kk.currencies[code],
                                                       ru.currencies[code]))
    return table


def lookup(english: str) -> CldrName | None:
    """The CLDR names of *english* (any case), or None.

    >>> hit = lookup("Central Asia")
    >>> hit.key, hit.kk, hit.ru
    ('territory/143', 'Орталық Азия', 'Центральная Азия')
    >>> lookup("Kazakh language").ru
    'казахский язык'
    >>> lookup("Tashkent").kk, lookup("Samarkand").ru
    ('Ташкент', 'Самарканд')
    """
    return _table().get(english.strip().casefold())
