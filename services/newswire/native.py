"""Which pure modules are compiled to C at install, and whether this process runs them compiled.

The extractor's and cleaner's rules are plain typed Python. `setup.py` compiles the modules listed
here with mypyc (the compiler mypy ships, made for typed Python) when the package is installed, so
the same source runs about 1.3x faster in the extractor (see README, Performance). The .py files stay
the source of truth: installed with NEWSWIRE_COMPILE=0 they run interpreted, with the same results
(tests/unit/test_native.py compares the two). A compiled module left older than its source would
shadow the edit, so `stale()` reports it in a source checkout and workers log it at start.

This file is read by setup.py before the package is installed: standard library imports only.
"""

from __future__ import annotations

import importlib
import importlib.machinery
from pathlib import Path

# Pure modules only: no Faust, no I/O, no monkeypatching expected. The stories modules are left
# interpreted: compiled, the stage behind its boundary ran 7% faster (1,367-1,422 -> 1,480-1,510
# articles per CPU s), too little to give up patchable internals in its stateful index.
COMPILED: tuple[str, ...] = (
    "newswire.extractor.checkworthiness",
    "newswire.extractor.entities",
    "newswire.extractor.extract",
    "newswire.extractor.gazetteer",
    "newswire.extractor.genders",
    "newswire.extractor.hedges",
    "newswire.extractor.locales",
    "newswire.extractor.numbers",
    "newswire.extractor.qlang",
    "newswire.extractor.quantities",
    "newswire.extractor.screen",
    "newswire.extractor.sentences",
    "newswire.extractor.speakers",
    "newswire.extractor.speakers_de",
    "newswire.extractor.units",
    "newswire.cleaner.clean",
    "newswire.cleaner.dom",
    "newswire.cleaner.extract",
    "newswire.cleaner.features",
    "newswire.cleaner.lexicon",
    "newswire.cleaner.lines",
    "newswire.cleaner.meta",
    "newswire.cleaner.region",
    "newswire.cleaner.spam",
)

# Set to "0" when installing to skip compilation. A build-time switch, read by setup.py and by the
# tests (to know whether compiled modules are expected), not a runtime setting (core/settings.py).
COMPILE_ENV = "NEWSWIRE_COMPILE"


def _is_extension(path: str | None) -> bool:
    return path is not None and path.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def _listed(prefix: str) -> list[str]:
    return [name for name in COMPILED if name.startswith(prefix)]


def loaded(prefix: str = "newswire.") -> dict[str, bool]:
    """For each module in COMPILED under `prefix`: True when this process imports it from a C extension."""
    return {name: _is_extension(importlib.import_module(name).__file__) for name in _listed(prefix)}


def _in_checkout() -> bool:
    """Whether this package is a source checkout (an editable install), where an edit can leave an
    extension behind its source; an installed wheel's files all carry the install's time."""
    return (Path(__file__).resolve().parents[2] / "setup.py").exists()


def stale(prefix: str = "newswire.") -> list[str]:
    """Compiled modules whose .py source is newer than the extension in use: an edit they hide."""
    if not _in_checkout():
        return []
    out = []
    for name in _listed(prefix):
        path = importlib.import_module(name).__file__
        if path is None or not _is_extension(path):
            continue
        ext = Path(path)
        source = ext.with_name(ext.name.split(".", 1)[0] + ".py")
        if source.exists() and source.stat().st_mtime > ext.stat().st_mtime:
            out.append(name)
    return out


def summary(prefix: str = "newswire.") -> str:
    """One line for logs and reports: how many of the modules listed under `prefix` run compiled."""
    state = loaded(prefix)
    line = f"{sum(state.values())}/{len(state)} compiled modules loaded"
    old = stale(prefix)
    return line + (f"; older than their source: {', '.join(old)}" if old else "")
