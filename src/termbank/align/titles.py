"""Official titles composed from parts when the reference data lacks the full title.

"Deputy Minister of Foreign Affairs of the Republic of Kazakhstan" is read as head (Deputy
Minister) + body (Foreign Affairs) + jurisdiction (Republic of Kazakhstan); the parts come
from ``data/titles/parts.yaml``. Russian puts everything after the head into the genitive
(a genitive chain: "заместитель министра иностранных дел Республики Казахстан"); Kazakh is
head-final, with the possessed head and genitive links ("Қазақстан Республикасы Сыртқы істер
министрінің орынбасары"). Compound titles joined by a dash are composed part by part, the
jurisdiction going once to the end (Russian) or the front (Kazakh).

Composed titles are proposals: they carry the rule and the parts used, never approval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from termbank.align import load_yaml
from termbank.errors import FormatError

RULE = "title-composer"
_DASH = re.compile(r"\s+[–—-]\s+")


@dataclass(frozen=True)
class ComposedTitle:
    """A title in Russian and Kazakh and the parts (ids) it was built from."""

    en: str
    ru: str
    kk: str
    parts: tuple[str, ...]
    rules: tuple[str, ...] = ()

    @property
    def detail(self) -> str:
        """The parts, then the rules that joined them: "a+b+c by rule-x"."""
        return "+".join(self.parts) + (" by " + ",".join(self.rules) if self.rules else "")


@dataclass(frozen=True)
class _Parts:
    heads: list[dict]
    bodies: list[dict]
    jurisdictions: list[dict]


@lru_cache(maxsize=1)
def load_parts() -> _Parts:
    """The title parts shipped with termbank."""
    text = resources.files("termbank").joinpath("data/titles/parts.yaml").read_text("utf-8")
    return parse_parts(text, source="termbank/data/titles/parts.yaml")


def parse_parts(text: str, *, source: str) -> _Parts:
    data = load_yaml(text, source=source)
    if not isinstance(data, dict):
        raise FormatError("expected a mapping with heads, bodies, jurisdictions", source=source)
    lists = {}
    for key, needed in (("heads", ("id", "en", "ru", "kk")), ("bodies", ("id", "en", "ru", "kk")),
                        ("jurisdictions", ("id", "en", "ru", "kk"))):
        items = data.get(key)
        if not isinstance(items, list):
            raise FormatError(f"{key}: expected a list", source=source)
        for i, item in enumerate(items):
            missing = [k for k in needed if not isinstance(item, dict) or not item.get(k)]
            if missing:
                raise FormatError(f"{key}/{i}: missing {', '.join(missing)}", source=source)
        lists[key] = items
    return _Parts(**lists)


# -- parsing the English title -------------------------------------------------------------

def _aliases(items: list[dict]) -> list[tuple[str, dict]]:
    pairs = [(alias.casefold(), item) for item in items for alias in item["en"]]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:the)\s+", "", text.strip(), flags=re.I)


def _match_prefix(text: str, items: list[dict]) -> tuple[dict, str] | None:
    low = text.casefold()
    for alias, item in _aliases(items):
        if low == alias or low.startswith(alias + " "):
            return item, text[len(alias):].strip()
    return None


def _match_whole(text: str, items: list[dict]) -> dict | None:
    low = _strip_article(text).casefold()
    return next((item for alias, item in _aliases(items) if low == alias), None)


@dataclass
class _Parsed:
    head: dict
    bodies: list[dict] = field(default_factory=list)  # "of the Majilis of the Parliament"
    jurisdiction: dict | None = None
    to: dict | None = None  # "Ambassador ... to X", "Permanent Representative ... to the EU"
    topic: dict | None = None  # "High Representative for Foreign Affairs ..."


def _parse_one(text: str, parts: _Parts) -> _Parsed | None:
    text = _strip_article(text)
    jurisdiction = None
    bodies: list[dict] = []
    # a leading jurisdiction or body adjective: "Kazakh Deputy Prime Minister", "EU High ..."
    for items, kind in ((parts.jurisdictions, "j"), (parts.bodies, "b")):
        hit = _match_prefix(text, items)
        if hit and _match_prefix(hit[1], parts.heads):
            if kind == "j":
                jurisdiction = hit[0]
            else:
                bodies.append(hit[0])
            text = hit[1]
    # body before head: "Foreign Minister", "European Commission President"
    if not bodies:
        hit = _match_prefix(text, parts.bodies)
        if hit and _match_prefix(hit[1], parts.heads):
            bodies.append(hit[0])
            text = hit[1]
    found = _match_prefix(text, parts.heads)
    if found is None:
        return None
    head, rest = found
    topic = to = None
    while rest:
        m = re.match(r"^(of|for|to|in)\s+(?:the\s+)?(.*)$", rest, flags=re.I)
        if not m:
            return None
        prep, rest = m.group(1).lower(), m.group(2)
        j, b = _match_prefix(rest, parts.jurisdictions), _match_prefix(rest, parts.bodies)
        hit = b if b and (not j or len(b[1]) <= len(j[1])) else j
        if hit is None:
            return None
        item, rest = hit
        if prep in ("to", "in"):
            if to is not None:
                return None
            to = item
        elif prep == "for":
            if hit is not b or topic is not None:
                return None
            topic = item
        elif hit is b:
            if jurisdiction is not None:
                return None  # "of <body>" after the jurisdiction: not a title we know
            bodies.append(item)
        elif jurisdiction is None:
            jurisdiction = item
        else:
            return None
    return _Parsed(head, bodies, jurisdiction, to, topic)


# -- composing -----------------------------------------------------------------------------

def _ru_case(phrase: str, case: str) -> str:
    from termbank.lang import ru

    return " и ".join(ru.inflect_phrase(p, case) for p in phrase.split(" и "))


def _ru_of(part: dict, case: str) -> str:
    """A part's Russian form in *case*; indeclinable names (Алматы) stay as they are."""
    return part["ru"] if part.get("ru_indeclinable") else _ru_case(part["ru"], case)


