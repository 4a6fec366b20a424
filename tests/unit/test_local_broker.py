"""The local broker refuses a port it cannot have, before starting Tansu (no broker is started here)."""

from __future__ import annotations

import socket

import pytest

from newswire.cli import main as cli_main
from newswire.core.broker import LocalBroker, free_port_block
from newswire.core.errors import ConfigError


def test_a_port_something_listens_on_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """Whatever listened there answered for Tansu, which then exited: `newswire broker` printed the address
    of someone else's listener and exited 0."""
    port = free_port_block(1)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", port))
        listener.listen()
        with pytest.raises(ConfigError, match="in use"):
            LocalBroker(port=port).start()
        assert cli_main(["broker", "--port", str(port)]) == 2
    err = capsys.readouterr()
    assert "NEWSWIRE_KAFKA_BOOTSTRAP" not in err.out and f"port {port} is in use" in err.err


@pytest.mark.parametrize("port", [-5, 99_999])
def test_a_port_out_of_range_is_refused(port: int) -> None:
    with pytest.raises(ConfigError, match="not a TCP port"):
        LocalBroker(port=port).start()
