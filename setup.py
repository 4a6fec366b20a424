"""Build hook: compiles the pure modules services/newswire/native.py lists to C extensions with mypyc.

Everything else about the package is in pyproject.toml. NEWSWIRE_COMPILE=0 installs it interpreted
and removes compiled modules an earlier editable install left beside the sources, which would
otherwise be imported instead of them.
"""

from __future__ import annotations

import os
import runpy
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
SOURCES = ROOT / "services"
native = runpy.run_path(str(SOURCES / "newswire" / "native.py"))
paths = [SOURCES / (name.replace(".", "/") + ".py") for name in native["COMPILED"]]


def ext_modules() -> list[object]:
    if os.environ.get(native["COMPILE_ENV"], "1") != "0":
        from mypyc.build import mypycify  # a build requirement (pyproject.toml), pinned with mypy

        return list(mypycify([str(p.relative_to(ROOT)) for p in paths], opt_level="3", group_name="newswire"))
    for p in paths:
        for built in p.parent.glob(p.stem + ".*.so"):
            built.unlink()
    for shared in SOURCES.glob("newswire__mypyc.*.so"):
        shared.unlink()
    return []


setup(ext_modules=ext_modules())
