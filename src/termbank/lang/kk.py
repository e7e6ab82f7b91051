"""Kazakh: Latin alphabets, a folding key, vowel harmony, a suffix peeler and a generator.

Text in, text out: no model, no files, standard library only.

Latin alphabets (see ``ALPHABETS``):

* ``"2018"``: Presidential Decree No. 637 of 19 February 2018, amending Decree No. 569 of
  26 October 2017. This is the table **in force**: acute accents (á ǵ ń ó ú ý), the digraphs
  ``sh`` and ``ch``, and one capital ``I`` shared by І, И and Й (lower case keeps ``i`` for І
  and dotless ``ı`` for И/Й).
* ``"2021"`` (the default): the **official draft** published for public discussion on
  21 April 2021 (a draft decree amending No. 569, put forward by Government resolution No. 106
  of 2021; no signed decree adopting it was found). It is the table newer Latin-script Kazakh
  text follows: ä ğ ñ ö ş ū ü, ı for І and i/İ for И/Й. Its January 2021 version wrote Ң as
  ``ŋ``; ``to_cyrillic`` still reads ``ŋ``.

Letters outside both tables (Ц, Щ, Ъ, Ь, Э, Ю, Я, Ё, and Ч in 2021) were left to spelling
rules that stayed drafts. This module writes them by the conventions implementations use
(ts, şç/shch, e, iu/ıý, ia/ıa, io/ıo; ъ and ь dropped, ч as ch): conventions, not norms.

Latin → Cyrillic is not one-to-one; ``to_cyrillic`` documents how it guesses.
"""

from __future__ import annotations

import re
import unicodedata

ALPHABETS = ("2021", "2018")

CASES = ("nom", "gen", "dat", "acc", "loc", "abl", "ins", "rel")
"""Noun cases ``inflect`` knows; ``rel`` is the locative-relative -дағы/-дегі."""

POSSESSIVES = ("3", "1sg", "2sg", "2pol", "1pl")
"""Possessive persons ``inflect`` knows; ``"3"`` is the one terminology needs."""

# --- letters -------------------------------------------------------------------------------

_VOWELS = frozenset("аәеиоөуұүыіэюяё")
_BACK = frozenset("аоұыяёю")
_FRONT = frozenset("әеөүіэ")
# Letters after which a suffix behaves as after a vowel (у and и end in a glide: тауы, миы).
_OPEN = frozenset("аәеоөұүыіэюяё")
_SONORANT = frozenset("рйуи")
_NASAL = frozenset("мнң")
_SIBILANT_VOICED = frozenset("зж")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")

_LETTERS_2021 = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e",
    "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m",
    "н": "n", "ң": "ñ", "о": "o", "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h", "һ": "h", "ш": "ş", "ы": "y",
    "і": "ı",
}
_CONVENTIONS_2021 = {
    "ч": "ch", "ц": "ts", "щ": "şç", "э": "e", "ю": "iu", "я": "ia", "ё": "io", "ъ": "", "ь": "",
}
_LETTERS_2018 = {
    "а": "a", "ә": "á", "б": "b", "в": "v", "г": "g", "ғ": "ǵ", "д": "d", "е": "e",
    "ж": "j", "з": "z", "и": "ı", "й": "ı", "к": "k", "қ": "q", "л": "l", "м": "m",
    "н": "n", "ң": "ń", "о": "o", "ө": "ó", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "ý", "ұ": "u", "ү": "ú", "ф": "f", "х": "h", "һ": "h", "ч": "ch", "ш": "sh",
    "ы": "y", "і": "i",
}
_CONVENTIONS_2018 = {
    "ц": "ts", "щ": "shch", "э": "e", "ю": "ıý", "я": "ıa", "ё": "ıo", "ъ": "", "ь": "",
}
_TO_LATIN = {
    "2021": {**_LETTERS_2021, **_CONVENTIONS_2021},
    "2018": {**_LETTERS_2018, **_CONVENTIONS_2018},
}
# Upper case that str.upper() gets wrong for these alphabets.
_LATIN_UPPER = {"2021": {"i": "İ", "ı": "I"}, "2018": {}}
_LATIN_LOWER = {"2021": {"İ": "i", "I": "ı"}, "2018": {"I": "I"}}

_GLIDE_I = "<и|й>"  # И after a consonant, Й after a vowel
_CAPITAL_I = "<і|и|й>"  # 2018 capital I
_TO_CYRILLIC = {
    "2021": {
        **{lat: cyr for cyr, lat in _LETTERS_2021.items() if cyr not in "ийһ"},
        "i": _GLIDE_I, "ŋ": "ң", "ch": "ч", "ç": "ч", "şç": "щ",
    },
    "2018": {
        **{lat: cyr for cyr, lat in _LETTERS_2018.items() if cyr not in "ийһ"},
        "ı": _GLIDE_I, "I": _CAPITAL_I, "shch": "щ",
    },
}
_LONGEST_LATIN = 4
# Cyrillic letters after which a Latin i/ı is read as Й (у is left out: after a consonant
# it is a vowel, and И follows it in loans).
_BEFORE_SHORT_I = frozenset("аәеоөұүыіэюяё")
# Roots written with Һ; Latin has one h for Х and Һ, and Х is the usual reading.
_H_ROOTS = ("шаһар", "гауһар", "жиһаз", "жиһан", "қаһар", "айдаһар", "мәшһүр", "шаһид", "баһадүр")


