#!/usr/bin/env python3
"""Runs each command RUNS times and prints the median wall time and the peak RSS (from /usr/bin/time -f %M)."""
import os
import statistics
import subprocess
import sys
import time


def measure(cmd, runs, cwd):
    walls, rss = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
        walls.append(time.perf_counter() - t0)
        rss.append(int(p.stderr.strip().splitlines()[-1]))
        if p.returncode != 0:
            sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr}")
    return statistics.median(walls) * 1000, max(rss) / 1024


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
        py_ms, py_mb = measure(["python3", "-c", pyyaml, path], runs, cwd)
        tools = [("stackc config", [stackc, "config", "-f", path])]
        if os.path.exists(compose):
            tools.append(("docker compose config", [compose, "-f", path, "config"]))
        print(f"{name:<28} {'PyYAML CSafeLoader':<22} {py_ms:>10.1f} {py_mb:>9.1f} {1.0:>9.2f}")
        for tool, cmd in tools:
            ms, mb = measure(cmd, runs, cwd)
            results[(name, tool)] = ms
            print(f"{name:<28} {tool:<22} {ms:>10.1f} {mb:>9.1f} {ms / py_ms:>9.2f}")
    a = results.get(("gen-2000.yaml", "stackc config"))
    b = results.get(("gen-4000.yaml", "stackc config"))
    if a and b:
        print(f"stackc config: 4,000 services / 2,000 services = {b / a:.2f}x")


if __name__ == "__main__":
    main()
