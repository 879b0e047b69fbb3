#!/usr/bin/env python3
"""Engine truth test of stackc's reachability and egress analyses.

Applies stacks with `stackc apply` (the brief's two examples with test images, and generated stacks
of 3-8 services over 1-4 networks, from a fixed seed that is printed), then from inside every
service's first container tries a TCP connection to every address of every other service on the
probe port 7000 (connected / refused / blocked), and resolves every other service's name through the
Engine's DNS. A container's egress is read from the Engine's NAT rules: one of its networks' subnets
is masqueraded (never by connecting out). The test asserts that `stackc graph --format json`
predicted exactly that, and that one deliberately wrong prediction is caught (the mutation check).

Usage: reachability.py STACKC WORKDIR PROJECT_PREFIX [SEED]
"""
import concurrent.futures
import ipaddress
import json
import os
import random
import subprocess
import sys

IMAGE = "stackc-test/busybox:1"
PORT = 7000
PROBE = ["httpd", "-f", "-p", str(PORT), "-h", "/www"]


def run(cmd, check=True, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kw)
    if check and r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({r.returncode}): {r.stderr.strip()[-800:]}")
    return r


def generate(rng, index):
    """A stack of 3-8 services over 1-4 networks: internal networks, aliases, scale, service: mode."""
    nets = {f"n{i}": {"internal": rng.random() < 0.3} for i in range(rng.randint(1, 4))}
    services, owners = {}, []
    for i in range(rng.randint(3, 8)):
        name = f"s{i}"
        svc = {"image": IMAGE}
        if owners and rng.random() < 0.15:
            svc["network_mode"] = f"service:{rng.choice(owners)}"
            svc["command"] = ["sleep", "86400"]
        else:
            svc["command"] = PROBE
            if rng.random() < 0.1:
                svc["network_mode"] = "none"
            elif rng.random() < 0.85:
                chosen = rng.sample(sorted(nets), rng.randint(1, min(2, len(nets))))
                svc["networks"] = {n: ({"aliases": [f"{name}-on-{n}"]} if rng.random() < 0.3 else None)
                                   for n in chosen}
            if rng.random() < 0.2:
                svc["scale"] = 2
            else:
                owners.append(name)
        services[name] = svc
    used = {n for s in services.values() for n in s.get("networks", {})}
    doc = {"services": services}
    if used:
        doc["networks"] = {n: ({"internal": True} if nets[n]["internal"] else {}) for n in sorted(used)}
    return json.dumps(doc, indent=1)  # JSON is YAML


def masqueraded_subnets():
    out = run(["iptables", "-t", "nat", "-S", "POSTROUTING"]).stdout
    nets = []
    for line in out.splitlines():
        parts = line.split()
        if "MASQUERADE" in parts and "-s" in parts:
            nets.append(ipaddress.ip_network(parts[parts.index("-s") + 1], strict=False))
    return nets


