"""A calendar exported as iCalendar (a .ics file, or its text saved as .txt): one article, titled by the calendar's
name, its description the first paragraph and each event a line of its own ("6月4日（周三）15:00—17:30
流动图书车·某社区，地点：某社区门前。本站每月第一个周三下午停靠。"), in the order of their days."""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar
from icalendar.cal import Component

from .parsing import BROKEN, first_value, one_line
from .web_layout import is_issuer

_WEEKDAYS = "一二三四五六日"
_HOME_ZONE = "Asia/Shanghai"  # the city's: a calendar naming no zone shows a UTC time ("…T010000Z") as its clocks do
_EVERY = {"DAILY": "每天", "WEEKLY": "每周", "MONTHLY": "每月", "YEARLY": "每年"}
_CHANGED = ("LAST-MODIFIED", "DTSTAMP")  # when an event last changed: the calendar stands as of the latest


def read_calendar(text: str) -> tuple[dict[str, str], str] | None:
    """The calendar's title, day (YYYY-MM-DD: its events' latest change) and organiser, and its text; None for
    any text that is no iCalendar with a dated event."""
    if not text.lstrip("\ufeff").startswith("BEGIN:VCALENDAR"):
        return None
    try:
        return _read(Calendar.from_ical(text.lstrip("\ufeff")))
    except BROKEN:  # a broken calendar is read as the text it is
        return None


def _read(calendar: Component) -> tuple[dict[str, str], str] | None:
    zone = _zone(str(calendar.get("X-WR-TIMEZONE", ""))) or _zone(_HOME_ZONE)
    dated = sorted(((start, event) for event in calendar.walk("VEVENT") if (start := _start(event, zone))),
                   key=lambda pair: str(pair[0]))
    if not dated:
        return None
    events = [event for _, event in dated]
    latest = max((day for event in events for key in _CHANGED
                  if (moment := event.decoded(key, None)) and (day := _day(moment, zone))), default=None)
    organisers = Counter(str(getattr(first_value(event.get("ORGANIZER")), "params", {}).get("CN", ""))
                         for event in events)
    publisher = next((name for name, _ in organisers.most_common() if is_issuer(name)), "")
    facts = {"title": one_line(calendar.get("X-WR-CALNAME", "")), "publisher": publisher,
             "date": latest.isoformat() if latest else ""}
    year = latest.year if latest else dated[0][0].year
    lines = [one_line(calendar.get("X-WR-CALDESC", "")),
             *(_event_line(event, start, zone, year) for start, event in dated)]
    return {key: value for key, value in facts.items() if value}, "".join(f"{line}\n" for line in lines if line)


def _event_line(event: Component, start: date, zone: tzinfo | None, year: int) -> str:
    """The event's day and hours (its year when not the calendar's own), rule, summary, place and description."""
    duration = event.decoded("DURATION", None)
    end = in_zone(event.decoded("DTEND", None), zone) or (start + duration if isinstance(duration, timedelta) else None)
    summary = one_line(event.get("SUMMARY", ""))
    cancelled = "（已取消）" if str(event.get("STATUS", "")).upper() == "CANCELLED" and "取消" not in summary else ""
    place = one_line(event.get("LOCATION", ""))
    head = f"{_when(start, end, year)}{_repeats(event)} {summary}{cancelled}".rstrip()
    said = f"{head}，地点：{place}。" if place else f"{head}。"
    return said + one_line(event.get("DESCRIPTION", ""))


def _when(start: date, end: object, year: int) -> str:
    """"6月4日（周三）15:00—17:30", "2026年1月5日（周一）—1月9日（周五）" in a calendar of 2025 (an all-day
    event's end is the next day's start), "…21:00—6月5日（周四）1:00"."""
    day = start.date() if isinstance(start, datetime) else start
    opening = _day_text(day, year=day.year != year)
    if not isinstance(start, datetime):
        last = end - timedelta(days=1) if isinstance(end, date) and not isinstance(end, datetime) else start
        return opening + (f"—{_day_text(last)}" if last > start else "")
    hours = _clock(start)
    if isinstance(end, datetime):
        hours += f"—{_clock(end)}" if end.date() == day else f"—{_day_text(end.date())}{_clock(end)}"
    return opening + hours


def _day_text(day: date, year: bool = False, weekday: bool = True) -> str:
    return f"{f'{day.year}年' if year else ''}{day.month}月{day.day}日" + \
        (f"（周{_WEEKDAYS[day.weekday()]}）" if weekday else "")


def _repeats(event: Component) -> str:
    """A recurring event's rule, said: "（每月重复，共6次）", "（每周重复，至2025年12月31日）"."""
    rule = first_value(event.get("RRULE"))
    if not isinstance(rule, dict) or not rule.get("FREQ"):
        return ""
    every = _EVERY.get(str(first_value(rule["FREQ"])).upper(), "")
    count, until = first_value(rule.get("COUNT")), first_value(rule.get("UNTIL"))
    until_day = until.date() if isinstance(until, datetime) else until
    limit = f"，共{count}次" if count else \
        f"，至{_day_text(until_day, year=True, weekday=False)}" if isinstance(until_day, date) else ""
    return f"（{every}重复{limit}）" if every else ""


def _clock(moment: datetime) -> str:
    return f"{moment.hour}:{moment:%M}"  # "9:00", as Chinese text writes it


def _start(event: Component, zone: tzinfo | None) -> date | None:
    start = in_zone(event.decoded("DTSTART", None), zone)
    return start if isinstance(start, date) else None


def in_zone(moment: object, zone: tzinfo | None) -> object:
    """A calendar's time with its zone ("…T110000Z", "TZID=Asia/Shanghai") as the clock reads it in `zone`; a
    floating time or a day as written."""
    return moment.astimezone(zone) if isinstance(moment, datetime) and moment.tzinfo and zone else moment


def _day(moment: object, zone: tzinfo | None) -> date | None:
    moment = in_zone(moment, zone)
    return moment.date() if isinstance(moment, datetime) else moment if isinstance(moment, date) else None


def _zone(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