def _check_alphabet(alphabet: str) -> None:
    if alphabet not in ALPHABETS:
        raise ValueError(f"unknown alphabet {alphabet!r}; choose one of {', '.join(ALPHABETS)}")


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


def _caps_context(text: str, i: int) -> bool:
    """Is the capital at *i* part of an all-capitals word (so a digraph is written SH, not Sh)?"""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if nxt and _is_letter(nxt):
        return nxt.isupper()
    prev = text[i - 1] if i > 0 else ""
    return bool(prev) and _is_letter(prev) and prev.isupper()


def _latin_upper(latin: str, alphabet: str) -> str:
    special = _LATIN_UPPER[alphabet]
    return "".join(special.get(ch, ch.upper()) for ch in latin)


def to_latin(text: str, *, alphabet: str = "2021") -> str:
    """Write Kazakh Cyrillic in an official Latin alphabet, letter by letter.

    Case is kept, also for digraphs (Ш → Sh in ``Shymkent``, SH in ``SHYMKENT``); anything
    that is not Cyrillic passes through unchanged.

    >>> to_latin("Қасым-Жомарт Тоқаев")
    'Qasym-Jomart Toqaev'
    >>> to_latin("Мәжіліс"), to_latin("Мәжіліс", alphabet="2018")
    ('Mäjılıs', 'Májilis')
    >>> to_latin("ШЫМКЕНТ", alphabet="2018"), to_latin("Иран")
    ('SHYMKENT', 'İran')
    """
    _check_alphabet(alphabet)
    table = _TO_LATIN[alphabet]
    out = []
    for i, ch in enumerate(text):
        low = ch.lower()
        latin = table.get(low)
        if latin is None:
            out.append(ch)
        elif ch == low or not latin:
            out.append(latin)
        elif len(latin) == 1 or _caps_context(text, i):
            out.append(_latin_upper(latin, alphabet))
        else:
            out.append(_latin_upper(latin[0], alphabet) + latin[1:])
    return "".join(out)


def to_cyrillic(text: str, *, alphabet: str = "2021") -> str:
    """Read Kazakh written in an official Latin alphabet back into Cyrillic.

    The tables merge some letters, so this guesses where it must:

    * И or Й (2021 ``i``/``İ``, 2018 ``ı``): Й after a vowel, И elsewhere (``Beibıt`` →
      Бейбіт, ``minıstr`` → министр; but ``Raisa`` → Райса, not Раиса).
    * 2018 capital ``I`` (І, И or Й): Й after a vowel; И in a word whose other vowels are back
      (``Iran``, ``RESPÝBLIKASY``) and in the loan prefix In+consonant (``Investisıa``); І
      otherwise (``Ishki``, ``MÁJILIS``). A word whose only vowels are capital I's is read
      with І, so ``MINISTR`` comes back as МІНІСТР.
    * ``h`` is Х, except in a few roots written with Һ (шаһар, гауһар, жиһаз, ...).
    * 2018 ``sh`` is always Ш, so с + х (Асхат → ``Ashat``) comes back as Ш.
    * Letters outside the tables do not come back: ``ts`` stays тс (Ц is lost), ``ia``/``iu``
      stay иа/иу (Я, Ю are lost), Э becomes Е, and Ъ, Ь were dropped.

    >>> to_cyrillic("Qasym-Jomart Toqaev")
    'Қасым-Жомарт Тоқаев'
    >>> to_cyrillic("Májilis", alphabet="2018"), to_cyrillic("Şymkent")
    ('Мәжіліс', 'Шымкент')
    """
    _check_alphabet(alphabet)
    text = unicodedata.normalize("NFC", text).replace("i\u0307", "i")
    return re.sub(r"[^\W\d_]+", lambda m: _word_to_cyrillic(m.group(), alphabet), text)


def _latin_lower(segment: str, alphabet: str) -> str:
    special = _LATIN_LOWER[alphabet]
    return "".join(special.get(ch, ch.lower()) for ch in segment)


