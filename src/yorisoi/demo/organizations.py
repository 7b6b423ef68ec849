"""Synthetic demo organizations and staff. Every name here is invented."""

import os

from django.db import transaction

from yorisoi.accounts.models import User
from yorisoi.core.roles import Role
from yorisoi.organizations.choices import OrganizationKind
from yorisoi.organizations.models import Membership, Organization
from yorisoi.organizations.services import create_organization, enroll_staff

DEFAULT_PASSWORD = "yorisoi-demo"  # noqa: S105 - the documented demo login, demo only

ORGANIZATIONS = [
    {
        "slug": "demo-center",
        "name": "みなと市ひきこもり地域支援センター（デモ）",
        "kind": OrganizationKind.REGIONAL_CENTER,
        "prefecture": "04",
        "municipality": "みなと市",
    },
    {
        "slug": "demo-npo",
        "name": "NPO法人ひだまりの会（デモ）",
        "kind": OrganizationKind.PARTNER,
        "prefecture": "04",
        "municipality": "あおば町",
    },
]

STAFF = [
    ("caseworker", "相談 花子", "そうだん はなこ", "demo-center", Role.CASEWORKER, "相談員"),
    ("supervisor", "見守 健", "みまもり けん", "demo-center", Role.SUPERVISOR, "センター長"),
    ("clerk", "記録 和美", "きろく かずみ", "demo-center", Role.CLERK, "事務"),
    ("supporter", "寄添 翔", "よりそい しょう", "demo-center", Role.SUPPORTER, "ピアサポーター"),
    ("sysadmin", "管理 誠", "かんり まこと", "demo-center", Role.SYSADMIN, "情報担当"),
    ("other-caseworker", "日溜 彩", "ひだまり あや", "demo-npo", Role.CASEWORKER, "相談員"),
]


def demo_password() -> str:
    return os.environ.get("YORISOI_DEMO_PASSWORD") or DEFAULT_PASSWORD


@transaction.atomic
def load() -> dict[str, Organization]:
    """Create the demo organizations and logins, or bring them back to their demo state."""
    organizations = {}
    for spec in ORGANIZATIONS:
        org = Organization.objects.filter(slug=spec["slug"]).first()
        if org is None:
            org = create_organization(**spec, require_two_factor=False)
        organizations[org.slug] = org
    password = demo_password()
    for username, name, kana, org_slug, role, title in STAFF:
        user, created = User.objects.get_or_create(
            username=username,
            # Reserved example domain: the demo's reminder e-mails go nowhere real.
            defaults={
                "full_name": name,
                "full_name_kana": kana,
                "email": f"{username}@demo.example",
            },
        )
        if created or not user.check_password(password):
            user.set_password(password)
            user.save()
        if not Membership.objects.filter(user=user, organization=organizations[org_slug]).exists():
            enroll_staff(
                organization=organizations[org_slug],
                username=username,
                full_name=name,
                full_name_kana=kana,
                role=role,
                title=title,
            )
    return organizations
