"""TMX 1.4b: read translation units streaming, write them one language pair per file.

Reading walks the file with ``lxml.etree.iterparse`` and yields one :class:`Unit` per
``<tu>``, so a 200,000-unit memory never sits in memory as a tree. The parser loads no DTD,
resolves no entity and never touches the network: a ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">``
line is accepted, an entity reference is refused. Inline codes (``<bpt>``, ``<ept>``,
``<ph>``, ``<it>``, ``<hi>`` …) are kept verbatim in :attr:`Variant.markup` so that a memory
written by OmegaT, memoQ or Trados goes back out as it came in, while :attr:`Variant.text`
holds the plain sentence that matching works on.

Writing follows the TMX 1.4b DTD: every required header attribute, dates as
``YYYYMMDDThhmmssZ``, ``tu/@srclang`` equal to the header's, and output that depends only
on the units given (no clock is read here).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from termbank.errors import FormatError
from termbank.model import lang_subtags

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Elements inside ``<seg>`` whose content is native code, not text.
_CODE_TAGS = {"bpt", "ept", "ph", "it", "ut"}
_DATE = re.compile(r"^\d{8}T\d{6}Z$")
#: How deep inline elements (``<hi>`` in ``<hi>`` …) may nest inside a segment.
MAX_INLINE_DEPTH = 64
#: Attributes one element may have.
MAX_ATTRIBUTES = 256


@dataclass(frozen=True, slots=True)
class Variant:
    """One language's side of a translation unit (a TMX ``<tuv>``)."""

    lang: str
    text: str
    markup: str | None = None  # inner XML of <seg> when it holds inline elements
    attrs: tuple[tuple[str, str], ...] = ()
    props: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Unit:
    """A translation unit: the same segment in several languages (a TMX ``<tu>``)."""

    variants: tuple[Variant, ...]
    srclang: str | None = None
    attrs: tuple[tuple[str, str], ...] = ()
    props: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()

    def variant(self, lang: str) -> Variant | None:
        """The variant of *lang*; ``ru`` also finds ``ru-RU``, ``kk`` finds ``kk-KZ``."""
        for v in self.variants:
            if v.lang == lang:
                return v
        for v in self.variants:
            if base_lang(v.lang) == base_lang(lang):
                return v
        return None


def base_lang(tag: str) -> str:
    """A language tag without its region: ``kk-KZ`` → ``kk``, ``en_US`` → ``en``, ``kk-Latn`` kept.

    >>> base_lang("kk-KZ"), base_lang("EN-us"), base_lang("kk-Latn-KZ"), base_lang("ru_RU")
    ('kk', 'en', 'kk-Latn', 'ru')
    """
    lang, script, _ = lang_subtags(tag) or (tag.strip().lower(), None, None)
    return f"{lang}-{script}" if script else lang


# -- reading ------------------------------------------------------------------------------

def read(source: str | Path | BinaryIO, *, name: str | None = None) -> Iterator[Unit]:
    """Yield the units of a TMX file one by one.

    Raises :class:`FormatError` naming the file and line for XML that is not well formed,
    a root that is not ``tmx``, an entity reference, a ``<tuv>`` without a language or a
    ``<seg>``. Units already yielded stay yielded: callers that must not keep half a file
    (the memory's import) collect inside a transaction and roll back.
    """
    from lxml import etree

    if name is None:
        name = str(source) if isinstance(source, (str, Path)) else getattr(source, "name", "<tmx>")
    stream = open(source, "rb") if isinstance(source, (str, Path)) else source
    try:
        events = etree.iterparse(
            stream, events=("start", "end"), resolve_entities=False, load_dtd=False,
            no_network=True, huge_tree=True, remove_comments=True, remove_pis=True)
        header_srclang: str | None = None
        depth_root = None
        try:
            for event, elem in events:
                tag = _local(elem.tag)
                if event == "start":
                    if depth_root is None:
                        depth_root = elem
                        _refuse_declarations(elem, name)
                        if tag != "tmx":
                            raise FormatError(f"root element is <{tag}>, not <tmx>",
                                              source=name, line=elem.sourceline)
                    continue
                if tag == "header":
                    header_srclang = elem.get("srclang")
                elif tag == "tu":
                    _refuse_entity_references(elem, name)
                    yield _unit(elem, header_srclang, name)
                    elem.clear(keep_tail=False)
                    parent = elem.getparent()
                    while parent is not None and elem.getprevious() is not None:
                        del parent[0]
        except etree.XMLSyntaxError as exc:
            line = max(1, exc.lineno or 1)
            raise FormatError(f"not well-formed XML: {exc.msg}", source=name, line=line) from None
        if depth_root is None:
            raise FormatError("empty file", source=name)
    finally:
        if stream is not source:
            stream.close()


