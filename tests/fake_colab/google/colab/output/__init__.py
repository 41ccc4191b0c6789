"""Stand-in for `google.colab.output`: the one function the course's widgets rely on."""

from ._widgets import CALLS, enable_custom_widget_manager

__all__ = ["CALLS", "enable_custom_widget_manager"]
