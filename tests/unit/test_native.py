"""The modules mypyc compiles (newswire/native.py): compiled in this install, not older than their
sources, and giving exactly what the interpreted sources give on the benchmark corpus."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from newswire import native
from newswire.bench import corpus

PACKAGE = Path(native.__file__).resolve().parent

# Cleans and extracts every article of a JSON-lines file, printing one line of outputs each; the
# first line says how many of native.COMPILED ran compiled.
_RUN = r"""
import sys, orjson
from newswire import native
from newswire.cleaner.clean import clean_article
from newswire.core.records import RawArticle, from_dict, to_dict
from newswire.extractor.extract import extract
out = sys.stdout.buffer
out.write(orjson.dumps(sum(native.loaded().values())) + b"\n")
for line in open(sys.argv[1], "rb"):
    clean = clean_article(from_dict(RawArticle, orjson.loads(line)))
    out.write(orjson.dumps([to_dict(clean), to_dict(extract(clean))], option=orjson.OPT_SORT_KEYS) + b"\n")
"""

needs_compiled = pytest.mark.skipif(os.environ.get(native.COMPILE_ENV, "1") == "0",
                                    reason=f"installed interpreted ({native.COMPILE_ENV}=0)")


@needs_compiled
def test_every_listed_module_runs_compiled() -> None:
    assert native.loaded() == dict.fromkeys(native.COMPILED, True), native.summary()


def test_no_compiled_module_is_older_than_its_source() -> None:
    assert native.stale() == [], "reinstall (make setup) so the edits are compiled"


def test_compiled_modules_are_pure() -> None:
    """Compiled code cannot be patched and holds no I/O: only the cleaner's and extractor's rules."""
    for name in native.COMPILED:
        assert name.startswith(("newswire.extractor.", "newswire.cleaner.")), name
        assert not name.endswith((".app", ".evaluate", ".train")), name


def _outputs(articles: Path, pythonpath: Path | None) -> tuple[int, list[bytes]]:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(pythonpath), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, "-c", _RUN, str(articles)], env=env, capture_output=True, timeout=300,
                          check=True)
    first, *lines = done.stdout.splitlines()
    return orjson.loads(first), lines


@needs_compiled
def test_compiled_and_interpreted_modules_give_the_same_outputs(tmp_path: Path) -> None:
    sources = corpus.load_sources()
    articles = tmp_path / "articles.jsonl"
    with articles.open("wb") as f:
        for kind in ("text", "html"):
            for raw in corpus.replicate(sources[kind], len(sources[kind]), kind):
                f.write(orjson.dumps(raw) + b"\n")
    # The interpreted run imports a copy of the package without its extensions.
    shutil.copytree(PACKAGE, tmp_path / "interpreted" / "newswire",
                    ignore=shutil.ignore_patterns("*.so", "__pycache__"))
    compiled_count, compiled = _outputs(articles, None)
    interpreted_count, interpreted = _outputs(articles, tmp_path / "interpreted")
    assert (compiled_count, interpreted_count) == (len(native.COMPILED), 0)
    assert len(compiled) == len(sources["text"]) + len(sources["html"]) > 500
    differ = [i for i, (a, b) in enumerate(zip(compiled, interpreted, strict=True)) if a != b]
    assert not differ, f"{len(differ)} articles differ, the first at line {differ[0]}"
