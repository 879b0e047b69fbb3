#!/usr/bin/env python3
"""Whole-process benchmarks of `stackc config` and `stackc lint`: the median wall time over RUNS runs (hyperfine, no shell in between) and
the peak RSS (the largest of three /usr/bin/time -f %M runs), each also as a ratio to the PyYAML yardstick
measured in the same run.

Usage: measure.py RUNS STACKC COMPOSE INPUT..."""
import json
import os
import statistics
import subprocess
import sys
import tempfile

PROBE_LIMIT_S = 60


def wall_ms(cmd, runs, cwd):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(["hyperfine", "-N", "--warmup", "2", "--runs", str(runs), "--export-json", out.name,
                        "--command-name", "x", subprocess.list2cmdline(cmd)],
                       cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times = json.load(open(out.name))["results"][0]["times"]
    return statistics.median(times) * 1000


def peak_mb(cmd, cwd):
    peak = 0
    for _ in range(3):
        p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr}")
        peak = max(peak, int(p.stderr.strip().splitlines()[-1]))
    return peak / 1024


def main():
    runs = int(sys.argv[1])
    stackc, compose = sys.argv[2], sys.argv[3]
    inputs = sys.argv[4:]
    pyyaml = "import sys, yaml; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)"
    print(f"{'input':<28} {'tool':<22} {'median ms':>10} {'peak MB':>9} {'x PyYAML':>9}")
    results = {}
    for path in inputs:
        cwd = os.path.dirname(path)
        name = os.path.basename(os.path.dirname(path)) + "/" + os.path.basename(path) if "examples" in path else os.path.basename(path)
        tools = [("PyYAML CSafeLoader", ["python3", "-c", pyyaml, path]),
                 ("stackc config", [stackc, "config", "-f", path]),
                 ("stackc lint", [stackc, "lint", "--exit-zero", "-f", path])]
        if os.path.exists(compose):
            tools.append(("docker compose config", [compose, "-f", path, "config"]))
        py_ms = None
        for tool, cmd in tools:
            if tool.startswith("docker compose"):
                # Docker Compose's config can take minutes on thousands of services: one probe run
                # first, under a limit.
                try:
                    subprocess.run(cmd, cwd=cwd, timeout=PROBE_LIMIT_S, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
                except subprocess.TimeoutExpired:
                    print(f"{name:<28} {tool:<22} {'> %d s' % PROBE_LIMIT_S:>10} {'-':>9} {'-':>9}", flush=True)
                    continue
            ms, mb = wall_ms(cmd, runs, cwd), peak_mb(cmd, cwd)
            py_ms = py_ms or ms
            results[(name, tool)] = ms
            print(f"{name:<28} {tool:<22} {ms:>10.1f} {mb:>9.1f} {ms / py_ms:>9.2f}", flush=True)
    a = results.get(("gen-2000.yaml", "stackc config"))
    b = results.get(("gen-4000.yaml", "stackc config"))
    if a and b:
        print(f"stackc config: 4,000 services / 2,000 services = {b / a:.2f}x")
    a = results.get(("gen-2000.yaml", "stackc lint"))
    b = results.get(("gen-4000.yaml", "stackc lint"))
    if a and b:
        print(f"stackc lint: 4,000 services / 2,000 services = {b / a:.2f}x")


if __name__ == "__main__":
    main()
