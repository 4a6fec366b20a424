"""The CLI's SIGTERM handling: an unwinding exit while a command runs, the caller's handler after."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
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


def test_sigterm_sent_as_the_follow_notice_is_read_is_a_clean_stop(tmp_path: Path) -> None:
    """A supervisor may send SIGTERM the moment it reads "following:". The signal then lands while print()
    is still writing the line, and must still end `run --follow` normally (CI saw exit 143 here)."""
    from newswire.runner import WorkerProcess, follow_workers

    class SignalledAsRead(io.StringIO):
        def write(self, text: str) -> int:
            n = super().write(text)
            if text.startswith("following:"):
                os.kill(os.getpid(), signal.SIGTERM)  # the reader saw the line; print() has not returned
            return n

    worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    previous = signal.signal(signal.SIGTERM, cli._terminate)
    try:
        out = SignalledAsRead()
        follow_workers([WorkerProcess("cleaner", worker, tmp_path / "cleaner.log")], out)
        assert out.getvalue().startswith("following:") and worker.poll() is None
    finally:
        signal.signal(signal.SIGTERM, previous)
        worker.kill()
        worker.wait()
