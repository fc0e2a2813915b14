"""``python -m ocppkit``: the ``ocppkit`` command (``ocppkit.cli``)."""

import sys

from ocppkit.cli import main

if __name__ == "__main__":
    sys.exit(main())
