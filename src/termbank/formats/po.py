"""gettext PO catalogs: strict reading, glossary entries, writing through polib.

polib reads almost anything (an unterminated string, a duplicate entry, a header with a
broken ``Plural-Forms`` all pass), and a translator's file is exactly where such things turn
up. So :func:`parse` is our own one-pass reader: it checks the charset, the quoting, the order
of keywords, duplicate ``msgctxt``/``msgid`` pairs and the ``Plural-Forms`` header, stops at the
first problem with a :class:`~termbank.errors.FormatError` naming file and line, and builds
polib objects, so writing (:func:`dumps`) and compiling (:func:`compile_mo`) stay polib's.

A glossary catalog has one entry per English term of a concept: ``msgctxt`` is the concept id
(homonyms never collide), ``msgid`` the English term, ``msgstr`` the glossary's equivalent,
``#, fuzzy`` when that equivalent is not approved (``msgfmt`` then leaves it out of the MO
file), and extracted comments (``#.``) with the term type, a definition or context, the source
document and what the glossary said (:data:`GLOSSARY_NOTE`), which lets an update tell a
translator's edit from a glossary change.

Language tags follow the glossary (BCP 47, ``kk-Latn``); gettext names the script variant with
a modifier (``kk@latin``): :func:`gettext_locale` and :func:`glossary_lang` convert.
"""

from __future__ import annotations

import array
import codecs
import gettext
import re
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import polib

from termbank.errors import FormatError
from termbank.model import LANGS, AdminStatus, Concept, Review, SourceKind, Term, TermType, lang_subtags

#: Width of wrapped lines, as msgmerge writes them.
WRAP_WIDTH = 79
#: Start of the extracted-comment line that records the glossary's equivalent.
GLOSSARY_NOTE = "Glossary: "
#: Header fields a catalog written by termbank always has, in gettext's order.
HEADER_FIELDS = ("Project-Id-Version", "Report-Msgid-Bugs-To", "POT-Creation-Date",
                 "PO-Revision-Date", "Last-Translator", "Language-Team", "Language",
                 "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Plural-Forms")
_NOTE_KEYS = ("Term: ", "Definition: ", "Context: ", "Source: ", GLOSSARY_NOTE,
              "Glossary source: ")
_SKIPPED_STATUS = (AdminStatus.DEPRECATED, AdminStatus.SUPERSEDED)
_SCRIPT_MODIFIERS = {"Latn": "latin", "Cyrl": "cyrillic", "Arab": "arabic"}
_DATE_FORMAT = "%Y-%m-%d %H:%M%z"


class Entry(polib.POEntry):
    """A polib entry that also knows the line of its ``msgid`` and ``msgstr``."""

    def __init__(self, *args, **kwargs) -> None:
        self.msgid_line: int | None = kwargs.pop("msgid_line", None)
        self.msgstr_line: int | None = kwargs.pop("msgstr_line", None)
        super().__init__(*args, **kwargs)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    def __unicode__(self, wrapwidth=WRAP_WIDTH):
        """The entry as msgmerge writes it: strings wrapped after spaces and ``\\n``,
        comments never wrapped (so notes read back exactly), references wrapped at spaces."""
        self._width = wrapwidth
        text = super().__unicode__(0)
        if self.occurrences and wrapwidth > 0 and "\n#: " in "\n" + text:
            text = "\n".join(_wrap_references(line, wrapwidth) for line in text.split("\n"))
        return text

    __str__ = __unicode__

    def _str_field(self, fieldname, delflag, plural_index, field, wrapwidth=WRAP_WIDTH):
        """Wrap like msgmerge, so files from gettext tools, Poedit or Weblate keep their
        line breaks when termbank rewrites them."""
        wrapwidth = getattr(self, "_width", wrapwidth)
        keyword = fieldname.removeprefix("previous_") + plural_index
        escaped = polib.escape(field)
        first = f'{delflag}{keyword} "{escaped}"'
        if wrapwidth <= 0 or (len(first) <= wrapwidth and "\\n" not in escaped[:-2]):
            return [first]
        pieces: list[str] = []
        for part in escaped.replace("\\n", "\\n\x00").split("\x00"):
            line = ""
            for word in part.replace(" ", " \x00").split("\x00"):
                if line and len(delflag) + len(line) + len(word) + 2 > wrapwidth:
                    pieces.append(line)
                    line = ""
                line += word
            if line:
                pieces.append(line)
        return [f'{delflag}{keyword} ""'] + [f'{delflag}"{p}"' for p in pieces]


