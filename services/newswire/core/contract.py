"""The event schemas' contract: within a major version a schema may only grow optional fields.

Consumers of the topics (search, archives, alerting) are built against a schema, and a replay or
backfill feeds today's workers events written months ago. So, within one major version, no field
may disappear, change type or constraints, or become required (events written before lack it: a
replay of them would be dead-lettered), and a new field must be optional. `schemas/contract.lock.json`
holds each schema's shape as last locked; `breaking_changes` compares a schema against it.
`python -m newswire.core.contract --lock` (`make schemas-lock`) records an additive change; the
unit tests fail on a breaking one and on a change that was not locked. Pure: no Kafka here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson

LOCK_NAME = "contract.lock.json"
Shape = dict[str, dict[str, Any]]
"""Field path -> {"required": bool, "types": {json type: {constraint: value}}}; "[]" marks array items."""

_CONSTRAINTS = ("const", "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength",
                "maxLength", "pattern", "format", "minItems", "maxItems", "uniqueItems", "multipleOf")
"""Keywords that narrow what a value may be: a change to any of them breaks old events or old readers."""
_JSON_TYPES = {str: "string", bool: "boolean", int: "integer", float: "number", type(None): "null",
               list: "array", dict: "object"}


def shape(schema: Mapping[str, Any]) -> Shape:
    """Every field path of an event schema with its allowed types, constraints and whether it is required."""
    out: Shape = {}
    _walk(schema, schema, "", True, out, 0)
    return out


def _resolve(root: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    """A node with its local `$ref` (`#/$defs/X`) followed; other references are not used by our schemas."""
    seen = 0
    while "$ref" in node:
        ref = node["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/"):
            raise ValueError(f"unsupported $ref {ref!r}: only local references are compared")
        target: Any = root
        for part in ref[2:].split("/"):
            target = target[part]
        node, seen = target, seen + 1
        if seen > 32:
            raise ValueError(f"$ref cycle at {ref!r}")
    return node


def _branches(root: Mapping[str, Any], node: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    """The alternatives a node allows (its anyOf/oneOf members, else itself), references followed."""
    node = _resolve(root, node)
    alternatives = node.get("anyOf") or node.get("oneOf")
    if not alternatives:
        yield node
        return
    for alt in alternatives:
        yield from _branches(root, alt)


def _types_of(branch: Mapping[str, Any]) -> list[str]:
    declared = branch.get("type")
    if isinstance(declared, str):
        return [declared]
    if isinstance(declared, list):
        return [str(t) for t in declared]
    if "const" in branch:
        return [_JSON_TYPES.get(type(branch["const"]), "any")]
    if "enum" in branch:
        return sorted({_JSON_TYPES.get(type(v), "any") for v in branch["enum"]})
    if "properties" in branch:
        return ["object"]
    if "items" in branch:
        return ["array"]
    return ["any"]


def _walk(root: Mapping[str, Any], node: Mapping[str, Any], path: str, is_required: bool, out: Shape,
          depth: int) -> None:
    if depth > 64:
        raise ValueError(f"schema nested too deeply at {path or '(root)'}")
    types: dict[str, dict[str, Any]] = {}
    children: list[tuple[str, Mapping[str, Any], bool]] = []
    for branch in _branches(root, node):
        constraints = {k: branch[k] for k in _CONSTRAINTS if k in branch}
        if "enum" in constraints:
            constraints["enum"] = sorted(constraints["enum"], key=repr)
        if branch.get("additionalProperties") is False:
            constraints["additionalProperties"] = False
        for t in _types_of(branch):
            types.setdefault(t, {}).update(constraints)
        needed = set(branch.get("required") or ())
        for name, sub in (branch.get("properties") or {}).items():
            children.append((f"{path}.{name}" if path else name, sub, name in needed))
        if isinstance(branch.get("items"), Mapping):
            children.append((f"{path}[]", branch["items"], True))
    if path:
        out[path] = {"required": is_required, "types": types}
    for child, sub, child_required in children:
        _walk(root, sub, child, child_required, out, depth + 1)


def breaking_changes(locked: Shape, current: Shape) -> list[str]:
    """What in `current` breaks the contract `locked` records (empty when it only added optional fields)."""
    problems = []
    for path, was in locked.items():
        now = current.get(path)
        if now is None:
            problems.append(f"{path}: removed")
            continue
        if was["required"] != now["required"]:
            problems.append(f"{path}: {'now required' if now['required'] else 'no longer required'}")
        if was["types"] != now["types"]:
            problems.append(f"{path}: types or constraints changed from {_show(was['types'])} to {_show(now['types'])}")
    for path, now in current.items():
        if path not in locked and now["required"] and _parent(path) in locked | {"": {}}:
            problems.append(f"{path}: a new field must be optional (events written before lack it)")
    return problems


def _parent(path: str) -> str:
    """The path of the object or array holding a field ("" for a top-level field)."""
    if path.endswith("[]"):
        return path[:-2]
    return path.rpartition(".")[0]


def _show(types: Mapping[str, Any]) -> str:
    return orjson.dumps(types, option=orjson.OPT_SORT_KEYS).decode()


def schema_files(schemas_dir: Path) -> dict[str, Path]:
    """The event schema files of a schemas directory by file name."""
    return {p.name: p for p in sorted(schemas_dir.glob("*.schema.json"))}


def current_shapes(schemas_dir: Path) -> dict[str, Shape]:
    """The shape of every schema file in the directory, by file name."""
    return {name: shape(orjson.loads(p.read_bytes())) for name, p in schema_files(schemas_dir).items()}


def load_lock(schemas_dir: Path) -> dict[str, Shape]:
    """The locked shapes (empty when there is no lock yet)."""
    path = schemas_dir / LOCK_NAME
    return orjson.loads(path.read_bytes()) if path.exists() else {}


def check(schemas_dir: Path) -> tuple[list[str], list[str]]:
    """Breaking changes against the lock, and additive changes the lock does not record yet."""
    locked, current = load_lock(schemas_dir), current_shapes(schemas_dir)
    breaking: list[str] = []
    unlocked: list[str] = []
    for name, was in locked.items():
        if name not in current:
            breaking.append(f"{name}: removed (retiring a major version: take it out of the lock too)")
        else:
            breaking += [f"{name}: {p}" for p in breaking_changes(was, current[name])]
    for name, now in current.items():
        if name not in locked:
            unlocked.append(f"{name}: new schema")
        elif now != locked[name]:
            unlocked += [f"{name}: {p}: new optional field" for p in now.keys() - locked[name].keys()]
    return breaking, unlocked


def write_lock(schemas_dir: Path) -> Path:
    """Record the schemas' current shapes as the contract."""
    path = schemas_dir / LOCK_NAME
    path.write_text(render_lock(current_shapes(schemas_dir)), encoding="utf-8")
    return path


