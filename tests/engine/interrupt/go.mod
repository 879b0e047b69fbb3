module stackc.dev/tests/engine/interrupt

go 1.25.0
