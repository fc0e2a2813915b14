"""The demo with protocol debug logging on: every OCPP frame, tagged ([OCPP-CALL-SEND]...), goes to
the console and to ocpp_protocol_debug.log.

    python demo_protocol_debug.py [--port 9000] [--api-port 8080]
"""

import sys

from _entry import cli_main

if __name__ == "__main__":
    args = ["demo", "--protocol-debug", "--log-file", "ocpp_protocol_debug.log", *sys.argv[1:]]
    code = cli_main()(args)
    if code == 0:
        print("\nEvery frame above is also in ocpp_protocol_debug.log")
    sys.exit(code)
