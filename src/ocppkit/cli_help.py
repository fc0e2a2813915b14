"""The descriptions ``ocppkit COMMAND --help`` shows (``ocppkit.cli``)."""

CONFIG_HELP = """Every server option may also be given in a TOML file (--config): its keys are
the long options with "_" for "-" (known_stations, lenient_stations and trusted_proxies as
lists, offline_grace as seconds or "off"); an option on the command line wins over the file. A
bad file exits with status 2."""


SERVER_HELP = f"""Run the CSMS: stations connect to ws://HOST:PORT/<station id> (OCPP 2.0.1,
default 0.0.0.0:9000; wss:// with --tls-cert/--tls-key); the REST API, its docs (/docs) and the
web dashboard (/) are on http://API-HOST:API-PORT (default 127.0.0.1:8080). The API asks for a
key (Authorization: Bearer) once any key exists, and refuses to listen beyond loopback without
one (`ocppkit api-keys create --role admin`). Security profiles, certificates, API keys and
limits: docs/security.md.
{CONFIG_HELP}
"""


CHARGER_HELP = """Run simulated OCPP 2.0.1 charging stations against a CSMS at --url: each one
boots, reports its connectors, sends heartbeats, answers the CSMS's commands and reconnects when
the link drops; with --charge each starts charging on EVSE 1. What happens is logged one line
each (boot, transactions and their energy, charging status, reconnects, shutdown).
"""


DEMO_HELP = """Run the six-step end-to-end demo in one process and exit 0 on success: a CSMS,
three chargers, a transaction started and stopped over the REST API, the energy it delivered.
"""


ALL_HELP = f"""Run the CSMS, its REST API and simulated chargers connected to it, in one
process (the chargers connect to ws://127.0.0.1:PORT). The server options are those of
`ocppkit server`, the charger options those of `ocppkit charger`.
{CONFIG_HELP}
"""


FLEET_HELP = """Run N simulated stations in one process against a CSMS. Stations connect spread over
--ramp-up seconds; EVs arrive, charge and leave as the scenario says; a live summary goes to
stderr and a final report to stdout (as JSON to --report, as an HTML page with plots to
--report-html); a run with no station online at the end exits 1. With --control-port, an HTTP
control API (OpenAPI at /docs) plugs and unplugs EVs, presents tokens and injects faults on any
station. The scenario file is TOML (YAML is not supported); see ocppkit.simulator.fleet.scenario
for its keys. A bad scenario file exits with status 2.
"""
