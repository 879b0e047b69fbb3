// Command vectors computes the expected results of stackc's unit-test vectors for interpolation, port short
// syntax and volume short syntax with compose-go v2.14.0 itself (template.SubstituteWithOptions and
// template.ExtractVariables, types.ParsePortConfig on go-connections v0.7.0, format.ParseVolume), so no expected
// value in frontend/*_test.cc is copied by hand from a Go test file.
//
// The inputs are corpus/frontend/vectors/inputs.json (hand-written cases, each group of templates with the
// environment it is substituted in) plus, with -corpus, every string the public corpus holds in those places:
// each scalar value containing `$` (substituted in the first group's environment), each scalar item of
// services.*.ports and of services.*.volumes. The results go to interpolation.json, ports.json and volumes.json
// beside inputs.json, one vector per line; frontend/interpolation_test.cc, port_spec_test.cc and
// volume_spec_test.cc read them.
//
// Usage (from the repository root; the differential stage of scripts/test.sh runs the -check form):
//
//	(cd tests/oracle && go run ./cmd/vectors -corpus ../../../shared/corpus/public ../../corpus/frontend/vectors)
//	build/oracle/vectors -check -corpus ../shared/corpus/public corpus/frontend/vectors   exit 1 when stale
package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/compose-spec/compose-go/v2/format"
	"github.com/compose-spec/compose-go/v2/template"
	"github.com/compose-spec/compose-go/v2/types"
	"github.com/sirupsen/logrus"
	"go.yaml.in/yaml/v4"
)

// text is a string that may hold any bytes: JSON `"..."` when it is valid UTF-8, else `{"hex": "..."}`
// (encoding/json would turn invalid bytes into U+FFFD). inputs.json uses the same two forms.
type text string

func (t text) MarshalJSON() ([]byte, error) {
	if utf8.ValidString(string(t)) {
		return []byte(line(string(t))), nil
	}
	return []byte(fmt.Sprintf(`{"hex":%q}`, hex.EncodeToString([]byte(t)))), nil
}

func (t *text) UnmarshalJSON(data []byte) error {
	var s string
	if err := json.Unmarshal(data, &s); err == nil {
		*t = text(s)
		return nil
	}
	var h struct {
		Hex string `json:"hex"`
	}
	if err := json.Unmarshal(data, &h); err != nil {
		return err
	}
	b, err := hex.DecodeString(h.Hex)
	*t = text(b)
	return err
}

func texts(in []text) []string {
	out := make([]string, len(in))
	for i, t := range in {
		out[i] = string(t)
	}
	return out
}

type inputs struct {
	Interpolation []struct {
		Env       map[string]string `json:"env"`
		Templates []text            `json:"templates"`
	} `json:"interpolation"`
	Ports   []text `json:"ports"`
	Volumes []text `json:"volumes"`
}

// harvest holds the strings found in the corpus, each once.
type harvest struct {
	templates, ports, volumes map[string]bool
}

func walkValues(n *yaml.Node, fn func(*yaml.Node)) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			walkValues(c, fn)
		}
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			walkValues(n.Content[i], fn)
		}
	case yaml.ScalarNode:
		fn(n)
	}
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func scalarItems(n *yaml.Node, into map[string]bool) {
	if n == nil || n.Kind != yaml.SequenceNode {
		return
	}
	for _, item := range n.Content {
		if item.Kind == yaml.ScalarNode && item.Tag != "!!null" {
			into[item.Value] = true
		}
	}
}

func (h *harvest) file(data []byte) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
		return // not YAML, or a deliberately broken file: nothing to take
	}
	walkValues(&doc, func(s *yaml.Node) {
		if strings.Contains(s.Value, "$") && s.Tag == "!!str" {
			h.templates[s.Value] = true
		}
	})
	services := mapValue(doc.Content[0], "services")
	if services == nil || services.Kind != yaml.MappingNode {
		return
	}
	for i := 1; i < len(services.Content); i += 2 {
		scalarItems(mapValue(services.Content[i], "ports"), h.ports)
		scalarItems(mapValue(services.Content[i], "volumes"), h.volumes)
	}
}

func harvestCorpus(dir string) (*harvest, error) {
	h := &harvest{map[string]bool{}, map[string]bool{}, map[string]bool{}}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		ext := filepath.Ext(path)
		if d.IsDir() || (ext != ".yml" && ext != ".yaml") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		h.file(data)
		return nil
	})
	return h, err
}

