"""Hypothesis profiles for the fuzz tests, and the shared harness in ``fuzz/``.

``ci`` (the default) runs 200 examples per reader, derandomized so every run of the suite
tries the same inputs; ``HYPOTHESIS_PROFILE=long`` runs 10,000 per reader in-process (the
hang-catching long run is ``fuzz/run.py``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fuzz"))

_COMMON = dict(deadline=None, database=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.filter_too_much])
settings.register_profile("ci", max_examples=200, derandomize=True, **_COMMON)
settings.register_profile("long", max_examples=10_000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
