#!/usr/bin/env python3
"""Customs gate plugin (protocol customs-plugin/1) using only the standard library: fires once
for each installed package whose name is in the rule's denied_packages list.

  {"gate": "plugin:denied-packages", "trigger": "findings", "action": "STOP",
   "params": [{"name": "denied_packages", "value": "telnet,netcat-openbsd"}]}
"""
import json
import sys

DESCRIPTION = {
    "description": "Fires for each package whose name is in denied_packages.",
    "params": [
        {
            "name": "denied_packages",
            "type": "csv",
            "required": True,
            "description": "Package names, comma-separated.",
        }
    ],
}


def main():
    try:
        request = json.load(sys.stdin)
    except ValueError as err:
        print(f"python_gate: input is not JSON: {err}", file=sys.stderr)
        return 1
    if request.get("protocol") != "customs-plugin/1":
        print(f"python_gate: unsupported protocol {request.get('protocol')!r}", file=sys.stderr)
        return 1
    kind = request.get("kind")
    if kind == "describe":
        json.dump(DESCRIPTION, sys.stdout)
        return 0
    if kind != "gate":
        print(f"python_gate: unsupported request kind {kind!r}", file=sys.stderr)
        return 1

    denied = request.get("params", {}).get("denied_packages")
    if not isinstance(denied, list):
        print("python_gate: parameter denied_packages is missing", file=sys.stderr)
        return 1
    denied = set(denied)

    findings = []
    seen = set()
    for package in request["sbom"].get("packages", []):
        name, version, ptype = package.get("name"), package.get("version"), package.get("type")
        identity = f"{ptype}:{name}@{version}"
        if name not in denied or identity in seen:
            continue
        seen.add(identity)
        findings.append(
            {
                "trigger": "denied_package",
                "message": f"Denied package {name} {version} ({ptype}) is installed",
                "identity": identity,
                "action": "stop",
            }
        )
    json.dump({"findings": findings}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