def _refuse_declarations(root, name: str) -> None:
    """Entity and element declarations (bombs, external entities) are refused wherever they
    stand: checked on the DTD the parser read, not on the file's first bytes."""
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and (any(True for _ in dtd.iterentities())
                            or any(True for _ in dtd.iterelements())):
        raise FormatError("the DOCTYPE before this element declares entities or elements; "
                          "termbank reads no declarations (external entities and "
                          "entity-expansion bombs are refused)", source=name, line=root.sourceline)


def _refuse_entity_references(tu, name: str) -> None:
    """An unexpanded ``&name;`` in a segment, a note or a prop would cut or change its text."""
    from lxml import etree

    for ref in tu.iter(etree.Entity):
        raise FormatError(f"entity reference {ref.text} is not allowed in TMX", source=name,
                          line=ref.sourceline or tu.sourceline)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attrs(elem, skip: set[str], name: str) -> tuple[tuple[str, str], ...]:
    # lxml reads each attribute's value by name, so listing n of them takes n² steps: TMX
    # defines about a dozen, and a file with thousands on one element is refused
    if len(elem.attrib) > MAX_ATTRIBUTES:
        raise FormatError(f"<{_local(elem.tag)}> has {len(elem.attrib):,} attributes (TMX "
                          f"defines about a dozen; at most {MAX_ATTRIBUTES} are read)",
                          source=name, line=elem.sourceline)
    return tuple(sorted((k, v) for k, v in elem.attrib.items() if k not in skip))


def _unit(tu, header_srclang: str | None, name: str) -> Unit:
    variants, props, notes = [], [], []
    for child in tu:
        tag = _local(child.tag)
        if tag == "tuv":
            variants.append(_variant(child, name))
        elif tag == "prop":
            props.append((child.get("type", ""), child.text or ""))
        elif tag == "note":
            notes.append(child.text or "")
    if not variants:
        raise FormatError("<tu> without any <tuv>", source=name, line=tu.sourceline)
    srclang = tu.get("srclang") or header_srclang
    if srclang == "*all*":
        srclang = None
    return Unit(tuple(variants), srclang, _attrs(tu, {"srclang"}, name), tuple(props),
                tuple(notes))


def _variant(tuv, name: str) -> Variant:
    lang = tuv.get(XML_LANG) or tuv.get("lang")  # "lang" is TMX 1.1–1.3
    if not lang:
        raise FormatError("<tuv> without xml:lang", source=name, line=tuv.sourceline)
    seg, props, notes = None, [], []
    for child in tuv:
        tag = _local(child.tag)
        if tag == "seg":
            seg = child
        elif tag == "prop":
            props.append((child.get("type", ""), child.text or ""))
        elif tag == "note":
            notes.append(child.text or "")
    if seg is None:
        raise FormatError("<tuv> without <seg>", source=name, line=tuv.sourceline)
    text, markup = _segment(seg, name)
    return Variant(lang, text, markup, _attrs(tuv, {XML_LANG, "lang"}, name), tuple(props),
                   tuple(notes))


