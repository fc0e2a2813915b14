"""Run ocppkit's parts from a checkout: ``python run_all.py COMMAND [options]``, the same
commands as ``ocppkit`` (``--help`` lists them, ``COMMAND --help`` tells each one's options).

python run_all.py server                 # the CSMS on :9000, its REST API and dashboard on :8080
python run_all.py charger --count 3      # three simulated chargers against ws://localhost:9000
python run_all.py all --count 3          # both in one process
python run_all.py fleet --count 100      # a fleet of stations from a scenario, with a report
python run_all.py demo                   # the six-step end-to-end demo
"""

import sys

from _entry import cli_main

if __name__ == "__main__":
    sys.exit(cli_main()(sys.argv[1:], "python run_all.py"))
