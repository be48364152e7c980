"""Checks shared by the channels' settings (credentials.yml or the environment)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

Number = TypeVar("Number", int, float)


def positive(name: str, raw: Any, kind: Callable[[Any], Number], error: type[Exception]) -> Number:
    """`raw` read as a positive `kind` (int or float), else `error` saying which setting is wrong."""
    try:
        number = kind(raw)
    except (TypeError, ValueError) as problem:
        what = "a whole number" if kind is int else "a number"
        raise error(f"{name} must be {what}, not {raw!r}") from problem
    if number <= 0:
        raise error(f"{name} must be positive")
    return number