def _word_to_cyrillic(word: str, alphabet: str) -> str:
    table = _TO_CYRILLIC[alphabet]
    out: list[str] = []
    i = 0
    while i < len(word):
        for size in range(_LONGEST_LATIN, 0, -1):
            segment = word[i:i + size]
            key = _latin_lower(segment, alphabet)
            if len(segment) == size and key in table:
                break
        else:
            out.append(word[i])
            i += 1
            continue
        cyrillic = table[key]
        if cyrillic == _GLIDE_I:
            cyrillic = "й" if out and out[-1].lower() in _BEFORE_SHORT_I else "и"
        elif cyrillic == _CAPITAL_I:
            cyrillic = _read_2018_capital_i(word, i, out)
        out.append(cyrillic.upper() if segment[0].isupper() else cyrillic)
        i += size
    return _restore_h("".join(out))


def _read_2018_capital_i(word: str, i: int, out: list[str]) -> str:
    if out and out[-1].lower() in _BEFORE_SHORT_I:
        return "й"
    others = word[:i] + word[i + 1:]
    back = any(ch in "aouy" for ch in others.lower())
    front = any(ch in "áeóúi" for ch in others.replace("I", ""))
    if back and not front:
        return "и"
    if i == 0 and word[1:2].lower() == "n" and word[2:3].lower() not in ("", *"aáeıioóuúyý"):
        return "и"
    return "і"


def _restore_h(cyrillic: str) -> str:
    low = cyrillic.lower()
    if "х" not in low:
        return cyrillic
    chars = list(cyrillic)
    for root in _H_ROOTS:
        start = low.find(root.replace("һ", "х"))
        while start >= 0:
            for k, letter in enumerate(root):
                if letter == "һ":
                    chars[start + k] = "Һ" if chars[start + k].isupper() else "һ"
            start = low.find(root.replace("һ", "х"), start + 1)
    return "".join(chars)


def is_kazakh(text: str) -> bool:
    """Does *text* contain a letter that only Kazakh Cyrillic has (ә ғ қ ң ө ұ ү һ і)?

    A cheap hint, not a language detector: Kazakh text without those letters says False.

    >>> is_kazakh("Мәжіліс"), is_kazakh("Мажилис"), is_kazakh("Mäjılıs")
    (True, False, False)
    """
    return bool(_KAZAKH_LETTERS.search(text))


# --- folding key ---------------------------------------------------------------------------

_APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4"
_FOLD_CYRILLIC = str.maketrans({
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e",
    "ё": "e", "ж": "j", "з": "z", "и": "i", "й": "i", "к": "k", "қ": "k", "л": "l",
    "м": "m", "н": "n", "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ұ": "u", "ү": "u", "ф": "f", "х": "h", "һ": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i",
})
_FOLD_LATIN = str.maketrans({
    "ş": "sh", "ç": "ch", "ı": "i", "ŋ": "n", "ý": "u", "ú": "u", "ü": "u", "ū": "u",
    "q": "k", "x": "h",
})
_APOSTROPHE_LETTERS = {"s": "sh", "c": "ch", "y": "u"}


def _fold_case(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("İ", "i")
    return text.lower().replace("\u0307", "")


def _drop_english_possessive(text: str) -> str:
    return re.sub(rf"(?<=\w)[{_APOSTROPHES}]s\b", "", text)


def _fold_cyrillic(text: str) -> str:
    return text.translate(_FOLD_CYRILLIC)


def _read_2017_apostrophes(text: str) -> str:
    """2017 letters are a base letter plus an apostrophe: s' = ш, c' = ч, y' = у, a' = ә..."""
    return re.sub(
        rf"([a-z])[{_APOSTROPHES}]",
        lambda m: _APOSTROPHE_LETTERS.get(m.group(1), m.group(1)),
        text,
    )


def _strip_latin_marks(text: str) -> str:
    text = unicodedata.normalize("NFD", text.translate(_FOLD_LATIN))
    return unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))


def _merge_digraphs(text: str) -> str:
    return text.replace("shch", "sh").replace("zh", "j").replace("kh", "h")


def _fold_y(text: str) -> str:
    """BGN writes Й and the glide of Е/Я as y: Tokayev = Тоқаев, Yerlan = Ерлан, Beybit = Бейбіт."""
    text = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "", text)
    text = re.sub(r"\by(?=e)", "", text)
    return re.sub(r"(?<=[aeiou])y(?![aeiou])", "i", text)


def _words(text: str) -> str:
    text = re.sub(rf"[{_APOSTROPHES}]", "", text)
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def _collapse_doubles(text: str) -> str:
    return re.sub(r"(\w)\1+", r"\1", text)


_FOLDING = (
    _fold_case,
    _drop_english_possessive,
    _fold_cyrillic,
    _read_2017_apostrophes,
    _strip_latin_marks,
    _merge_digraphs,
    _fold_y,
    _words,
    _collapse_doubles,
)


