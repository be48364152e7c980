"""Rasa NLU components of our own (registered with Rasa's DefaultV1Recipe, named in config.yml)."""
