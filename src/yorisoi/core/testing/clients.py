"""Signing test clients in as members, with the second factor passed when it is required."""

from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from yorisoi.organizations.middleware import SESSION_KEY


def sign_in(client: Client, member, *, verified: bool = True) -> Client:
    """Log ``member.user`` in to ``client``, acting in ``member.organization``."""
    client.force_login(member.user)
    session = client.session
    session[SESSION_KEY] = member.organization_id
    if verified:
        device, _ = TOTPDevice.objects.get_or_create(
            user=member.user, name="test", defaults={"confirmed": True}
        )
        session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def page_client(member) -> Client:
    return sign_in(Client(), member)


def api_client(member) -> APIClient:
    return sign_in(APIClient(), member)