// merged returns the hand-written inputs in their order, then the harvested ones not among them, sorted.
func merged(given []string, found map[string]bool) []string {
	out := append([]string(nil), given...)
	seen := map[string]bool{}
	for _, s := range given {
		seen[s] = true
	}
	var extra []string
	for s := range found {
		if !seen[s] {
			extra = append(extra, s)
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

// line encodes one vector as one line of JSON (no HTML escaping: the inputs are full of `<` and `&`).
func line(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// document writes `{"<head key>": head, "vectors": [one line each]}`.
func document(head [][2]string, vectors []string) []byte {
	var b strings.Builder
	b.WriteString("{\n")
	for _, h := range head {
		fmt.Fprintf(&b, "%q: %s,\n", h[0], h[1])
	}
	b.WriteString("\"vectors\": [\n")
	for i, v := range vectors {
		b.WriteString(v)
		if i+1 < len(vectors) {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]\n}\n")
	return []byte(b.String())
}

type warnHook struct{ messages *[]string }

func (h warnHook) Levels() []logrus.Level { return []logrus.Level{logrus.WarnLevel} }
func (h warnHook) Fire(e *logrus.Entry) error {
	*h.messages = append(*h.messages, e.Message)
	return nil
}

type variable struct {
	Default  string `json:"default"`
	Presence string `json:"presence"`
	Required bool   `json:"required"`
}

type templateVector struct {
	Group int  `json:"group"`
	In    text `json:"in"`
	Out   text `json:"out"`
	Error text `json:"error,omitempty"`
	// The variables the substitution found unset, once per occurrence, from compose-go's warnings.
	Unset []string            `json:"unset"`
	Vars  map[string]variable `json:"vars"`
}

func interpolation(in inputs, h *harvest) []byte {
	var warnings []string
	logrus.StandardLogger().ReplaceHooks(logrus.LevelHooks{})
	logrus.AddHook(warnHook{&warnings})
	var envs []string
	var vectors []string
	for g, group := range in.Interpolation {
		envs = append(envs, line(group.Env))
		templates := texts(group.Templates)
		if g == 0 && h != nil {
			templates = merged(templates, h.templates)
		}
		for _, t := range templates {
			warnings = warnings[:0]
			env := group.Env
			out, err := template.SubstituteWithOptions(t, func(k string) (string, bool) {
				v, ok := env[k]
				return v, ok
			})
			v := templateVector{Group: g, In: text(t), Out: text(out), Unset: []string{}, Vars: map[string]variable{}}
			if err != nil {
				v.Out = ""
				v.Error = text(err.Error())
			}
			for _, w := range warnings {
				// `The %q variable is not set. Defaulting to a blank string.`
				const prefix, suffix = "The ", " variable is not set. Defaulting to a blank string."
				quoted, ok := strings.CutPrefix(w, prefix)
				name, err := strconv.Unquote(strings.TrimSuffix(quoted, suffix))
				if !ok || !strings.HasSuffix(quoted, suffix) || err != nil {
					panic("unexpected warning: " + w)
				}
				v.Unset = append(v.Unset, name)
			}
			for name, x := range template.ExtractVariables(map[string]any{"v": t}, template.DefaultPattern) {
				v.Vars[name] = variable{x.DefaultValue, x.PresenceValue, x.Required}
			}
			vectors = append(vectors, line(v))
		}
	}
	return document([][2]string{{"envs", "[" + strings.Join(envs, ", ") + "]"}}, vectors)
}

type port struct {
	Target    uint32 `json:"target"`
	Published string `json:"published"`
	HostIP    string `json:"host_ip"`
	Protocol  string `json:"protocol"`
	Mode      string `json:"mode"`
}

type portVector struct {
	In    text   `json:"in"`
	Ports []port `json:"ports"`
	Error text   `json:"error,omitempty"`
}

func ports(in inputs, h *harvest) []byte {
	specs := texts(in.Ports)
	if h != nil {
		specs = merged(specs, h.ports)
	}
	var vectors []string
	for _, spec := range specs {
		v := portVector{In: text(spec), Ports: []port{}}
		parsed, err := types.ParsePortConfig(spec)
		if err != nil {
			v.Error = text(err.Error())
		} else {
			for _, p := range parsed {
				v.Ports = append(v.Ports, port{p.Target, p.Published, p.HostIP, p.Protocol, p.Mode})
			}
		}
		vectors = append(vectors, line(v))
	}
	return document(nil, vectors)
}

type volume struct {
	Type     string `json:"type"`
	Source   text   `json:"source"`
	Target   text   `json:"target"`
	ReadOnly bool   `json:"read_only"`
	Bind     *struct {
		Propagation    string `json:"propagation"`
		SELinux        string `json:"selinux"`
		CreateHostPath bool   `json:"create_host_path"`
	} `json:"bind"`
	Volume *struct {
		NoCopy bool `json:"nocopy"`
	} `json:"volume"`
}

type volumeVector struct {
	In     text    `json:"in"`
	Volume *volume `json:"volume,omitempty"`
	Error  text    `json:"error,omitempty"`
}

func volumes(in inputs, h *harvest) []byte {
	specs := texts(in.Volumes)
	if h != nil {
		specs = merged(specs, h.volumes)
	}
	var vectors []string
	for _, spec := range specs {
		v := volumeVector{In: text(spec)}
		parsed, err := format.ParseVolume(spec)
		if err != nil {
			v.Error = text(err.Error())
		} else {
			out := &volume{Type: parsed.Type, Source: text(parsed.Source), Target: text(parsed.Target), ReadOnly: parsed.ReadOnly}
			if b := parsed.Bind; b != nil {
				out.Bind = &struct {
					Propagation    string `json:"propagation"`
					SELinux        string `json:"selinux"`
					CreateHostPath bool   `json:"create_host_path"`
				}{b.Propagation, b.SELinux, bool(b.CreateHostPath)}
			}
			if vol := parsed.Volume; vol != nil {
				out.Volume = &struct {
					NoCopy bool `json:"nocopy"`
				}{vol.NoCopy}
			}
			v.Volume = out
		}
		vectors = append(vectors, line(v))
	}
	return document(nil, vectors)
}

func main() {
	check := flag.Bool("check", false, "compare with the files in DIR instead of writing them; exit 1 when they differ")
	corpus := flag.String("corpus", "", "also take the vectors the compose files under this directory hold")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: vectors [-check] [-corpus DIR] VECTORS_DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	dir := flag.Arg(0)
	logrus.SetOutput(io.Discard)

	data, err := os.ReadFile(filepath.Join(dir, "inputs.json"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "vectors:", err)
		os.Exit(2)
	}
	var in inputs
	if err := json.Unmarshal(data, &in); err != nil || len(in.Interpolation) == 0 {
		fmt.Fprintln(os.Stderr, "vectors: inputs.json:", err, "(needs at least one interpolation group)")
		os.Exit(2)
	}
	var h *harvest
	if *corpus != "" {
		if h, err = harvestCorpus(*corpus); err != nil {
			fmt.Fprintln(os.Stderr, "vectors:", err)
			os.Exit(2)
		}
	}
	outputs := []struct {
		name string
		data []byte
	}{
		{"interpolation.json", interpolation(in, h)},
		{"ports.json", ports(in, h)},
		{"volumes.json", volumes(in, h)},
	}
	stale := 0
	for _, o := range outputs {
		path := filepath.Join(dir, o.name)
		if !*check {
			if err := os.WriteFile(path, o.data, 0o644); err != nil {
				fmt.Fprintln(os.Stderr, "vectors:", err)
				os.Exit(2)
			}
			fmt.Printf("vectors: %s: %d vectors\n", path, bytes.Count(o.data, []byte("\n"))-4)
			continue
		}
		have, _ := os.ReadFile(path)
		if bytes.Equal(have, o.data) {
			fmt.Printf("vectors: %s: current\n", path)
			continue
		}
		stale++
		haveLines, wantLines := strings.Split(string(have), "\n"), strings.Split(string(o.data), "\n")
		for i := 0; i < len(haveLines) || i < len(wantLines); i++ {
			var a, b string
			if i < len(haveLines) {
				a = haveLines[i]
			}
			if i < len(wantLines) {
				b = wantLines[i]
			}
			if a != b {
				fmt.Printf("vectors: %s is stale; first difference at line %d:\n  checked in: %s\n  compose-go: %s\n",
					path, i+1, a, b)
				break
			}
		}
	}
	if stale > 0 {
		fmt.Println("vectors: regenerate with the command at the top of tests/oracle/cmd/vectors/main.go")
		os.Exit(1)
	}
}
