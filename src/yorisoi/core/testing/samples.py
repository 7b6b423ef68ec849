"""One sample record per tenant-owned model, for the tests every route and model must pass.

Each app's ``tests/factories.py`` marks a function with ``@sample_for(Model)`` that makes a
record in a given organization; the route tests use them to try other organizations' data.
"""

from collections.abc import Callable
from importlib import import_module

from django.apps import apps

_samples: dict[type, Callable] = {}


def sample_for(model):
    def register(function):
        _samples[model] = function
        return function

    return register


def samples() -> dict[type, Callable]:
    for config in apps.get_app_configs():
        if config.name.startswith("yorisoi."):
            try:
                import_module(f"{config.name}.tests.factories")
            except ModuleNotFoundError as missing:
                if missing.name != f"{config.name}.tests.factories":
                    raise
    return _samples


def make_sample(model, organization, marker: str):
    """A record of ``model`` in ``organization`` whose pages show ``marker``."""
    return samples()[model](organization, marker)
