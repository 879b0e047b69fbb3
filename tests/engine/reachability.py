#!/usr/bin/env python3
"""Engine truth test of stackc's reachability and egress analyses.

Applies stacks with `stackc apply` (the brief's two examples with test images, and generated stacks
of 3-8 services over 1-4 networks, from a fixed seed that is printed) and, from inside every
container of every service (each replica; one container for a `network_mode: service:x` service,
which shares x's namespace), in one `docker exec` per container with the probes run in parallel:

  - tries a TCP connection to every address of every other service on the probe port 7000
    (connected / refused / blocked);
  - resolves every name of every other service (its service name, its aliases, its containers'
    names; in x's namespace, x's too) and every name `stackc graph` predicted for the edge
    (`names`: the same, link aliases, `localhost` in one namespace), through /etc/hosts and the
    Engine's DNS at 127.0.0.11;
  - reads its default route from /proc/net/route (destination 00000000).

It then asserts, for every source container, that `stackc graph --format json` predicted exactly
that: an edge where a connection succeeds and none where it is refused or blocked; every predicted
name resolves, to the target's addresses (loopback for `localhost`); no name of a target resolves
without being predicted (in particular none of an unreachable target's); and a container has
egress exactly when the graph lists its service under `egress`. A container's egress is observed
as a default route whose gateway is on a network the Engine NATs out (a MASQUERADE rule for its
subnet in the host's iptables): both signals are reported, and nothing ever connects to an
address outside the project's containers. (On an `internal: true` network the Engine still gives a
container a default route to the bridge's address, but masquerades nothing and drops what leaves
the subnet: the route alone is not egress.) The networked services run with `dns_opt: [ndots:1]`,
which makes the Engine's resolver answer a single-label name it does not know itself (every name
probed here) instead of forwarding it to the host's upstream servers. Finally, deliberately wrong
predictions (an edge, an egress, a name) must be caught (the mutation checks).

Usage: reachability.py STACKC WORKDIR PROJECT_PREFIX [SEED]
"""
import concurrent.futures
import ipaddress
import json
import os
import random
import shlex
import socket
import subprocess
import sys

