"""The operations page (/admin) for the office that runs the bot: what people ask, what went unanswered, what they
thought of the answers, with charts, behind a login (docs/operations.md). The channel is `admin.channel.AdminChannel`;
this package imports nothing itself, so its worker process (admin/worker.py) loads kb/ and admin/ without Rasa."""
