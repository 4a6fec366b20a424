"""Kubernetes manifests, checked offline: the kustomize overlays render (kubectl's built-in
kustomize), every built-in kind validates against the Kubernetes schemas (kubernetes-validate,
strict: unknown fields fail), the CRDs (KEDA, Strimzi, Prometheus Operator) carry their
required fields, and the pieces agree with each other and with the settings.

Rendering needs `kubectl` (v1.27+; it ships with the machine image). In CI (CI=true) a missing
kubectl fails the tests; elsewhere they skip.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from newswire.core.boundary import max_request_bytes
from newswire.core.settings import STAGES, Settings, load_settings
from newswire.core.topics import Topics, changelog_topics

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
OVERLAYS = ("dev", "prod")
KUBE_VERSIONS = ("1.30.0", "1.34.0")  # oldest supported upstream and a current one

# Custom resources (KEDA, Strimzi, Prometheus Operator) and the API version this repo writes.
CRD_KINDS = {"ScaledObject": "keda.sh/v1alpha1", "TriggerAuthentication": "keda.sh/v1alpha1",
             "KafkaTopic": "kafka.strimzi.io/v1beta2", "PodMonitor": "monitoring.coreos.com/v1"}

# Which topic each stage consumes (its KEDA trigger and its max replicas follow from it).
INPUT_TOPIC = {"cleaner": "raw", "extractor": "clean", "stories": "extracted", "alerter": "stories"}


def _require(tool: str) -> str:
    path = shutil.which(tool)
    if path:
        return path
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{tool} is required in CI and was not found on PATH")
    pytest.skip(f"{tool} not installed")


def _validator() -> Any:
    try:
        import kubernetes_validate
    except ImportError:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("kubernetes-validate is required in CI (pip install -e '.[test]')")
        pytest.skip("kubernetes-validate not installed")
    return kubernetes_validate


@functools.cache
def _render(path: str, unrestricted: bool) -> tuple[dict[str, Any], ...]:
    cmd = [_require("kubectl"), "kustomize", path]
    if unrestricted:
        cmd[2:2] = ["--load-restrictor", "LoadRestrictionsNone"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, f"kustomize failed for {path}: {out.stderr}"
    return tuple(d for d in yaml.safe_load_all(out.stdout) if d)


def render(overlay: str) -> list[dict[str, Any]]:
    """The overlay as kubectl would apply it."""
    return list(_render(str(K8S / "overlays" / overlay), True))


def render_replay(overlay: str) -> list[dict[str, Any]]:
    """The overlay's replay Job."""
    return list(_render(str(K8S / "overlays" / overlay / "replay"), False))


