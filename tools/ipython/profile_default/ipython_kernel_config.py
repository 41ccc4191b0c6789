# Kernel settings for the course's runner and tests (they set IPYTHONDIR to tools/ipython).
# TensorFlow's C++ runtime writes log lines (CUDA probes, timestamps) straight to the
# process's stderr. They differ between machines and are not part of any lesson, so the
# stored outputs leave them out: only what Python code prints is captured.
c = get_config()  # noqa: F821
c.IPKernelApp.capture_fd_output = False
# Keep no command history: this profile lives in the repository.
c.HistoryManager.enabled = False
