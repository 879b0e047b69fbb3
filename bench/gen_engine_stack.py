#!/usr/bin/env python3
"""Prints a compose file of N services for the Engine benchmark: chains of `depends_on:
service_healthy` (CHAIN services deep), every service with a healthcheck, on two networks, with the
test image of tests/engine/make-image.sh. Usage: gen_engine_stack.py N [CHAIN]"""
import sys

n = int(sys.argv[1])
chain = int(sys.argv[2]) if len(sys.argv) > 2 else 5
print("services:")
for i in range(n):
    print(f"  s{i:02d}:")
    print("    image: stackc-test/busybox:1")
    print('    command: ["sleep", "86400"]')
    print("    init: true")
    print("    healthcheck:")
    print('      test: ["CMD", "true"]')
    print("      interval: 1s")
    print("      timeout: 1s")
    print("      retries: 30")
    print(f"    networks: [{'front' if i % 2 else 'back'}]")
    print(f"    environment: [INDEX={i}]")
    if i % chain:
        print("    depends_on:")
        print(f"      s{i - 1:02d}:")
        print("        condition: service_healthy")
print("networks:\n  front: {}\n  back: {}")
