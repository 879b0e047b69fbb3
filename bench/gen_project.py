#!/usr/bin/env python3
"""Writes a Compose project of N services to stdout: ports, environment (with ${VAR} references), named volumes
and read-only binds, two of four networks (one internal), depends_on chains and YAML anchors with << merge keys.
The shape follows ../shared/bench/large-2000.yaml, so N=2000 is comparable with it.

Usage: gen_project.py N [SEED]
"""
import random
import sys


def main() -> None:
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 42)
    out = []
    w = out.append
    w("name: bench\n")
    w("x-common: &common\n  restart: unless-stopped\n  labels:\n    tier: bench\n")
    w("services:\n")
    nets = ["front", "back", "data", "ops"]
    for i in range(n):
        w(f"  svc{i}:\n")
        w("    <<: *common\n")
        w(f"    image: registry.example.com/team/svc{i % 50}:1.{i % 7}.{i % 3}\n")
        deps = sorted({rng.randrange(i) for _ in range(min(i, 3))}) if i else []
        if deps:
            w("    depends_on:\n")
            for d in deps:
                w(f"      - svc{d}\n")
        w("    environment:\n")
        w(f"      SERVICE_ID: \"{i}\"\n")
        w(f"      LOG_LEVEL: info\n")
        w(f"      API_TOKEN: ${{API_TOKEN_{i % 10}:-changeme}}\n")
        w("    volumes:\n")
        w(f"      - data{i}:/var/lib/svc\n")
        w(f"      - ./conf/svc{i}:/etc/svc:ro\n")
        a, b = rng.sample(nets, 2)
        w(f"    networks: [{a}, {b}]\n")
        host = "127.0.0.1:" if i % 2 else ""
        w(f"    ports:\n      - \"{host}{20000 + i}:8080\"\n")
    w("networks:\n  front: {}\n  back: {}\n  data:\n    internal: true\n  ops: {}\n")
    w("volumes:\n")
    for i in range(n):
        w(f"  data{i}: {{}}\n")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
