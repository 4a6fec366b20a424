"""Kafka connection settings (bootstrap, SASL, TLS) for aiokafka clients and Faust apps."""

from __future__ import annotations

import ssl
from typing import Any, TypeVar

from newswire.core.errors import ConfigError
from newswire.core.settings import Settings


def bootstrap(settings: Settings) -> str:
    """The bootstrap servers, or a clear error when none is configured."""
    if not settings.kafka_bootstrap:
        raise ConfigError("NEWSWIRE_KAFKA_BOOTSTRAP is not set (host:port[,host:port])")
    return settings.kafka_bootstrap


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """A TLS context when the protocol needs one (CA file optional)."""
    if "SSL" not in settings.security_protocol:
        return None
    try:
        return ssl.create_default_context(cafile=settings.ssl_cafile or None)
    except FileNotFoundError:  # a traceback from deep inside the client before; checked here, not at start,
        # so manifests can be validated on a machine without the cluster's CA mounted
        raise ConfigError(f"NEWSWIRE_SSL_CAFILE {settings.ssl_cafile!r} is no file") from None


def client_kwargs(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for aiokafka producers, consumers and admin clients."""
    kwargs: dict[str, Any] = {
        "bootstrap_servers": bootstrap(settings),
        "security_protocol": settings.security_protocol,
    }
    context = ssl_context(settings)
    if context is not None:
        kwargs["ssl_context"] = context
    if settings.security_protocol.startswith("SASL"):
        kwargs.update(sasl_mechanism=settings.sasl_mechanism, sasl_plain_username=settings.sasl_username,
                      sasl_plain_password=settings.sasl_password)
    return kwargs


def faust_credentials(settings: Settings) -> Any:
    """Faust's credentials object for the configured security protocol (None for PLAINTEXT)."""
    import faust

    if settings.security_protocol == "PLAINTEXT":
        return None
    if settings.security_protocol == "SSL":
        return faust.SSLCredentials(ssl_context(settings))
    return faust.SASLCredentials(
        username=settings.sasl_username, password=settings.sasl_password,
        mechanism=settings.sasl_mechanism, ssl_context=ssl_context(settings),
    )


def faust_broker_url(settings: Settings) -> str:
    """`kafka://h1:p1;h2:p2` as Faust expects it."""
    return ";".join(f"kafka://{h.strip()}" for h in bootstrap(settings).split(",") if h.strip())


Client = TypeVar("Client")


async def started(client: Client) -> Client:
    """Start an aiokafka client; if it cannot (no broker), close it before raising: left open, it warned
    "Unclosed AIOKafkaConsumer" under the command's own error message."""
    try:
        await client.start()  # type: ignore[attr-defined]
    except BaseException:
        close = getattr(client, "stop", None) or client.close  # type: ignore[attr-defined]  # the admin client closes
        await close()
        raise
    return client