def _is_organisation(part: dict) -> bool:
    return part.get("kind") == "organisation"


def _head_forms(parsed: _Parsed) -> tuple[str, list[str]]:
    head = parsed.head
    first = parsed.bodies[0]["id"] if parsed.bodies else None
    override = (head.get("by_body") or {}).get(first) if first else None
    if override:
        return override["ru"], _chain(override["kk"])
    return head["ru"], _chain(head["kk"])


def _chain(kk: str | list[str]) -> list[str]:
    return [kk] if isinstance(kk, str) else list(kk)


def _compose_ru(parsed: _Parsed) -> str:
    """Russian: the head, then every dependent in the genitive, in the English order
    (заместитель министра иностранных дел Республики Казахстан); "for X" is по + dative;
    "to X" is при + prepositional for an organisation (при Европейском союзе), otherwise
    в + prepositional (в Республике Казахстан)."""
    head_ru, _ = _head_forms(parsed)
    words = [head_ru]
    words += [_ru_of(b, "gen") for b in parsed.bodies]
    if parsed.topic:
        words.append("по " + _ru_of(parsed.topic, "dat"))
    if parsed.jurisdiction:
        words.append(_ru_of(parsed.jurisdiction, "gen"))
    if parsed.to:
        prep = "при" if _is_organisation(parsed.to) else "в"
        words.append(f"{prep} {_ru_of(parsed.to, 'loc')}")
    return " ".join(words)


@dataclass
class _Noun:
    """One link of a Kazakh possessive chain."""

    text: str
    has_possessive: bool = False  # the citation form ends in it already (Қазақстан Республикасы)
    compound: bool = False  # domain + title noun (Сыртқы істер министр): always possessed


def _kk_to(to: dict) -> str:
    """"to X" as a Kazakh attribute: X жанындағы for an organisation (Еуропалық Одақ
    жанындағы), the locative-relative -дағы for a place (Қазақстан Республикасындағы)."""
    if _is_organisation(to):
        return to["kk"] + " жанындағы"
    from termbank.lang import kk

    return kk.inflect(to["kk"], case="rel", possessed=bool(to.get("kk_possessive")))


KK_ONE_GENITIVE = "kk-one-genitive"
"""The Kazakh chain rule, recorded with every composed title (see ``_compose_kk``)."""


