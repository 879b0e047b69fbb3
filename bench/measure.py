#!/usr/bin/env python3
"""Whole-process benchmarks of `stackc config` and `stackc lint`: the median wall time over RUNS runs (hyperfine, no shell in between) and
the peak RSS (the largest of three /usr/bin/time -f %M runs), each also as a ratio to the PyYAML yardstick
measured in the same run. The 4,000 / 2,000 services ratio comes from 3 x RUNS pairs of runs of the two
generated projects, alternated, so that a change in the host's load weighs on both sizes alike: the ratio of
the two medians, and the median of the ratios of each pair.

Usage: measure.py RUNS STACKC COMPOSE INPUT..."""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

PROBE_LIMIT_S = 60
# The other tenants' load on the shared machines we run on comes and goes within seconds; the
# scaling ratio, a quotient of two noisy figures, gets three times the runs of the others.
SCALING_PAIRS_PER_RUN = 3


def wall_ms(cmd, runs, cwd):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(["hyperfine", "-N", "--warmup", "2", "--runs", str(runs), "--export-json", out.name,
                        "--command-name", "x", subprocess.list2cmdline(cmd)],
                       cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times = json.load(open(out.name))["results"][0]["times"]
    return statistics.median(times) * 1000


def run_ms(cmd):
    """Wall time of one run, from spawn to reaping, output discarded."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
        t0 = time.perf_counter()
        pid = os.posix_spawn(cmd[0], cmd, os.environ, file_actions=actions)
        _, status = os.waitpid(pid, 0)
        elapsed = (time.perf_counter() - t0) * 1000
    finally:
        os.close(devnull)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}")
    return elapsed


def interleaved_ms(a, b, runs):
    """Commands a and b run alternately (after two warm-up pairs): their median wall times and the
    median of the ratios b / a of each pair, which a drift of the host's load slower than one pair
    leaves alone."""
    times_a, times_b = [], []
    for i in range(runs + 2):
        ta, tb = run_ms(a), run_ms(b)
        if i >= 2:
            times_a.append(ta)
            times_b.append(tb)
    pair_ratio = statistics.median(tb / ta for ta, tb in zip(times_a, times_b))
    return statistics.median(times_a), statistics.median(times_b), pair_ratio


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
    # Scaling: the two sizes run alternately, so that a change in the machine's load (other
    # tenants of the host) weighs on both alike; consecutive blocks of runs do not cancel it.
    small_in = next((p for p in inputs if os.path.basename(p) == "gen-2000.yaml"), None)
    large_in = next((p for p in inputs if os.path.basename(p) == "gen-4000.yaml"), None)
    if small_in and large_in:
        for tool, sub in (("config", ["config"]), ("lint", ["lint", "--exit-zero"])):
            a, b, pairs = interleaved_ms([stackc, *sub, "-f", small_in], [stackc, *sub, "-f", large_in],
                                         SCALING_PAIRS_PER_RUN * runs)
            print(f"stackc {tool}: 4,000 services / 2,000 services = {b / a:.2f}x "
                  f"(interleaved medians {a:.1f} / {b:.1f} ms; median of the pairs' ratios {pairs:.2f}x; "
                  f"consecutive blocks above: "
                  f"{results[('gen-4000.yaml', 'stackc ' + tool)] / results[('gen-2000.yaml', 'stackc ' + tool)]:.2f}x)")


if __name__ == "__main__":
    main()