IMAGE = "stackc-test/busybox:1"
PORT = 7000
PROBE = ["httpd", "-f", "-p", str(PORT), "-h", "/www"]
DNS_OPT = ["ndots:1"]  # no forwarding of the probes' unknown names out of the machine
LOOPBACK = {"127.0.0.1", "::1"}
# Run first in every probe: `r NAME` prints "dns NAME ADDRESS..." (by /etc/hosts, then the Engine's
# DNS); the default routes are printed as "route IFACE GATEWAY" (GATEWAY in /proc's hex).
PRELUDE = r"""r() {
  echo "dns $1" $(awk -v n="$1" '!/^#/ {for (i = 2; i <= NF; i++) if ($i == n) print $1}' /etc/hosts
    nslookup "$1" 127.0.0.11 2>/dev/null | awk '/^Name:/ {f = 1} f && /^Address/ {print $2}')
}
awk '$2 == "00000000" {print "route", $1, $3}' /proc/net/route"""


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
            else:
                if rng.random() < 0.85:
                    chosen = rng.sample(sorted(nets), rng.randint(1, min(2, len(nets))))
                    svc["networks"] = {n: ({"aliases": [f"{name}-on-{n}"]} if rng.random() < 0.3 else None)
                                       for n in chosen}
                svc["dns_opt"] = DNS_OPT
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
    """What the Engine lets through, seen from every source container (see the module's doc)."""
    ps = json.loads(run([stackc, "-p", project] + files + ["ps", "--format", "json", "-a"]).stdout or "[]")
    config = json.loads(run([stackc, "-p", project] + files + ["config", "--format", "json"]).stdout)
    by_service, service_of = {}, {}
    for c in ps:
        by_service.setdefault(c["Service"], []).append(c["Name"])
        service_of[c["Name"]] = c["Service"]
    for names in by_service.values():
        names.sort()
    inspect = {}
    if service_of:
        for c in json.loads(run(["docker", "inspect"] + sorted(service_of)).stdout):
            inspect[c["Name"].lstrip("/")] = c
    ids = {c["Id"]: n for n, c in inspect.items()}

    def namespace_owner(name):
        mode = inspect[name]["HostConfig"]["NetworkMode"]
        return ids.get(mode.split(":", 1)[1], name) if mode.startswith("container:") else name

    def networks_of(container):
        return inspect[namespace_owner(container)]["NetworkSettings"]["Networks"]

    services = graph["services"]
    addresses, names, sources = {}, {}, {}
    for s in services:
        containers = by_service.get(s, [])
        addresses[s] = {v["IPAddress"] for c in containers for v in networks_of(c).values() if v.get("IPAddress")}
        cfg = config["services"].get(s, {})
        names[s] = {s, *containers} | ({cfg["container_name"]} if cfg.get("container_name") else set())
        for attachment in (cfg.get("networks") or {}).values():
            names[s] |= set((attachment or {}).get("aliases") or [])
        # One namespace, one probe: a service: mode service is probed from its first container.
        shared = containers and inspect[containers[0]]["HostConfig"]["NetworkMode"].startswith("container:")
        sources[s] = containers[:1] if shared else containers
    # In x's namespace (service: mode), a service is also reached by x's names.
    for s in services:
        owners = {service_of.get(namespace_owner(c)) for c in by_service.get(s, [])} - {s, None}
        names[s] = names[s].union(*(names[o] for o in owners if o in names))
    edges = {(e["from"], e["to"]): e for e in graph["edges"]}

    def probe(container):
        source = service_of[container]
        lines, to_resolve = [PRELUDE], set()
        for target in services:
            if target == source:
                continue
            for ip in sorted(addresses[target]):
                lines.append(f'(o=$(nc -w 2 {ip} {PORT} </dev/null 2>&1); echo "tcp {target} $? $o") &')
            to_resolve |= names[target] | set(edges.get((source, target), {}).get("names", []))
        lines += [f"r {shlex.quote(n)} &" for n in sorted(to_resolve)] + ["wait"]
        return container, run(["docker", "exec", container, "sh", "-c", "\n".join(lines)], check=False)

    masq = masqueraded_subnets()
    connect, resolved, egress, errors = {}, {}, {}, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        for container, r in pool.map(probe, [c for s in services for c in sources[s]]):
            if r.returncode != 0:
                errors.append(f"{container}: the probe failed ({r.returncode}): {r.stderr.strip()[-300:]}")
            routes = []
            for line in r.stdout.splitlines():
                kind, first, rest = (line.split(" ", 2) + ["", ""])[:3]
                if kind == "dns":
                    resolved[(container, first)] = set(rest.split())
                elif kind == "route":
                    routes.append(str(ipaddress.IPv4Address(bytes.fromhex(rest.strip())[::-1])))
                elif kind == "tcp":
                    rc, _, msg = rest.partition(" ")
                    result = "connected" if rc == "0" else "refused" if "refused" in msg else "blocked"
                    if connect.get((container, first)) != "connected":
                        connect[(container, first)] = result
            # Egress: a default route, through a gateway whose network the Engine masquerades.
            seen = []
            for gateway in routes:
                net = next((k for k, v in networks_of(container).items() if v.get("Gateway") == gateway), None)
                v = networks_of(container).get(net, {})
                subnet = (ipaddress.ip_network(f'{v["IPAddress"]}/{v["IPPrefixLen"]}', strict=False)
                          if v.get("IPAddress") else None)
                nat = subnet is not None and any(subnet.subnet_of(m) for m in masq if m.version == subnet.version)
                seen.append((f"a default route via {gateway} ({net or 'not a network of the container'}, "
                             f"{'masqueraded' if nat else 'not masqueraded'})", nat))
            egress[container] = (any(nat for _, nat in seen),
                                 "; ".join(d for d, _ in seen) or "no default route", bool(routes))
    return {"sources": sources, "addresses": addresses, "names": names, "connect": connect,
            "resolved": resolved, "egress": egress, "errors": errors}


def compare(graph, obs):
    """The differences between the prediction and what happened, as readable lines."""
    problems = list(obs["errors"])
    edges = {(e["from"], e["to"]): e for e in graph["edges"]}
    predicted_egress = {e["service"] for e in graph["egress"]}
    services = graph["services"]
    for a in services:
        if not obs["sources"][a]:
            problems.append(f"{a}: no container to probe from")
        for c in obs["sources"][a]:
            for b in services:
                if a == b:
                    continue
                e = edges.get((a, b))
                got = obs["connect"].get((c, b), "blocked")  # no address at all: nothing to connect to
                if (e is not None) != (got == "connected"):
                    problems.append(f"{c} -> {b}: predicted {'reach' if e else 'no reach'}, got {got}")
                if e is not None and got == "refused":
                    problems.append(f"{c} -> {b}: the probe port refused (is the listener up?)")
                # Names: the predicted ones resolve to b, no other name of b resolves. Through the
                # host (host mode) nothing is reached by a name.
                predicted = set(e["names"]) if e else set()
                through_host = e is not None and "host" in e["networks"]
                for n in sorted(obs["names"][b] | predicted):
                    addrs = obs["resolved"].get((c, n), set())
                    want = LOOPBACK if n == "localhost" else obs["addresses"][b]
                    if n in predicted and not addrs:
                        problems.append(f"{c} -> {b}: predicted the name {n} resolves, it does not")
                    elif n in predicted and not addrs <= want:
                        problems.append(f"{c} -> {b}: the name {n} resolves to {' '.join(sorted(addrs))}, "
                                        f"not to {b} ({' '.join(sorted(want))})")
                    elif n not in predicted and addrs and not through_host:
                        problems.append(f"{c} -> {b}: the name {n} resolves (to {' '.join(sorted(addrs))}), "
                                        f"predicted {'not by that name' if e else 'no reach'}")
            got_egress, seen, _ = obs["egress"][c]
            if (a in predicted_egress) != got_egress:
                problems.append(f"{c}: predicted {'egress' if a in predicted_egress else 'no egress'}, "
                                f"has {seen}")
    return problems


