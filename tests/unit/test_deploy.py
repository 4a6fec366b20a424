"""Dockerfile and Docker Compose, checked offline (no Docker engine here): the Dockerfile's
stages, pins, user and the paths it copies; the compose file's services, their commands,
ports, settings and mounts; and that every command they run parses with the real CLI."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from newswire.core.settings import STAGES, Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
DOCKERFILE = DEPLOY / "Dockerfile"
COMPOSE = DEPLOY / "compose.yaml"

PINNED_TAG = re.compile(r"^[\w./-]+:v?\d+(\.\d+)+[\w.-]*$")
SETTING_VARS = {f"NEWSWIRE_{n.upper()}" for n in Settings.__dataclass_fields__}


# ---- Dockerfile ------------------------------------------------------------------------------

def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    out: list[tuple[str, str]] = []
    pending = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        pending += " " + stripped.rstrip("\\").strip() if pending else stripped.rstrip("\\").strip()
        if stripped.endswith("\\"):
            continue
        word, _, rest = pending.partition(" ")
        out.append((word.upper(), rest.strip()))
        pending = ""
    return out


def stages(text: str) -> list[list[tuple[str, str]]]:
    """The Dockerfile's build stages, each a list of instructions starting with FROM."""
    result: list[list[tuple[str, str]]] = []
    for ins in instructions(text):
        if ins[0] == "FROM":
            result.append([])
        if result:
            result[-1].append(ins)
    return result


def arg_defaults(text: str) -> dict[str, str]:
    """Global ARG defaults (before the first FROM)."""
    out = {}
    for word, rest in instructions(text):
        if word == "FROM":
            break
        if word == "ARG" and "=" in rest:
            k, v = rest.split("=", 1)
            out[k] = v
    return out


def copy_sources(args: str) -> list[str]:
    """Source paths of a COPY instruction (flags and destination dropped)."""
    parts = [p for p in shlex.split(args) if not p.startswith("--")]
    return parts[:-1]


def test_dockerfile_is_multi_stage_on_a_pinned_slim_python_311() -> None:
    text = DOCKERFILE.read_text()
    built = stages(text)
    assert len(built) >= 2
    base = arg_defaults(text)["PYTHON_IMAGE"]
    assert re.fullmatch(r"python:3\.11\.\d+-slim(-\w+)?", base), base
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert requires == ">=3.11"
    for stage in built:
        image = stage[0][1].split()[0]
        assert image == "${PYTHON_IMAGE}", image
    names = [s[0][1].split()[-1] for s in built]
    assert names == ["build", "runtime"]


def test_runtime_stage_copies_the_venv_runs_as_non_root_and_starts_newswire() -> None:
    text = DOCKERFILE.read_text()
    build, runtime = stages(text)
    # the project at the tests' versions of every dependency (the lock as constraints)
    assert any(w == "RUN" and re.search(r"\bpip install --constraint requirements\.lock \.(\s|$)", a)
               for w, a in build)
    assert ("COPY", "--from=build /opt/venv /opt/venv") in runtime
    assert not any(w == "RUN" and ("pip install" in a or "apt-get install" in a) for w, a in runtime)
    users = [a for w, a in runtime if w == "USER"]
    assert users and users[-1].split(":")[0] not in {"0", "root"}
    assert runtime[-1] == ("CMD", '["--help"]')
    entry = [a for w, a in runtime if w == "ENTRYPOINT"]
    assert entry == ['["newswire"]']
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert "newswire" in scripts


def test_dockerfile_copies_only_paths_that_exist_and_are_not_ignored() -> None:
    text = DOCKERFILE.read_text()
    ignore = [ln.strip() for ln in (DEPLOY / "Dockerfile.dockerignore").read_text().splitlines()
              if ln.strip() and not ln.startswith("#")]
    kept = {line[1:].rstrip("/") for line in ignore if line.startswith("!")}
    assert ignore[0] == "**"  # everything excluded but what is listed
    sources = [s for w, a in instructions(text) if w == "COPY" and "--from=" not in a
               for s in copy_sources(a)]
    assert sources
    for src in sources:
        src = src.rstrip("/").removeprefix("./")
        assert (ROOT / src).exists(), f"COPY {src}: missing from the build context"
        assert src in kept or any(src.startswith(k + "/") for k in kept), f"COPY {src} is dockerignored"
    # What pip installs from must be in the context too.
    assert {"pyproject.toml", "setup.py", "README.md", "requirements.lock", "services"} <= set(sources)


def test_dockerfile_env_names_real_settings_and_points_at_copied_files(monkeypatch: pytest.MonkeyPatch) -> None:
    text = DOCKERFILE.read_text()
    runtime = stages(text)[-1]
    env: dict[str, str] = {}
    for word, rest in runtime:
        if word == "ENV":
            for item in shlex.split(rest):
                k, _, v = item.partition("=")
                env[k] = v
    newswire = {k: v for k, v in env.items() if k.startswith("NEWSWIRE_")}
    assert set(newswire) <= SETTING_VARS, set(newswire) - SETTING_VARS
    assert newswire["NEWSWIRE_METRICS_HOST"] == "0.0.0.0"
    destinations = {shlex.split(a)[-1] for w, a in runtime if w == "COPY"}
    assert newswire["NEWSWIRE_SCHEMAS_DIR"] in destinations
    assert newswire["NEWSWIRE_RULES_FILE"] in destinations
    settings = load_settings(newswire)
    assert settings.log_format == "json"
    # the image's workers get the glibc settings `newswire run` gives its own (flat RSS, README Performance)
    from newswire.runner import settings_env

    for name in ("MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_"):
        monkeypatch.delenv(name, raising=False)
    glibc = {k: v for k, v in settings_env(settings).items() if k.startswith("MALLOC_")}
    assert glibc and {k: env.get(k) for k in glibc} == glibc


