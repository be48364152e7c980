"""`python -m rasa_speedups run …`: Rasa's own command line, with the action-reply validation built once.

tools/servers.py starts Rasa this way; a plain `rasa run` works too, only ~5 ms slower per action call.
"""
from rasa.__main__ import main

from .action_validation import install

install()
main()
