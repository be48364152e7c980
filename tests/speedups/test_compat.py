"""The upgrade gate: rasa_speedups loads only on the Rasa it was checked against, with every Rasa internal it relies on
as it expects; a tracker store that cannot be imported stops the server instead of conversations living in memory."""
from __future__ import annotations

import subprocess
import sys
from types import ModuleType

import pytest
import rasa.core.tracker_store
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import EndpointConfig

from channels.guard import commands
from rasa_speedups import action_validation, diet, failures, lock_store, recent_turns, shared_sql, tracker_store
from rasa_speedups.compat import SUPPORTED_RASA, Hook, UnsupportedRasa, require, version_problem
from tools import ROOT
from tools.ports import free_port
from tools.servers import bot_environment

RASA_LOADER = rasa.core.tracker_store._load_from_module_name_in_endpoint_config  # before any install()
assert RASA_LOADER.__module__ == "rasa.core.tracker_store"
MODULES: list[ModuleType] = [action_validation, diet, failures, lock_store, recent_turns, shared_sql, tracker_store]
HOOKS = [hook for module in MODULES for hook in module.HOOKS] + [commands.PARSE_MESSAGE]
NO_SUCH_STORE = "rasa_speedups.no_such_module.Store"


def test_the_installed_rasa_is_in_the_checked_range():
    assert version_problem() is None
    assert SUPPORTED_RASA == ">=3.6.21,<3.7"


@pytest.mark.parametrize("version", ["3.7.0", "3.6.20", "4.0.0", "not a version"])
def test_a_version_outside_the_range_is_named_with_the_range(version):
    assert version_problem(version) == f"Rasa {version} is outside the checked range >=3.6.21,<3.7"


def test_every_hook_matches_the_installed_rasa():
    assert len(HOOKS) >= 20
    assert [hook.path for hook in HOOKS if hook.problem() is not None] == []


@pytest.mark.parametrize("hook", HOOKS, ids=[hook.path.split(":")[1] for hook in HOOKS])
def test_a_hook_with_another_signature_is_refused(hook, monkeypatch):
    module_name, _, qualified_name = hook.path.partition(":")
    owner = sys.modules[module_name]
    *owners, name = qualified_name.split(".")
    for part in owners:
        owner = getattr(owner, part)

    def changed(self, renamed):  # what an upgrade that renames a parameter looks like
        raise AssertionError("never called")

    monkeypatch.setattr(owner, name, changed)
    problem = hook.problem()
    assert problem is not None and problem.startswith(f"{hook.path} takes (self, renamed), expected (")


def test_a_missing_hook_and_a_sync_async_change_are_named():
    assert Hook("rasa.core.agent:Agent.no_such_method", ("self",)).problem() == \
        "rasa.core.agent:Agent.no_such_method is missing"
    assert Hook("rasa.no_such_module:f", ()).problem() == "rasa.no_such_module:f is missing"
    assert Hook("rasa.core.agent:Agent.handle_message", ("self", "message")).problem() == \
        "rasa.core.agent:Agent.handle_message is a coroutine function"


def test_require_names_every_problem_and_the_upgrade_procedure(monkeypatch):
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(UnsupportedRasa) as refused:
        require(Hook("rasa.core.agent:Agent.no_such_method", ("self",)))
    message = str(refused.value)
    assert "Rasa 3.7.0 is outside the checked range >=3.6.21,<3.7" in message
    assert "Agent.no_such_method is missing" in message
    assert "pytest tests/speedups" in message


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=bot_environment(), capture_output=True,
                          text=True, timeout=120)


def test_the_package_refuses_to_load_on_another_rasa():
    """The tracker store module as Rasa imports it (endpoints.yml), and the launcher (`python -m rasa_speedups`)."""
    for code in ("import rasa; rasa.__version__ = '3.7.0'; import rasa_speedups.recent_turns",
                 "import rasa, runpy, sys; rasa.__version__ = '3.7.0'; sys.argv = ['rasa', '--version']; "
                 "runpy.run_module('rasa_speedups', run_name='__main__')"):
        done = run_python(code)
        assert done.returncode != 0
        assert "UnsupportedRasa: rasa_speedups refuses to load: Rasa 3.7.0 is outside the checked range " \
               ">=3.6.21,<3.7" in done.stderr
        assert "Rasa Version" not in done.stdout


def test_rasa_keeps_conversations_in_memory_when_the_tracker_store_cannot_be_imported():
    with pytest.warns(UserWarning, match="Using `InMemoryTrackerStore` instead"):
        store = RASA_LOADER(Domain.empty(), EndpointConfig(type=NO_SUCH_STORE))
    assert isinstance(store, InMemoryTrackerStore)


def test_with_failures_installed_the_import_error_is_raised(tmp_path):
    with pytest.raises(failures.TrackerStoreNotLoaded, match="No module named 'rasa_speedups.no_such_module'"):
        failures.load_tracker_store_class(Domain.empty(), EndpointConfig(type=NO_SUCH_STORE))
    store = failures.load_tracker_store_class(Domain.empty(), EndpointConfig(
        type="rasa_speedups.recent_turns.RecentTurnsSQLTrackerStore", dialect="sqlite", db=str(tmp_path / "t.db")))
    assert isinstance(store, recent_turns.RecentTurnsSQLTrackerStore)


@pytest.mark.slow
def test_the_server_stops_when_its_tracker_store_cannot_be_imported(tmp_path):
    """`python -m rasa_speedups run` (what `make run` starts) exits with the reason; no model needed to get there."""
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: {NO_SUCH_STORE}\n  db: {tmp_path / 't.db'}\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "rasa_speedups", "run", "--model", str(tmp_path / "none.tar.gz"),
                           "--port", str(free_port()), "--endpoints", str(endpoints)],
                          cwd=ROOT, env=bot_environment(), capture_output=True, text=True, timeout=180)
    assert done.returncode != 0
    assert f"TrackerStoreNotLoaded: The tracker store '{NO_SUCH_STORE}' of the endpoints cannot be imported" \
           in done.stderr
    assert "Rasa server is up and running" not in done.stderr + done.stdout
