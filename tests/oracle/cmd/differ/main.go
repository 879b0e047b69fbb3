// Command differ is stackc's differential test runner: for every entry of tests/differential/entries.tsv it
// runs `stackc config ARGS` and `oracle ARGS` (the Go oracle, cmd/compose-config), once printing YAML and once
// with `--format json`, in a fixed clean environment (env HOME=/tmp/stackc-home PWD=<dir> USER=stackc
// PATH=/usr/local/bin:/usr/bin:/bin, cwd = the entry's directory), and compares:
//
//   - accept/reject: exit status 0 vs non-zero;
//   - on accept: stdout byte for byte;
//   - on reject: the first error line of stderr, after dropping warning and code-frame lines, leading `file:line:col: `
//     locations, the `error: ` word and a trailing ` [CODE]`, with the corpus root path replaced by <CORPUS>.
//     compose-go prints some errors in Go map order (random): when stackc's line is a near miss of the
//     oracle's, the oracle is run again (up to 100 times, stopping at a match) and any line it prints is
//     accepted; likewise for an accepted output that holds the same lines in another order.
//
// Differences listed in known-differences.tsv (id, format, reason) are tolerated; the run fails on a new
// difference and on a listed one that no longer differs (the file may only shrink). `--update` rewrites the
// file with the current differences (reason `not yet triaged` for new ones, existing reasons kept).
//
// Usage:
//
//	differ [flags] STACKC ORACLE
//	  -entries FILE   entries (default tests/differential/entries.tsv beside this repository's root)
//	  -known FILE     known differences (default tests/differential/known-differences.tsv)
//	  -corpus DIR     corpus root (default ../shared/corpus/public beside the repository)
//	  -only ID        run one entry (repeatable)
//	  -update         rewrite the known-differences file
//	  -v              show a diff for each difference
//	  -j N            parallel runs (default: number of CPUs)
//	  -spawn-oracle   start the oracle once per run (default: one `oracle --batch` process per worker, which
//	                  saves the process start and schema compilation; the results are the same)
//
//	differ -goldens DIR [-match REGEX] [-check] ORACLE   the oracle's outputs as unit-test goldens (goldens.go)
//
// The last line is `differential: N passed, N failed` (passed = identical + known).
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

const (
	homeDir      = "/tmp/stackc-home"
	runTimeout   = 30 * time.Second
	untriaged    = "not yet triaged"
	knownHeader1 = "# Known differences between `stackc config` and the Go oracle (docker compose config v5.5.0)."
	knownHeader2 = "# id\tformat\treason   -- maintained by tests/differential/run.sh --update; may only shrink."
)

var formats = []string{"yaml", "json"}

type entry struct {
	id   string
	dir  string // relative to the corpus root
	args []string
}

type outcome struct {
	exit   int // 0 accept, 1 reject, -1 could not run / timed out
	stdout []byte
	errMsg string // normalized first error line, on reject
	raw    string // stderr, for -v
}

type result struct {
	e      entry
	format string
	same   bool
	why    string // short description of the difference
	stackc outcome
	oracle outcome
}

type known struct {
	reason string
	order  int
}

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func main() {
	os.Exit(run())
}

