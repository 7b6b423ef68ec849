"""The organization's sessions as an iCalendar feed (RFC 5545) for staff calendar apps:
titles, times and places only, never who came."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import icalendar
from django.utils import timezone

from yorisoi.programs.choices import Format, SessionStatus
from yorisoi.programs.models import ProgramSession

PAST_DAYS, AHEAD_DAYS = 60, 183  # what a calendar app keeps in view


def feed(sessions: Iterable[ProgramSession], *, name: str, domain: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//yorisoi//programs//JA")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    zone = timezone.get_current_timezone()
    stamp = timezone.now()
    for session in sessions:
        event = icalendar.Event()
        event.add("uid", f"session-{session.pk}@{domain}")
        event.add("dtstamp", stamp)
        event.add("dtstart", datetime.datetime.combine(session.on, session.starts_at, zone))
        event.add("dtend", datetime.datetime.combine(session.on, session.ends_at, zone))
        event.add("summary", session.program.name)
        where = "オンライン" if session.format == Format.ONLINE else session.where
        if where:
            event.add("location", where)
        if session.status == SessionStatus.CANCELLED:
            event.add("status", "CANCELLED")
        event.add("sequence", session.version)
        calendar.add_component(event)
    return calendar.to_ical()


def window(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    return today - datetime.timedelta(days=PAST_DAYS), today + datetime.timedelta(days=AHEAD_DAYS)
