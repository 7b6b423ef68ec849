"""What a visit form shows about the household's safety, and who else knows about a visit.

Higher apps register sources of notices (assessments: violence found by the risk screen,
handbook point 43). When a case has one, the form for a home visit or an accompanied outing
shows it with the household's emergency contacts, and a new visit on or after the day it was
recorded says who else knows about the visit (where the staff went, when they will be back).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from yorisoi.contacts.choices import TEAM_CHANNELS


@dataclass(frozen=True)
class VisitNotice:
    text: str  # what the staff going should know, in a line
    since: datetime.date | None  # the day it was recorded (None: always applies)
    note: str = ""  # what was seen or heard, as recorded
    url: str = ""  # where it was recorded


# case -> [VisitNotice]; each source does at most one query.
_sources: list[Callable] = []


def register_source(source: Callable) -> None:
    if source not in _sources:
        _sources.append(source)


def notices_for(case) -> list[VisitNotice]:
    return [notice for source in _sources for notice in source(case)]


def check_visit(
    *, case, channel: str, day: datetime.date | None, visit_known_by: str, notices=None
) -> None:
    """A new visit made on or after a notice was recorded says who else knows about it
    (``notices``: the case's, when already fetched); else ValidationError on ``visit_known_by``.
    """
    if channel not in TEAM_CHANNELS:
        return
    notices = notices_for(case) if notices is None else notices
    day = day or timezone.localdate()
    applies = [n for n in notices if n.since is None or n.since <= day]
    if applies and not visit_known_by.strip():
        raise ValidationError(
            {
                "visit_known_by": _(
                    "This household has a safety notice. Write who else knows about this "
                    "visit: who knows where you went and when you will be back."
                )
            }
        )
