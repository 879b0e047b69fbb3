package main

// The goldens mode: `differ -goldens DIR [-match REGEX] [-check] ORACLE` runs only the oracle, in YAML, on
// the entries whose id matches REGEX, and writes what it printed to DIR: `<id>.yaml` (its output) when it
// accepts, `<id>.error` (its first error line, normalised as the differential test normalises it) when it
// rejects. frontend/loader_test.cc (CorpusLoaderVectors) loads the same entries in-process and compares with
// these files, so the unit tests of extends, include and profiles on the corpus vectors have their expected
// values computed by compose-go, not copied from Go test files. The corpus root's path is written <CORPUS>
// in both. With -check nothing is written: the run fails when a file is missing, stale or left over.

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// goldenArgs reports whether an entry's arguments are ones the in-process test understands: -f FILE and
// --profile NAME.
func goldenArgs(args []string) bool {
	for i := 0; i < len(args); i += 2 {
		if i+1 >= len(args) || (args[i] != "-f" && args[i] != "--profile") {
			return false
		}
	}
	return true
}

// errorRuns is how often a rejected entry is run when the goldens are written, to see every wording.
const errorRuns = 16

func runGoldens(entries []entry, oracle, root, dir, match string, check bool) int {
	re, err := regexp.Compile(match)
	if err != nil {
		fmt.Fprintln(os.Stderr, "differ: -match:", err)
		return 2
	}
	want := map[string][]byte{}
	errorChecks := map[string]string{} // -check: an .error golden must list the line the oracle gave
	var ids []string
	for _, e := range entries {
		if !re.MatchString(e.id) || !goldenArgs(e.args) {
			continue
		}
		o := invoke(oracle, e.args, filepath.Join(root, e.dir), root)
		switch o.exit {
		case 0:
			// The corpus root is where this checkout's ../shared is: the goldens name it <CORPUS>.
			want[e.id+".yaml"] = bytes.ReplaceAll(o.stdout, []byte(root), []byte("<CORPUS>"))
		case 1:
			// compose-go words some errors in Go map order (which of two extends files it opens first):
			// the golden lists every line it gave in errorRuns runs, sorted, and any of them matches.
			lines := map[string]bool{o.errMsg: true}
			for i := 1; i < errorRuns && !check; i++ {
				if again := invoke(oracle, e.args, filepath.Join(root, e.dir), root); again.exit == 1 {
					lines[again.errMsg] = true
				}
			}
			if check {
				errorChecks[e.id+".error"] = o.errMsg
				want[e.id+".error"] = nil
			} else {
				want[e.id+".error"] = []byte(strings.Join(sortedKeys(lines), "\n") + "\n")
			}
		default:
			fmt.Fprintf(os.Stderr, "differ: the oracle failed on %s: %s\n", e.id, o.raw)
			return 2
		}
		ids = append(ids, e.id)
	}
	if len(ids) == 0 {
		fmt.Fprintf(os.Stderr, "differ: no entry matches %q\n", match)
		return 2
	}
	have := map[string][]byte{}
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			have[rel], _ = os.ReadFile(path)
		}
		return nil
	})
	var problems []string
	for name, data := range want {
		old, ok := have[name]
		switch {
		case check && !ok:
			problems = append(problems, "missing: "+name)
		case check && data == nil:
			if !slices.Contains(strings.Split(strings.TrimSuffix(string(old), "\n"), "\n"), errorChecks[name]) {
				problems = append(problems, "stale: "+name+" (the oracle now says: "+errorChecks[name]+")")
			}
		case check && !bytes.Equal(old, data):
			problems = append(problems, "stale: "+name)
		case !check && !bytes.Equal(old, data):
			path := filepath.Join(dir, name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err == nil {
				err = os.WriteFile(path, data, 0o644)
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "differ:", err)
				return 2
			}
		}
	}
	for name := range have {
		if _, ok := want[name]; ok {
			continue
		}
		if check {
			problems = append(problems, "left over: "+name)
		} else if err := os.Remove(filepath.Join(dir, name)); err != nil {
			fmt.Fprintln(os.Stderr, "differ:", err)
			return 2
		}
	}
	sort.Strings(problems)
	for _, p := range problems {
		fmt.Println("goldens:", p)
	}
	if len(problems) > 0 {
		fmt.Printf("goldens: %d of %d entries differ from what the oracle prints; regenerate with "+
			"tests/differential/run.sh --write-goldens\n", len(problems), len(ids))
		return 1
	}
	verb := "current"
	if !check {
		verb = "written"
	}
	fmt.Printf("goldens: %d entries %s in %s (%s)\n", len(ids), verb, dir, strings.TrimSpace(match))
	return 0
}
