"""The ledgers an organization can import: each app registers its own at start-up.

The page and ``yorisoi import`` list what is registered, so this app never imports the apps
whose ledgers it reads.
"""

import inspect
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Ledger:
    key: str  # e.g. "cases"; the command's first argument
    label: object  # lazy translation
    model: str  # "app_label.ModelName" the ledger brings in (named in the audit log)
    # (organization, actor[, staff_name=…]) -> the keyword arguments of ``run_import``
    importer: Callable
    order: int = 50

    @property
    def takes_staff(self) -> bool:
        """Does this ledger accept a staff member for rows that name none (``--staff``)?"""
        return "staff_name" in inspect.signature(self.importer).parameters

    def arguments(self, organization, actor, *, staff_name: str = "") -> dict:
        """The keyword arguments of ``run_import`` for this ledger of this organization."""
        if self.takes_staff:
            return self.importer(organization, actor, staff_name=staff_name)
        return self.importer(organization, actor)


_ledgers: dict[str, Ledger] = {}


def register(ledger: Ledger) -> None:
    _ledgers[ledger.key] = ledger


def ledgers() -> list[Ledger]:
    return sorted(_ledgers.values(), key=lambda ledger: ledger.order)


def ledger(key: str) -> Ledger:
    return _ledgers[key]
