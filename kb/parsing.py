"""What the file-format libraries give back, for every reader that uses them: the exceptions they raise on a broken
file (a reader then reads the file as the text it is), and the values of iCalendar's and vCard's content lines as
icalendar parses them."""
from __future__ import annotations

import re

# what a parsing library raises on a broken file: icalendar on a calendar (a repeated or cut property, a zone named
# by half: "Asia/") or a contact card, orgparse on an org note (a day "<2024-13-45>")
BROKEN = (ValueError, TypeError, AttributeError, KeyError, IndexError, OSError)


def first_value(value: object) -> object:
    """A property's value; the first when a broken event repeats the property (the library gives a list)."""
    return value[0] if isinstance(value, list) and value else value


def one_line(value: object) -> str:
    """A text value on one line, its escapes undone (the library undoes them in standard properties, not in the
    calendar's own X-WR- ones: "\\，", "\\n")."""
    text = re.sub(r"\\([,;\\，；])", r"\1", str(first_value(value)))
    return "".join(re.split(r"\n|\\[nN]", text)).strip()