def observe(stackc, files, project, graph):
    """What the Engine lets through: {(a, b): result}, {(a, b): resolves}, {service: egress}."""
    ps = json.loads(run([stackc, "-p", project] + files + ["ps", "--format", "json", "-a"]).stdout or "[]")
    by_service = {}
    for c in ps:
        by_service.setdefault(c["Service"], []).append(c["Name"])
    for names in by_service.values():
        names.sort()
    inspect = {}
    all_names = [n for names in by_service.values() for n in names]
    for c in json.loads(run(["docker", "inspect"] + all_names).stdout):
        inspect[c["Name"].lstrip("/")] = c
    ids = {c["Id"]: n for n, c in inspect.items()}

    def namespace_owner(name):
        mode = inspect[name]["HostConfig"]["NetworkMode"]
        return ids.get(mode.split(":", 1)[1], name) if mode.startswith("container:") else name

    def addresses(service):
        out = []
        for n in by_service.get(service, []):
            nets = inspect[namespace_owner(n)]["NetworkSettings"]["Networks"]
            out += [v["IPAddress"] for v in nets.values() if v.get("IPAddress")]
        return sorted(set(out))

    services = graph["services"]
    masq = masqueraded_subnets()
    egress = {}
    for s in services:
        owner = namespace_owner(by_service[s][0])
        subnets = [ipaddress.ip_network(f'{v["IPAddress"]}/{v["IPPrefixLen"]}', strict=False)
                   for v in inspect[owner]["NetworkSettings"]["Networks"].values() if v.get("IPAddress")]
        egress[s] = any(sub.subnet_of(m) for sub in subnets for m in masq if sub.version == m.version)

    def probe(source):
        lines = []
        for target in services:
            if target == source:
                continue
            for ip in addresses(target):
                lines.append(f'(o=$(nc -w 2 {ip} {PORT} </dev/null 2>&1); echo "tcp {target} $? $o") &')
            lines.append(f'(nslookup {target} 127.0.0.11 >/dev/null 2>&1 && echo "dns {target} yes" '
                         f'|| echo "dns {target} no") &')
        lines.append("wait")
        r = run(["docker", "exec", by_service[source][0], "sh", "-c", "\n".join(lines)], check=False)
        return source, r.stdout

    connect, resolves = {}, {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        for source, out in pool.map(probe, services):
            for line in out.splitlines():
                kind, target, rest = (line.split(" ", 2) + [""])[:3]
                if kind == "dns":
                    resolves[(source, target)] = rest == "yes"
                elif kind == "tcp":
                    rc, _, msg = rest.partition(" ")
                    result = "connected" if rc == "0" else "refused" if "refused" in msg else "blocked"
                    if connect.get((source, target)) != "connected":
                        connect[(source, target)] = result
    return connect, resolves, egress


def compare(graph, connect, resolves, egress):
    """The differences between the prediction and what happened, as readable lines."""
    problems = []
    edges = {(e["from"], e["to"]): e for e in graph["edges"]}
    predicted_egress = {e["service"] for e in graph["egress"]}
    services = graph["services"]
    for a in services:
        for b in services:
            if a == b:
                continue
            e = edges.get((a, b))
            got = connect.get((a, b), "blocked")  # no address at all: nothing to connect to
            if (e is not None) != (got == "connected"):
                problems.append(f"{a} -> {b}: predicted {'reach' if e else 'no reach'}, got {got}")
            if e is not None and got == "refused":
                problems.append(f"{a} -> {b}: the probe port refused (is the listener up?)")
            if e is None or set(e["networks"]) & {"host", "namespace"}:
                predicted_name = False if e is None else None
            else:
                predicted_name = b in e["names"]
            if predicted_name is not None and resolves.get((a, b), False) != predicted_name:
                problems.append(f"{a} -> {b}: predicted the name {'resolves' if predicted_name else 'does not resolve'}")
        if (a in predicted_egress) != egress[a]:
            problems.append(f"{a}: predicted {'egress' if a in predicted_egress else 'no egress'}, "
                            f"the Engine NATs it: {egress[a]}")
    return problems


def check_stack(stackc, label, files, project, extra=()):
    graph = json.loads(run([stackc, "-p", project] + files + ["graph", "--format", "json"]).stdout)
    try:
        run([stackc, "-p", project] + files + ["apply", "-t", "1", "--wait", "--progress", "plain"] + list(extra))
        connect, resolves, egress = observe(stackc, files, project, graph)
    finally:
        run([stackc, "-p", project] + files + ["down", "-t", "1", "--progress", "plain"], check=False)
    problems = compare(graph, connect, resolves, egress)
    pairs = len(graph["services"]) * (len(graph["services"]) - 1)
    blocked = sum(1 for v in connect.values() if v != "connected")
    print(f"{'ok  ' if not problems else 'FAIL'} reachability: {label}: {len(graph['services'])} services, "
          f"{pairs} pairs, {len(graph['edges'])} edges, {blocked} probes not connected, "
          f"{sum(egress.values())} with egress")
    for p in problems:
        print(f"     {p}")
    return graph, connect, resolves, egress, problems


def main():
    stackc, work, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 20261129
    here = os.path.dirname(os.path.abspath(__file__))
    print(f"reachability: seed {seed}")
    failures = 0
    # The brief's stacks, every service listening on the probe port.
    for name, extra in (("two-tier", ["--scale", "os=2"]), ("three-tier", [])):
        base = os.path.join(here, "stacks", f"{name}.yaml")
        services = run([stackc, "-f", base, "config", "--services"]).stdout.split()
        override = os.path.join(work, f"{name}-probe.yaml")
        with open(override, "w") as f:
            json.dump({"services": {s: {"command": PROBE, "entrypoint": []} for s in services}}, f)
        first = check_stack(stackc, name, ["-f", base, "-f", override], f"{prefix}-{name}", extra)
        failures += bool(first[4])
        if name == "three-tier":
            kept = first
    rng = random.Random(seed)
    covered = {"internal networks": 0, "aliases": 0, "scaled services": 0, "service: modes": 0,
               "network_mode none": 0}
    for i in range(20):
        path = os.path.join(work, f"generated-{i:02d}.yaml")
        text = generate(rng, i)
        for key, needle in (("internal networks", '"internal": true'), ("aliases", '"aliases"'),
                            ("scaled services", '"scale": 2'), ("service: modes", '"service:'),
                            ("network_mode none", '"network_mode": "none"')):
            covered[key] += needle in text
        with open(path, "w") as f:
            f.write(text)
        failures += bool(check_stack(stackc, f"generated-{i:02d}", ["-f", path], f"{prefix}-g{i:02d}")[4])
    missing = [k for k, n in covered.items() if n == 0]
    print(f"{'ok  ' if not missing else 'FAIL'} reachability: the generated stacks cover "
          + ", ".join(f"{k} ({n} stacks)" for k, n in covered.items()))
    failures += bool(missing)
    # Mutation check: one wrong prediction (web reaches db in the three-tier stack) must be caught.
    graph, connect, resolves, egress, _ = kept
    wrong = dict(graph, edges=graph["edges"] + [{"from": "web", "to": "db", "networks": ["appdb"],
                                                 "names": ["db"], "ports": []}])
    caught = compare(wrong, connect, resolves, egress)
    print(f"{'ok  ' if caught else 'FAIL'} reachability: a wrong prediction is caught ({'; '.join(caught)})")
    failures += not caught
    print(f"reachability: {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
