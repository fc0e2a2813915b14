"""Shared test configuration: every test runs on 127.0.0.1 with ephemeral ports."""

import logging

import pytest


@pytest.fixture(autouse=True)
def _quiet_protocol_debug():
    """Leave protocol debug off unless a test turns it on, and restore logging afterwards."""
    base = logging.getLogger("ocppkit")
    proto = logging.getLogger("ocppkit.protocol_debug")
    saved = (base.level, list(base.handlers), base.propagate, proto.level)
    yield
    base.setLevel(saved[0])
    base.handlers[:] = saved[1]
    base.propagate = saved[2]
    proto.setLevel(saved[3])
