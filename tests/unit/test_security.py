"""Security of the pure layer: nothing in an article makes the service fetch anything, and
nothing in an article (or a rules file) is evaluated as code."""

from __future__ import annotations

import ast
import http.server
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest

from newswire.cleaner.clean import clean_article
from newswire.core.errors import ConfigError
from newswire.core.records import CleanArticle, RawArticle, to_dict
from newswire.extractor.extract import extract

PACKAGE = Path(__file__).resolve().parents[2] / "services" / "newswire"


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Answers every GET with a tiny page and records the path it was asked for."""

    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        type(self).hits.append(self.path)
        body = b"<html><body><p>FETCHED-CONTENT-9f1c</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET  # noqa: N815

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output quiet
        return


@pytest.fixture
def trap() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server on 127.0.0.1: (base url, paths requested so far)."""
    handler = cast("type[_Recorder]", type("Recorder", (_Recorder,), {"hits": []}))  # its own list of hits
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler.hits
    finally:
        server.shutdown()
        server.server_close()


def hostile_page(base: str) -> str:
    """A page whose every resource, entity and link points at the trap server."""
    return f"""<?xml version="1.0"?>
<!DOCTYPE html [
  <!ENTITY xxe SYSTEM "{base}/xxe-entity">
  <!ENTITY passwd SYSTEM "file:///etc/passwd">
  <!ENTITY % remote SYSTEM "{base}/xxe-parameter"> %remote;
]>
<html xmlns:xi="http://www.w3.org/2001/XInclude"><head>
<base href="{base}/base/">
<meta http-equiv="refresh" content="0; url={base}/refresh">
<link rel="stylesheet" href="{base}/style.css"><link rel="import" href="{base}/import.html">
<link rel="preload" href="{base}/preload.js" as="script"><link rel="icon" href="{base}/favicon.ico">
<script src="{base}/script.js"></script>
<style>@import url("{base}/imported.css"); body {{ background: url({base}/bg.png) }}</style>
<title>Harbour pilots strike over night shifts</title></head>
<body onload="fetch('{base}/onload')">
<article>
<h1>Harbour pilots strike over night shifts</h1>
<p>Harbour pilots in the port walked out on Monday, the union said, leaving 14 ships waiting
outside the breakwater. The strike is the first in eleven years, according to the port authority.</p>
<img src="{base}/photo.jpg" srcset="{base}/photo-2x.jpg 2x" alt="pilot boat">
<picture><source srcset="{base}/picture.webp"></picture>
<iframe src="{base}/iframe.html"></iframe><frame src="{base}/frame.html">
<object data="{base}/object.swf"></object><embed src="{base}/embed.swf">
<video poster="{base}/poster.jpg" src="{base}/video.mp4"></video><audio src="{base}/audio.mp3"></audio>
<svg><image href="{base}/svg-image.png"/><use href="{base}/sprite.svg#x"/></svg>
<xi:include href="{base}/xinclude.xml"/>
<p>Entities: &xxe; and &passwd;. The union published its demands at {base}/in-text-url and
said talks with the port authority would resume on Thursday, a spokesperson said.</p>
<form action="{base}/form"><input type="image" src="{base}/input.png"></form>
</article></body></html>"""


def process_raw(raw: RawArticle) -> tuple[CleanArticle, dict]:
    """The cleaner and extractor on one article, as the workers run them."""
    clean = clean_article(raw)
    return clean, to_dict(extract(clean))


def test_trap_server_counts_requests(trap: tuple[str, list[str]]) -> None:
    base, hits = trap
    with urllib.request.urlopen(base + "/control", timeout=5) as r:
        assert b"FETCHED-CONTENT" in r.read()
    assert hits == ["/control"], "the trap sees a real request, so silence below means something"


@pytest.mark.parametrize("kind", ["html", "text"])
def test_nothing_in_an_article_makes_the_service_fetch(kind: str, trap: tuple[str, list[str]]) -> None:
    base, hits = trap
    page = hostile_page(base)
    raw = RawArticle(url=f"{base}/article", source="Trap", **{kind: page})
    clean, extraction = process_raw(raw)
    serialized = repr(to_dict(clean)) + repr(extraction)
    assert hits == [], f"the service fetched {hits}"
    assert "FETCHED-CONTENT" not in serialized, "no fetched content reached the output"
    assert "root:x:0:0" not in serialized, "no external entity was expanded from a local file"
    if kind == "html":
        assert "14 ships" in clean.text, "the article itself still comes through"


