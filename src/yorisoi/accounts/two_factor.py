"""The second factor: TOTP devices (django-otp) and the half-finished login between the steps.

Until the code is accepted the user is not logged in at all: the session only remembers
who passed the password step, for a few minutes, so no page or API call can be reached
with the password alone.
"""

import time

import segno
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

PENDING_KEY = "yorisoi_pending_login"
PENDING_SECONDS = 300


def begin_pending_login(request, user, backend: str, next_url: str) -> None:
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user_id": user.pk,
        "backend": backend,
        "next": next_url,
        "at": int(time.time()),
    }


def pending_login(request):
    """(user, backend, next_url) of a password step passed in the last few minutes, or None."""
    data = request.session.get(PENDING_KEY)
    if not data or time.time() - data["at"] > PENDING_SECONDS:
        return None
    user = get_user_model().objects.filter(pk=data["user_id"], is_active=True).first()
    return (user, data["backend"], data["next"]) if user else None


def clear_pending_login(request) -> None:
    request.session.pop(PENDING_KEY, None)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def enrollment_device(user) -> TOTPDevice:
    """The unconfirmed device being set up, created on first need."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def qr_svg(device: TOTPDevice) -> str:
    """The provisioning URI as an inline SVG (no image request, nothing sent anywhere)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#111", light="#fff")


def secret_for_typing(device: TOTPDevice) -> str:
    """The base32 key in groups of four, for apps that cannot scan."""
    from base64 import b32encode

    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def verify(device: TOTPDevice, token: str) -> bool:
    """Check a code, honouring django-otp's throttling of repeated failures."""
    allowed, _info = device.verify_is_allowed()
    return bool(allowed) and device.verify_token(token.replace(" ", ""))
