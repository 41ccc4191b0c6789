# Kernel settings for the course's runner and tests (they set IPYTHONDIR to tools/ipython).
# They need nothing but the standard library, so they also apply in a kernel without the
# course's package (tests/test_colab_stack.py starts such kernels).
import os
import tempfile

# The variables of shared/training.py (CACHE_ENV) and shared/models.py (MODEL_CACHE_ENV);
# tests/test_nbtools.py checks that the names agree.
TRAINING_CACHE, MODEL_CACHE = "COURSE_TRAINING_CACHE", "COURSE_MODEL_CACHE"

# TensorFlow's C++ runtime writes log lines (CUDA probes, timestamps) straight to the
# process's stderr. They differ between machines and are not part of any lesson, so the
# stored outputs leave them out: only what Python code prints is captured.
c = get_config()  # noqa: F821
c.IPKernelApp.capture_fd_output = False
# Keep no command history: this profile lives in the repository.
c.HistoryManager.enabled = False
# Every notebook starts with an empty model folder (shared/models.py), so a lesson that saves
# its trained model (lesson 06) trains in every run instead of loading a model saved earlier.
# It goes inside the run's training cache, which the runner removes at the end.
if MODEL_CACHE not in os.environ:
    os.environ[MODEL_CACHE] = tempfile.mkdtemp(prefix="models-", dir=os.environ.get(TRAINING_CACHE) or None)
