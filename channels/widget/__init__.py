"""Web chat widget: one <script> tag on any page (see docs/widget.md)."""
from channels.widget.channel import WidgetChannel

__all__ = ["WidgetChannel"]
