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
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

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

    @property
    def detail(self) -> str:
        return "+".join(self.parts)


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
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise FormatError(f"YAML syntax error: {getattr(exc, 'problem', exc)}", source=source,
                          line=mark.line + 1 if mark else None) from None
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


# -- Kazakh morphology ---------------------------------------------------------------------
# termbank.lang.kk provides genitive() and possessive3(); until it does, a minimal local
# version follows (WORKAROUND, remove when kk.py lands): vowel harmony from the last vowel,
# buffer consonants and voicing of final к/қ/п.

_BACK_VOWELS, _FRONT_VOWELS = set("аоұыяАОҰЫЯ"), set("әөүіеэиӘӨҮІЕЭИ")
_VOWELS = _BACK_VOWELS | _FRONT_VOWELS | set("уУюЮ")


def _harmony(word: str) -> str:
    for ch in reversed(word):
        if ch in _BACK_VOWELS:
            return "back"
        if ch in _FRONT_VOWELS:
            return "front"
    return "back"


def _local_possessive3(word: str) -> str:
    front = _harmony(word) == "front"
    if word[-1] in _VOWELS:
        return word + ("сі" if front else "сы")
    stem = word[:-1] + {"к": "г", "қ": "ғ", "п": "б"}.get(word[-1], word[-1])
    return stem + ("і" if front else "ы")


def _local_genitive(word: str) -> str:
    front = _harmony(word) == "front"
    last = word[-1].lower()
    if last in _VOWELS - set("уУ") or last in "мнң":
        ending = "нің" if front else "ның"
    elif last in "лрйужз":
        ending = "дің" if front else "дың"
    else:
        ending = "тің" if front else "тың"
    return word + ending


def _local_locative(word: str, *, possessive: bool) -> str:
    front = _harmony(word) == "front"
    last = word[-1].lower()
    if possessive:
        return word + ("нде" if front else "нда")
    if last in _VOWELS or last in "лрйужзмнң":
        return word + ("де" if front else "да")
    return word + ("те" if front else "та")


def _kk():
    try:
        from termbank.lang import kk
    except ImportError:
        return None
    return kk


def _last_word(phrase: str, fn) -> str:
    head, sep, last = phrase.rpartition(" ")
    return head + sep + fn(last)


def kk_possessive3(phrase: str) -> str:
    kk = _kk()
    if kk is not None and hasattr(kk, "possessive3"):
        return kk.possessive3(phrase)
    return _last_word(phrase, _local_possessive3)


def kk_genitive(phrase: str) -> str:
    kk = _kk()
    if kk is not None and hasattr(kk, "genitive"):
        return kk.genitive(phrase)
    return _last_word(phrase, _local_genitive)


def kk_locative_attribute(phrase: str, *, possessive: bool) -> str:
    """"Қазақстан Республикасы" → "Қазақстан Республикасындағы" (the -дағы of "to X")."""
    located = _last_word(phrase, lambda w: _local_locative(w, possessive=possessive))
    return located + ("гі" if _harmony(located) == "front" else "ғы")


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
    body: dict | None = None
    jurisdiction: dict | None = None
    to: dict | None = None  # "Ambassador ... to X"
    topic: dict | None = None  # "High Representative for Foreign Affairs ..."


def _parse_one(text: str, parts: _Parts) -> _Parsed | None:
    text = _strip_article(text)
    jurisdiction = body = to = None
    # a leading jurisdiction or body adjective: "Kazakh Deputy Prime Minister", "EU High ..."
    for items, kind in ((parts.jurisdictions, "j"), (parts.bodies, "b")):
        hit = _match_prefix(text, items)
        if hit and _match_prefix(hit[1], parts.heads):
            if kind == "j":
                jurisdiction = hit[0]
            else:
                body = hit[0]
            text = hit[1]
    # body before head: "Foreign Minister", "European Commission President"
    if body is None:
        hit = _match_prefix(text, parts.bodies)
        if hit and _match_prefix(hit[1], parts.heads):
            body, text = hit
    found = _match_prefix(text, parts.heads)
    if found is None:
        return None
    head, rest = found
    topic = None
    while rest:
        m = re.match(r"^(of|for|to|in)\s+(?:the\s+)?(.*)$", rest, flags=re.I)
        if not m:
            return None
        prep, rest = m.group(1).lower(), m.group(2)
        j, b = _match_prefix(rest, parts.jurisdictions), _match_prefix(rest, parts.bodies)
        if b and (not j or len(b[1]) <= len(j[1])):
            if prep == "for":
                topic, rest = b
            elif body is None:
                body, rest = b
            else:
                return None
        elif j:
            if prep in ("to", "in"):
                to, rest = j
            elif jurisdiction is None:
                jurisdiction, rest = j
            else:
                return None
        else:
            return None
    return _Parsed(head, body, jurisdiction, to, topic)


