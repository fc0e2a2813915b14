"""The device model on disk (``state_dir``): one JSON file per station, written atomically.

The file holds the writable attribute values (``DeviceModel.persistent_values``); it is written
after every change (a temporary file, then ``os.replace``, so a crash leaves the old or the new
file, never half of one) and read back when the station is built. Changes are rare (SetVariables,
a BootNotification's interval), so the small synchronous write stays off the hot path.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path

from ocppkit.simulator.device.model import DeviceModel
from ocppkit.simulator.device.variables import Key

log = logging.getLogger("ocppkit.simulator")
FORMAT = 1


class DeviceModelStore:
    """Keeps one station's device model in ``<state_dir>/<identity>.device-model.json``.

    Args:
        state_dir: the directory (created when missing).
        identity: the station identity (its file name).
    """

    def __init__(self, state_dir: str | Path, identity: str) -> None:
        self.directory = Path(state_dir)
        safe = "".join(ch if ch.isalnum() or ch in "-_.=+@" else "_" for ch in identity)
        self.path = self.directory / f"{safe}.device-model.json"

    def load_into(self, model: DeviceModel) -> int:
        """Restore the saved values into ``model``; returns how many were taken (0 when there
        is no file or it cannot be read)."""
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return 0
        except (OSError, ValueError) as exc:
            log.warning("cannot read %s: %r", self.path, exc)
            return 0
        values = document.get("variables") if isinstance(document, dict) else None
        if not isinstance(values, dict):
            return 0
        return model.restore(
            {
                str(label): {str(k): str(v) for k, v in attrs.items()}
                for label, attrs in values.items()
                if isinstance(attrs, dict)
            }
        )

    def save(self, model: DeviceModel) -> None:
        """Write the model's writable values atomically."""
        self.directory.mkdir(parents=True, exist_ok=True)
        document = {"format": FORMAT, "variables": model.persistent_values()}
        fd, temp = tempfile.mkstemp(dir=self.directory, prefix=self.path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(document, out, indent=1, sort_keys=True)
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def attach(self, model: DeviceModel) -> None:
        """Load the saved values into ``model``, then save after each of its changes."""
        self.load_into(model)

        def changed(key: Key) -> None:
            variable = model.find(key)
            if variable is not None and variable.writable:
                try:
                    self.save(model)
                except OSError as exc:
                    log.warning("cannot write %s: %r", self.path, exc)

        model.listen(changed)
