"""The CLI's SIGTERM handling: an unwinding exit while a command runs, the caller's handler after."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from newswire import cli


def test_sigterm_unwinds_a_running_command_and_the_callers_handler_comes_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A SIGTERM during a command raises Terminated (exit 143) where the command is, so its `finally`
    and ExitStack clean-up run; once main() returns, the handler in place before is restored."""
    base = tmp_path / "base.jsonl"
    base.write_text("")
    cleaned_up = []

    def diff_then_terminated(args: object, settings: object) -> int:
        try:
            os.kill(os.getpid(), signal.SIGTERM)  # delivered here, in the main thread
            raise AssertionError("SIGTERM did not interrupt the command")
        finally:
            cleaned_up.append(True)

    def callers_handler(signum: int, frame: object) -> None:  # what SIGTERM did before main() ran
        pass

    monkeypatch.setattr(cli, "cmd_diff", diff_then_terminated)
    previous = signal.signal(signal.SIGTERM, callers_handler)
    try:
        with pytest.raises(cli.Terminated) as stopped:
            cli.main(["diff", str(base), str(base)])
        assert stopped.value.code == 143 and cleaned_up == [True]
        assert signal.getsignal(signal.SIGTERM) is callers_handler
    finally:
        signal.signal(signal.SIGTERM, previous)
