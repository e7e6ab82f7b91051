"""Language knowledge shared by English, Kazakh and Russian; one module per language beside it,
and ``places``: Kazakhstan's official place names, which both extraction and alignment use.

Text in, text out: no model (Russian morphology loads pymorphy3's dictionary, the place names
their list in ``data/places/``).
"""

from __future__ import annotations

import re


def guess_lang(text: str) -> str:
    """``kk`` for Cyrillic with Kazakh letters, ``ru`` for other Cyrillic, else ``en``.

    One Kazakh letter in 200 Cyrillic ones is enough: Russian text quoting a Kazakh name
    stays Russian, Kazakh text is full of them.

    >>> guess_lang("Сыртқы істер министрі"), guess_lang("Министр иностранных дел"), guess_lang("MFA")
    ('kk', 'ru', 'en')
    """
    from termbank.lang import kk

    cyrillic = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    if not cyrillic:
        return "en"
    kazakh = sum(1 for ch in text if kk.is_kazakh(ch))
    return "kk" if kazakh >= max(1, cyrillic // 200) else "ru"


# -- name keys ------------------------------------------------------------------------------

_CYR_LAT = dict(zip(
    "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә",
    ["a", "b", "v", "g", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "k", "l", "m", "n", "n",
     "o", "o", "p", "r", "s", "t", "u", "u", "u", "f", "kh", "h", "ts", "ch", "sh", "sch", "",
     "y", "i", "", "e", "yu", "ya", "a"], strict=True))
_FOLD = [("sch", "s"), ("kh", "k"), ("ch", "s"), ("sh", "s"), ("zh", "z"), ("ts", "s"),
         ("ph", "f"), ("x", "ks"), ("c", "k"), ("q", "k"), ("w", "v"), ("j", "z")]


def name_key(word: str) -> str:
    """A script-blind consonant skeleton of a name, first three letters.

    An anchor for aligning sentences, not a lookup key: it meets English, Russian and
    Kazakh spellings of one name, where :func:`kk.folding_key` meets spellings of one
    Kazakh word and keeps the whole word.

    >>> name_key("Vassilenko") == name_key("Василенко"), name_key("Majilis") == name_key("Мәжілісі")
    (True, True)
    """
    latin = "".join(_CYR_LAT.get(ch, ch) for ch in word.lower())
    for old, new in _FOLD:
        latin = latin.replace(old, new)
    letters = [ch for ch in latin if "a" <= ch <= "z"]
    if not letters:
        return ""
    skeleton = letters[0] + "".join(ch for ch in letters[1:] if ch not in "aeiouy")
    skeleton = re.sub(r"(.)\1+", r"\1", skeleton)
    return skeleton[:3]