def test_url_only_article_is_not_fetched(trap: tuple[str, list[str]]) -> None:
    base, hits = trap
    raw = RawArticle(url=f"{base}/only-url", source="Trap", text=f"See {base}/only-url for the story.")
    process_raw(raw)
    raw = RawArticle(url=f"{base}/no-body", source="Trap", html=f'<a href="{base}/link">read more</a>')
    process_raw(raw)
    assert hits == []


INJECTIONS = [
    "__import__('os').system('touch {mark}')",
    "eval(compile('open(\"{mark}\", \"w\")', 'x', 'exec'))",
    "{{{{ ''.__class__.__mro__[1].__subclasses__() }}}} {{{{ 7*7 }}}} ${{7*7}} #{{7*7}} <%= 7*7 %>",
    "!!python/object/apply:os.system ['touch {mark}']",
    "=cmd|' /C touch {mark}'!A0 and @SUM(1+1)*cmd|' /C calc'!A0",
    "$(touch {mark}) `touch {mark}` ; touch {mark} | touch {mark}",
    "%(asctime)s %(message)s {{0.__class__}} %s %n %x",
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_input_is_never_evaluated(payload: str, tmp_path: Path) -> None:
    mark = tmp_path / "pwned"
    text = ("The council approved the plan on Tuesday, the mayor said. "
            + payload.format(mark=mark) + " Officials said 12 people attended.")
    for kind in ("text", "html"):
        body = text if kind == "text" else f"<html><body><p>{text}</p></body></html>"
        clean, extraction = process_raw(RawArticle(url="https://x.example/inj", source="X", **{kind: body}))
        values = {q["value"] for q in extraction["quantities"]}
        assert 12 in values, "the article was processed"
        assert 49 not in values, "7*7 was computed"
    assert not mark.exists(), "a payload ran"


DANGEROUS_CALLS = {"eval", "exec", "compile", "__import__", "execfile", "input"}
DANGEROUS_ATTRS = {
    ("pickle", "load"), ("pickle", "loads"), ("marshal", "load"), ("marshal", "loads"),
    ("shelve", "open"), ("yaml", "load"), ("yaml", "unsafe_load"), ("yaml", "full_load"),
    ("yaml", "load_all"), ("joblib", "load"), ("dill", "loads"), ("cloudpickle", "loads"),
    ("os", "system"), ("os", "popen"), ("numpy", "load"), ("np", "load"),
}


def _calls(tree: ast.AST) -> Iterator[tuple[ast.Call, str]]:
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Name):
            yield node, f.id
        elif isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
            yield node, f"{f.value.id}.{f.attr}"


def findings(source: str, name: str = "<src>") -> list[str]:
    """Calls that evaluate code, unpickle, run a shell or load YAML unsafely."""
    found = []
    for call, fn in _calls(ast.parse(source, name)):
        where = f"{name}:{call.lineno} {fn}"
        if fn in DANGEROUS_CALLS or tuple(fn.split(".", 1)) in DANGEROUS_ATTRS:
            found.append(where)
        if any(k.arg == "shell" and not (isinstance(k.value, ast.Constant) and k.value.value is False)
               for k in call.keywords):
            found.append(where + " shell=")
    return found


def test_scanner_finds_what_it_looks_for() -> None:
    src = "eval(x)\nimport pickle\npickle.loads(b)\nyaml.load(t)\nsubprocess.run(c, shell=True)\nyaml.safe_load(t)\n"
    assert [f.split(" ", 1)[1] for f in findings(src)] == ["eval", "pickle.loads", "yaml.load", "subprocess.run shell="]


def test_no_code_evaluation_anywhere_in_the_package() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 20
    found = [f for path in files for f in findings(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE)))]
    assert found == [], f"code evaluation or shell use on possibly untrusted data: {found}"


def test_dynamic_imports_take_only_fixed_names() -> None:
    """The CLI imports a stage module by name: the name comes from argparse choices, not input."""
    from newswire.cli import build_parser

    parser = build_parser()
    with pytest.raises(SystemExit):
        parser.parse_args(["worker", "os"])


def test_rules_file_cannot_run_code(tmp_path: Path) -> None:
    from newswire.alerter.rules import load_rules

    mark = tmp_path / "pwned"
    rules = tmp_path / "rules.yaml"
    rules.write_text(f"rules: !!python/object/apply:os.system ['touch {mark}']\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_rules(rules)
    assert not mark.exists()
