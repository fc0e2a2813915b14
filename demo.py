"""The seed's demo: three chargers, a remote-started transaction, energy, stop. Exits 0 on success.

python demo.py [--port 9000] [--api-port 8080]
"""

import sys

from _entry import cli_main

if __name__ == "__main__":
    sys.exit(cli_main()(["demo", *sys.argv[1:]]))
