"""A decoded XML document (a speech synthesis file, an outline export) read safely: lxml with entities, DTDs and the
network off, the XML declaration left out (the text is decoded already: its encoding names the bytes it was read
from, and lxml refuses a declared encoding on decoded text)."""
from __future__ import annotations

import re

from lxml import etree

DECLARATION = r"<\?xml(?:(?!\?>).)*\?>"  # "<?xml version="1.0" encoding="GBK"?>" (with re.DOTALL: over lines too)
_DECLARATION = re.compile(rf"^\s*{DECLARATION}", re.DOTALL)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def xml_root(text: str) -> etree._Element | None:
    """The document's root element; None for a text that is no well-formed XML."""
    try:
        return etree.fromstring(_DECLARATION.sub("", text), _PARSER)
    except etree.XMLSyntaxError:
        return None