def _segment(seg, name: str) -> tuple[str, str | None]:
    """Plain text of a ``<seg>`` and, when it has inline elements, its inner XML."""
    from lxml import etree

    if len(seg) == 0:
        return seg.text or "", None
    parts = [seg.text or ""]
    # depth-first without recursion: 1,000 nested <hi> must not reach Python's stack limit
    stack = [(iter(seg), "")]  # children still to visit, and the tail of their parent
    while stack:
        children, tail = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            parts.append(tail)
        elif isinstance(child.tag, str) and _local(child.tag) not in _CODE_TAGS:
            if len(stack) > MAX_INLINE_DEPTH:
                raise FormatError(f"inline elements nested more than {MAX_INLINE_DEPTH} deep",
                                  source=name, line=child.sourceline)
            parts.append(child.text or "")
            stack.append((iter(child), child.tail or ""))
        else:
            parts.append(child.tail or "")
    inner = (seg.text and _escape(seg.text) or "") + "".join(
        etree.tostring(child, encoding="unicode", with_tail=True) for child in seg)
    return "".join(parts), inner


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- writing ------------------------------------------------------------------------------

def write(
    stream: BinaryIO, units: Iterable[Unit], *, srclang: str, tgtlang: str | None = None,
    tool_version: str = "0", created: str | None = None, adminlang: str = "en",
    datatype: str = "plaintext", segtype: str = "sentence",
) -> int:
    """Write *units* as TMX 1.4b to a binary *stream*; returns how many units were written.

    With *tgtlang*, each unit is cut down to its *srclang* and *tgtlang* variants and units
    that lack either are skipped: the bilingual files Trados needs and OmegaT 3.6 reads
    safely. *created* (``YYYYMMDDThhmmssZ``) goes into the header when given.
    """
    from lxml import etree

    if created is not None and not _DATE.match(created):
        raise ValueError(f"TMX dates look like 20250115T120000Z, not {created!r}")
    header = {"creationtool": "termbank", "creationtoolversion": tool_version,
              "segtype": segtype, "o-tmf": "termbank", "adminlang": adminlang,
              "srclang": srclang, "datatype": datatype}
    if created:
        header["creationdate"] = created
    stream.write(b'<?xml version="1.0" encoding="UTF-8"?>\n'
                 b'<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n')
    count = 0
    with etree.xmlfile(stream, encoding="UTF-8") as xf:
        with xf.element("tmx", version="1.4"):
            xf.write("\n  ")
            xf.write(etree.Element("header", header))
            xf.write("\n  ")
            with xf.element("body"):
                for unit in units:
                    tu = _tu_element(unit, srclang, tgtlang)
                    if tu is None:
                        continue
                    xf.write("\n    ")
                    xf.write(tu)
                    count += 1
                xf.write("\n  ")
            xf.write("\n")
    stream.write(b"\n")
    return count


def _tu_element(unit: Unit, srclang: str, tgtlang: str | None):
    from lxml import etree

    src = unit.variant(srclang)
    if src is None:
        return None
    if tgtlang is not None:
        tgt = unit.variant(tgtlang)
        if tgt is None:
            return None
        variants = [src, tgt]
    else:
        variants = [src] + [v for v in unit.variants if v is not src]
    tu = etree.Element("tu", dict(unit.attrs))
    tu.set("srclang", src.lang)
    for text in unit.notes:
        etree.SubElement(tu, "note").text = text
    for kind, text in unit.props:
        etree.SubElement(tu, "prop", type=kind).text = text
    for v in variants:
        tuv = etree.SubElement(tu, "tuv", dict(v.attrs))
        tuv.set(XML_LANG, v.lang)
        for text in v.notes:
            etree.SubElement(tuv, "note").text = text
        for kind, text in v.props:
            etree.SubElement(tuv, "prop", type=kind).text = text
        if v.markup is not None:
            seg = etree.fromstring(f"<seg>{v.markup}</seg>", etree.XMLParser(
                resolve_entities=False, load_dtd=False, no_network=True))
            tuv.append(seg)
        else:
            etree.SubElement(tuv, "seg").text = v.text
    return tu
