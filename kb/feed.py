"""A saved RSS or Atom feed (a news site's channel, saved as .html or fetched from its address) → its newest item as
a web page, so that the web-page reader takes it like any other: headline, "发布时间" dateline, the item's HTML.

feedparser reads the feed (RSS 0.9x–2.0, Atom; CDATA, entities, RFC 822 dates); the page is marked up here."""
from __future__ import annotations

import calendar
import html
from dataclasses import dataclass

import feedparser

from .text import china_day

_FEED_START = ("<?xml", "<rss", "<feed", "<rdf:RDF")


@dataclass(frozen=True)
class FeedItem:
    url: str
    page: str  # the item as a small HTML page


def newest_item(text: str) -> FeedItem | None:
    """The feed's first item (feeds list the newest first); None for anything that is no feed."""
    if not text.lstrip().startswith(_FEED_START):
        return None
    feed = feedparser.parse(text)
    if not feed.version or not feed.entries:
        return None
    item = feed.entries[0]
    title = html.escape(item.get("title", ""))
    channel = html.escape(feed.feed.get("title", ""))
    body = item.get("content", [{}])[0].get("value") or item.get("summary", "")
    when = item.get("published_parsed") or item.get("updated_parsed")
    day = china_day(calendar.timegm(when)).isoformat() if when else ""
    dateline = f"<p>发布时间：{day}</p>" if day else ""
    page = (f'<html><head><meta charset="utf-8"><title>{title} - {channel}</title></head><body>'
            f"<h1>{title}</h1>{dateline}<article>{body}</article></body></html>")
    return FeedItem(url=item.get("link", ""), page=page)