func run() int {
	repoRoot := findRepoRoot()
	entriesPath := flag.String("entries", filepath.Join(repoRoot, "tests/differential/entries.tsv"), "entries file")
	knownPath := flag.String("known", filepath.Join(repoRoot, "tests/differential/known-differences.tsv"), "known differences file")
	corpus := flag.String("corpus", filepath.Join(repoRoot, "../shared/corpus/public"), "corpus root")
	update := flag.Bool("update", false, "rewrite the known-differences file with the current differences")
	verbose := flag.Bool("v", false, "show a diff for each difference")
	jobs := flag.Int("j", runtime.NumCPU(), "parallel runs")
	spawn := flag.Bool("spawn-oracle", false, "start the oracle once per run instead of using its --batch mode")
	var only stringList
	flag.Var(&only, "only", "run only this entry id (repeatable)")
	goldens := flag.String("goldens", "", "write the oracle's outputs for the entries -match selects into DIR (see goldens.go)")
	match := flag.String("match", ".", "with -goldens: the entry ids to take (a regular expression)")
	check := flag.Bool("check", false, "with -goldens: compare with DIR instead of writing it")
	flag.Parse()
	if *goldens != "" {
		entries, err := readEntries(*entriesPath)
		root, err2 := filepath.Abs(*corpus)
		oracle, err3 := filepath.Abs(flag.Arg(flag.NArg() - 1))
		if err := errors.Join(err, err2, err3); err != nil || flag.NArg() != 1 {
			fmt.Fprintln(os.Stderr, "usage: differ -goldens DIR [-match REGEX] [-check] ORACLE", err)
			return 2
		}
		if err := os.MkdirAll(homeDir, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		return runGoldens(entries, oracle, root, *goldens, *match, *check)
	}
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: differ [flags] STACKC ORACLE")
		flag.PrintDefaults()
		return 2
	}
	stackc, err1 := filepath.Abs(flag.Arg(0))
	oracle, err2 := filepath.Abs(flag.Arg(1))
	root, err3 := filepath.Abs(*corpus)
	if err := errors.Join(err1, err2, err3); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	for _, bin := range []string{stackc, oracle} {
		if st, err := os.Stat(bin); err != nil || st.IsDir() {
			fmt.Fprintf(os.Stderr, "differ: no binary at %s\n", bin)
			return 2
		}
	}
	// Run copies, so that a rebuild during the run does not change (or remove) the binaries under test.
	snapshot, err := os.MkdirTemp("", "differ-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer os.RemoveAll(snapshot)
	if stackc, err = copyExecutable(stackc, filepath.Join(snapshot, "stackc")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	if oracle, err = copyExecutable(oracle, filepath.Join(snapshot, "oracle")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		fmt.Fprintf(os.Stderr, "differ: no corpus at %s\n", root)
		return 2
	}

	entries, err := readEntries(*entriesPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	knownDiffs, err := readKnown(*knownPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	selected := entries
	if len(only) > 0 {
		want := map[string]bool{}
		for _, id := range only {
			want[id] = true
		}
		selected = nil
		for _, e := range entries {
			if want[e.id] {
				selected = append(selected, e)
				delete(want, e.id)
			}
		}
		if len(want) > 0 {
			fmt.Fprintf(os.Stderr, "differ: unknown entry id(s): %s\n", strings.Join(sortedKeys(want), ", "))
			return 2
		}
	}
	if err := os.MkdirAll(homeDir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}

	start := time.Now()
	results := runAll(selected, stackc, oracle, root, *jobs, *spawn)

	// Classify.
	var identical, knownCount int
	var newFailures, fixed, fixedRuns []string
	current := map[string]bool{}
	for _, r := range results {
		key := r.e.id + "\t" + r.format
		_, listed := knownDiffs[key]
		switch {
		case r.same && listed:
			fixed = append(fixed, fmt.Sprintf("FIXED  %s [%s] now identical (remove it from the known differences)", r.e.id, r.format))
			fixedRuns = append(fixedRuns, key)
		case r.same:
			identical++
		case listed:
			knownCount++
			current[key] = true
		default:
			newFailures = append(newFailures, fmt.Sprintf("NEW    %s [%s] %s", r.e.id, r.format, r.why))
			current[key] = true
		}
		if !r.same && *verbose && (!listed || len(only) > 0) {
			printDiff(r)
		}
	}
	// Listed entries that no longer exist count as fixed (stale lines), unless filtered out by -only.
	if len(only) == 0 {
		ids := map[string]bool{}
		for _, e := range entries {
			ids[e.id] = true
		}
		for _, key := range sortedKeys(knownDiffs) {
			id, format, _ := strings.Cut(key, "\t")
			if !ids[id] {
				fixed = append(fixed, fmt.Sprintf("STALE  %s [%s] is not an entry any more", id, format))
			}
		}
	}
	for _, line := range newFailures {
		fmt.Println(line)
	}
	for _, line := range fixed {
		fmt.Println(line)
	}

	total := len(results)
	pct := 0.0
	if total > 0 {
		pct = 100 * float64(identical+len(fixedRuns)) / float64(total)
	}
	fmt.Printf("identical: %d, known: %d, new failures: %d, fixed: %d -- %.1f%% identical (%d runs of %d entries x %d formats, %.1fs)\n",
		identical, knownCount, len(newFailures), len(fixed), pct, total, len(selected), len(formats), time.Since(start).Seconds())

	if *update {
		if err := writeKnown(*knownPath, entries, selected, results, knownDiffs, len(only) > 0); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		fmt.Printf("updated %s\n", *knownPath)
		fmt.Printf("differential: %d passed, %d failed\n", total, 0)
		return 0
	}
	failed := len(newFailures) + len(fixed)
	fmt.Printf("differential: %d passed, %d failed\n", identical+knownCount, failed)
	if failed > 0 {
		return 1
	}
	return 0
}

// findRepoRoot returns the repository root: two levels above tests/oracle when run from there, else the
// directory holding tests/differential upwards from the working directory.
func findRepoRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return "."
	}
	for d := dir; ; d = filepath.Dir(d) {
		if st, err := os.Stat(filepath.Join(d, "tests", "differential")); err == nil && st.IsDir() {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

func readEntries(path string) ([]entry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var entries []entry
	seen := map[string]bool{}
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 tab-separated columns, got %d", path, n+1, len(cols))
		}
		if seen[cols[0]] {
			return nil, fmt.Errorf("%s:%d: duplicate id %s", path, n+1, cols[0])
		}
		seen[cols[0]] = true
		entries = append(entries, entry{id: cols[0], dir: cols[1], args: strings.Fields(cols[2])})
	}
	return entries, nil
}

func readKnown(path string) (map[string]known, error) {
	out := map[string]known{}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.SplitN(line, "\t", 3)
		if len(cols) < 2 {
			return nil, fmt.Errorf("%s:%d: want id<TAB>format<TAB>reason", path, n+1)
		}
		reason := untriaged
		if len(cols) == 3 && strings.TrimSpace(cols[2]) != "" {
			reason = cols[2]
		}
		out[cols[0]+"\t"+cols[1]] = known{reason: reason, order: n}
	}
	return out, nil
}

func writeKnown(path string, all, selected []entry, results []result, old map[string]known, partial bool) error {
	differs := map[string]bool{}
	for _, r := range results {
		if !r.same {
			differs[r.e.id+"\t"+r.format] = true
		}
	}
	ran := map[string]bool{}
	for _, e := range selected {
		ran[e.id] = true
	}
	var b strings.Builder
	b.WriteString(knownHeader1 + "\n" + knownHeader2 + "\n")
	for _, e := range all {
		for _, f := range formats {
			key := e.id + "\t" + f
			_, listed := old[key]
			keep := differs[key] || (partial && !ran[e.id] && listed)
			if !keep {
				continue
			}
			reason := untriaged
			if k, ok := old[key]; ok {
				reason = k.reason
			}
			fmt.Fprintf(&b, "%s\t%s\n", key, reason)
		}
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

type job struct {
	e      entry
	format string
	idx    int
}

func runAll(entries []entry, stackc, oracle, root string, jobs int, spawn bool) []result {
	if jobs < 1 {
		jobs = 1
	}
	results := make([]result, len(entries)*len(formats))
	ch := make(chan job)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var o oracleRunner = &spawnRunner{bin: oracle, root: root}
			if !spawn {
				b := &batchRunner{bin: oracle, root: root}
				defer b.close()
				o = b
			}
			for j := range ch {
				results[j.idx] = compare(j.e, j.format, stackc, o, root)
			}
		}()
	}
	for i, e := range entries {
		for k, f := range formats {
			ch <- job{e: e, format: f, idx: i*len(formats) + k}
		}
	}
	close(ch)
	wg.Wait()
	return results
}

// oracleRunner runs the oracle for one (args, dir).
type oracleRunner interface {
	run(args []string, dir string) outcome
}

type spawnRunner struct{ bin, root string }

func (s *spawnRunner) run(args []string, dir string) outcome { return invoke(s.bin, args, dir, s.root) }

// batchRunner keeps one `oracle --batch` process and sends it one job per run; the process is restarted
// after a failure or a timeout.
type batchRunner struct {
	bin, root string
	cmd       *exec.Cmd
	in        io.WriteCloser
	out       *json.Decoder
}

type batchJob struct {
	Dir  string   `json:"dir"`
	Env  []string `json:"env"`
	Args []string `json:"args"`
}

type batchResult struct {
	Exit   int    `json:"exit"`
	Stdout []byte `json:"stdout"`
	Stderr []byte `json:"stderr"`
}

func (b *batchRunner) start() error {
	cmd := exec.Command(b.bin, "--batch")
	cmd.Env = cleanEnv(homeDir)
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	b.cmd, b.in, b.out = cmd, in, json.NewDecoder(bufio.NewReader(out))
	return nil
}

func (b *batchRunner) close() {
	if b.cmd == nil {
		return
	}
	_ = b.in.Close()
	_ = b.cmd.Process.Kill()
	_ = b.cmd.Wait()
	b.cmd = nil
}

func (b *batchRunner) run(args []string, dir string) outcome {
	if b.cmd == nil {
		if err := b.start(); err != nil {
			return outcome{exit: -1, raw: "cannot start the oracle in batch mode: " + err.Error()}
		}
	}
	line, err := json.Marshal(batchJob{Dir: dir, Env: entryEnv(dir), Args: args})
	if err == nil {
		_, err = b.in.Write(append(line, '\n'))
	}
	if err != nil {
		b.close()
		return outcome{exit: -1, raw: "oracle batch process: " + err.Error()}
	}
	done := make(chan error, 1)
	var res batchResult
	go func() { done <- b.out.Decode(&res) }()
	select {
	case err := <-done:
		if err != nil {
			b.close()
			return outcome{exit: -1, raw: "oracle batch process died: " + err.Error()}
		}
	case <-time.After(runTimeout):
		b.close()
		<-done
		return outcome{exit: -1, raw: "timed out after " + runTimeout.String()}
	}
	o := outcome{stdout: res.Stdout, raw: string(res.Stderr)}
	if res.Exit != 0 {
		o.exit = 1
		o.errMsg = errorLine(o.raw, b.root)
	}
	return o
}

// entryEnv is the whole environment of a run: `env -i HOME=/tmp/stackc-home PWD=<dir> USER=stackc PATH=...`.
func entryEnv(dir string) []string {
	return []string{"HOME=" + homeDir, "PWD=" + dir, "USER=stackc", "PATH=/usr/local/bin:/usr/bin:/bin"}
}

func cleanEnv(dir string) []string { return entryEnv(dir) }

func compare(e entry, format, stackc string, oracle oracleRunner, root string) result {
	dir := filepath.Join(root, e.dir)
	args := e.args
	if format == "json" {
		args = append([]string{"--format", "json"}, args...)
	}
	r := result{e: e, format: format}
	r.stackc = invoke(stackc, append([]string{"config"}, args...), dir, root)
	r.oracle = oracle.run(args, dir)
	switch {
	case r.stackc.exit < 0:
		r.why = "stackc did not run to completion: " + firstLine(r.stackc.raw)
	case r.oracle.exit < 0:
		r.why = "oracle did not run to completion: " + firstLine(r.oracle.raw)
	case r.stackc.exit == 0 && r.oracle.exit != 0:
		r.why = "stackc accepts, oracle rejects: " + r.oracle.errMsg
	case r.stackc.exit != 0 && r.oracle.exit == 0:
		r.why = "stackc rejects, oracle accepts: " + r.stackc.errMsg
	case r.stackc.exit == 0:
		if bytes.Equal(r.stackc.stdout, r.oracle.stdout) {
			r.same = true
			break
		}
		// A few lists come from Go maps (e.g. build.ssh): when the outputs hold the same lines in another
		// order, any output the oracle can print is accepted.
		if sameLines(r.stackc.stdout, r.oracle.stdout) {
			for i := 0; i < nondeterminismRetries && !r.same; i++ {
				again := oracle.run(args, dir)
				r.same = again.exit == 0 && bytes.Equal(again.stdout, r.stackc.stdout)
			}
			if r.same {
				break
			}
		}
		r.why = "output differs at line " + firstDifferentLine(r.stackc.stdout, r.oracle.stdout)
	default:
		if r.stackc.errMsg == r.oracle.errMsg {
			r.same = true
			break
		}
		// compose-go reports some errors in Go map order (which service fails a consistency check first,
		// the order of schema properties): any message the oracle can print is accepted. Near misses only
		// (same words, or at most two words differ), so real differences stay cheap.
		if nearMiss(r.stackc.errMsg, r.oracle.errMsg) {
			for i := 0; i < nondeterminismRetries; i++ {
				again := oracle.run(args, dir)
				if again.exit > 0 && again.errMsg == r.stackc.errMsg {
					r.same = true
					break
				}
			}
			if r.same {
				break
			}
		}
		r.why = fmt.Sprintf("error differs: stackc %q, oracle %q", r.stackc.errMsg, r.oracle.errMsg)
	}
	return r
}

// nondeterminismRetries is how many more times the oracle runs when its error is a near miss of stackc's.
const nondeterminismRetries = 100

// sameLines reports whether a and b hold the same lines, in any order.
func sameLines(a, b []byte) bool {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	sort.Strings(la)
	sort.Strings(lb)
	return slices.Equal(la, lb)
}

// nearMiss reports whether two error lines have the same words in another order, or differ in at most
// two word positions.
func nearMiss(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) != len(wb) {
		return false
	}
	differing := 0
	for i := range wa {
		if wa[i] != wb[i] {
			differing++
		}
	}
	if differing <= 2 {
		return true
	}
	norm := func(ws []string) string {
		c := make([]string, len(ws))
		for i, w := range ws {
			c[i] = strings.Trim(w, ",")
		}
		sort.Strings(c)
		return strings.Join(c, " ")
	}
	return norm(wa) == norm(wb)
}

func invoke(bin string, args []string, dir, root string) outcome {
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	cmd.Env = entryEnv(dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	cmd.Stdin = nil
	err := cmd.Run()
	o := outcome{stdout: stdout.Bytes(), raw: stderr.String()}
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		o.exit = 0
	case ctx.Err() != nil:
		o.exit = -1
		o.raw = "timed out after " + runTimeout.String() + "\n" + o.raw
	case errors.As(err, &exitErr) && exitErr.ExitCode() > 0:
		o.exit = 1
		o.errMsg = errorLine(o.raw, root)
	default:
		o.exit = -1
		o.raw = err.Error() + "\n" + o.raw
	}
	return o
}

var (
	// A location is FILE:LINE[:COL]: where FILE has no blanks, or ends in .yaml/.yml/.json/.env (paths with spaces).
	locationRe = regexp.MustCompile(`^(?:(?:[^\s:][^:\n]*?\.(?:ya?ml|json|env)|[^\s:]+):\d+(?::\d+)?: )+`)
	codeRe     = regexp.MustCompile(` \[[A-Za-z0-9._-]+\]$`)
	warningRe  = regexp.MustCompile(`^(?:warning: |note: |level=(?:warning|info|debug)|WARN\[|INFO\[)`)
	// Code frames and notes under a diagnostic: `  375 |   name: x`, `      |   ^`, `   = help: ...`.
	frameRe = regexp.MustCompile(`^\s*(?:\d+\s*)?\||^\s+= `)
)

// errorLine returns the first error line of stderr, normalized (see the package comment).
func errorLine(stderr, root string) string {
	sc := bufio.NewScanner(strings.NewReader(stderr))
	sc.Buffer(make([]byte, 1024*1024), 16*1024*1024)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \r")
		line = locationRe.ReplaceAllString(line, "")
		if strings.TrimSpace(line) == "" || warningRe.MatchString(line) || frameRe.MatchString(line) {
			continue
		}
		line = strings.TrimPrefix(line, "error: ")
		line = strings.TrimRight(codeRe.ReplaceAllString(line, ""), " ")
		return strings.ReplaceAll(line, root, "<CORPUS>")
	}
	return ""
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

func firstDifferentLine(a, b []byte) string {
	la := strings.Split(string(a), "\n")
	lb := strings.Split(string(b), "\n")
	for i := 0; i < len(la) || i < len(lb); i++ {
		if i >= len(la) || i >= len(lb) || la[i] != lb[i] {
			return fmt.Sprint(i + 1)
		}
	}
	return "?"
}

func printDiff(r result) {
	fmt.Printf("=== %s [%s] (cd %s && stackc config %s)\n", r.e.id, r.format, r.e.dir, strings.Join(r.e.args, " "))
	fmt.Printf("    %s\n", r.why)
	var a, b string
	if r.stackc.exit == 0 && r.oracle.exit == 0 {
		a, b = string(r.stackc.stdout), string(r.oracle.stdout)
	} else {
		a = fmt.Sprintf("exit=%d\nstdout:\n%s\nstderr:\n%s", r.stackc.exit, r.stackc.stdout, r.stackc.raw)
		b = fmt.Sprintf("exit=%d\nstdout:\n%s\nstderr:\n%s", r.oracle.exit, r.oracle.stdout, r.oracle.raw)
	}
	tmp, err := os.MkdirTemp("", "differ")
	if err != nil {
		return
	}
	defer os.RemoveAll(tmp)
	pa, pb := filepath.Join(tmp, "stackc"), filepath.Join(tmp, "oracle")
	_ = os.WriteFile(pa, []byte(a), 0o644)
	_ = os.WriteFile(pb, []byte(b), 0o644)
	out, _ := exec.Command("diff", "-u", "--label", "stackc", "--label", "oracle", pa, pb).CombinedOutput()
	const limit = 200
	lines := strings.Split(string(out), "\n")
	if len(lines) > limit {
		lines = append(lines[:limit], fmt.Sprintf("... (%d more diff lines)", len(lines)-limit))
	}
	fmt.Println(strings.Join(lines, "\n"))
}

func copyExecutable(from, to string) (string, error) {
	data, err := os.ReadFile(from)
	if err != nil {
		return "", err
	}
	return to, os.WriteFile(to, data, 0o755)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
