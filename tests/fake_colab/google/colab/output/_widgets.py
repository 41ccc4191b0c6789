"""Stand-in for Colab's custom widget manager switch, which anywidget calls and reads.

In Colab, `enable_custom_widget_manager()` makes the page load third-party widgets (such as the
drawing pad) through a widget manager at a URL, kept in `_installed_url` (anywidget reads it).
Here the call is only recorded: no browser loads anything in these tests.
"""

CALLS: list[str] = []
_installed_url: str | None = None
STAND_IN_URL = "https://colab.invalid/custom-widget-manager.js"  # not fetched: nothing runs in a browser here


def enable_custom_widget_manager() -> None:
    global _installed_url
    CALLS.append("enable_custom_widget_manager")
    _installed_url = STAND_IN_URL