def render_lock(shapes: Mapping[str, Shape]) -> str:
    """The lock as JSON with one line per field, so that a change reads as a one-line diff."""
    def js(value: Any) -> str:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()

    files = []
    for name in sorted(shapes):
        fields = [f"    {js(path)}: {js(shapes[name][path])}" for path in sorted(shapes[name])]
        files.append(f"  {js(name)}: {{\n" + ",\n".join(fields) + "\n  }")
    return "{\n" + ",\n".join(files) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    """Check the schemas against the lock (exit 1 on a breaking or unrecorded change), or `--lock` them."""
    from newswire.core.settings import PROJECT_ROOT

    parser = argparse.ArgumentParser(prog="python -m newswire.core.contract", description=__doc__.splitlines()[0])
    parser.add_argument("--schemas", type=Path, default=PROJECT_ROOT / "schemas")
    parser.add_argument("--lock", action="store_true", help="record additive changes in the lock")
    args = parser.parse_args(argv)
    breaking, unlocked = check(args.schemas)
    for line in breaking:
        print(f"breaking: {line}", file=sys.stderr)
    if breaking:
        print("a breaking change needs a new major version (a new schema file); the lock is left as it is",
              file=sys.stderr)
        return 1
    if args.lock:
        print(f"locked {write_lock(args.schemas)}" + (f" ({len(unlocked)} additions)" if unlocked else ""))
        return 0
    for line in unlocked:
        print(f"not locked: {line}", file=sys.stderr)
    return 1 if unlocked else 0


if __name__ == "__main__":
    sys.exit(main())
