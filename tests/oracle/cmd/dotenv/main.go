// Command dotenv is the oracle for stackc's .env parser (frontend/dotenv.cc): it parses each file given on the
// command line with compose-go's dotenv package (v2.14.0) against a fixed lookup environment and prints, per
// file, one JSON object: the resulting key/value map, the parser's error text (if any) and the warnings logged
// while interpolating. frontend/dotenv_test.cc compares stackc against these outputs.
//
// Usage: dotenv -o OUT_DIR FILE...   writes OUT_DIR/<basename without .env>.json for each FILE
//
//	dotenv FILE                      prints the JSON of one file to standard output
//
// How to regenerate the goldens in corpus/frontend/dotenv/ is written at the top of frontend/dotenv_test.cc.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/compose-spec/compose-go/v2/dotenv"
	"github.com/sirupsen/logrus"
)

// Lookup is the fixed "OS environment" every file is parsed against; dotenv_test.cc uses the same values.
var Lookup = map[string]string{
	"VAR_TO_BE_LOADED_FROM_OS_ENV": "loaded-from-os",
	"ORACLE_HOME":                  "/home/oracle",
	"ORACLE_EMPTY":                 "",
}

type result struct {
	Values   map[string]string `json:"values"`
	Error    string            `json:"error,omitempty"`
	Warnings []string          `json:"warnings"`
}

type hook struct{ messages *[]string }

func (h hook) Levels() []logrus.Level { return []logrus.Level{logrus.WarnLevel} }
func (h hook) Fire(e *logrus.Entry) error {
	*h.messages = append(*h.messages, e.Message)
	return nil
}

func run(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var warnings []string
	logrus.StandardLogger().ReplaceHooks(logrus.LevelHooks{})
	logrus.AddHook(hook{&warnings})
	values, perr := dotenv.ParseWithLookup(bytes.NewReader(data), func(k string) (string, bool) {
		v, ok := Lookup[k]
		return v, ok
	})
	r := result{Values: values, Warnings: warnings}
	if r.Warnings == nil {
		r.Warnings = []string{}
	}
	if perr != nil {
		r.Error = perr.Error()
		r.Values = map[string]string{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func main() {
	out := flag.String("o", "", "output directory (one <name>.json per input)")
	flag.Parse()
	logrus.SetOutput(io.Discard)
	for _, path := range flag.Args() {
		b, err := run(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if *out == "" {
			os.Stdout.Write(b)
			continue
		}
		name := strings.TrimSuffix(filepath.Base(path), ".env") + ".json"
		if err := os.WriteFile(filepath.Join(*out, name), b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
