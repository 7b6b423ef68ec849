"""The ledgers an organization can import: each app registers its own at start-up.

The page and ``yorisoi import`` list what is registered, so this app never imports the apps
whose ledgers it reads.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Ledger:
    key: str  # e.g. "cases"; the command's first argument
    label: object  # lazy translation
    model: str  # "app_label.ModelName" the ledger brings in (named in the audit log)
    # (organization, actor) -> the keyword arguments of ``core.importing.run_import``
    importer: Callable
    order: int = 50


_ledgers: dict[str, Ledger] = {}


def register(ledger: Ledger) -> None:
    _ledgers[ledger.key] = ledger


def ledgers() -> list[Ledger]:
    return sorted(_ledgers.values(), key=lambda ledger: ledger.order)


def ledger(key: str) -> Ledger:
    return _ledgers[key]
