"""Shared test helpers: where ../shared is, and skipping when it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is not there (a user's clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not present: {path}")
    return path


def pytest_collection_modifyitems(config, items):
    if SHARED.exists():
        return
    skip = pytest.mark.skip(reason=f"shared data not present at {SHARED}")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)
