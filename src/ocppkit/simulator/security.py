"""Client-side security profiles of the simulated station (OCPP 2.0.1 part 2, A00).

profile 1  ws://  + HTTP Basic auth (username = station identity, password)
profile 2  wss:// + HTTP Basic auth, the CSMS's certificate checked against a CA
profile 3  wss:// + a client certificate (TLS mutual authentication)
"""

from __future__ import annotations

import ssl

from websockets.headers import build_authorization_basic


def basic_auth_headers(identity: str, password: str | None) -> dict[str, str] | None:
    """The ``Authorization`` header of security profiles 1 and 2; None without a password."""
    if password is None:
        return None
    return {"Authorization": build_authorization_basic(identity, password)}


def tls_argument(url: str, context: ssl.SSLContext | None) -> ssl.SSLContext | bool | None:
    """What websockets' ``connect(ssl=...)`` takes for ``url``: the context (or True: the
    system's defaults) for ``wss://``, None for ``ws://``."""
    if not url.startswith("wss://"):
        return None
    return context if context is not None else True


def client_ssl_context(
    ca_file: str | None = None, cert_file: str | None = None, key_file: str | None = None
) -> ssl.SSLContext:
    """A TLS client context: the CSMS is checked against ``ca_file`` (the system's CAs when
    None); ``cert_file``/``key_file`` are the station's certificate and key (profile 3).

    Raises:
        OSError: a file cannot be read.
        ssl.SSLError: a file is not a valid certificate or key.
        ValueError: a key without a certificate.
    """
    if key_file is not None and cert_file is None:
        raise ValueError("a client key (--key-file) needs its certificate (--cert-file)")
    context = ssl.create_default_context(cafile=ca_file)
    if cert_file is not None:
        context.load_cert_chain(cert_file, key_file)
    return context
