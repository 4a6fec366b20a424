"""Commands given files they cannot use say which and why (exit 2), before doing any work."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from newswire.cli import main as cli_main
from newswire.runner import SAMPLES


@pytest.fixture(scope="module")
def enriched(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("process") / "base.jsonl"
    assert cli_main(["process", str(SAMPLES / "07_riverton_courier_budget.json"), "--out", str(out)]) == 0
    return out


@pytest.mark.parametrize(("content", "message"), [
    (None, "cannot read"),
    (b"{not json\n", "line 1: not JSON"),
    (b'["a list"]\n', "line 1: not a newswire.article.enriched/1 event"),
    (orjson.dumps({"schema": "newswire.article.raw/1", "payload": {}}) + b"\n", "not a newswire.article.enriched/1"),
])
def test_diff_names_a_file_it_cannot_use(enriched: Path, tmp_path: Path, content: bytes | None, message: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """FileNotFoundError, JSONDecodeError, AttributeError or KeyError tracebacks before."""
    shadow = tmp_path / "shadow.jsonl"
    if content is not None:
        shadow.write_bytes(content)
    assert cli_main(["diff", str(enriched), str(shadow)]) == 2
    assert message in capsys.readouterr().err
    assert cli_main(["diff", str(enriched), str(enriched)]) == 0  # the same file twice: no change


@pytest.mark.parametrize("flag", ["--out", "--alerts"])
def test_process_refuses_an_output_in_a_missing_directory_before_working(
        tmp_path: Path, flag: str, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing" / "x.jsonl"
    argv = ["process", str(SAMPLES), flag, str(target)]
    if flag != "--out":
        argv += ["--out", str(tmp_path / "ok.jsonl")]
    assert cli_main(argv) == 2
    err = capsys.readouterr().err
    assert "its directory does not exist" in err and "processed" not in err


@pytest.mark.parametrize("argv", [["tail", "raw", "--max", "-1"], ["tail", "raw", "--idle", "0"]])
def test_tail_refuses_limits_that_mean_something_else(argv: list[str]) -> None:
    """--max -1 printed one event; --idle 0 followed forever."""
    with pytest.raises(SystemExit) as stop:
        cli_main(argv)
    assert stop.value.code == 2
