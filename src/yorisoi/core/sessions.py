"""Idle sessions end after the configured minutes, without a session write on every page.

Saving the session on every request (``SESSION_SAVE_EVERY_REQUEST``) costs three queries a
page. Moving its expiry forward at most once a minute keeps the idle timeout (to within that
minute) at a fraction of the cost.
"""

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

TOUCH_EVERY_SECONDS = 60
TOUCHED = "_touched"


class SlidingSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            now = int(time.time())
            if now - session.get(TOUCHED, 0) >= TOUCH_EVERY_SECONDS:
                session[TOUCHED] = now  # modified: the session middleware saves a new expiry
        return response