def check_stack(stackc, label, files, project, extra=()):
    graph = json.loads(run([stackc, "-p", project] + files + ["graph", "--format", "json"]).stdout)
    try:
        run([stackc, "-p", project] + files + ["apply", "-t", "1", "--wait", "--progress", "plain"] + list(extra))
        obs = observe(stackc, files, project, graph)
    finally:
        run([stackc, "-p", project] + files + ["down", "-t", "0", "--progress", "plain"], check=False)
    problems = compare(graph, obs)
    services = graph["services"]
    containers = sum(len(v) for v in obs["sources"].values())
    pairs = len(services) * (len(services) - 1)
    blocked = sum(1 for v in obs["connect"].values() if v != "connected")
    resolved = sum(1 for v in obs["resolved"].values() if v)
    routes = sum(1 for v in obs["egress"].values() if v[2])
    nat = sum(1 for v in obs["egress"].values() if v[0])
    with_egress = sum(1 for s in services if obs["sources"][s] and all(obs["egress"][c][0] for c in obs["sources"][s]))
    print(f"{'ok  ' if not problems else 'FAIL'} reachability: {label}: {len(services)} services, "
          f"{containers} containers probed, {pairs} pairs, {len(graph['edges'])} edges, "
          f"{blocked} probes not connected, {resolved} of {len(obs['resolved'])} names resolved, "
          f"{routes} default routes ({nat} masqueraded), {with_egress} services with egress")
    for p in problems:
        print(f"     {p}")
    return graph, obs, problems


def main():
    stackc, work, prefix = sys.argv[1], sys.argv[2], sys.argv[3]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 20261129
    here = os.path.dirname(os.path.abspath(__file__))
    print(f"reachability: seed {seed}")
    # The brief's stacks read these (run.sh sets them); run alone, the script picks its own.
    if "STACKC_E2E_PORT" not in os.environ:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            os.environ["STACKC_E2E_PORT"] = str(s.getsockname()[1])
    os.environ.setdefault("STACKC_E2E_DIR", os.path.join(os.path.abspath(work), "host"))
    os.environ.setdefault("STACKC_E2E_SECRET", "reachability")
    os.makedirs(os.environ["STACKC_E2E_DIR"], exist_ok=True)
    failures = 0
    # The brief's stacks, every service listening on the probe port; the scale of two-tier's
    # `--scale os=2` is in the override too, so that the prediction names both replicas.
    for name, scale in (("two-tier", {"os": 2}), ("three-tier", {})):
        base = os.path.join(here, "stacks", f"{name}.yaml")
        services = run([stackc, "-f", base, "config", "--services"]).stdout.split()
        override = os.path.join(work, f"{name}-probe.yaml")
        with open(override, "w") as f:
            json.dump({"services": {s: dict({"command": PROBE, "entrypoint": [], "dns_opt": DNS_OPT},
                                            **({"scale": scale[s]} if s in scale else {}))
                                    for s in services}}, f)
        extra = [a for s, n in scale.items() for a in ("--scale", f"{s}={n}")]
        first = check_stack(stackc, name, ["-f", base, "-f", override], f"{prefix}-{name}", extra)
        failures += bool(first[2])
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
        failures += bool(check_stack(stackc, f"generated-{i:02d}", ["-f", path], f"{prefix}-g{i:02d}")[2])
    missing = [k for k, n in covered.items() if n == 0]
    print(f"{'ok  ' if not missing else 'FAIL'} reachability: the generated stacks cover "
          + ", ".join(f"{k} ({n} stacks)" for k, n in covered.items()))
    failures += bool(missing)
    # Mutation checks on the three-tier stack: a wrong edge (web reaches db), a wrong egress (db
    # has none) and a wrong name (web reaches app by the name db) must each be caught.
    graph, obs, _ = kept
    mutations = (
        ("a wrong prediction", dict(graph, edges=graph["edges"] + [
            {"from": "web", "to": "db", "networks": ["appdb"], "names": ["db"], "ports": []}])),
        ("a wrong egress prediction", dict(graph, egress=[e for e in graph["egress"] if e["service"] != "db"])),
        ("a wrong name prediction", dict(graph, edges=[
            dict(e, names=sorted(e["names"] + ["db"])) if (e["from"], e["to"]) == ("web", "app") else e
            for e in graph["edges"]])),
    )
    for what, wrong in mutations:
        caught = compare(wrong, obs)
        print(f"{'ok  ' if caught else 'FAIL'} reachability: {what} is caught ({'; '.join(caught)})")
        failures += not caught
    print(f"reachability: {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