def folding_key(text: str) -> str:
    """One key for a Kazakh word or name in any script or romanisation.

    Kazakh and Russian Cyrillic, the 2017, 2018 and 2021 Latin alphabets and English
    (BGN-style) spellings meet; case, punctuation and dashes do not count, and words stay
    apart by single spaces. It is a *recall* key: it merges letter pairs that English cannot
    tell apart (ә/а, қ/к, ғ/г, ө/о, ұ/ү/у, і/и/й, х/һ), so қол and көл share ``kol``.
    Rank what it finds on the real spellings.

    >>> spellings = ("Мәжіліс", "Мажилис", "Mäjılıs", "Májilis", "Mazhilis", "MAZHILIS")
    >>> {folding_key(s) for s in spellings}
    {'majilis'}
    >>> folding_key("Kassym-Jomart Tokayev") == folding_key("Қасым-Жомарт Тоқаев")
    True
    """
    for step in _FOLDING:
        text = step(text)
    return text


# --- vowel harmony -------------------------------------------------------------------------

_SURNAME_SUFFIX = re.compile(r"(?<=[^\W\d_])(ов|ев)$")


def _last_token(text: str) -> str:
    parts = re.split(r"[\s\-\u2010-\u2015]+", text.strip())
    return parts[-1] if parts else ""


def _as_cyrillic(word: str) -> str:
    if _CYRILLIC.search(word) or not re.search(r"[^\W\d_]", word):
        return word
    return to_cyrillic(word, alphabet=_guess_alphabet(word))


def _guess_alphabet(word: str) -> str:
    return "2018" if re.search("[áǵńóúýÁǴŃÓÚÝ]|sh|ch|SH|CH", word) else "2021"


def harmony(word: str) -> str:
    """``"back"`` or ``"front"``: the vowel class the suffixes of *word* follow.

    The last back (а о ұ ы) or front (ә е ө ү і) vowel decides. И is neutral (Мұхит is back,
    министр front); У after a consonant is back unless a front vowel comes before it (институт,
    but келу). Surnames in -ов/-ев follow their stem (Тоқаевтың, Әуезовтің); loans in
    consonant + к are front (банкке, паркке). A word with no
    deciding vowel counts as front. For a phrase the last word counts; Latin input is read
    back into Cyrillic first.

    >>> harmony("Мәжіліс"), harmony("Тоқаев"), harmony("министр"), harmony("Республика")
    ('front', 'back', 'front', 'back')
    """
    word = _as_cyrillic(_last_token(word)).lower()
    return "front" if _is_front(word) else "back"


def _is_front(word: str) -> bool:
    if word[-1:] == "к" and len(word) > 1 and word[-2] not in _VOWELS:
        return True  # loans in consonant + к take front endings: банкке, паркке
    stem = _SURNAME_SUFFIX.sub("", word)
    if any(ch in _VOWELS for ch in stem):
        word = stem
    vowels = [ch for ch in word if ch in _VOWELS]
    for i in range(len(vowels) - 1, -1, -1):
        vowel = vowels[i]
        if vowel in _FRONT:
            return True
        if vowel in _BACK:
            return False
        if vowel == "у":
            earlier = [v for v in vowels[:i] if v in _FRONT or v in _BACK]
            return bool(earlier) and earlier[-1] in _FRONT
    return True


# --- generator -----------------------------------------------------------------------------

# Stems that lose their last vowel before a vowel-initial possessive (орын → орны).
_VOWEL_DROP = {
    "орын": "орн", "ауыз": "ауз", "мұрын": "мұрн", "ерін": "ерн", "қарын": "қарн",
    "халық": "халқ", "ерік": "ерк", "нарық": "нарқ", "ғұрып": "ғұрп", "көрік": "көрк",
    "бөрік": "бөрк", "мойын": "мойн", "қойын": "қойн", "ырық": "ырқ", "әріп": "әрп",
    "қалып": "қалп", "парық": "парқ",
}
_VOWEL_RESTORE = {short: full for full, short in _VOWEL_DROP.items()}
_VOICING = {"п": "б", "к": "г", "қ": "ғ"}
_DEVOICING = {voiced: plain for plain, voiced in _VOICING.items()}

# Back endings by what the form ends in: an open vowel, a sonorant (р й у и), л, a nasal
# (м н ң), з/ж, or anything else (voiceless, and б в г д ғ, which are devoiced at the end).
_SOUND_CLASSES = ("open", "sonorant", "l", "nasal", "zj", "hard")
_ENDINGS = {
    name: dict(zip(_SOUND_CLASSES, endings.split()))
    for name, endings in {
        "gen": "ның дың дың ның дың тың",
        "acc": "ны ды ды ды ды ты",
        "dat": "ға ға ға ға ға қа",
        "loc": "да да да да да та",
        "abl": "дан дан дан нан дан тан",
        "ins": "мен мен мен мен бен пен",
        "rel": "дағы дағы дағы дағы дағы тағы",
        "plural": "лар лар дар дар дар тар",
    }.items()
}
# After the 3rd-person possessive the pronominal н comes in (Мәжілісінің, Мәжілісіне).
_AFTER_PX3 = {"gen": "ның", "acc": "н", "dat": "на", "loc": "нда", "abl": "нан", "ins": "мен",
              "rel": "ндағы"}
