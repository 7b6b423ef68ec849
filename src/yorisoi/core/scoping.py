"""The one scoping layer: which records of a tenant-owned model a member may see or change.

Every view, API endpoint, export and report reaches tenant-owned rows through
``Model.objects.for_member(member, action)``. A member is the active Membership (a user
acting in one organization with one role); there is no other way in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, Self, TypeAlias, TypeVar, cast

from django.db import models

from yorisoi.core.roles import Action, Role


class Member(Protocol):
    """What scoping needs of a member: the organizations app's Membership satisfies it.

    The scoping layer sits below that app and knows only this shape, never its models.
    """

    # Read-only, so a model's fields and a property (CommandActor's) both satisfy it.
    @property
    def pk(self) -> int | None: ...
    @property
    def organization_id(self) -> int: ...
    @property
    def role(self) -> str: ...
    @property
    def is_active(self) -> bool: ...


class Scoped(Protocol):
    """What scoping needs of a model: its access policy and the path to its organization."""

    access_policy: AccessPolicy
    organization_lookup: str


_M = TypeVar("_M", bound=models.Model)

# narrow(queryset, member, action) -> the queryset, filtered further.
Narrowing: TypeAlias = "Callable[[TenantQuerySet[Any], Member, str], TenantQuerySet[Any]]"


@dataclass(frozen=True)
class AccessPolicy:
    """Which roles may take which action on a model, and any narrowing within the organization.

    ``narrow`` receives the organization-scoped queryset and may filter it further
    (for example to a caseworker's assigned cases).
    """

    view: Iterable[Role] = frozenset()
    add: Iterable[Role] = frozenset()
    change: Iterable[Role] = frozenset()
    delete: Iterable[Role] = frozenset()
    narrow: Narrowing | None = field(default=None, compare=False)

    def allows(self, member: Member | None, action: str) -> bool:
        """May this member take this action on the model at all?"""
        if member is None or not member.is_active:
            return False
        return member.role in frozenset(getattr(self, Action(action).value))


def scoped(model: type[models.Model]) -> type[Scoped]:
    """The model as scoping sees it: every model managed by a TenantQuerySet is Scoped."""
    return cast("type[Scoped]", model)


class TenantQuerySet(models.QuerySet[_M]):
    """QuerySet of a tenant-owned model; ``for_member`` is its only door for user requests."""

    def for_member(self, member: Member | None, action: str = Action.VIEW) -> Self:
        """The rows this member may take ``action`` on: their organization's, narrowed by role."""
        model = scoped(self.model)
        policy = model.access_policy
        if member is None or not policy.allows(member, action):
            return self.none()
        queryset = self.filter(**{model.organization_lookup: member.organization_id})
        if policy.narrow is not None:
            queryset = cast(Self, policy.narrow(queryset, member, action))
        return queryset

    def for_organization(self, organization: models.Model | int) -> Self:
        """All rows of one organization: for commands and services acting on its behalf."""
        return self.filter(
            **{scoped(self.model).organization_lookup: getattr(organization, "pk", organization)}
        )


def may(member: Member | None, model: type[Scoped], action: str) -> bool:
    """May the member take the action on this model at all (for showing links and buttons)?"""
    return model.access_policy.allows(member, action)
