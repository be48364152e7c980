"""`python -m rasa_speedups run …`: Rasa's own command line, with the action-reply validation built once and
honest failures (`failures`: also installed by channels.health, so that a plain `rasa run` has them too).

tools/servers.py starts Rasa this way; a plain `rasa run` works too, only ~5 ms slower per action call.
"""
from rasa.__main__ import main

from . import action_validation, failures

action_validation.install()
failures.install()
main()
