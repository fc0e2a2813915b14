"""The REST API served with the CSMS."""

from ocppkit.api.app import create_app
from ocppkit.api.server import ApiServer

__all__ = ["ApiServer", "create_app"]
