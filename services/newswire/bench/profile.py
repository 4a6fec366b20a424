"""Profile the hot paths with pyinstrument and rank functions by where the time goes.

Two views of one sampled call tree: own ("self") time per function anywhere, and time per
project function charged with everything below it that is not itself project code, so a
library's cost (jsonschema, lxml) shows up against the newswire function that called it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROJECT_MARK = "newswire/"
INTERVAL_SECONDS = 0.0005


def profile_call(fn: Callable[[], Any], top: int = 15) -> dict[str, list[dict[str, Any]]]:
    """Run fn under pyinstrument; return the top functions by own time and by project time."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=INTERVAL_SECONDS)
    profiler.start()
    try:
        fn()
    finally:
        profiler.stop()
    root = profiler.last_session.root_frame() if profiler.last_session else None
    if root is None:
        return {"self": [], "project": []}
    own: dict[tuple[str, str], float] = defaultdict(float)
    charged: dict[tuple[str, str], float] = defaultdict(float)
    _walk(root, own, charged, owner=None, parent=None)
    total = root.time or 1.0
    return {"self": _ranked(own, total, top), "project": _ranked(charged, total, top)}


def frame_key(function: str | None, file_path: str | None, line: int | None = None) -> tuple[str, str]:
    """(function, module path shortened to the package) for a frame."""
    path = file_path or "?"
    for mark in (PROJECT_MARK, "site-packages/"):
        if mark in path:
            path = (mark if mark == PROJECT_MARK else "") + path.split(mark, 1)[1]
            break
    return (function or "?", path)


def is_project(key: tuple[str, str]) -> bool:
    """True for frames of the newswire package, except the benchmark itself."""
    return key[1].startswith(PROJECT_MARK) and not key[1].startswith(PROJECT_MARK + "bench/")


def _walk(frame: Any, own: dict[tuple[str, str], float], charged: dict[tuple[str, str], float],
          owner: tuple[str, str] | None, parent: tuple[str, str] | None) -> None:
    # pyinstrument puts a frame's own time in a synthetic "[self]" child: charge it to the parent
    key = parent if frame.is_synthetic and parent is not None else frame_key(frame.function, frame.file_path)
    children = list(frame.children)
    self_time = max(0.0, frame.time - sum(c.time for c in children))
    own[key] += self_time
    if is_project(key):
        owner = key
    if owner is not None:
        charged[owner] += self_time
    for child in children:
        _walk(child, own, charged, owner, key)


def _ranked(times: dict[tuple[str, str], float], total: float, top: int) -> list[dict[str, Any]]:
    ordered = sorted(times.items(), key=lambda kv: kv[1], reverse=True)[:top]
    return [{"function": f, "module": m, "self_seconds": round(t, 3), "self_share": round(t / total, 3)}
            for (f, m), t in ordered]


THREAD = re.compile(r'^(?:"[^"]*"|\S+) \(0x[0-9a-fA-F]+\)$')
FRAME = re.compile(r"^(?P<function>.+?) \((?P<file>[^()]*?)(?::\d+)?\)$")


def spy_process(pid: int, seconds: float, rate: int = 200) -> dict[str, list[dict[str, Any]]] | None:
    """Sample a running worker with py-spy for `seconds`; None when py-spy is not installed."""
    exe = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(exe).exists():
        return None
    with tempfile.NamedTemporaryFile(suffix=".txt") as out:
        proc = subprocess.run([exe, "record", "--pid", str(pid), "--duration", str(max(1, int(seconds))),
                               "--rate", str(rate), "--format", "raw", "--nonblocking", "--threads", "-o", out.name],
                              capture_output=True, timeout=seconds + 30)
        if proc.returncode != 0:
            return {"error": [{"function": proc.stderr.decode(errors="replace")[-300:], "module": "",
                               "self_seconds": 0.0, "self_share": 0.0}]}
        return rank_collapsed(Path(out.name).read_text(), 1.0 / rate)


def rank_collapsed(text: str, sample_seconds: float, top: int = 15) -> dict[str, list[dict[str, Any]]]:
    """Rank py-spy's collapsed stacks (`f (file:line);g (file:line) count`) like `profile_call`;
    with `--threads` stacks (first frame `thread (0x..)`), a third view gives time per thread."""
    own: dict[tuple[str, str], float] = defaultdict(float)
    charged: dict[tuple[str, str], float] = defaultdict(float)
    threads: dict[tuple[str, str], float] = defaultdict(float)
    total = 0.0
    for line in text.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        t = int(count) * sample_seconds
        total += t
        frames = stack.split(";")
        if THREAD.match(frames[0]):
            threads[(frames[0].split(" ")[0].strip("\""), "thread")] += t
            frames = frames[1:] or frames
        keys = [_frame(f) for f in frames]
        own[keys[-1]] += t
        owner = next((k for k in reversed(keys) if is_project(k)), None)
        if owner is not None:
            charged[owner] += t
    total = total or 1.0
    ranked = {"self": _ranked(own, total, top), "project": _ranked(charged, total, top)}
    if threads:
        ranked["threads"] = _ranked(threads, total, top)
    return ranked


def _frame(text: str) -> tuple[str, str]:
    m = FRAME.match(text.strip())
    return frame_key(m.group("function"), m.group("file")) if m else (text.strip(), "?")
