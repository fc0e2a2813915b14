"""Serving the REST API with uvicorn inside the caller's event loop (the CSMS's loop): the
shared ``ocppkit.http.ApiServer``."""

from ocppkit.http import ApiServer

__all__ = ["ApiServer"]