# ---- compose ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text())


def test_compose_has_every_service(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == {"kafka", "topics", *STAGES, "prometheus", "grafana"}


def test_compose_images_are_pinned(compose: dict[str, Any]) -> None:
    for name, svc in compose["services"].items():
        image = svc["image"]
        if "build" in svc:
            assert svc["build"]["dockerfile"] == "deploy/Dockerfile"
            assert (DEPLOY / svc["build"]["context"] / svc["build"]["dockerfile"]).resolve() == DOCKERFILE
            continue
        assert PINNED_TAG.match(image), f"{name}: {image} is not pinned to a version"
    assert compose["services"]["kafka"]["image"].startswith("apache/kafka:3.")


def test_kafka_runs_in_kraft_mode_without_auto_created_topics(compose: dict[str, Any]) -> None:
    kafka = compose["services"]["kafka"]
    env = kafka["environment"]
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert "KAFKA_ZOOKEEPER_CONNECT" not in env
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"].startswith(f"{env['KAFKA_NODE_ID']}@kafka:")
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"
    assert env["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"] == 1
    assert "PLAINTEXT://kafka:9092" in env["KAFKA_ADVERTISED_LISTENERS"].split(",")
    assert kafka["healthcheck"]["test"]


def test_topics_are_created_once_before_any_worker(compose: dict[str, Any]) -> None:
    services = compose["services"]
    topics = services["topics"]
    assert topics["command"] == ["topics", "create"]
    assert topics["restart"] == "no"
    assert topics["depends_on"] == {"kafka": {"condition": "service_healthy"}}
    for stage in STAGES:
        assert services[stage]["depends_on"] == {"topics": {"condition": "service_completed_successfully"}}


def test_each_worker_runs_its_stage_and_publishes_its_metrics_port(compose: dict[str, Any]) -> None:
    for stage in STAGES:
        svc = compose["services"][stage]
        env = {k: str(v) for k, v in svc["environment"].items()}
        assert set(k for k in env if k.startswith("NEWSWIRE_")) <= SETTING_VARS
        settings = load_settings({k: v for k, v in env.items() if "${" not in v})
        assert settings.kafka_bootstrap == "kafka:9092"
        assert settings.metrics_host == "0.0.0.0"
        port = settings.metrics_port(stage)
        assert svc["command"] == ["worker", stage]
        assert svc["ports"] == [f"{port}:{port}"]
        assert f"127.0.0.1:{port}/healthz" in " ".join(svc["healthcheck"]["test"])
        assert svc["stop_grace_period"]
        assert svc["image"] == compose["services"]["topics"]["image"]


def test_compose_mounts_exist(compose: dict[str, Any]) -> None:
    mounted = []
    for name, svc in compose["services"].items():
        for volume in svc.get("volumes", []):
            src = volume.split(":")[0]
            if src.startswith("."):
                assert (DEPLOY / src).exists(), f"{name}: {src} does not exist"
                mounted.append(src)
    assert {"./prometheus/prometheus.yml", "./prometheus/alerts.yml", "./grafana/provisioning",
            "./grafana/dashboards", "./rules.yaml"} <= set(mounted)
    prom = compose["services"]["prometheus"]
    assert "--config.file=/etc/prometheus/prometheus.yml" in prom["command"]
    assert {"./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
            "./prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro"} <= set(prom["volumes"])


# ---- the commands the deployment runs are real CLI commands ------------------------------------

def deployed_commands(compose: dict[str, Any]) -> list[list[str]]:
    """Every newswire command line that compose and Kubernetes run."""
    commands = [svc["command"] for svc in compose["services"].values()
                if svc.get("image", "").startswith("newswire:")]
    for path in sorted((DEPLOY / "k8s").rglob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if doc and doc.get("kind") in {"Deployment", "Job"}:
                commands.append(doc["spec"]["template"]["spec"]["containers"][0]["args"])
    for path in sorted((DEPLOY / "k8s" / "overlays").rglob("replay/kustomization.yaml")):
        for patch in yaml.safe_load(path.read_text()).get("patches", []):
            for op in yaml.safe_load(patch["patch"]):
                if op["path"].endswith("/args"):
                    commands.append(op["value"])
    return commands


def test_every_deployed_command_parses_with_the_cli(compose: dict[str, Any]) -> None:
    from newswire.cli import build_parser

    parser = build_parser()
    commands = deployed_commands(compose)
    assert ["topics", "create"] in commands
    assert {c[1] for c in commands if c[0] == "worker"} == set(STAGES)
    assert sum(c[0] == "replay" for c in commands) >= 3  # the template and one per overlay
    for argv in commands:
        args = parser.parse_args(argv)
        assert args.func is not None, argv
    with pytest.raises(SystemExit):
        parser.parse_args(["worker", "no-such-stage"])


def test_the_root_dockerignore_has_the_dockerfile_s_rules() -> None:
    """The legacy builder reads only the root .dockerignore: without it, the whole checkout (.venv, local
    builds) was the context; the two files must not drift apart."""
    def rules(path: Path) -> list[str]:
        return [ln.strip() for ln in path.read_text().splitlines() if ln.strip() and not ln.startswith("#")]

    assert rules(ROOT / ".dockerignore") == rules(DEPLOY / "Dockerfile.dockerignore")