# -- composing -----------------------------------------------------------------------------

def _ru_gen(phrase: str) -> str:
    from termbank.lang import ru

    return " и ".join(ru.inflect_phrase(p, "gen") for p in phrase.split(" и "))


def _ru_dat(phrase: str) -> str:
    from termbank.lang import ru

    return " и ".join(ru.inflect_phrase(p, "dat") for p in phrase.split(" и "))


def _head_forms(parsed: _Parsed) -> tuple[str, list[str]]:
    head = parsed.head
    override = (head.get("by_body") or {}).get(parsed.body["id"]) if parsed.body else None
    if override:
        return override["ru"], list(override["kk"])
    return head["ru"], list(head["kk"])


def _compose_ru(parsed: _Parsed, *, with_jurisdiction: bool) -> str:
    from termbank.lang import ru

    head_ru, _ = _head_forms(parsed)
    words = [head_ru]
    if parsed.body:
        words.append(_ru_gen(parsed.body["ru"]))
    if parsed.topic:
        words.append("по " + _ru_dat(parsed.topic["ru"]))
    if parsed.jurisdiction and with_jurisdiction:
        words.append(_ru_gen(parsed.jurisdiction["ru"]))
    if parsed.to:
        words.append("в " + ru.inflect_phrase(parsed.to["ru"], "loc"))
    return " ".join(words)


def _compose_kk(parsed: _Parsed, *, with_jurisdiction: bool) -> str:
    _, chain = _head_forms(parsed)
    words = []
    if parsed.jurisdiction and with_jurisdiction:
        words.append(parsed.jurisdiction["kk"])
    if parsed.body:
        body = parsed.body["kk"]
        words.append(kk_genitive(body) if parsed.body.get("kk_link") == "genitive" else body)
    if parsed.to:
        words.append(kk_locative_attribute(parsed.to["kk"],
                                           possessive=bool(parsed.to.get("kk_possessive"))))
    possessed = bool(words)  # a possessor precedes: the head takes the possessive
    if parsed.topic:
        words.append(parsed.topic["kk"] + " жөніндегі")
    title = kk_possessive3(chain[0]) if possessed else chain[0]
    for noun in chain[1:]:
        title = (kk_genitive(title) if possessed else title) + " " + kk_possessive3(noun)
        possessed = True
    words.append(title)
    return " ".join(words)


def _ids(parsed: _Parsed) -> list[str]:
    return [x["id"] for x in (parsed.jurisdiction, parsed.body, parsed.topic, parsed.head,
                              parsed.to) if x]


def compose(title: str, *, jurisdiction: str | None = None) -> ComposedTitle | None:
    """Compose the Russian and Kazakh forms of an English official title, or None when a
    part is unknown.

    >>> t = compose("Deputy Minister of Foreign Affairs of the Republic of Kazakhstan")
    >>> t.ru
    'заместитель министра иностранных дел Республики Казахстан'
    >>> t.kk
    'Қазақстан Республикасы Сыртқы істер министрінің орынбасары'
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
        ru_parts.append(_compose_ru(p, with_jurisdiction=True))
        kk_p = _Parsed(p.head, p.body, shared if (i == 0 and shared and not p.to) else None, p.to,
                       p.topic)
        if len(parsed) == 1:
            kk_p.jurisdiction = p.jurisdiction
        kk_parts.append(_compose_kk(kk_p, with_jurisdiction=True))
    ids = [i for p in parsed for i in _ids(p)]
    return ComposedTitle(title, " – ".join(ru_parts), " – ".join(kk_parts),
                         tuple(dict.fromkeys(ids)))
