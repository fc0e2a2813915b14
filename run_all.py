"""Run ocppkit's parts: ``python run_all.py server|charger|all [options]`` (``--help`` on each).

python run_all.py server                 # CSMS on :9000, REST API on :8080
python run_all.py charger --count 3      # three simulated chargers against ws://localhost:9000
python run_all.py all --count 3          # both in one process
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))  # run from a checkout

from ocppkit.cli import main

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ("server", "charger", "all", "-h", "--help"):
        print(
            "usage: python run_all.py server|charger|all [options]  (--help on each)",
            file=sys.stderr,
        )
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
