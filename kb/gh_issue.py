"""A GitHub issue saved as the GitHub CLI prints it to a file or a pipe (`gh issue view N --comments > x.md`): the
issue's fields one a line, name and value between a tab ("title:\t…", "state:\tOPEN", "author:\t某ID", "labels:\t…"),
then "--" and its Markdown body; each comment under "--" is its own fields ("author:", "association:", "edited:",
"status:") between "--" lines, then its Markdown. The fields are no text: the title names the issue, and a login
publishes nothing (a person's); the body and the comments are read as the Markdown they are. The CLI prints no
times there, so the text's own days date it."""
from __future__ import annotations

import re

_FIELD = re.compile(r"^([a-z]+):\t(.*)$")
_ISSUE_FIELDS = ("title", "state")  # the first two lines of every issue the CLI prints
_RULE = "--"


def issue_markdown(body: str) -> tuple[dict[str, str], str] | None:
    """The issue's title (front matter) and its body and comments as Markdown, a paragraph break where a comment's
    fields stood; None for any other text."""
    lines = body.splitlines()
    heads = [head.groups() for line in lines[:len(_ISSUE_FIELDS)] if (head := _FIELD.match(line))]
    if tuple(name for name, _ in heads) != _ISSUE_FIELDS or _RULE not in lines:
        return None
    kept: list[str] = []
    rules = 0  # the issue's fields end at the first rule; a comment's stand between the next two
    for line in lines:
        if line.strip() == _RULE:
            rules += 1
            kept.append("")
        elif rules % 2 or not _FIELD.match(line):
            kept.append(line)
    return {"title": heads[0][1].strip()}, "\n".join(kept).strip() + "\n"
