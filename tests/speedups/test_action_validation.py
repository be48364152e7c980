"""Action-server replies: the validator built once accepts and rejects exactly what Rasa's own check does."""
import subprocess
import sys

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from rasa_speedups import action_validation
from tools import ROOT

RASA_CHECK = RemoteAction._validate_action_result  # before any install()
assert RASA_CHECK.__module__ == "rasa.core.actions.action"
VALID = {"events": [{"event": "slot", "timestamp": None, "name": "article", "value": "6"}],
         "responses": [{"text": "每月15至20列", "buttons": [{"title": "你能做什么", "payload": "/ask_capabilities"}]}]}
INVALID = [
    {"events": [{"event": "slot", "name": "article"}]},  # a slot event without its value
    {"events": [{"event": "no_such_event"}]},
    {"events": "not a list"},
    {"responses": ["text outside an object"]},
]


def message_of(check, result) -> str | None:
    try:
        assert check(RemoteAction("action_answer", None), result) is True
    except ValidationError as error:
        return error.message
    return None


def test_accepts_a_valid_reply():
    assert message_of(action_validation.validate_action_result, VALID) is None
    assert message_of(RASA_CHECK, VALID) is None


@pytest.mark.parametrize("result", INVALID)
def test_rejects_what_rasa_rejects_with_the_same_message(result):
    ours = message_of(action_validation.validate_action_result, result)
    assert ours is not None and ours == message_of(RASA_CHECK, result)
    assert "Failed to validate Action server response" in ours


@pytest.mark.slow
def test_launcher_installs_it_and_runs_rasa():
    code = ("import sys; sys.argv = ['rasa', '--version']; import runpy\n"
            "try: runpy.run_module('rasa_speedups', run_name='__main__')\n"
            "except SystemExit: pass\n"
            "from rasa.core.actions.action import RemoteAction\n"
            "from rasa_speedups.action_validation import validate_action_result\n"
            "print('installed', RemoteAction._validate_action_result is validate_action_result)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert "Rasa Version      :         3.6.21" in done.stdout
    assert "installed True" in done.stdout
