"""A stand-in for Colab's `google.colab` package, for tests/test_colab_stack.py only.

The course looks for "google.colab" in sys.modules to know it runs in Colab (the setup cell
installs the course's package then), and anywidget switches on Colab's custom widget manager
through `google.colab.output` when a widget such as the drawing pad is created. Like the real
package, importing this one imports `output`; the stand-in records the call.
"""

from google.colab import output

__all__ = ["output"]
