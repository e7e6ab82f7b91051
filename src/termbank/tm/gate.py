"""The precision gate for mined equivalents: a term is proposed only if it is a whole term.

Mining from a few aligned press releases finds the right span most of the time, but the
wrong ones are nearly always of a few shapes: a span cut short inside the term (a Kazakh
phrase ending in a genitive, an adjective or a postposition, «…жөніндегі кіші»; a Russian one
ending in an adjective, «Соглашение об упрощении визового»), a span that starts before the
term (a verb, an adverb or a pronoun in front: «недавно подписанного Меморандума», «его
государства-члены»), a span with a dangling pronoun or conjunction at its end («Европейский
парламент и его»), or a span far shorter than the English term (one word for a four-word
title). :func:`rejection` names the first such defect, or returns None for a whole term.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_EN_STOP = frozenset("a an the of for and on to in at by with from as its their".split())
_RU_STOP = frozenset("и в во на по о об с со к для при между из от до за у".split())
_KK_STOP = frozenset("және мен пен бен туралы жөніндегі бойынша арасындағы үшін".split())

#: Kazakh words that cannot end a term: postpositions, and modifiers that need a head noun.
_KK_BAD_LAST = frozenset("""туралы жөніндегі бойынша арасындағы саласындағы жанындағы
    үшін және мен пен бен кіші тең жаңа арнайы еуропалық халықаралық стратегиялық
    ұлттық саяси экономикалық сыртқы ішкі мемлекеттік жоғары жоғарғы""".split())
#: Kazakh case endings that leave a term's last word dependent on something outside it.
_KK_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")
_KK_INSTRUMENTAL = re.compile(r"(?:мен|бен|пен)$")
_KK_ATTRIBUTIVE = re.compile(r"(?:дағы|дегі|тағы|тегі|ндағы|ндегі)$")
_KK_PARTICIPLE_OR_VERB = re.compile(r"(?:ған|ген|қан|кен|йды|йді|ады|еді|ды|ді)$")
#: Russian parts of speech (pymorphy3 tags) that cannot start or end a term.
_RU_BAD_EDGE = {"VERB", "INFN", "ADVB", "NPRO", "CONJ", "PREP", "PRCL", "GRND", "PRED"}


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _content(words: list[str], stop: frozenset[str]) -> list[str]:
    return [w for w in words if w.casefold() not in stop]


def _ru_tags(word: str) -> set[str]:
    from termbank.lang import ru

    parses = ru._parses(word)
    return {str(p.tag.POS) for p in parses[:1]} | ({"Apro"} if parses and "Apro" in parses[0].tag
                                                   else set())


def rejection(text: str, lang: str, english: str, *, name: bool = False) -> str | None:
    """Why a mined *text* is not a whole term in citation form (None if it is).

    *english* is the term it was mined for; *name* says the English is a proper name, which
    must stay capitalised in the target.

    >>> rejection("Адам құқықтары жөніндегі кіші", "kk", "Human Rights Subcommittee")
    "ends in 'кіші', which needs a head noun after it"
    >>> rejection("Европейский парламент и его", "ru", "Member of the European Parliament")
    "ends in 'его' (NPRO)"
    >>> rejection("Соглашение о расширенном партнерстве и сотрудничестве", "ru", "EPCA") is None
    True
    """
    words = _words(text)
    if not words:
        return "empty"
    en_words = _content(english.split(), _EN_STOP)
    if any(ch.isdigit() for ch in text) and not any(ch.isdigit() for ch in english):
        return "has a number the English term has not"
    if name and text[:1].islower():
        return "a proper name in lower case"
    stop = _KK_STOP if lang == "kk" else _RU_STOP
    content = _content([p for w in text.split() for p in w.split("-") if p], stop)
    if len(en_words) >= 2 and len(content) < len(en_words):
        return f"{len(content)} content words for the {len(en_words)} of {english!r}: truncated"
    first, last = words[0], words[-1]
    if lang == "kk":
        low = last.casefold()
        if low in _KK_BAD_LAST:
            return f"ends in {last!r}, which needs a head noun after it"
        if len(words) > 1 and _KK_GENITIVE.search(low):
            return f"ends in the genitive {last!r}: the head noun is missing"
        if _KK_ATTRIBUTIVE.search(low):
            return f"ends in the attributive {last!r}: the head noun is missing"
        if len(words) > 1 and first[:1].islower() and _KK_PARTICIPLE_OR_VERB.search(first.casefold()):
            return f"starts with the verb form {first!r}"
        if len(words) > 1 and _KK_PARTICIPLE_OR_VERB.search(low) and low.endswith(
                ("ған", "ген", "қан", "кен")):
            return f"ends in the participle {last!r}"
        if len(words) > 1 and _KK_INSTRUMENTAL.search(first.casefold()):
            return f"starts with the instrumental {first!r}"
        return None
    if lang == "ru":
        if len(words) > 1:
            tags = _ru_tags(last)
            if tags & _RU_BAD_EDGE or "Apro" in tags:
                return f"ends in {last!r} ({sorted(tags & (_RU_BAD_EDGE | {'Apro'}))[0]})"
            if tags & {"ADJF", "PRTF"} and not last[:1].isupper():
                return f"ends in the adjective {last!r}: the head noun is missing"
            tags = _ru_tags(first)
            if tags & _RU_BAD_EDGE or "Apro" in tags or (tags & {"PRTF"} and first[:1].islower()):
                return f"starts with {first!r} ({sorted(tags)[0]})"
        return None
    return None
