"""A GitHub issue saved as the GitHub CLI prints it to a file or a pipe: `gh issue view N` prints the issue's
fields one a line, name and value between a tab ("title:\t…", "state:\tOPEN", "author:\t某ID", "labels:\t…"), then
"--" and its Markdown body; `gh issue view N --comments` prints each comment as its fields ("author:",
"association:", "edited:", "status:"), "--", its Markdown and "--" (the two are often saved one after the other). The
fields are no text: the title names the issue, and a login publishes nothing (a person's); the body and the comments
are read as the Markdown they are. The CLI prints no times there, so the text's own days date it."""
from __future__ import annotations

import re

_FIELD = re.compile(r"^([a-z]+):\t(.*)$")
_ISSUE_FIELDS = ("title", "state")  # the first two lines the CLI prints for an issue
_COMMENT_FIELDS = ("author", "association", "edited", "status")  # a comment's, in order (status since gh 2.x)
_RULE = "--"


def issue_markdown(body: str) -> tuple[dict[str, str], str] | None:
    """The issue's title (front matter, when the issue's fields are there) and its body and comments as Markdown, a
    paragraph break where fields and rules stood; None for any other text."""
    lines = body.replace("\r\n", "\n").strip("\n").split("\n")
    fields = [_FIELD.match(line) for line in lines]
    names = [found.group(1) if found else "" for found in fields]
    issue = tuple(names[:len(_ISSUE_FIELDS)]) == _ISSUE_FIELDS and _RULE in lines
    if not issue and _comment_fields(names, lines, 0) == 0:
        return None
    skipped = set(range(lines.index(_RULE) + 1)) if issue else set()  # the issue's fields and the rule under them
    for n in range(len(lines)):
        count = 0 if n in skipped else _comment_fields(names, lines, n)
        if count:
            skipped |= set(range(n, n + count + 1))
    kept = ["" if n in skipped or line.strip() == _RULE else line for n, line in enumerate(lines)]
    title = fields[0].group(2).strip() if issue and fields[0] else ""
    return ({"title": title} if title else {}), "\n".join(kept).strip() + "\n"


def _comment_fields(names: list[str], lines: list[str], n: int) -> int:
    """How many lines of a comment's fields begin at line n, a rule under them (0 when none do)."""
    count = next((k for k in range(len(_COMMENT_FIELDS), 1, -1)
                  if tuple(names[n:n + k]) == _COMMENT_FIELDS[:k]), 0)
    return count if count and n + count < len(lines) and lines[n + count].strip() == _RULE else 0
