from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase, HttpResponseNotAllowed
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from yorisoi.core.acting import acting

GetResponse = Callable[[HttpRequest], HttpResponseBase]


class LanguageMiddleware:
    """Japanese unless the user chose another language (cookie); the browser is not asked.

    Django's LocaleMiddleware would follow Accept-Language, which turns an English-configured
    office PC into an English UI; the product is Japanese by default.
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        with translation.override(language):  # ends with the request, leaks into nothing after
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class KnownMethodsMiddleware:
    """TRACE, QUERY or any method the product does not use answers 405, on every route.

    Before this, such a request reached views and permission checks that know only the
    usual methods, and a signed-in caller got a server error. Refusing them here, before
    any view runs, settles it for pages, the API and the admin alike.
    """

    METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method not in self.METHODS:
            return HttpResponseNotAllowed(self.METHODS)
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Switch off browser features the product never uses."""

    POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.POLICY)
        return response


class AuditContextMiddleware:
    """Attribute every audit event written during a request to that request."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        with acting(request=request):
            return self.get_response(request)


class NoStoreMiddleware:
    """Personal data must not stay in a browser's cache: a shared office PC keeps it.

    Every response to a signed-in user (pages, exports, API answers, a token caller's too:
    DRF puts the token's user on the request) says ``Cache-Control: no-store``. Public
    pages and static files stay cacheable.
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
        return response
