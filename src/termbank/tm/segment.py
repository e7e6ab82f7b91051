"""Sentence splitting for English, Kazakh and Russian press texts.

A full stop ends a sentence unless the word before it is a known abbreviation of that
language (``Mr.``, ``тыс.``, ``т.б.``: lists in ``termbank/data/tm/abbrev_<lang>.txt``) or an
initial (``Р. Василенко``). Lines are paragraphs: a headline or a date line without a final
full stop is a segment of its own. Decimal points (``41.2``) and dotted names (``Sl.kz``)
never split because no space follows the dot.

>>> split_sentences("Mr. Vassilenko met the EU Ambassador. Trade grew by 3.5%.", "en")
['Mr. Vassilenko met the EU Ambassador.', 'Trade grew by 3.5%.']
>>> split_sentences("Работают более 3 тыс. компаний. Р. Василенко подчеркнул это.", "ru")
['Работают более 3 тыс. компаний.', 'Р. Василенко подчеркнул это.']
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from termbank.model import lang_subtags

#: Where a sentence may end: terminal punctuation, closing quotes or brackets, then space.
# Tried only at the start of a run of marks, and never backtracking into it: 10,000 dots in a
# row were n² steps.
_BOUNDARY = re.compile(r"""(?<![.!?…])([.!?…]++)([»”"')\]]*+)(\s+)(?=[«“"'(\[]?[\w])""")


def primary_lang(tag: str) -> str:
    """The language part of a tag, for picking rules: ``kk-KZ`` → ``kk``, ``ru_RU`` → ``ru``."""
    subtags = lang_subtags(tag)
    return subtags[0] if subtags else tag.strip().lower()


@cache
def abbreviations(lang: str) -> frozenset[str]:
    """Abbreviations (lower case, without their last full stop) of *lang*; empty if unknown.

    >>> "mr" in abbreviations("en") and "тыс" in abbreviations("ru") and "т.б" in abbreviations("kk")
    True
    """
    name = f"abbrev_{primary_lang(lang)}.txt"
    folder = resources.files("termbank") / "data" / "tm"
    if not (folder / name).is_file():
        return frozenset()
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


def _is_abbreviation(before: str, lang: str) -> bool:
    """Is the text ending just before a full stop an abbreviation or an initial?"""
    # the last word, found from the right: a search for (\S+)$ tries every start, n² on a
    # 20,000-letter "word"
    if not before or before[-1].isspace():
        return False
    word = before.rsplit(None, 1)[-1].lstrip("«“\"'([")
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "J. Borrell", "Р. Василенко"
    known = abbreviations(lang)
    if word.lower() in known:
        return True
    # two-word abbreviations such as "в т.ч."
    two = before.rsplit(None, 2)[-2:]
    return len(two) == 2 and " ".join(two).lower() in known


def split_paragraph(text: str, lang: str) -> list[str]:
    """Split one paragraph (no line breaks needed) into sentences."""
    text = " ".join(text.split())
    sentences, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if m.group(1) == "." and _is_abbreviation(text[start:m.start(1)], lang):
            continue
        end = m.start(3)
        sentences.append(text[start:end])
        start = m.end(3)
    if start < len(text):
        sentences.append(text[start:])
    return [s for s in sentences if s]


def split_sentences(text: str, lang: str) -> list[str]:
    """Split a whole text into sentences; every non-empty line starts a new paragraph."""
    out: list[str] = []
    for line in text.splitlines():
        if line.strip():
            out.extend(split_paragraph(line, lang))
    return out
