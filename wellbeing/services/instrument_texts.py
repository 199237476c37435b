"""The shipped questionnaires (``resources/instruments/*.json``), loaded once and validated.

``core.instruments`` holds the definitions and scoring; this module only finds
the files through ``wellbeing.resources`` (so it works from a wheel as from a
checkout) and turns a wrong key into a message the user can act on.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from types import MappingProxyType

from wellbeing import resources
from wellbeing.core.i18n import translate
from wellbeing.core.instruments import WEEKLY_KEYS, Instrument, instrument_from_data
from wellbeing.errors import UsageError


@functools.cache
def load_instruments() -> Mapping[str, Instrument]:
    """Every weekly questionnaire by key, in the order they are offered."""
    loaded: dict[str, Instrument] = {}
    for key in WEEKLY_KEYS:
        data = json.loads(resources.read_text(f"instruments/{key}.json"))
        instrument = instrument_from_data(data)
        if instrument.key != key:
            raise ValueError(f"instruments/{key}.json declares the key {instrument.key!r}")
        loaded[key] = instrument
    return MappingProxyType(loaded)


def instrument(key: str) -> Instrument:
    """The questionnaire called ``key``.

    Raises:
        UsageError: no such questionnaire (the message names the valid keys).
    """
    found = load_instruments().get(key.strip().lower())
    if found is None:
        raise UsageError(
            translate("Experiment", "There is no questionnaire called {key}.").format(
                key=repr(key)),
            hint=translate("Experiment", "Use one of: {keys}.").format(
                keys=", ".join(WEEKLY_KEYS)),
        )
    return found
