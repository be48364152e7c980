"""A speech synthesis file (SSML, as a TTS console exports a loudspeaker's announcement: `<speak>` over `<p>` and
`<s>`) → what it says, a paragraph to each `<p>` (and to a sentence or words outside any): the written form of what
is said (a `<sub alias>`'s text, a `<say-as>`'s number), not its pauses, sounds, notes or voice settings. lxml reads
the XML (kb.xml_document)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from .xml_document import DECLARATION, xml_root

# the prolog: an XML declaration, a DOCTYPE, comments (each matched one way only: linear on any text), then <speak>
_PROLOG = re.compile(rf"\s*(?:{DECLARATION}\s*)?(?:<!DOCTYPE[^>\[]*>\s*)?(?:<!--(?:(?!-->).)*-->\s*)*", re.DOTALL)
_SPEAK = re.compile(r"<speak\b")
_UNSAID = tuple(f"{{*}}{name}" for name in ("audio", "mark", "break", "meta", "metadata", "lexicon"))
_BLOCKS = ("p", "s", "paragraph", "sentence")  # SSML 1.0 names both


def ssml_text(text: str) -> str | None:
    """The text an SSML document says, a paragraph to a line, then the comments above it (the exporter's notes: when
    it was made, where it is played); None for any other text, and for a file that is no well-formed XML (read as
    the text it is rather than cut short)."""
    prolog = _PROLOG.match(text)
    if prolog is None or not _SPEAK.match(text, prolog.end()):
        return None
    root = xml_root(text)
    if root is None:
        return None
    above = reversed(list(root.itersiblings(etree.Comment, preceding=True)))  # not markup left out ("<!-- <p>…")
    notes = [" ".join(note.split()) for comment in above if "<" not in (note := comment.text or "")]
    etree.strip_elements(root, etree.Comment, etree.Entity, etree.ProcessingInstruction, *_UNSAID, with_tail=False)
    return "".join(f"{block}\n" for block in [*_blocks(root), *notes] if block)


def _blocks(element: etree._Element) -> Iterator[str]:
    """A paragraph or sentence whole; elsewhere the words between them (a greeting in <speak> itself) as one."""
    if _name(element) in _BLOCKS:
        yield _words(element.itertext())
        return
    run = [element.text or ""]
    for child in element:
        if any(_name(inner) in _BLOCKS for inner in child.iter()):
            yield _words(run)
            yield from _blocks(child)
            run = []
        else:
            run.extend(child.itertext())
        run.append(child.tail or "")
    yield _words(run)


def _name(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _words(texts: Iterator[str] | list[str]) -> str:
    """The text without the line breaks and indents of the XML, which Chinese is written without (none beside a
    Chinese character: "连接Wi-Fi密码"); one space between other words."""
    return _BESIDE_CHINESE.sub("", " ".join("".join(texts).split()))


_BESIDE_CHINESE = re.compile(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])")
