from yorisoi.audit.context import acting


class AuditContextMiddleware:
    """Attribute every audit event written during a request to that request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting(request=request):
            return self.get_response(request)