def _compose_kk(parsed: _Parsed) -> str:
    """Kazakh: possessors first, head last, as one possessive chain (izafet).

    Each possessed noun takes the 3rd-person possessive. Only the last possessor, the one
    that owns the head, may take the genitive, and it does when it is itself possessed
    (Қазақстан Республикасының Президенті; Парламент Сенатының Төрағасы) or when an
    attribute stands between it and the head (Еуропалық Одақтың ... жөніндегі Жоғарғы
    өкілі). An unpossessed possessor next to its head stays bare (Мәжіліс депутаты,
    Еуропалық кеңес төрағасы, Алматы әкімі), and every earlier possessor stays in the
    nominative (Қазақстан Республикасы Парламенті Мәжілісінің Төрағасы). A ministry's
    domain is not a possessor but part of the title noun (Сыртқы істер министрі), which
    counts as possessed (Сыртқы істер министрінің орынбасары).
    """
    _, chain = _head_forms(parsed)
    front: list[str] = []  # attributes before the whole chain
    between: list[str] = []  # attributes between the last possessor and the head
    nouns: list[_Noun] = []
    if parsed.jurisdiction:
        nouns.append(_Noun(parsed.jurisdiction["kk"],
                           has_possessive=bool(parsed.jurisdiction.get("kk_possessive"))))
    domain = None
    for body in reversed(parsed.bodies):
        if body.get("kk_role") == "domain":
            domain = body["kk"]
        else:
            nouns += [_Noun(n) for n in _chain(body["kk"])]
    if parsed.to:
        # "to X" locates a posting when the title names one (Қазақстан Республикасындағы
        # Еуропалық Одақ Өкілдігінің басшысы), else the post holder (... елшісі).
        posting = any(b.get("kk_role") == "posting" for b in parsed.bodies)
        (front if posting else between).append(_kk_to(parsed.to))
    if parsed.topic:
        between.append(parsed.topic["kk"] + " жөніндегі")
    first, *rest = chain
    nouns.append(_Noun(f"{domain} {first}", compound=True) if domain else _Noun(first))
    nouns += [_Noun(n) for n in rest]
    return " ".join(front + _link(nouns, between))


def _link(nouns: list[_Noun], between: list[str]) -> list[str]:
    from termbank.lang import kk

    words: list[str] = [] if len(nouns) > 1 else list(between)  # no possessor: before head
    for i, noun in enumerate(nouns):
        takes_possessive = not noun.has_possessive and (i > 0 or noun.compound)
        possessed = noun.has_possessive or takes_possessive
        last_possessor = i == len(nouns) - 2
        genitive = last_possessor and (possessed or bool(between))
        if noun.has_possessive:
            words.append(kk.genitive(noun.text) if genitive else noun.text)
        else:
            words.append(kk.inflect(noun.text, possessive="3" if takes_possessive else None,
                                    case="gen" if genitive else "nom", possessed=False))
        if last_possessor:
            words += between
    return words


def _ids(parsed: _Parsed) -> list[str]:
    return [x["id"] for x in (parsed.jurisdiction, *parsed.bodies, parsed.topic, parsed.head,
                              parsed.to) if x]


def compose(title: str, *, jurisdiction: str | None = None) -> ComposedTitle | None:
    """Compose the Russian and Kazakh forms of an English official title, or None when a
    part is unknown.

    >>> t = compose("Deputy Minister of Foreign Affairs of the Republic of Kazakhstan")
    >>> t.ru
    'заместитель министра иностранных дел Республики Казахстан'
    >>> t.kk
    'Қазақстан Республикасы Сыртқы істер министрінің орынбасары'
    >>> compose("Minister of Foreign Affairs of the Republic of Kazakhstan").kk
    'Қазақстан Республикасының Сыртқы істер министрі'
    >>> compose("Ambassador of the European Union to the Republic of Kazakhstan").kk
    'Еуропалық Одақтың Қазақстан Республикасындағы елшісі'
    """
    parts = load_parts()
    pieces = _DASH.split(title.strip())
    parsed = [_parse_one(p, parts) for p in pieces]
    if not parsed or any(p is None for p in parsed):
        return None
    place = _match_whole(jurisdiction, parts.jurisdictions) if jurisdiction else None
    if jurisdiction and place is None:
        return None
    shared = place or next((p.jurisdiction for p in parsed if p.jurisdiction), None)
    if len(parsed) > 1 or place is not None:
        for p in parsed:
            if p.to is None:
                p.jurisdiction = None
        if shared is not None and not any(p.to for p in parsed):
            parsed[-1].jurisdiction = shared  # Russian: once, at the end
    ru_parts, kk_parts = [], []
    for i, p in enumerate(parsed):
        ru_parts.append(_compose_ru(p))
        kk_p = _Parsed(p.head, p.bodies, p.jurisdiction, p.to, p.topic)
        if len(parsed) > 1:  # Kazakh: the jurisdiction once, at the front
            kk_p.jurisdiction = shared if (i == 0 and not p.to) else None
        kk_parts.append(_compose_kk(kk_p))
    ids = [i for p in parsed for i in _ids(p)]
    return ComposedTitle(title, " – ".join(ru_parts), " – ".join(kk_parts),
                         tuple(dict.fromkeys(ids)), (KK_ONE_GENITIVE,))