_FRONT_OF = str.maketrans("аыұоқғ", "еіүөкг")
_PX_AFTER_VOWEL = {"3": "сы", "1sg": "м", "2sg": "ң", "2pol": "ңыз", "1pl": "мыз"}
_PX_AFTER_CONSONANT = {"3": "ы", "1sg": "ым", "2sg": "ың", "2pol": "ыңыз", "1pl": "ымыз"}


def _sound_class(form: str) -> str:
    last = form.rstrip("ьъ")[-1:]
    if last in _OPEN:
        return "open"
    if last in _SONORANT:
        return "sonorant"
    if last == "л":
        return "l"
    if last in _NASAL:
        return "nasal"
    if last in _SIBILANT_VOICED:
        return "zj"
    return "hard"


def _harmonise(ending: str, form: str) -> str:
    """Front variant of *ending* after a front *form*; мен/бен/пен do not harmonise."""
    if ending in ("мен", "бен", "пен") or not _is_front(form):
        return ending
    return ending.translate(_FRONT_OF)


def _add_plural(form: str) -> str:
    return form + _harmonise(_ENDINGS["plural"][_sound_class(form)], form)


def _add_possessive(form: str, person: str, *, plural: bool) -> str:
    if _sound_class(form) == "open":
        return form + _harmonise(_PX_AFTER_VOWEL[person], form)
    ending = _harmonise(_PX_AFTER_CONSONANT[person], form)
    if not plural and form in _VOWEL_DROP:
        return _VOWEL_DROP[form] + ending
    if form[-1] in _VOICING and len(form) > 1 and form[-2] in _VOWELS:
        return form[:-1] + _VOICING[form[-1]] + ending
    return form + ending


def _add_case(form: str, case: str, person: str | None) -> str:
    if person == "3":
        ending = _AFTER_PX3[case]
    elif person in ("1sg", "2sg") and case == "dat":
        ending = "а"
    else:
        ending = _ENDINGS[case][_sound_class(form)]
    return form + _harmonise(ending, form)


def _inflect_lower(stem: str, plural: bool, person: str | None, case: str) -> str:
    form = stem
    if plural:
        form = _add_plural(form)
    if person:
        form = _add_possessive(form, person, plural=plural)
    if case != "nom":
        form = _add_case(form, case, person)
    return form


def _vowel_stem_under_sy(word: str) -> bool:
    """Is a word in vowel + -сы/-сі a vowel stem + сы (Республика-сы) rather than с + ы (Кеңес-і)?

    Both readings give the same cases, so this only matters for the plural (Республикалары,
    Кеңестері). Stems in -шы/-ші take сы (басшысы); after е, і, ы the stem in с is likelier.
    """
    stem = word[:-2]
    if stem.endswith(("шы", "ші")) or stem in _NOT_POSSESSED:
        return True
    return not word.endswith("басы") and stem[-1:] not in ("е", "і", "ы")


def _unpossess(word: str) -> str:
    """The stem under a 3rd-person possessive: Республикасы → Республика, орны → орын."""
    if (word[-2:] in ("сы", "сі") and len(word) > 3 and word[-3] in _OPEN
            and _vowel_stem_under_sy(word)):
        return word[:-2]
    stem = word[:-1]
    if stem in _VOWEL_RESTORE:
        return _VOWEL_RESTORE[stem]
    if stem[-1:] in _DEVOICING and len(stem) > 1 and stem[-2] in _VOWELS:
        return stem[:-1] + _DEVOICING[stem[-1]]
    return stem


# Last words that end in ы/і without being possessed.
_NOT_POSSESSED = frozenset({
    "қаржы", "алматы", "жалақы", "зейнетақы", "ақы", "ұлы", "кісі", "ірі", "жиі", "үлгі",
    "тарихи", "сары", "қары", "ары", "бері", "әрі",
})


def _looks_possessed(word: str, *, multiword: bool) -> bool:
    """Guess whether the last word of a citation form already carries -ы/-і/-сы/-сі."""
    if len(word) < 3 or word[-1] not in "ыі" or word in _NOT_POSSESSED:
        return False
    if word[-2] == "с" and word[-3] in _OPEN:
        return True  # Республикасы, төрағасы, басшысы
    if not multiword or word[-2] in _OPEN:
        return False
    before, consonant = word[-3], word[-2]
    if word.endswith(("шы", "ші")):
        return False  # хатшы, басшы: agent nouns
    if before not in _VOWELS and consonant in "ғг":
        return False  # соңғы, кейінгі
    if before not in _VOWELS and before not in "нрл" and consonant in "қк":
        return False  # сыртқы, ішкі
    if before not in _VOWELS and before not in "нрс" and consonant in "тд":
        return False  # жауапты, маңызды, құрметті
    return True


