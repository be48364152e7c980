"""The Rasa that rasa_speedups was checked against, and the parts of Rasa's internals it relies on.

Each module that overrides, replaces or calls a private part of Rasa lists those parts as `Hook`s and calls
`require(...)` when it is imported: on a Rasa outside `SUPPORTED_RASA`, or where a hook is gone, takes other
parameters or changed between sync and async, the module refuses to load (so does a server that names it), saying
what differs. The package checks the version alone when it is imported (`rasa_speedups/__init__.py`).

Upgrading Rasa: install the new version, widen `SUPPORTED_RASA`, run `pytest tests/speedups` (each speed-up
against Rasa's own behaviour) and fix what fails; change a hook's expected parameters only with the code that
calls it.
"""
from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass
from typing import Any

import rasa
from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

SUPPORTED_RASA = ">=3.6.21,<3.7"  # the versions tests/speedups passed on


class UnsupportedRasa(RuntimeError):
    """This Rasa is not the one rasa_speedups was checked against."""


@dataclass(frozen=True)
class Hook:
    """A Rasa function we override, replace or call: `module:Qualified.name`, its parameter names as
    `inspect.signature` gives them (a method looked up on its class has `self`, a classmethod has no `cls`), and
    whether it is a coroutine function."""

    path: str
    parameters: tuple[str, ...]
    coroutine: bool = False

    def problem(self) -> str | None:
        module_name, _, qualified_name = self.path.partition(":")
        try:
            target: Any = importlib.import_module(module_name)
            for name in qualified_name.split("."):
                target = getattr(target, name)
            found = tuple(inspect.signature(target).parameters)
        except (ImportError, AttributeError):
            return f"{self.path} is missing"
        except (TypeError, ValueError):
            return f"{self.path} is not a function"
        if found != self.parameters:
            return f"{self.path} takes ({', '.join(found)}), expected ({', '.join(self.parameters)})"
        if inspect.iscoroutinefunction(target) != self.coroutine:
            return f"{self.path} is {'not ' if self.coroutine else ''}a coroutine function"
        return None


def version_problem(version: str | None = None) -> str | None:
    """None when `version` (default: the installed Rasa's) is in `SUPPORTED_RASA`."""
    version = version or rasa.__version__
    try:
        supported = Version(version) in SpecifierSet(SUPPORTED_RASA)
    except InvalidVersion:
        supported = False
    return None if supported else f"Rasa {version} is outside the checked range {SUPPORTED_RASA}"


def require(*hooks: Hook) -> None:
    """Raises `UnsupportedRasa` naming every difference: the version first, then each hook."""
    problems = [problem for problem in (version_problem(), *(hook.problem() for hook in hooks)) if problem]
    if problems:
        raise UnsupportedRasa(f"rasa_speedups refuses to load: {'; '.join(problems)}. It was checked against "
                              f"Rasa {SUPPORTED_RASA}; to upgrade, widen rasa_speedups.compat.SUPPORTED_RASA and "
                              "run `pytest tests/speedups`.")
