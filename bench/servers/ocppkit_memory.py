"""``ocppkit server`` kept in memory: the real CLI (its argument parsing, logging, REST API and
CSMS) with one change, the database URL replaced by None (``ServerOptions.database_url``: "None:
in memory only"). The runner uses it while the CLI itself has no in-memory option.

    python bench/servers/ocppkit_memory.py --host 127.0.0.1 --port 9000 --api-port 8080
"""

from __future__ import annotations

import dataclasses
import sys

from ocppkit import cli


def main() -> int:
    parse = cli._server_options

    def in_memory(args):  # type: ignore[no-untyped-def]
        return dataclasses.replace(parse(args), database_url=None)

    cli._server_options = in_memory
    return cli.main(["server", *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
