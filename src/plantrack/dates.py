"""Dates as plantrack reads them."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    """Today's date; PLANTRACK_TODAY (ISO) fixes it for tests and reproducible reports."""
    fixed = os.environ.get("PLANTRACK_TODAY")
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            pass
    return dt.date.today()
