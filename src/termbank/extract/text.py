"""Reading English text files and finding the sentence around a position."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from termbank.errors import FormatError


@dataclass(frozen=True)
class Document:
    """One text: its name (usually the file path) and its text with ``\\n`` line ends."""

    name: str
    text: str


def decode_text(data: bytes, source: str) -> str:
    """UTF-8 text with or without BOM, CRLF/CR line ends made ``\\n``.

    Binary data and text in another encoding are refused with a message naming the file
    and, for bad bytes, the line.

    >>> decode_text(b"\\xef\\xbb\\xbfEU\\r\\nEPCA", "a.txt")
    'EU\\nEPCA'
    """
    if b"\x00" in data[:65536]:
        raise FormatError("not a text file (binary data)", source=source, line=1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise FormatError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                          source=source, line=line) from None
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\t\n\r\f\v")
    if controls > max(8, len(text[:65536]) // 100):
        raise FormatError("not a text file (binary data)", source=source, line=1)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_document(path: Path) -> Document:
    """One file as a :class:`Document`; an empty file is a document with no text."""
    try:
        data = Path(path).read_bytes()
    except IsADirectoryError:
        raise FormatError("is a directory, not a text file", source=str(path)) from None
    except OSError as exc:
        raise FormatError(f"cannot read: {exc.strerror or exc}", source=str(path)) from None
    return Document(str(path), decode_text(data, str(path)))


def iter_text_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files named, and the ``*.txt`` files in the folders named, in sorted order.

    Sub-folders are not entered: they usually hold translations (``seeds/kk``, ``seeds/ru``),
    not more English text.
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from sorted(p for p in path.glob("*.txt") if p.is_file())
        elif not path.exists():
            raise FormatError("no such file", source=str(path))
        else:
            yield path


def read_documents(paths: Iterable[Path]) -> list[Document]:
    """Read the files (for folders, their ``*.txt`` files) as :class:`Document` objects.

    Raises :class:`termbank.errors.FormatError` for a missing, unreadable, binary or
    non-UTF-8 file.
    """
    return [read_document(path) for path in iter_text_files(paths)]


_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n\s*\n|\n(?=[A-Z\"“])")
_MAX_CONTEXT = 400


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding ``text[start:end]``, trimmed to a readable length.

    >>> t = "Kazakhstan and the EU met. The EPCA was signed in 2015. Mr. X said."
    >>> sentence_at(t, 31, 35)
    'The EPCA was signed in 2015.'
    """
    lo = max(0, start - _MAX_CONTEXT)
    head = text[lo:start]
    begin = lo
    for match in reversed(list(_SENTENCE_END.finditer(head))):
        if not _is_abbreviation_end(head, match.start()):
            begin = lo + match.end()  # the last sentence end before the name
            break
    if begin == lo and lo > 0:
        space = text.find(" ", lo, start)
        begin = space + 1 if space >= 0 else lo
    tail_end = min(len(text), end + _MAX_CONTEXT)
    stop = tail_end
    for match in _SENTENCE_END.finditer(text, end, tail_end):
        if not _is_abbreviation_end(text, match.start()):
            stop = match.start() + 1
            break
    sentence = " ".join(text[begin:stop].split())
    return sentence


_ABBREV_BEFORE_DOT = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|"
                                r"Sept|Oct|Nov|Dec|No|vs|etc|[A-Z]))$")


def _is_abbreviation_end(text: str, dot: int) -> bool:
    return text[dot] == "." and bool(_ABBREV_BEFORE_DOT.search(text, max(0, dot - 6), dot))
