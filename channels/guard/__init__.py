"""Guards for the whole web server: bounded bodies, the CORS policy, `/intent` text (see channel.py)."""
from channels.guard.channel import RequestGuard

__all__ = ["RequestGuard"]
