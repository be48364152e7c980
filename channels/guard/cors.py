"""Which web pages may call the bot from a browser: the configured origins, never with credentials.

Rasa 3.6 always installs Sanic-CORS, with the origins of `rasa run --cors` and `Access-Control-Allow-Credentials:
true` (with `--cors "*"`, every page on the web could read answers with the visitor's credentials). The guard
replaces that rule with its own: Sanic-CORS keeps doing the header work (preflights, error responses), for the
origins of credentials.yml only. Replacing the rule touches Sanic-CORS's state, so the shape is checked first
and the bot refuses to start rather than run with Rasa's rule.
"""
from __future__ import annotations

import logging
import re
from typing import Any

from sanic import Sanic
from sanic_cors.core import get_cors_options

logger = logging.getLogger(__name__)

ANY_PATH = re.compile(r"/.*")


def policy(origins: tuple[str, ...]) -> dict[str, Any]:
    return dict(origins=list(origins), methods=["GET", "HEAD", "POST", "OPTIONS"], allow_headers=["Content-Type"],
                supports_credentials=False, send_wildcard=False, always_send=False, automatic_options=True,
                vary_header=True, max_age=600, expose_headers=None)


def install(app: Sanic, origins: tuple[str, ...]) -> None:
    context: Any = getattr(app.ctx, "sanic_cors", None)  # Sanic-CORS ships no types
    if not isinstance(getattr(context, "resources", None), list) or not isinstance(getattr(context, "options", None),
                                                                                   dict):
        raise RuntimeError("Sanic-CORS is not set up as Rasa 3.6 sets it up: the CORS policy cannot be enforced")
    if any(origin for _, options in context.resources for origin in options.get("origins") or ()):
        logger.warning("`rasa run --cors` is ignored: browsers may call the bot from the origins in credentials.yml "
                       "(channels.guard.RequestGuard: allowed_origins) or FUGONG_ALLOWED_ORIGINS only.")
    options = get_cors_options(app, policy(origins))  # the app's CORS_* config first, ours over it
    context.options, context.resources = options, [(ANY_PATH, options)]
