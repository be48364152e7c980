"""Contacts exported as vCard (a .vcf file, or its text saved as .txt), read with the icalendar library's parser of
the same content lines: one article, each contact a paragraph of its name, organisation and post, phones and
address, then its note ("刘某（某某街道办事处 环卫所，副所长；电话 0536-8203319）：全街道共有铲雪车3台。")."""
from __future__ import annotations

import quopri
import re
from collections import Counter
from datetime import date

from icalendar.cal import Component

from .parsing import BROKEN, first_value, one_line
from .text import valid_day
from .web_layout import is_issuer


def read_address_book(text: str) -> tuple[dict[str, str], str] | None:
    """The address book's title (the category most contacts carry, or the organisation they share), day
    (YYYY-MM-DD: its contacts' latest revision) and organisation, and its text; None for any text that is no vCard.
    Each card is read on its own (a broken one is left out), in vCard 2.1's forms too (bare parameters
    "TEL;WORK;VOICE:", quoted-printable values, short N and ADR values)."""
    if not text.lstrip("\ufeff \r\n\t").upper().startswith("BEGIN:VCARD"):
        return None
    cards = [card for block in _CARD_BLOCK.findall(text) if (card := _card(block))]
    try:
        return _read(cards) if cards else None
    except BROKEN:  # a broken export is read as the text it is
        return None


_CARD_BLOCK = re.compile(r"^BEGIN:VCARD\r?\n.*?^END:VCARD\r?$", re.MULTILINE | re.DOTALL | re.IGNORECASE)
_BARE_PARAMETER = re.compile(r";([A-Za-z][A-Za-z0-9-]*)(?=;|$)")  # 2.1's ";WORK": a type named without "TYPE="
_FIELDS = {"N": 5, "ADR": 7}  # a structured value's parts, which the library counts


def _card(block: str) -> Component | None:
    lines = [_standard(line) for line in _unfolded(block)]
    try:
        return Component.from_ical("\r\n".join(lines) + "\r\n")
    except BROKEN:
        return None


def _unfolded(block: str) -> list[str]:
    """The card's lines, a folded line joined again, and a quoted-printable value's soft breaks ("=" at a line's
    end)."""
    lines: list[str] = []
    for line in block.splitlines():
        if lines and (line[:1] in " \t" or (lines[-1].endswith("=") and "QUOTED-PRINTABLE" in lines[-1].upper())):
            lines[-1] = lines[-1][:-1] + line.lstrip(" \t") if lines[-1].endswith("=") else lines[-1] + line[1:]
        else:
            lines.append(line)
    return lines


def _standard(line: str) -> str:
    """A 2.1 line as 3.0 writes it: its bare parameters as TYPE=, a quoted-printable value decoded, a short N or ADR
    value filled out with empty parts."""
    name, colon, value = line.partition(":")
    if not colon:
        return line
    name = _BARE_PARAMETER.sub(r";TYPE=\1", name)
    if "QUOTED-PRINTABLE" in name.upper():
        charset = re.search(r"CHARSET=([\w-]+)", name, re.IGNORECASE)
        value = quopri.decodestring(value.encode("ascii", "replace")).decode(charset[1] if charset else "utf-8",
                                                                             "replace")
        name = re.sub(r";(?:TYPE=)?(?:ENCODING=)?QUOTED-PRINTABLE|;CHARSET=[\w-]+", "", name, flags=re.IGNORECASE)
    fields = _FIELDS.get(name.split(";")[0].split(".")[-1].upper(), 0)
    parts = len(re.findall(r"(?<!\\);", value)) + 1
    return f"{name}:{value}{';' * (fields - parts)}" if parts < fields else f"{name}:{value}"


def _read(cards: list[Component]) -> tuple[dict[str, str], str] | None:
    paragraphs = [paragraph for card in cards if (paragraph := _contact(card))]
    if not paragraphs:
        return None
    organisations = Counter(parts[0] for card in cards if (parts := _parts(card.get("ORG"))))
    organisation, shared = organisations.most_common(1)[0] if organisations else ("", 0)
    categories = Counter(one_line(category) for card in cards for category in _categories(card))
    category = next((name for name, count in categories.most_common(1) if 2 * count > len(cards)), "")
    revised = [day for card in cards if (day := _revised(card))]
    most = 2 * shared >= len(cards)  # half the contacts or more work there
    facts = {"title": f"{category}联系人" if category else organisation if most else "",
             "publisher": organisation if most and is_issuer(organisation) else "",
             "date": max(revised).isoformat() if revised else ""}
    return {key: value for key, value in facts.items() if value}, "".join(f"{line}\n" for line in paragraphs)


def _contact(card: Component) -> str:
    name = one_line(card.get("FN", "")) or "".join(_parts(card.get("N"))[:2])  # family and given names
    organisation = " ".join(part for part in _parts(card.get("ORG")) if len(part) < 4 or part not in name)  # not twice
    post = "，".join(filter(None, [organisation, one_line(card.get("TITLE", ""))]))
    phones = "、".join(re.sub(r"^tel:", "", one_line(phone), flags=re.IGNORECASE) for phone in _all(card, "TEL"))
    addresses = "、".join("".join(reversed(_parts(address)[2:5])) for address in _all(card, "ADR"))
    about = "；".join(filter(None, [post, phones and f"电话 {phones}", addresses and f"地址 {addresses}"]))
    head = f"{name}（{about}）" if about else name
    note = "".join(one_line(note) for note in _all(card, "NOTE"))
    return f"{head}：{note}" if head and note else f"{head}。" if head else note  # its note's first words name it


def _all(card: Component, name: str) -> list[object]:
    """A property's values, by its name or grouped ("item1.ADR", as Apple's contacts write an address)."""
    return [value for key, values in card.items() if key.split(".")[-1] == name
            for value in (values if isinstance(values, list) else [values])]


def _parts(value: object) -> list[str]:
    """A structured value's parts ("潍城区北关街道办事处;环卫所;" → 潍城区北关街道办事处, 环卫所), empty ones left out
    but in an address, whose parts stand by place (post box, extended, street, city, region, code, country)."""
    value = first_value(value)
    if value is None:
        return []
    raw = value.to_ical().decode("utf-8", "replace") if hasattr(value, "to_ical") else str(value)
    parts = [one_line(part) for part in raw.replace("\\;", "\0").split(";")]
    return [part.replace("\0", ";") for part in parts] if raw.count(";") >= 6 else [part for part in parts if part]


def _categories(card: Component) -> list[object]:
    found = first_value(card.get("CATEGORIES"))
    return list(getattr(found, "cats", [])) if found is not None else []


def _revised(card: Component) -> date | None:
    """The day the contact was last revised ("2024-11-26T00:30:12Z", "20241126T003012Z")."""
    found = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", one_line(card.get("REV", "")))
    return valid_day(*found.groups()) if found else None
