"""Names of bodies, agreements and platforms composed from attested parts.

English names of this kind are built on a few patterns, and Russian and Kazakh build them
on their own ones:

* "X Agreement", "Agreement on X" → «Соглашение о X» / «X туралы келісім»
* "X Council" → «Совет X» / «X кеңесі»
* "X Platform" → «Платформа … в области X» / «X платформасы»

with an optional leading "EU–Y" (the parties, Kazakhstan first as Kazakhstani texts write them:
«Совет сотрудничества «Казахстан – ЕС»», «Қазақстан – ЕО ынтымақтастық кеңесі»). The parts come from ``data/titles/bodies.yaml``,
each with the page its Russian form was seen on. Acronyms are not composed: Russian and
Kazakh abbreviate their own words (EBRD → ЕБРР, ЕҚДБ), so they come from the table there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

RULE = "body-composer"
_DASH = r"\s*[–—-]\s*"


@dataclass(frozen=True)
class ComposedName:
    ru: str
    kk: str
    detail: str  # the pattern and the parts used, for the term's source


@dataclass(frozen=True)
class Acronym:
    lang: str
    acronym: str
    full: str | None
    source: str


@lru_cache(maxsize=1)
def _data() -> dict:
    import yaml

    text = resources.files("termbank").joinpath("data/titles/bodies.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def _about(phrase: str) -> str:
    """«о» or «об» before a Russian prepositional phrase."""
    return ("об " if phrase[:1].casefold() in "аоуэиы" else "о ") + phrase


def _parties(words: str) -> tuple[str, str] | None:
    parts = [p for p in re.split(_DASH, words.strip()) if p]
    table = _data()["parties"]
    if len(parts) < 2 or any(p.casefold() not in table for p in parts):
        return None
    # Kazakhstani texts name Kazakhstan first: «Совет сотрудничества «РК – ЕС»» (kazpravda.kz),
    # «…«Казахстан - Европейский союз»» (kt.kz).
    parts.sort(key=lambda p: p.casefold() != "kazakhstan")
    return (" – ".join(table[p.casefold()]["ru"] for p in parts),
            " – ".join(table[p.casefold()]["kk"] for p in parts))


_PATTERNS = (
    (re.compile(r"^(?:(?P<parties>.+?[–—-].+?)\s+)?(?P<topic>.+?)\s+Agreement$", re.I), "agreement"),
    (re.compile(r"^Agreement on (?P<topic>.+)$", re.I), "agreement"),
    (re.compile(r"^(?:(?P<parties>.+?[–—-].+?)\s+)?(?P<topic>.+?)\s+Council$", re.I), "council"),
    (re.compile(r"^(?:(?P<parties>.+?[–—-].+?)\s+)?(?P<topic>.+?)\s+Platform$", re.I), "platform"),
)


def compose(english: str) -> ComposedName | None:
    """Russian and Kazakh names for *english*, or None when no pattern and parts fit.

    >>> c = compose("Readmission Agreement")
    >>> c.ru, c.kk
    ('Соглашение о реадмиссии', 'Реадмиссия туралы келісім')
    >>> c = compose("EU–Kazakhstan Cooperation Council")
    >>> c.ru, c.kk
    ('Совет сотрудничества «Казахстан – ЕС»', 'Қазақстан – ЕО ынтымақтастық кеңесі')
    >>> compose("Global Gateway") is None
    True
    """
    text = english.strip()
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    topics = _data()["topics"]
    for pattern, kind in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        topic = topics.get(m["topic"].casefold())
        parties = None
        if m.groupdict().get("parties"):
            parties = _parties(m["parties"])
            if parties is None:
                continue
        if topic is None:
            continue
        ru_parties = f" «{parties[0]}»" if parties else ""
        kk_parties = f"{parties[1]} " if parties else ""
        if kind == "agreement":
            ru = f"Соглашение{ru_parties} {_about(topic['ru_about'])}"
            kk = f"{kk_parties}{topic['kk']} туралы келісім"
        elif kind == "council":
            ru = f"Совет {topic['ru_gen']}{ru_parties}"
            kk = f"{kk_parties}{topic['kk']} кеңесі"
        else:
            ru = f"Платформа{ru_parties} в области {topic['ru_gen']}"
            kk = f"{kk_parties}{topic['kk']} платформасы"
        detail = f"{kind} pattern; {m['topic'].casefold()}: {topic['source']}"
        return ComposedName(ru, kk[:1].upper() + kk[1:], detail)
    return None


def acronyms(english: str) -> list[Acronym]:
    """The Russian and Kazakh acronyms (and full names) the table gives for *english*."""
    entry = _data()["acronyms"].get(english.strip())
    if not entry:
        return []
    return [Acronym(lang, v["acronym"], v.get("full"), v["source"]) for lang, v in entry.items()]