def _wrap_references(line: str, width: int) -> str:
    if not line.startswith("#: ") or len(line) <= width:
        return line
    out, current = [], "#:"
    for ref in line[3:].split():
        if len(current) + 1 + len(ref) > width and current != "#:":
            out.append(current)
            current = "#:"
        current += " " + ref
    out.append(current)
    return "\n".join(out)


@dataclass
class Catalog:
    """A PO file read strictly: the polib object plus what the header said, with lines."""

    po: polib.POFile
    source: str
    language: str | None = None
    nplurals: int | None = None
    header_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, header_field: str) -> int | None:
        return self.header_lines.get(header_field)


# -- languages -------------------------------------------------------------------------------

def gettext_locale(lang: str) -> str:
    """The gettext locale name of a glossary language tag.

    >>> gettext_locale("kk-Latn"), gettext_locale("ru"), gettext_locale("pt-BR")
    ('kk@latin', 'ru', 'pt_BR')
    """
    base, script, region = lang_subtags(lang) or (lang.lower(), None, None)
    modifier = f"@{_SCRIPT_MODIFIERS.get(script, script.lower())}" if script else ""
    return base + (f"_{region}" if region else "") + modifier


def glossary_lang(locale: str) -> str:
    """The glossary language tag of a gettext locale; a region the glossary lacks is dropped.

    >>> glossary_lang("kk@latin"), glossary_lang("ru_RU"), glossary_lang("kk_KZ.UTF-8")
    ('kk-Latn', 'ru', 'kk')
    """
    name, _, modifier = locale.strip().partition("@")
    name, modifier = name.split(".")[0], modifier.split(".")[0]
    base, script, region = lang_subtags(name) or (name.lower(), None, None)
    script = {v: k for k, v in _SCRIPT_MODIFIERS.items()}.get(modifier.lower(), script)
    tag = base + (f"-{script}" if script else "")
    if region and tag not in LANGS:
        tag += f"-{region}"
    return tag


# Plural-Forms as GNU gettext's manual writes them (ru), and ours for Kazakh: written from this
# table, not from whatever formula the installed Babel prints, so that committed catalogs do not
# change with the library's version.
PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "kk": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
          "(n%100<10 || n%100>=20) ? 1 : 2);",
}


def plural_forms(lang: str) -> str:
    """The ``Plural-Forms`` value for a glossary language.

    The languages termbank ships come from :data:`PLURAL_FORMS`; any other base language from
    Babel's CLDR data. A script does not change plural rules, so only the base language counts
    (Babel does not know ``kk_Latn`` and would silently answer for ``kk_Cyrl``).

    >>> plural_forms("kk-Latn")
    'nplurals=2; plural=(n != 1);'
    """
    base = lang.split("-")[0]
    if base in PLURAL_FORMS:
        return PLURAL_FORMS[base]
    from babel.messages.plurals import get_plural

    return str(get_plural(base))


def same_plural_rule(value: str, lang: str) -> bool:
    """True when a ``Plural-Forms`` *value* picks the same form as ours for n in 0..1000.

    Another tool's spelling of the same rule (Weblate writes the Russian formula without the
    outer parentheses) is kept rather than rewritten, so the file does not flip between tools.

    >>> same_plural_rule("nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : "
    ...                  "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;", "ru")
    True
    >>> same_plural_rule("nplurals=1; plural=0;", "kk"), same_plural_rule("nonsense", "kk")
    (False, False)
    """
    ours = _PLURAL_FORMS.fullmatch(plural_forms(lang))
    theirs = _PLURAL_FORMS.fullmatch(value or "")
    if ours is None or theirs is None or ours.group(1) != theirs.group(1):
        return False
    try:
        rule, their_rule = gettext.c2py(ours.group(2)), gettext.c2py(theirs.group(2))
        return all(rule(n) == their_rule(n) for n in range(0, 1001))
    except (ValueError, RecursionError, ZeroDivisionError):
        return False


def language_name(lang: str) -> str:
    """English name of a glossary language, for ``Language-Team``: ``Kazakh (Latin)``."""
    from babel import Locale, UnknownLocaleError

    base, *rest = lang.split("-")
    try:
        name = Locale.parse(base).english_name or base
    except (UnknownLocaleError, ValueError):
        name = base
    scripts = [p for p in rest if len(p) == 4]
    return f"{name} ({_SCRIPT_MODIFIERS.get(scripts[0], scripts[0]).title()})" if scripts else name


