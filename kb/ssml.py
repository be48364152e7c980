"""A speech synthesis file (SSML, as a TTS console exports a loudspeaker's announcement: `<speak>` over `<p>` and
`<s>`) → what it says, a paragraph to each `<p>` (and to a sentence or words outside any): the written form of what
is said (a `<sub alias>`'s text, a `<say-as>`'s number), not its pauses, sounds, notes or voice settings. lxml reads
the XML, entities and the network off."""
from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

_SPEAK = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<speak\b", re.DOTALL)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
_UNSAID = tuple(f"{{*}}{name}" for name in ("audio", "desc", "mark", "break", "meta", "metadata", "lexicon"))
_BLOCKS = ("p", "s", "paragraph", "sentence")  # SSML 1.0 names both


def ssml_text(text: str) -> str | None:
    """The text an SSML document says, a paragraph to a line, then its comments (the exporter's notes: when it was
    made, where it is played); None for any other text."""
    if not _SPEAK.match(text):
        return None
    root = etree.fromstring(text.encode("utf-8"), _PARSER)
    if root is None:
        return None
    notes = [" ".join((comment.text or "").split()) for comment in root.xpath("//comment()")]
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
    """The text without the line breaks and indents of the XML, which Chinese is written without; one space between
    other words ("Wi-Fi 密码")."""
    return _BESIDE_CHINESE.sub("", " ".join("".join(texts).split()))


_BESIDE_CHINESE = re.compile(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])")
