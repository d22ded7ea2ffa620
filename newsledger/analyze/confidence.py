"""A calibrated confidence for every claim (placeholder until calibrated)."""
from __future__ import annotations

DEFAULT_MIN_CONFIDENCE = 0.0