def _match_case(model: str, lower: str) -> str:
    """Write *lower* in the capitals of *model* (all capitals, or capitals where letters agree)."""
    letters = [ch for ch in model if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return lower.upper()
    out = list(lower)
    for i, ch in enumerate(model[:len(lower)]):
        if ch.isupper() and ch.lower() == lower[i]:
            out[i] = lower[i].upper()
    return "".join(out)


def inflect(
    word: str,
    *,
    plural: bool = False,
    possessive: str | None = None,
    case: str = "nom",
    possessed: bool | None = None,
) -> str:
    """Decline the last word of *word* (a word or a multiword term, Kazakh Cyrillic).

    Plural, then a possessive (``"3"``; also ``"1sg"``, ``"2sg"``, ``"2pol"``, ``"1pl"``), then
    a case from ``CASES``, with vowel harmony, consonant assimilation, voicing of final
    п/к/қ before a vowel (кітабы, одағы), the vowel drop of a few stems (орны, халқы) and the
    pronominal н after the 3rd-person possessive (министрлігінің, Мәжілісіне).

    A citation form may already end in the 3rd-person possessive (Парламент Мәжілісі,
    Қазақстан Республикасы). *possessed* says so; by default it is guessed: always for a last
    word in vowel + -сы/-сі, and in a multiword term for a last word in -ы/-і that is not an
    agent noun (хатшы) or an adjective (сыртқы, құрметті). A possessed form keeps its
    possessive and takes the cases that follow one.

    :raises ValueError: for an unknown case or possessive, or another person on a possessed form.

    >>> inflect("министрлік", possessive="3", case="gen")
    'министрлігінің'
    >>> inflect("Парламент Мәжілісі", case="dat")
    'Парламент Мәжілісіне'
    >>> inflect("депутат", plural=True, case="ins")
    'депутаттармен'
    """
    if case not in CASES:
        raise ValueError(f"unknown case {case!r}; choose one of {', '.join(CASES)}")
    if possessive is not None and possessive not in POSSESSIVES:
        choices = ", ".join(POSSESSIVES)
        raise ValueError(f"unknown possessive {possessive!r}; choose one of {choices}")
    head, last = _split_last(word)
    if not last:
        raise ValueError(f"nothing to inflect in {word!r}")
    lower = last.lower()
    if possessed is None:
        possessed = _looks_possessed(lower, multiword=bool(head.strip()))
    if possessed:
        if possessive not in (None, "3"):
            raise ValueError(f"{last!r} already has the 3rd-person possessive")
        possessive, lower = "3", _unpossess(lower)
    return head + _match_case(last, _inflect_lower(lower, plural, possessive, case))


def _split_last(phrase: str) -> tuple[str, str]:
    """Split off the part of the last word that inflects (after the last space or hyphen)."""
    # scanned from the right: a search for [^…]+$ would try every start (n² on a long word)
    text = phrase.rstrip()
    start = len(text)
    while start > 0 and not (text[start - 1].isspace() or text[start - 1] in _WORD_BREAKS):
        start -= 1
    if start == len(text):
        return phrase, ""
    return phrase[:start], text[start:]


_WORD_BREAKS = "-\u2010\u2011\u2012\u2013\u2014\u2015"


def genitive(phrase: str) -> str:
    """The genitive of *phrase*: only the last word takes the ending.

    >>> genitive("Сыртқы істер министрі")
    'Сыртқы істер министрінің'
    >>> genitive("Қасым-Жомарт Тоқаев")
    'Қасым-Жомарт Тоқаевтың'
    """
    return inflect(phrase, case="gen")


def possessive3(phrase: str) -> str:
    """The 3rd-person possessive of the last word: министр → министрі, Республика → Республикасы.

    A phrase whose last word already looks possessed (see ``inflect``) comes back unchanged.

    >>> possessive3("Республика"), possessive3("орынбасар"), possessive3("Еуропалық Одақ")
    ('Республикасы', 'орынбасары', 'Еуропалық Одағы')
    """
    return inflect(phrase, possessive="3")


# --- suffix peeler -------------------------------------------------------------------------

def _forms(endings: dict[str, str]) -> set[str]:
    return {e for ending in endings.values() for e in (ending, ending.translate(_FRONT_OF))}


_CASE_ENDINGS = sorted(
    {(ending, case) for case in CASES[1:] for ending in _forms(_ENDINGS[case])}
    | {(ending, case) for case, e in _AFTER_PX3.items() for ending in _forms({"": e})}
    | {("а", "dat"), ("е", "dat")},
    key=lambda pair: -len(pair[0]),
)
_POSSESSIVE_ENDINGS = sorted(
    {(ending, person) for person in POSSESSIVES
     for ending in _forms({"v": _PX_AFTER_VOWEL[person], "c": _PX_AFTER_CONSONANT[person]})},
    key=lambda pair: -len(pair[0]),
)
_PLURAL_ENDINGS = sorted(_forms(_ENDINGS["plural"]), key=len, reverse=True)

# Prior weights: how much each peeled layer raises a reading above the bare word (0).
_CASE_WEIGHT = 3.0
_PLURAL_WEIGHT = 2.0
_PX3_WEIGHT_WITH_CASE = 1.0
_PX3_WEIGHT_ALONE = -0.5  # министрлігі is as often a citation form (Сыртқы істер министрлігі)
_OTHER_PERSON_WEIGHT = -1.0  # келісім is a word more often than келіс + "my"
_REPAIR_WEIGHT = 0.25


def _peel_endings(form: str, endings):
    yield form, None
    for ending, feature in endings:
        if form.endswith(ending) and len(form) > len(ending):
            yield form[:-len(ending)], feature


def _repairs(base: str) -> list[tuple[str, float]]:
    """The stem as peeled, and with voicing or a dropped vowel undone (кітаб → кітап)."""
    found = [(base, 0.0)]
    if base in _VOWEL_RESTORE:
        found.append((_VOWEL_RESTORE[base], _REPAIR_WEIGHT))
    if base[-1:] in _DEVOICING and len(base) > 1 and base[-2] in _VOWELS:
        found.append((base[:-1] + _DEVOICING[base[-1]], _REPAIR_WEIGHT))
        found[0] = (base, -_REPAIR_WEIGHT)
    return found


def _readings(word: str) -> dict[str, float]:
    """Every stem that the generator turns back into *word*, with its prior score."""
    scores: dict[str, float] = {word: 0.0}

    def note(stem: str, score: float) -> None:
        scores[stem] = max(score, scores.get(stem, score))

    for after_case, case in _peel_endings(word, _CASE_ENDINGS):
        for after_px, person in _peel_endings(after_case, _POSSESSIVE_ENDINGS):
            plurals = _peel_endings(after_px, [(e, True) for e in _PLURAL_ENDINGS])
            for base, plural in plurals:
                if case is None and person is None and plural is None:
                    continue
                for stem, score in _repairs(base):
                    if len(stem) < 2 or not any(ch in _VOWELS for ch in stem):
                        continue
                    if person and person != "3" and stem[-1] == stem[-2]:
                        continue  # Қазақстанн + ың
                    if _inflect_lower(stem, bool(plural), person, case or "nom") != word:
                        continue
                    score += _CASE_WEIGHT if case else 0.0
                    score += _PLURAL_WEIGHT if plural else 0.0
                    if person == "3":
                        score += _PX3_WEIGHT_WITH_CASE if case else _PX3_WEIGHT_ALONE
                        score += _sy_preference(after_case, vowel_stem=not after_px.endswith("с"))
                        if case:  # the possessed citation form: Парламент Мәжілісі
                            note(after_case, _CASE_WEIGHT + _REPAIR_WEIGHT)
                    elif person:
                        score += _OTHER_PERSON_WEIGHT
                    note(stem, score)
    return scores


def _sy_preference(possessed: str, *, vowel_stem: bool) -> float:
    """Rank Республика above Республикас and Кеңес above Кеңе for a form in vowel + сы/сі."""
    if possessed[-2:] not in ("сы", "сі") or len(possessed) < 4 or possessed[-3] not in _OPEN:
        return 0.0
    return 0.0 if vowel_stem == _vowel_stem_under_sy(possessed) else -4 * _REPAIR_WEIGHT


def stems(word: str) -> list[str]:
    """Candidate stems of an inflected word (or of the last word of a term), most likely first.

    Peels at most one case ending, then one possessive, then one plural, and keeps only the
    readings that ``inflect`` turns back into the word, so harmony and assimilation are checked
    and voicing or a dropped vowel is undone (министрлігі → министрлік, орны → орын). The word
    itself is always in the list, and no stem is shorter than two letters or lacks a vowel.

    The order is a prior, not a lexicon: a case ending ranks a reading above the bare word,
    a bare 3rd-person possessive or a 1st/2nd-person one below it. Validate the candidates
    against known terms, exact match first: Канада also reads as Кана + locative. Latin
    input (2021 or 2018 alphabet) is peeled in Cyrillic and given back in its own alphabet.

    >>> stems("мәслихаттарының")[0], stems("Мәжілісінің")[0]
    ('мәслихат', 'Мәжіліс')
    >>> stems("министрлігі")
    ['министрлігі', 'министрлік', 'министрліг']
    """
    head, last = _split_last(word)
    if not last:
        return [word]
    latin = not _CYRILLIC.search(last)
    alphabet = _guess_alphabet(last)
    cyrillic = to_cyrillic(last, alphabet=alphabet) if latin else last
    scores = _readings(cyrillic.lower())
    ranked = sorted(scores, key=lambda s: (-scores[s], -len(s)))
    out = []
    for stem in ranked:
        stem = _match_case(cyrillic, stem)
        if latin:
            stem = last if stem == cyrillic else to_latin(stem, alphabet=alphabet)
        out.append(head + stem)
    return list(dict.fromkeys(out))


# --- peeling folded keys -------------------------------------------------------------------

def _fold_ending(ending: str) -> str:
    return ending.translate(_FOLD_CYRILLIC)


_FOLDED_CASES = sorted({_fold_ending(e) for e, _ in _CASE_ENDINGS}, key=len, reverse=True)
_FOLDED_POSSESSIVES = sorted(
    {_fold_ending(e): person
     for e, person in sorted(_POSSESSIVE_ENDINGS, key=lambda p: p[1] == "3")}.items(),
    key=lambda pair: -len(pair[0]),
)  # folded ending → person; where two persons fold alike, the 3rd person wins
_FOLDED_PLURALS = sorted({_fold_ending(e) for e in _PLURAL_ENDINGS}, key=len, reverse=True)
_FOLDED_RESTORE = {_fold_ending(k): _fold_ending(v) for k, v in _VOWEL_RESTORE.items()}
_FOLDED_DEVOICING = {"b": "p", "g": "k"}
_SHORT_ENDING_PENALTY = 1.5  # an outermost one-letter ending (-н, -а, -ы) is weak evidence


def _folded_readings(word: str) -> dict[str, float]:
    """Unchecked readings of a folded word: strip case, possessive, plural; undo voicing."""
    scores: dict[str, float] = {}

    def note(stem: str, score: float) -> None:
        if len(stem) >= 2 and re.search("[aeiouy]", stem):
            scores[stem] = max(score, scores.get(stem, score))

    for after_case, case in _peel_endings(word, [(e, True) for e in _FOLDED_CASES]):
        case_len = len(word) - len(after_case)
        for after_px, px in _peel_endings(after_case, _FOLDED_POSSESSIVES):
            px_len = len(after_case) - len(after_px)
            if case and not px and case_len == 1:
                continue  # accusative -н and dative -а/-е only follow a possessive
            for base, plural in _peel_endings(after_px, [(e, True) for e in _FOLDED_PLURALS]):
                if not (case or px or plural):
                    continue
                score = (_CASE_WEIGHT if case else 0) + (_PLURAL_WEIGHT if plural else 0)
                if px == "3":
                    score += _PX3_WEIGHT_WITH_CASE if case else _PX3_WEIGHT_ALONE
                elif px:
                    score += _OTHER_PERSON_WEIGHT
                if case_len == 1 or (px_len == 1 and not case):
                    score -= _SHORT_ENDING_PENALTY
                if px_len == 2 and after_case[-2:] in ("sy", "si") and after_px[-1:] in "eiy":
                    score -= 4 * _REPAIR_WEIGHT  # Мәжіліс-і, not Мәжілі-сі
                note(base, score - _REPAIR_WEIGHT)
                if base in _FOLDED_RESTORE:
                    note(_FOLDED_RESTORE[base], score)
                if base[-1:] in _FOLDED_DEVOICING and len(base) > 1 and base[-2] in "aeiouy":
                    note(base[:-1] + _FOLDED_DEVOICING[base[-1]], score)
                if px == "3" and case:
                    note(after_case, _CASE_WEIGHT - 1)
    return scores


def folded_stems(text: str) -> list[str]:
    """Folding keys of the candidate stems of *text* (its last word peeled), most likely first.

    For lookup in an index of ``folding_key`` values, whatever the script: Kazakh Cyrillic
    and the official Latin alphabets go through ``stems`` (checked by the generator), and
    every input is also peeled on its folded form, where harmony is partly lost, so those
    unchecked readings rank after the checked ones. The key of *text* itself comes first.

    >>> folded_stems("Tokayevtin")[:2]
    ['tokaevtin', 'tokaev']
    >>> "parlament majilis" in folded_stems("Parlament Májilisinde")
    True
    """
    whole = folding_key(text)
    keys = [whole]
    head, last = _split_last(text)
    if not last:
        return keys
    if _CYRILLIC.search(last) or _guess_alphabet(last) == "2018" or re.search("[äğñöşūüı]", last):
        keys += [folding_key(stem) for stem in stems(text)]
    folded = text
    for step in _FOLDING[:-1]:
        folded = step(folded)
    prefix, _, word = folded.rpartition(" ")
    scores = _folded_readings(word)
    for stem in sorted(scores, key=lambda s: (-scores[s], -len(s))):
        keys.append(_collapse_doubles(f"{prefix} {stem}".strip()))
    return list(dict.fromkeys(keys))
