"""The seed's demo: three chargers, a remote-started transaction, energy, stop. Exits 0 on success.

python demo.py [--port 9000] [--api-port 8080]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))  # run from a checkout

from ocppkit.cli import main

if __name__ == "__main__":
    sys.exit(main(["demo", *sys.argv[1:]]))
