// Command sarifcheck validates SARIF logs against the SARIF 2.1.0 JSON schema (the test helper of
// `stackc lint --format sarif`).
//
//	sarifcheck SCHEMA.json LOG.sarif...
//
// It prints "ok FILE" or the validation errors of each log, and exits 1 when any log is invalid.
package main

import (
	"fmt"
	"os"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: sarifcheck SCHEMA.json LOG.sarif...")
		os.Exit(2)
	}
	compiler := jsonschema.NewCompiler()
	schema, err := compiler.Compile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "sarifcheck: cannot compile the schema:", err)
		os.Exit(2)
	}
	failed := false
	for _, path := range os.Args[2:] {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "sarifcheck:", err)
			os.Exit(2)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			fmt.Printf("FAIL %s: not JSON: %v\n", path, err)
			failed = true
			continue
		}
		if err := schema.Validate(doc); err != nil {
			fmt.Printf("FAIL %s: %v\n", path, err)
			failed = true
			continue
		}
		fmt.Printf("ok   %s\n", path)
	}
	if failed {
		os.Exit(1)
	}
}