def by_kind(docs: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    """Documents of one kind by name."""
    return {d["metadata"]["name"]: d for d in docs if d["kind"] == kind}


def settings_of(docs: list[dict[str, Any]], stage: str = "cleaner") -> Settings:
    """The Settings a worker pod would load: the ConfigMap, then its own env (Secret values
    stand in as placeholders); raises ConfigError as the worker would at start."""
    env = dict(by_kind(docs, "ConfigMap")["newswire-settings"]["data"])
    for var in container(by_kind(docs, "Deployment")[f"newswire-{stage}"]).get("env", []):
        env[var["name"]] = var.get("value", f"<{var['name']} from a Secret>")
    return load_settings(env)


def container(deploy: dict[str, Any]) -> dict[str, Any]:
    """The worker container of a Deployment or Job."""
    containers = deploy["spec"]["template"]["spec"]["containers"]
    assert len(containers) == 1
    return containers[0]


# ---- rendering and schemas ---------------------------------------------------------------

@pytest.mark.parametrize("overlay", OVERLAYS)
def test_overlay_renders_every_kind(overlay: str) -> None:
    docs = render(overlay)
    kinds = {d["kind"] for d in docs}
    assert {"Namespace", "ServiceAccount", "ConfigMap", "Deployment", "Service", "PodDisruptionBudget",
            "ScaledObject", "KafkaTopic"} <= kinds
    assert set(by_kind(docs, "Deployment")) == {f"newswire-{s}" for s in STAGES}
    namespaces = {d["metadata"].get("namespace") for d in docs if d["kind"] != "Namespace"}
    assert namespaces == {by_kind(docs, "Namespace").popitem()[0]}


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("version", KUBE_VERSIONS)
def test_builtin_kinds_validate_against_kubernetes_schemas(overlay: str, version: str) -> None:
    kv = _validator()
    docs = render(overlay) + render_replay(overlay)
    checked = 0
    for doc in docs:
        if doc["kind"] in CRD_KINDS:
            assert doc["apiVersion"] == CRD_KINDS[doc["kind"]]
            continue  # not in the Kubernetes schemas: checked field by field below
        try:
            kv.validate(doc, version, strict=True)
        except kv.ValidationError as exc:
            pytest.fail(f"{doc['kind']}/{doc['metadata']['name']}: {exc.message} at {list(exc.path)}")
        checked += 1
    assert checked >= 18  # namespace, sa, netpol, 2 configmaps, 4 x (deployment, service, pdb), job


def test_the_schema_check_rejects_a_wrong_manifest() -> None:
    kv = _validator()
    deploy = next(d for d in render("dev") if d["kind"] == "Deployment")
    broken = yaml.safe_load(yaml.safe_dump(deploy))
    broken["spec"]["template"]["spec"]["containers"][0]["livenesProbe"] = {"httpGet": {"path": "/healthz"}}
    with pytest.raises(kv.ValidationError):
        kv.validate(broken, KUBE_VERSIONS[-1], strict=True)
    broken = yaml.safe_load(yaml.safe_dump(deploy))
    broken["spec"]["template"]["spec"]["containers"][0]["ports"][0]["containerPort"] = "9400"
    with pytest.raises(kv.ValidationError):
        kv.validate(broken, KUBE_VERSIONS[-1], strict=True)


# ---- custom resources: required fields -------------------------------------------------------

@pytest.mark.parametrize("overlay", OVERLAYS)
def test_scaled_objects_scale_each_worker_on_its_consumer_lag(overlay: str) -> None:
    docs = render(overlay)
    settings = settings_of(docs)
    topics = Topics.for_prefix(settings.topic_prefix)
    scaled = by_kind(docs, "ScaledObject")
    deployments = by_kind(docs, "Deployment")
    assert set(scaled) == set(deployments)
    for stage in STAGES:
        so = scaled[f"newswire-{stage}"]
        assert so["apiVersion"] == "keda.sh/v1alpha1"
        spec = so["spec"]
        assert spec["scaleTargetRef"]["name"] in deployments
        assert spec["scaleTargetRef"]["name"] == f"newswire-{stage}"
        [trigger] = spec["triggers"]
        assert trigger["type"] == "kafka"
        meta = trigger["metadata"]
        assert meta["consumerGroup"] == f"{settings.topic_prefix}-{stage}"
        topic = getattr(topics, INPUT_TOPIC[stage])
        assert meta["topic"] == topic
        assert meta["bootstrapServers"] == settings.kafka_bootstrap
        # KEDA's operator runs in its own namespace: a short service name resolves there, to nothing
        assert ".svc" in meta["bootstrapServers"].split(":")[0], meta["bootstrapServers"]
        assert int(meta["lagThreshold"]) > 0
        assert meta["allowIdleConsumers"] == "false"
        assert meta["offsetResetPolicy"] == settings.auto_offset_reset
        # Never more consumers than partitions of the input; never scaled to zero.
        partitions = settings.stories_partitions if stage == "stories" else settings.partitions
        assert 1 <= spec["minReplicaCount"] <= spec["maxReplicaCount"] <= partitions
        if stage == "stories":
            assert spec["maxReplicaCount"] == settings.stories_partitions
        # Every KEDA metadata value is a string (KEDA rejects numbers there).
        assert all(isinstance(v, str) for v in meta.values())
        # Deployment has no replicas: KEDA's HPA owns the count.
        assert "replicas" not in deployments[f"newswire-{stage}"]["spec"]


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_kafka_topics_match_the_settings_and_the_code(overlay: str) -> None:
    docs = render(overlay)
    settings = settings_of(docs)
    topics = Topics.for_prefix(settings.topic_prefix)
    kafka_topics = {d["spec"]["topicName"]: d for d in by_kind(docs, "KafkaTopic").values()}
    expected = {t: (settings.stories_partitions if t == topics.extracted else settings.partitions)
                for t in topics.all()} | changelog_topics(settings)
    assert set(kafka_topics) == set(expected)
    for name, doc in kafka_topics.items():
        assert doc["apiVersion"] == "kafka.strimzi.io/v1beta2"
        assert doc["metadata"]["labels"]["strimzi.io/cluster"]
        assert doc["spec"]["partitions"] == expected[name], name
        assert doc["spec"]["replicas"] == settings.replication, name
        config = doc["spec"]["config"]
        assert all(isinstance(v, (str, int)) for v in config.values())
        assert config["cleanup.policy"] == ("compact" if name.endswith("-changelog") else "delete")
        # whatever a worker may produce (a dead letter holds its input in base64): a record the broker refuses
        # fails its delivery, and the worker exits before committing, then meets the same input again
        assert int(config["max.message.bytes"]) >= max_request_bytes(settings), name
        if settings.replication > 1:
            assert 1 < int(config["min.insync.replicas"]) < settings.replication
    # The raw input is kept at least a week so a week can be replayed.
    assert int(kafka_topics[topics.raw]["spec"]["config"]["retention.ms"]) >= 7 * 24 * 3600 * 1000


def test_prod_scales_wider_than_dev_and_keeps_stories_single() -> None:
    dev, prod = settings_of(render("dev")), settings_of(render("prod"))
    for stage in STAGES:  # every worker starts with its overlay's settings
        settings_of(render("prod"), stage), settings_of(render("dev"), stage)
    assert prod.partitions > dev.partitions
    assert prod.replication == 3 and prod.stories_partitions == 1
    maxima = {n: so["spec"]["maxReplicaCount"] for n, so in by_kind(render("prod"), "ScaledObject").items()}
    assert maxima["newswire-cleaner"] == prod.partitions
    assert maxima["newswire-stories"] == 1


def test_prod_authenticates_workers_and_keda_with_the_same_secret() -> None:
    docs = render("prod")
    settings = settings_of(docs)
    assert settings.security_protocol == "SASL_SSL" and settings.sasl_mechanism
    assert settings.ssl_cafile.startswith("/etc/newswire/kafka-ca/")
    auth = by_kind(docs, "TriggerAuthentication")
    for so in by_kind(docs, "ScaledObject").values():
        ref = so["spec"]["triggers"][0]["authenticationRef"]["name"]
        assert ref in auth
    params = {t["parameter"]: t for t in auth["newswire-kafka"]["spec"]["secretTargetRef"]}
    assert {"sasl", "username", "password", "tls", "ca"} <= set(params)
    assert all(t["name"] == "newswire-kafka-credentials" and t["key"] for t in params.values())
    for deploy in by_kind(docs, "Deployment").values():
        env = {e["name"]: e for e in container(deploy)["env"]}
        for var in ("NEWSWIRE_SASL_USERNAME", "NEWSWIRE_SASL_PASSWORD"):
            ref = env[var]["valueFrom"]["secretKeyRef"]
            assert ref["name"] == "newswire-kafka-credentials" and ref["optional"] is False
        volumes = {v["name"]: v for v in deploy["spec"]["template"]["spec"]["volumes"]}
        assert volumes["kafka-ca"]["secret"]["optional"] is False
        mounts = {m["mountPath"] for m in container(deploy)["volumeMounts"]}
        assert str(Path(settings.ssl_cafile).parent) in mounts
    # No Secret values live in the repository: only references.
    assert not by_kind(docs, "Secret")


def test_dev_secret_references_are_optional() -> None:
    for deploy in by_kind(render("dev"), "Deployment").values():
        env = {e["name"]: e for e in container(deploy)["env"]}
        assert env["NEWSWIRE_SASL_PASSWORD"]["valueFrom"]["secretKeyRef"]["optional"] is True


def test_pod_monitor_scrapes_the_metrics_port_with_the_alert_labels() -> None:
    docs = render("prod")
    [pm] = by_kind(docs, "PodMonitor").values()
    assert pm["apiVersion"] == "monitoring.coreos.com/v1"
    spec = pm["spec"]
    [endpoint] = spec["podMetricsEndpoints"]
    assert endpoint["port"] == "metrics" and endpoint["path"] == "/metrics"
    # job="newswire" and worker=<stage>, as deploy/prometheus/alerts.yml expects.
    assert spec["jobLabel"] == "app.kubernetes.io/part-of"
    assert any(r["targetLabel"] == "worker" for r in endpoint["relabelings"])
    selector = spec["selector"]["matchLabels"]
    for deploy in by_kind(docs, "Deployment").values():
        labels = deploy["spec"]["template"]["metadata"]["labels"]
        assert selector.items() <= labels.items()
        assert labels["app.kubernetes.io/part-of"] == "newswire"


# ---- workers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("overlay", OVERLAYS)
def test_each_worker_runs_its_stage_with_probes_on_its_metrics_port(overlay: str) -> None:
    docs = render(overlay)
    settings = settings_of(docs)
    assert settings.metrics_host == "0.0.0.0"
    services = by_kind(docs, "Service")
    pdbs = by_kind(docs, "PodDisruptionBudget")
    for stage in STAGES:
        deploy = by_kind(docs, "Deployment")[f"newswire-{stage}"]
        pod = deploy["spec"]["template"]["spec"]
        c = container(deploy)
        assert c["args"] == ["worker", stage]
        port = settings.metrics_port(stage)
        [p] = c["ports"]
        assert p == {"name": "metrics", "containerPort": port, "protocol": "TCP"}
        assert c["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "metrics"}
        assert c["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "metrics"}
        assert c["startupProbe"]["httpGet"]["path"] == "/healthz"
        # Drain: a preStop hook, then a grace period long enough for the commit and group leave.
        assert c["lifecycle"]["preStop"]["exec"]["command"]
        assert pod["terminationGracePeriodSeconds"] >= 30
        assert c["resources"]["requests"]["cpu"] and c["resources"]["requests"]["memory"]
        assert c["resources"]["limits"]["memory"]
        assert {"configMapRef": {"name": "newswire-settings"}} in c["envFrom"]
        # Non-root, read-only root, with writable scratch and Faust data dirs.
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert c["securityContext"]["readOnlyRootFilesystem"] is True
        assert c["securityContext"]["capabilities"]["drop"] == ["ALL"]
        assert {"/tmp", "/var/lib/newswire"} <= {m["mountPath"] for m in c["volumeMounts"]}
        # Selectors pick exactly this stage's pods.
        labels = deploy["spec"]["template"]["metadata"]["labels"]
        selector = deploy["spec"]["selector"]["matchLabels"]
        assert selector.items() <= labels.items() and selector["app.kubernetes.io/component"] == stage
        svc = services[f"newswire-{stage}-metrics"]
        assert svc["spec"]["selector"] == selector
        assert svc["spec"]["ports"][0]["port"] == port and svc["spec"]["ports"][0]["targetPort"] == "metrics"
        assert svc["spec"]["publishNotReadyAddresses"] is True
        pdb = pdbs[f"newswire-{stage}"]
        assert pdb["spec"]["selector"]["matchLabels"] == selector
        assert pdb["spec"]["maxUnavailable"] == 1
        annotations = deploy["spec"]["template"]["metadata"]["annotations"]
        assert annotations["prometheus.io/port"] == str(port)
    # Only the metrics port is open to other pods.
    [policy] = by_kind(docs, "NetworkPolicy").values()
    assert policy["spec"]["policyTypes"] == ["Ingress"]
    assert policy["spec"]["podSelector"]["matchLabels"]["app.kubernetes.io/part-of"] == "newswire"
    assert [p["port"] for rule in policy["spec"]["ingress"] for p in rule["ports"]] == ["metrics"]
    # The sequencer is never two pods at once, even during a rollout.
    assert by_kind(docs, "Deployment")["newswire-stories"]["spec"]["strategy"]["type"] == "Recreate"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_alerter_reads_the_rules_from_a_configmap_of_deploy_rules_yaml(overlay: str) -> None:
    docs = render(overlay)
    alerter = by_kind(docs, "Deployment")["newswire-alerter"]
    c = container(alerter)
    env = {e["name"]: e for e in c["env"]}
    rules_path = Path(env["NEWSWIRE_RULES_FILE"]["value"])
    mount = next(m for m in c["volumeMounts"] if m["mountPath"] == str(rules_path.parent))
    volume = next(v for v in alerter["spec"]["template"]["spec"]["volumes"] if v["name"] == mount["name"])
    cm_name = volume["configMap"]["name"]
    assert cm_name.startswith("newswire-rules-")  # hashed: a rules change rolls the alerter
    cm = by_kind(docs, "ConfigMap")[cm_name]
    assert cm["data"][rules_path.name] == (ROOT / "deploy" / "rules.yaml").read_text()
    assert env["NEWSWIRE_WEBHOOK_URL"]["valueFrom"]["secretKeyRef"]["name"] == "newswire-webhook"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_settings_configmap_holds_only_real_settings(overlay: str) -> None:
    data = by_kind(render(overlay), "ConfigMap")["newswire-settings"]["data"]
    fields = {f"NEWSWIRE_{n.upper()}" for n in Settings.__dataclass_fields__}
    assert set(data) <= fields, set(data) - fields
    assert "NEWSWIRE_SASL_PASSWORD" not in data  # secrets come from Secrets only


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_replay_job_matches_its_overlay(overlay: str) -> None:
    docs, [job] = render(overlay), render_replay(overlay)
    assert job["kind"] == "Job"
    namespace = next(iter(by_kind(docs, "Namespace")))
    assert job["metadata"]["namespace"] == namespace
    c = container(job)
    assert c["image"] == container(by_kind(docs, "Deployment")["newswire-cleaner"])["image"]
    assert c["args"][0] == "replay" and "--topic" in c["args"] and "--from" in c["args"]
    topic = c["args"][c["args"].index("--topic") + 1]
    assert topic in {d["spec"]["topicName"] for d in by_kind(docs, "KafkaTopic").values()}
    assert {"configMapRef": {"name": "newswire-settings"}} in c["envFrom"]
    assert "newswire-settings" in by_kind(docs, "ConfigMap")
    spec = job["spec"]
    assert spec["template"]["spec"]["restartPolicy"] == "Never"
    assert spec["backoffLimit"] >= 1 and spec["activeDeadlineSeconds"] > 0
    assert spec["ttlSecondsAfterFinished"] > 0


def test_images_are_pinned_in_every_overlay() -> None:
    for overlay in OVERLAYS:
        for deploy in by_kind(render(overlay), "Deployment").values():
            image = container(deploy)["image"]
            assert ":" in image and not image.endswith(":latest"), image