# -- headers ---------------------------------------------------------------------------------

def format_date(moment: datetime) -> str:
    """A header date the way gettext writes it: ``2026-11-22 10:05+0000``."""
    return moment.strftime(_DATE_FORMAT)


def header(lang: str | None, *, project: str, now: datetime,
           translator: str, bugs_to: str = "") -> dict[str, str]:
    """A complete header for a new catalog of *lang*, or for the template when *lang* is None."""
    date = format_date(now)
    if lang is None:
        return {
            "Project-Id-Version": project, "Report-Msgid-Bugs-To": bugs_to,
            "POT-Creation-Date": date, "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
            "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
            "Language-Team": "LANGUAGE <LL@li.org>", "Language": "",
            "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit"}
    return {
        "Project-Id-Version": project, "Report-Msgid-Bugs-To": bugs_to,
        "POT-Creation-Date": date, "PO-Revision-Date": date,
        "Last-Translator": translator, "Language-Team": language_name(lang),
        "Language": gettext_locale(lang), "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(lang)}


def new_catalog(metadata: dict[str, str], *, comment: str = "") -> polib.POFile:
    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.metadata = dict(metadata)
    po.header = comment
    return po


# -- glossary entries ------------------------------------------------------------------------

def glossary_entries(concepts: Iterable[Concept], lang: str | None = None) -> Iterator[Entry]:
    """One entry per English term of each concept (deprecated ones left out), in id order.

    With *lang* None the entries are the template's (empty ``msgstr``); otherwise ``msgstr`` is
    the glossary's equivalent in *lang* and the notes record it.
    """
    for concept in sorted(concepts, key=lambda c: c.id):
        english = concept.section("en")
        if english is None:
            continue
        target = concept.section(lang) if lang else None
        for term in english.terms:
            if term.status in _SKIPPED_STATUS:
                continue
            notes = _english_notes(concept, term)
            entry = Entry(msgctxt=concept.id, msgid=term.text, comment="", flags=[])
            if lang is not None:
                equivalent = equivalent_for(term, target.terms if target else ())
                if equivalent is not None:
                    entry.msgstr = equivalent.text
                    notes.append(f"{GLOSSARY_NOTE}{equivalent.text} [{equivalent.review.value}]")
                    sources = "; ".join(_show_source(s) for s in equivalent.sources)
                    if sources:
                        notes.append(f"Glossary source: {sources}")
                    if equivalent.review is not Review.APPROVED:
                        entry.flags.append("fuzzy")
            entry.comment = "\n".join(notes)
            yield entry


def equivalent_for(english: Term, terms: Iterable[Term]) -> Term | None:
    """The target term an English term is translated with.

    An acronym or abbreviation takes a target term of the same type when there is one;
    everything else takes the preferred term. Deprecated terms are never offered.
    """
    usable = [t for t in terms if t.status not in _SKIPPED_STATUS]
    if not usable:
        return None
    if english.type in (TermType.ACRONYM, TermType.ABBREVIATION):
        same = [t for t in usable if t.type is english.type]
        if same:
            return same[0]
    preferred = [t for t in usable if t.status is AdminStatus.PREFERRED]
    return (preferred or usable)[0]


def _english_notes(concept: Concept, term: Term) -> list[str]:
    notes = [f"Term: {term.type.value}, {term.status.value}"
             + (f", {term.pos.value}" if term.pos else "")]
    section = concept.section("en")
    definition = (section.definition if section else None) or concept.definition
    if definition:
        notes.append(f"Definition: {_one_line(definition)}")
    elif term.contexts:
        context = term.contexts[0]
        notes.append(f"Context: {_one_line(context.text)}"
                     + (f" ({context.source})" if context.source else ""))
    documents = [s.ref for s in term.sources if s.kind is SourceKind.DOCUMENT]
    documents = list(dict.fromkeys(documents or concept.sources))
    if documents:
        notes.append(f"Source: {', '.join(documents)}")
    return notes


def _show_source(source) -> str:
    return f"{source.kind.value} {source.ref}" + (f" ({source.detail})" if source.detail else "")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def glossary_note(entry: polib.POEntry) -> tuple[str, str] | None:
    """The (term, review) an earlier update recorded in *entry*'s notes, if any.

    polib wraps long comment lines; a wrapped note is joined again here.

    >>> note = "Term: fullForm\\nGlossary: Еуразиялық\\nодақ [approved]"
    >>> glossary_note(Entry(msgid="x", comment=note))
    ('Еуразиялық одақ', 'approved')
    """
    lines: list[str] = []
    for line in entry.comment.split("\n"):
        if lines and not line.startswith(_NOTE_KEYS):
            lines[-1] += " " + line.strip()
        else:
            lines.append(line)
    for line in lines:
        if line.startswith(GLOSSARY_NOTE):
            match = re.fullmatch(r"(.+?) \[(candidate|proposed|approved)\]",
                                 line[len(GLOSSARY_NOTE):].strip())
            if match:
                return match.group(1), match.group(2)
    return None


# -- writing ---------------------------------------------------------------------------------

def dumps(po: polib.POFile) -> bytes:
    """The catalog as UTF-8 PO text with a final newline."""
    return render(po, render_entries(po))


def render_entries(po: polib.POFile) -> list[str]:
    """The text of each entry, active ones first, then the obsolete ones, as polib orders them.

    Kept apart from :func:`render` so that a caller can change the header (a date) and
    render again without serialising every entry twice.
    """
    active = [e.__unicode__(WRAP_WIDTH) for e in po if not e.obsolete]
    return active + [e.__unicode__(WRAP_WIDTH) for e in po if e.obsolete]


def render(po: polib.POFile, entries: list[str]) -> bytes:
    """The whole file from the catalog's header and already rendered *entries*."""
    text = "\n".join([_render_header(po), *entries])
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


def render_chunks(po: polib.POFile) -> Iterator[bytes]:
    """:func:`dumps` one entry at a time: the header, then each entry after its blank line.

    ``b"".join(render_chunks(po)) == dumps(po)``, but no more than one entry's text is held,
    so a large catalog can be written (or compared with a file) in little memory.
    """
    last = _render_header(po)
    yield last.encode("utf-8")
    for obsolete in (False, True):
        for entry in po:
            if entry.obsolete is obsolete:
                last = "\n" + entry.__unicode__(WRAP_WIDTH)
                yield last.encode("utf-8")
    if not last.endswith("\n"):
        yield b"\n"


def _render_header(po: polib.POFile) -> str:
    """Header comment and header entry; long header lines wrap as msgmerge wraps them."""
    comment = "".join("#\n" if not line else (f"#{line}\n" if line[:1] in ",:" else f"# {line}\n")
                      for line in po.header.split("\n")) if po.header else ""
    meta = po.metadata_as_entry()
    entry = Entry(msgid="", msgstr=meta.msgstr, flags=list(meta.flags))
    return comment + entry.__unicode__(WRAP_WIDTH)


def compile_mo(po: polib.POFile) -> bytes:
    """The binary MO file, holding only translated, non-fuzzy entries, as ``msgfmt`` does.

    Byte for byte what polib's ``to_binary`` gives, in linear time: polib concatenates bytes
    in a loop, which takes seconds on a 100,000-entry catalog.
    """
    return b"".join(mo_chunks(po))


def mo_chunks(po: polib.POFile) -> Iterator[bytes]:
    """:func:`compile_mo` in pieces: ``b"".join(mo_chunks(po)) == compile_mo(po)``.

    Strings are encoded once to learn their lengths and again as they are yielded, so that
    only the offset table, not a copy of every string, is held.
    """
    entries = [e for e in po if e.translated()]
    entries.sort(key=lambda e: e.msgid_with_context.encode("utf-8"))
    entries.insert(0, po.metadata_as_entry())
    count = len(entries)
    keys_start = 7 * 4 + 16 * count
    key_table = array.array("i", bytes(8 * count))
    value_table = array.array("i", bytes(8 * count))
    key_offset = keys_start
    for i, e in enumerate(entries):
        size = len(_mo_key(e).encode("utf-8"))
        key_table[2 * i], key_table[2 * i + 1] = size, key_offset
        key_offset += size + 1
    value_offset = key_offset
    for i, e in enumerate(entries):
        size = len(_mo_value(e).encode("utf-8"))
        value_table[2 * i], value_table[2 * i + 1] = size, value_offset
        value_offset += size + 1
    yield struct.pack("Iiiiiii", polib.MOFile.MAGIC, 0, count, 7 * 4, 7 * 4 + count * 8, 0,
                      keys_start)
    yield key_table.tobytes() + value_table.tobytes()
    del key_table, value_table
    for e in entries:
        yield _mo_key(e).encode("utf-8") + b"\0"
    for e in entries:
        yield _mo_value(e).encode("utf-8") + b"\0"


def _mo_key(e: polib.POEntry) -> str:
    return (e.msgctxt + "\x04" if e.msgctxt else "") + (
        e.msgid + "\0" + e.msgid_plural if e.msgid_plural else e.msgid)


def _mo_value(e: polib.POEntry) -> str:
    return ("\0".join(e.msgstr_plural[i] for i in sorted(e.msgstr_plural))
            if e.msgid_plural else e.msgstr)


# -- strict reading --------------------------------------------------------------------------

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f",
            '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r"\\(.?)", re.S)
# possessive quantifiers: the plain (?:…)* kept a backtracking entry per character, 140 bytes
# each, so a 5 MB string took 700 MB
_STRING = re.compile(r'"((?:[^"\\]++|\\.)*+)"\s*')
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d{1,4})\])?(?=[\s\"]|$)")
_CHARSET = re.compile(rb"Content-Type:[^\"\n]*?charset=([^\s\"\\;]*)", re.I)
_PLURAL_FORMS = re.compile(r"\s*nplurals\s*=\s*(\d{1,4})\s*;\s*plural\s*=\s*(.+?)\s*;?\s*")


def parse(data: bytes, *, source: str) -> Catalog:
    """Read a PO file strictly.

    :raises FormatError: with *source* and the line of the first problem: bytes that are not
        in the declared charset, an unknown charset, a string with broken quoting or an
        unknown escape, keywords out of order, an entry without ``msgstr``, a duplicate
        ``msgctxt``/``msgid`` pair, a ``Plural-Forms`` header that gettext cannot use, or
        plural entries whose number of forms differs from it.
    """
    text = _decode(data, source)
    return _Reader(text, source).read()


def parse_file(path, *, source: str | None = None) -> Catalog:
    """:func:`parse` of the file at *path* (named *source*, by default its path); the file's
    bytes are let go once decoded, before the entries are built."""
    source = str(path) if source is None else source
    text = _decode(Path(path).read_bytes(), source)
    return _Reader(text, source).read()


def _decode(data: bytes, source: str) -> str:
    match = _CHARSET.search(data, 0, 100_000)
    declared = match.group(1).decode("ascii", "replace") if match else ""
    declared_line = data.count(b"\n", 0, match.start()) + 1 if match else None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if not declared or declared.upper() == "CHARSET":
        try:
            return data.decode("ascii")
        except UnicodeDecodeError as exc:
            raise FormatError(
                "the header declares no charset but the file is not ASCII; add "
                '"Content-Type: text/plain; charset=UTF-8\\n" to the header',
                source=source, line=_line_at(data, exc.start)) from None
    try:
        info = codecs.lookup(declared)
    except (LookupError, ValueError):
        raise FormatError(f"unknown charset {declared!r} in the header", source=source,
                          line=declared_line) from None
    # rot-13, zlib, base64, hex … are codecs but not text encodings: a charset names a text one
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        raise FormatError(f"{declared!r} in the header is not a text charset (use UTF-8)",
                          source=source, line=declared_line)
    codec = info.name
    try:
        text = data.decode(codec)
    except UnicodeError as exc:
        start = getattr(exc, "start", None)
        raise FormatError(f"text is not {declared} as the header declares (line "
                          f"{declared_line}); convert the file or correct the charset",
                          source=source,
                          line=_line_at(data, start) if start is not None else declared_line
                          ) from None
    if codec != "utf-8" and not data.isascii() and _is_utf8(data):
        first = next(i for i, b in enumerate(data) if b > 127)
        raise FormatError(f"the header declares charset {declared} but the text is UTF-8; "
                          "correct the charset to UTF-8", source=source,
                          line=_line_at(data, first))
    return text


#: Text codecs Python has that are no charset a PO file can be in.
_NOT_CHARSETS = {"undefined", "idna", "punycode", "raw-unicode-escape", "unicode-escape",
                 "palmos", "mbcs", "oem"}


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _unescape(body: str, source: str, line: int) -> str:
    if "\\" not in body:
        return body

    def one(match: re.Match) -> str:
        char = match.group(1)
        if char not in _ESCAPES:
            raise FormatError(f"unknown escape sequence \\{char} in a string", source=source,
                              line=line)
        return _ESCAPES[char]

    return _ESCAPE.sub(one, body)


def _lines(text: str) -> Iterator[str]:
    """``text.split("\\n")`` one line at a time: a list of every line of a large file would
    take more memory than the text itself."""
    start = 0
    find = text.find
    while True:
        end = find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


class _Reader:
    """The state machine behind :func:`parse`; one instance reads one file."""

    def __init__(self, text: str, source: str) -> None:
        self.text, self.source = text, source
        self.po = new_catalog({})
        self.seen: dict[tuple[str | None, str], int] = {}
        self.header_entry: Entry | None = None
        self.header_string_lines: list[tuple[int, str]] = []
        self.plural_entries: list[Entry] = []
        self._reset()

    def _reset(self) -> None:
        self.fields: dict[str, object] = {}
        self.comments: dict[str, list[str]] = {"tcomment": [], "comment": []}
        self.flags: list[str] = []
        self.occurrences: list[tuple[str, str]] = []
        self.previous: dict[str, str] = {}
        self.current: tuple[str, int | None] | None = None  # field being continued
        self.first_line: int | None = None
        self.lines: dict[str, int] = {}
        self.obsolete: bool | None = None

    def fail(self, reason: str, line: int | None) -> FormatError:
        return FormatError(reason, source=self.source, line=line)

    def read(self) -> Catalog:
        number = 0
        for number, raw in enumerate(_lines(self.text), start=1):
            line = raw.strip()
            if not line:
                continue
            if line.startswith("#~"):
                rest = line[2:].lstrip()
                if not rest:
                    continue
                if rest.startswith("|"):
                    self._previous(rest[1:].lstrip(), number, obsolete=True)
                else:
                    self._keyword_or_string(rest, number, obsolete=True)
            elif line.startswith("#|"):
                self._previous(line[2:].lstrip(), number, obsolete=False)
            elif line.startswith("#"):
                self._comment(line, number)
            else:
                self._keyword_or_string(line, number, obsolete=False)
        if self.fields:
            self._finish(number)
        return self._catalog()

    # comments and previous strings start a new entry when the current one is complete
    def _boundary(self, number: int) -> None:
        if "msgid" in self.fields:
            self._finish(number)
        if self.first_line is None:
            self.first_line = number

    def _comment(self, line: str, number: int) -> None:
        self._boundary(number)
        self.current = None
        kind, body = line[:2], line[2:]
        if kind == "#.":
            self.comments["comment"].append(body[1:] if body.startswith(" ") else body)
        elif kind == "#:":
            for occurrence in body.split():
                path, _, lineno = occurrence.rpartition(":")
                self.occurrences.append((path, lineno) if path and lineno.isdigit()
                                        else (occurrence, ""))
        elif kind == "#,":
            self.flags += [f.strip() for f in body.split(",") if f.strip()]
        else:
            body = line[1:]
            self.comments["tcomment"].append(body[1:] if body.startswith(" ") else body)

    def _previous(self, rest: str, number: int, *, obsolete: bool) -> None:
        self._boundary(number)
        if rest.startswith('"'):
            if self.current is None or not self.current[0].startswith("previous_"):
                raise self.fail("a #| continuation string follows no #| msgid or msgctxt",
                                number)
            self.previous[self.current[0]] += self._string(rest, number)
            return
        match = _KEYWORD.match(rest)
        if not match or match.group(1) == "msgstr" or match.group(2) is not None:
            raise self.fail(f"#| lines hold msgctxt, msgid or msgid_plural, found {rest!r}",
                            number)
        name = "previous_" + match.group(1)
        self.previous[name] = self._string(rest[match.end():].lstrip(), number)
        self.current = (name, None)

    def _keyword_or_string(self, line: str, number: int, *, obsolete: bool) -> None:
        if line.startswith('"'):
            if self.current is None or self.current[0].startswith("previous_"):
                raise self.fail("a string continues no msgctxt, msgid or msgstr", number)
            self._check_obsolete(obsolete, number)
            name, index = self.current
            value = self._string(line, number)
            if name == "msgstr_plural":
                self.fields[name][index] += value
            else:
                self.fields[name] += value
            if self.header_entry is None and name == "msgstr" and self.fields.get("msgid") == "" \
                    and "msgctxt" not in self.fields and not self.obsolete:
                self.header_string_lines.append((number, value))
            return
        match = _KEYWORD.match(line)
        if not match:
            word = line.split()[0] if line.split() else line
            raise self.fail(f"expected msgctxt, msgid, msgstr, a quoted string or a # comment, "
                            f"found {word[:40]!r}", number)
        keyword, index = match.group(1), match.group(2)
        value = self._string(line[match.end():].lstrip(), number)
        if keyword in ("msgctxt", "msgid") and "msgid" in self.fields:
            self._finish(number)
        if self.first_line is None:
            self.first_line = number
        self._check_obsolete(obsolete, number)
        self._field(keyword, index, value, number)

    def _check_obsolete(self, obsolete: bool, number: int) -> None:
        if self.obsolete is None:
            self.obsolete = obsolete
        elif self.obsolete != obsolete:
            raise self.fail("an entry mixes obsolete (#~) and active lines", number)

    def _field(self, keyword: str, index: str | None, value: str, number: int) -> None:
        f = self.fields
        if keyword == "msgctxt":
            if "msgctxt" in f:
                raise self.fail("second msgctxt in one entry", number)
            f["msgctxt"] = value
            self.current = ("msgctxt", None)
        elif keyword == "msgid":
            if "msgid" in f:
                raise self.fail("second msgid in one entry", number)
            f["msgid"] = value
            self.lines["msgid"] = number
            self.current = ("msgid", None)
        elif keyword == "msgid_plural":
            if "msgid" not in f or "msgid_plural" in f or "msgstr" in f or "msgstr_plural" in f:
                raise self.fail("msgid_plural must follow the msgid of its entry", number)
            f["msgid_plural"] = value
            self.current = ("msgid_plural", None)
        elif index is None:  # msgstr
            if "msgid" not in f:
                raise self.fail("msgstr without a msgid before it", number)
            if "msgid_plural" in f:
                raise self.fail("an entry with msgid_plural needs msgstr[0], msgstr[1]… "
                                "instead of msgstr", number)
            if "msgstr" in f:
                raise self.fail("second msgstr in one entry", number)
            f["msgstr"] = value
            self.lines["msgstr"] = number
            self.current = ("msgstr", None)
            if f["msgid"] == "" and "msgctxt" not in f and self.header_entry is None \
                    and not self.obsolete:
                self.header_string_lines.append((number, value))
        else:
            if "msgid_plural" not in f:
                raise self.fail(f"msgstr[{index}] in an entry without msgid_plural", number)
            forms = f.setdefault("msgstr_plural", {})
            if int(index) != len(forms):
                raise self.fail(f"msgstr[{index}] out of order: expected msgstr[{len(forms)}]",
                                number)
            forms[int(index)] = value
            self.lines.setdefault("msgstr", number)
            self.current = ("msgstr_plural", int(index))

    def _string(self, rest: str, number: int) -> str:
        match = _STRING.fullmatch(rest)
        if match:
            return _unescape(match.group(1), self.source, number)
        if not rest.startswith('"'):
            raise self.fail(f"expected a quoted string, found {rest[:40]!r}", number)
        body = _STRING.match(rest)
        if body is None or not rest.rstrip().endswith('"') or rest.rstrip() == '"':
            raise self.fail('broken quoting: the string has no closing "', number)
        raise self.fail('broken quoting: a " inside the string is not escaped as \\"', number)

    def _finish(self, number: int) -> None:
        f = self.fields
        if "msgid" not in f:
            raise self.fail("msgctxt without a msgid", self.first_line)
        if "msgstr" not in f and "msgstr_plural" not in f:
            raise self.fail("entry has no msgstr", self.lines["msgid"])
        if "msgid_plural" in f and "msgstr_plural" not in f:
            raise self.fail("an entry with msgid_plural has no msgstr[0]", self.lines["msgid"])
        entry = Entry(
            msgid=f["msgid"], msgstr=f.get("msgstr", ""), msgctxt=f.get("msgctxt"),
            msgid_plural=f.get("msgid_plural", ""), msgstr_plural=f.get("msgstr_plural", {}),
            obsolete=bool(self.obsolete), comment="\n".join(self.comments["comment"]),
            tcomment="\n".join(self.comments["tcomment"]), occurrences=self.occurrences,
            flags=self.flags, linenum=self.first_line, msgid_line=self.lines["msgid"],
            msgstr_line=self.lines.get("msgstr"),
            previous_msgctxt=self.previous.get("previous_msgctxt"),
            previous_msgid=self.previous.get("previous_msgid"),
            previous_msgid_plural=self.previous.get("previous_msgid_plural"))
        self._reset()
        self._add(entry)

    def _add(self, entry: Entry) -> None:
        if entry.msgid == "" and entry.msgctxt is None and not entry.obsolete:
            if self.header_entry is not None:
                raise self.fail('a second header entry (msgid ""); first defined at line '
                                f"{self.header_entry.msgid_line}", entry.msgid_line)
            self.header_entry = entry
            return
        if entry.obsolete:
            self.po.append(entry)
            return
        key = entry.key
        first = self.seen.get(key)
        if first is not None:
            what = (f"msgctxt {entry.msgctxt!r}, " if entry.msgctxt is not None else "") + \
                f"msgid {entry.msgid!r}"
            raise self.fail(f"duplicate entry ({what}); first defined at line {first}",
                            entry.msgid_line)
        self.seen[key] = entry.msgid_line
        if entry.msgid_plural:
            self.plural_entries.append(entry)
        self.po.append(entry)

    def _catalog(self) -> Catalog:
        catalog = Catalog(po=self.po, source=self.source)
        head = self.header_entry
        if head is not None:
            self.po.header = head.tcomment
            self.po.metadata_is_fuzzy = "fuzzy" in head.flags
            self._metadata(catalog, head)
        self._check_plurals(catalog)
        return catalog

    def _metadata(self, catalog: Catalog, head: Entry) -> None:
        # which line each field starts on: the header's strings, joined, split at "\n"
        starts, offset = [], 0
        for line, piece in self.header_string_lines:
            starts.append((offset, line))
            offset += len(piece)
        key = None
        position = 0
        for text in head.msgstr.split("\n"):
            line = max((ln for off, ln in starts if off <= position), default=head.msgstr_line)
            position += len(text) + 1
            if not text.strip():
                continue
            name, colon, value = text.partition(":")
            if colon and name.strip() and " " not in name.strip():
                key = name.strip()
                self.po.metadata[key] = value.strip()
                catalog.header_lines.setdefault(key, line)
            elif key is not None:
                self.po.metadata[key] += "\n" + text.strip()
            else:
                raise self.fail(f"header line is not \"Name: value\": {text[:40]!r}", line)
        catalog.language = self.po.metadata.get("Language") or None

    def _check_plurals(self, catalog: Catalog) -> None:
        value = self.po.metadata.get("Plural-Forms")
        line = catalog.line_of("Plural-Forms")
        if value is not None:
            catalog.nplurals = check_plural_forms(value, source=self.source, line=line)
        for entry in self.plural_entries:
            forms = len(entry.msgstr_plural)
            if catalog.nplurals is None:
                raise self.fail("a plural entry, but the header has no Plural-Forms",
                                entry.msgid_line)
            if forms != catalog.nplurals:
                raise self.fail(f"the entry has {forms} plural forms but Plural-Forms says "
                                f"nplurals={catalog.nplurals}", entry.msgid_line)


def check_plural_forms(value: str, *, source: str, line: int | None) -> int:
    """Check a ``Plural-Forms`` value the way gettext would use it; return ``nplurals``.

    >>> check_plural_forms("nplurals=2; plural=(n != 1);", source="kk.po", line=12)
    2
    >>> check_plural_forms("nplurals=2; plural=n >", source="kk.po", line=12)
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    termbank.errors.FormatError: kk.po:12: bad Plural-Forms: 'plural=n >' is not a C ... in n ...
    """
    match = _PLURAL_FORMS.fullmatch(value)
    if not match:
        raise FormatError(f"bad Plural-Forms: expected 'nplurals=N; plural=EXPRESSION;', "
                          f"found {value!r}", source=source, line=line)
    nplurals, expression = int(match.group(1)), match.group(2)
    if nplurals < 1:
        raise FormatError(f"bad Plural-Forms: nplurals must be at least 1, not {nplurals}",
                          source=source, line=line)
    try:
        rule = gettext.c2py(expression)
    except (ValueError, RecursionError) as exc:
        raise FormatError(f"bad Plural-Forms: 'plural={expression}' is not a C expression "
                          f"in n ({exc})", source=source, line=line) from None
    for n in range(0, 1001):
        try:
            form = rule(n)
        except ZeroDivisionError:
            raise FormatError(f"bad Plural-Forms: 'plural={expression}' divides by zero for "
                              f"n={n}", source=source, line=line) from None
        if not 0 <= form < nplurals:
            raise FormatError(f"bad Plural-Forms: 'plural={expression}' gives form {form} for "
                              f"n={n}, but nplurals={nplurals}", source=source, line=line)
    return nplurals
