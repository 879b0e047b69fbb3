// Command emitvectors writes the test vectors for stackc's Go encoder emulation (frontend/go_emit.h): for each
// case, an output tree (maps, sequences and typed scalars) plus the exact bytes that go.yaml.in/yaml/v4 (the
// Encoder compose-go's Project.MarshalYAML uses: NewEncoder + SetIndent(2)) and encoding/json's
// MarshalIndent(v, "", "  ") produce for the equivalent Go value.
//
// Regenerate (from the repository root):
//
//	(cd tests/oracle && go run ./cmd/emitvectors -out ../../corpus/frontend/emit/vectors.json)
//
// Maps are Go map[string]any, as compose-go's map fields are: go-yaml sorts their keys in its natural order and
// encoding/json sorts them bytewise. The tree written for a case lists map entries in go-yaml's order (read back
// from the YAML output); the C++ test sorts them bytewise before checking the JSON output.
//
// Tree encoding (JSON):
//
//	{"t":"map","e":[{"k":"key","v":NODE},...]}   a key with invalid UTF-8 is {"kb64":"..."} instead of "k"
//	{"t":"seq","i":[NODE,...]}
//	{"t":"str","s":"text"}                        a string with invalid UTF-8 is {"t":"str","b64":"..."}
//	{"t":"int","v":"123"}  {"t":"float","v":"0.5"}  {"t":"bool","v":true}  {"t":"null"}
//
// Floats carry strconv.FormatFloat(f, 'g', -1, bits) of the Go value (bits 32 for float32 fields like cpus).
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"
)

type entry struct {
	K    *string `json:"k,omitempty"`
	KB64 *string `json:"kb64,omitempty"`
	V    *tree   `json:"v"`
}

type tree struct {
	T   string  `json:"t"`
	E   []entry `json:"e,omitempty"`
	I   []*tree `json:"i,omitempty"`
	S   *string `json:"s,omitempty"`
	B64 *string `json:"b64,omitempty"`
	V   any     `json:"v,omitempty"`
}

type vector struct {
	Name  string `json:"name"`
	Input *tree  `json:"input"`
	YAML  string `json:"yaml"`
	JSON  string `json:"json"`
	// JSONError is encoding/json's error when it refuses the value (NaN, infinities); JSON is then empty.
	JSONError string `json:"json_error,omitempty"`
}

func encodeYAML(v any) string {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return buf.String()
}

func encodeJSON(v any) (string, string) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return "", err.Error()
	}
	return string(b), ""
}

// toTree converts a Go value to the tree encoding, listing map entries in the order of the yaml node `order`
// (the YAML output parsed back), so the tree's order is go-yaml's.
func toTree(v any, order *yaml.Node) *tree {
	switch x := v.(type) {
	case nil:
		return &tree{T: "null"}
	case bool:
		return &tree{T: "bool", V: x}
	case int:
		return &tree{T: "int", V: strconv.Itoa(x)}
	case int64:
		return &tree{T: "int", V: strconv.FormatInt(x, 10)}
	case uint64:
		return &tree{T: "int", V: strconv.FormatUint(x, 10)}
	case float64:
		return &tree{T: "float", V: strconv.FormatFloat(x, 'g', -1, 64)}
	case float32:
		return &tree{T: "float", V: strconv.FormatFloat(float64(x), 'g', -1, 32)}
	case string:
		if utf8.ValidString(x) {
			return &tree{T: "str", S: &x}
		}
		b := base64.StdEncoding.EncodeToString([]byte(x))
		return &tree{T: "str", B64: &b}
	case []any:
		t := &tree{T: "seq", I: []*tree{}}
		for i, item := range x {
			var o *yaml.Node
			if order != nil {
				o = order.Content[i]
			}
			t.I = append(t.I, toTree(item, o))
		}
		return t
	case map[string]any:
		if order == nil { // at most one key (trivialOrder)
			t := &tree{T: "map", E: []entry{}}
			for key, val := range x {
				k := key
				e := entry{V: toTree(val, nil)}
				if utf8.ValidString(key) {
					e.K = &k
				} else {
					b := base64.StdEncoding.EncodeToString([]byte(key))
					e.KB64 = &b
				}
				t.E = append(t.E, e)
			}
			return t
		}
		if order.Kind != yaml.MappingNode || len(order.Content) != 2*len(x) {
			panic(fmt.Sprintf("order mismatch for map %v", x))
		}
		t := &tree{T: "map", E: []entry{}}
		for i := 0; i < len(order.Content); i += 2 {
			kn := order.Content[i]
			key := kn.Value
			if kn.Tag == "!!binary" {
				raw, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(key, "\n", ""))
				if err != nil {
					panic(err)
				}
				key = string(raw)
			}
			val, ok := x[key]
			if !ok {
				panic(errRoundTrip)
			}
			e := entry{V: toTree(val, order.Content[i+1])}
			if utf8.ValidString(key) {
				k := key
				e.K = &k
			} else {
				b := base64.StdEncoding.EncodeToString([]byte(key))
				e.KB64 = &b
			}
			t.E = append(t.E, e)
		}
		return t
	}
	panic(fmt.Sprintf("unsupported value %T", v))
}

// makeVector builds the case for v. go-yaml sometimes writes YAML it cannot read back (a block scalar whose first
// line starts with a tab); the map order is then only known when every map has at most one key, and ok is false
// otherwise.
func makeVector(name string, v any) (vec vector, ok bool) {
	y := encodeYAML(v)
	var order *yaml.Node
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(y), &doc); err == nil {
		order = doc.Content[0]
	} else if !trivialOrder(v) {
		return vector{}, false
	}
	defer func() {
		if r := recover(); r != nil {
			if r != errRoundTrip {
				panic(r)
			}
			ok = false
		}
	}()
	j, jerr := encodeJSON(v)
	return vector{Name: name, Input: toTree(v, order), YAML: y, JSON: j, JSONError: jerr}, true
}

// errRoundTrip: a key read back from the YAML output differs from the one written (go-yaml does not always
// round-trip keys with leading line breaks), so the order is unknown.
var errRoundTrip = fmt.Errorf("key does not round-trip")

func trivialOrder(v any) bool {
	switch x := v.(type) {
	case []any:
		for _, item := range x {
			if !trivialOrder(item) {
				return false
			}
		}
	case map[string]any:
		if len(x) > 1 {
			return false
		}
		for _, item := range x {
			return trivialOrder(item)
		}
	}
	return true
}

// Strings as compose files carry them: commands, environment values, labels, healthchecks, scripts.
var trickyStrings = []string{
	"", " ", "  ", "a", "nginx", "nginx:1.25-alpine", "docker.io/library/redis:7", "registry:5000/app@sha256:abc",
	"8080", "8080:80", "80:80", "127.0.0.1:8080:80/tcp", "3000-3005:3000-3005", "22:22", "1:30", "5:05",
	"10:10:10", "-1:30", "+1:30", "1:30.5", "190:20:30", "1:60", "1_0:30",
	"true", "false", "True", "FALSE", "yes", "no", "Yes", "NO", "y", "n", "Y", "N", "on", "off", "On", "OFF",
	"null", "Null", "NULL", "~", "<<", "<", "<<<", "=", "!", "&", "*", "|", ">", "%", "@", "`", "#",
	"0", "00", "0440", "0644", "0o644", "0x1F", "0X1f", "0b101", "08", "09.5", "1e3", "1E-3", "1.0", "1.", ".5",
	".", "..", "...", "---", "--", "-", "- ", "-a", "--flag", "-1", "+1", "+", "1_000", "_1", "1_", "0x_1",
	"1.5e+10", "6.02e23", ".inf", "-.inf", "+.Inf", ".NaN", ".nan", "nan", "inf", "-0", "-0.0", "0.0",
	"9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616",
	"-9223372036854775808", "-9223372036854775809", "1e400", "1e-400", ".1e400", "0x", "0b", "0o8",
	"2024-01-01", "2024-1-1", "2024-13-01", "2024-02-30", "2024-02-29", "2023-02-29", "0000-01-01",
	"2001-12-14t21:59:43.10-05:00", "2001-12-14T21:59:43Z", "2001-12-14 21:59:43.10", "2001-12-14  21:59:43",
	"2001-12-14 21:59:43.10 -5", "2001-12-14T21:59:43+0500", "2001-12-14T24:00:00Z", "2001-12-14T21:59:43,5Z",
	"2001-12-14T1:2:3Z", "2001-12-14 1:2:3", "2001-12-14 1:2", "2001-12-14T21:59:43+24:00", "2001-12-14T21:59:43+25:00",
	"12345-01-01", "2024-01-01x", "2024-01", "2024-",
	"echo hello", "echo $HOME", "echo $$HOME", "${VAR:-default}", "$${ESCAPED}", "a: b", "a:b", "a :b", "a:",
	"key: value", "http://example.com:8080/path?x=1&y=2#frag", "a #b", "a#b", "#comment", "# comment",
	"a # b", "a\t# b", "foo,bar", "[a]", "{a}", "a[0]", "a{b}", "a, b", "?", "? a", "?a", ":", ": a", ":a",
	"'quoted'", "\"double\"", "it's", "say \"hi\"", "back\\slash", "C:\\Program Files\\x", "tab\there",
	"\tleading tab", "trailing tab\t", " leading space", "trailing space ", " both ", "a  b", "a   b ",
	"line1\nline2", "line1\nline2\n", "line1\nline2\n\n", "\nleading newline", "trailing newline\n", "\n", "\n\n",
	" \n", "a\n b", "a \nb", "a\n\nb", "  indented\nblock", "a\n  indented", "a\r\nb", "a\rb", "\r",
	"#!/bin/sh\nset -e\necho \"start\"\nexec \"$@\"\n", "line with trailing space \nnext", "x\n\ty",
	"\t\n", "a\u2028b", "a\u2029b", "a\u0085b", "\u2028", "caf\u00e9", "\u00e9t\u00e9", "日本語", "Ωmega", "emoji 😀",
	"😀", "\u00a0", "a\u00a0b", "\ufeffbom", "a\ufeff", "\u200b", "\ufffd", "\uffff", "\ue000", "\u007f", "\x00",
	"bell\a", "esc\x1b[0m", "\x01\x02", "\b\f\v", "<html>&amp;</html>", "a<b>c&d", "\u2028\u2029",
	"CMD-SHELL", "curl -f http://localhost/ || exit 1", "--interval=30s", "/bin/sh -c 'echo hi'",
	"sh -c \"echo $$FOO > /tmp/x\"", "KEY=value", "KEY=", "=value", "user:pass@host", "@scope/pkg",
	"%PATH%", "!important", "&anchor", "*alias", "|pipe", ">fold", "`tick`", "a|b", "a>b", "a&b", "a*b",
	"a!b", "a%b", "a@b", "a`b", "a'b", "a\"b", "a?b", "a-b", "a,b", "a]b", "a}b", "a[b", "a{b",
	"x: ", "x :", "x:\ty", "x #", "x\t#y", "- item", "-\titem", "?\tq", ":\tc",
	strings.Repeat("a", 79), strings.Repeat("a", 80), strings.Repeat("a", 81), strings.Repeat("a", 200),
	strings.Repeat("word ", 30), strings.Repeat("word ", 30) + "end",
	"a very long command line that keeps going and going past the eighty column limit of the emitter width",
	"a very long command line with a colon: that keeps going and going past the eighty column limit of the emitter",
	"a very long 'quoted' command line that keeps going and going past the eighty column limit of the emitter width",
	"a very long \"dq\" command line\twith a tab that keeps going and going past the eighty column limit of the emitter",
	"spaces  in  a  very  long  line  that  keeps  going  and  going  past  the  eighty  column  limit  of  it",
	"a very long line whose folding point falls right at a double  space  maybe  somewhere  around  eighty  cols",
	"verylongtokenwithoutanyspaces" + strings.Repeat("x", 100) + " then a space",
	strings.Repeat("ü", 90) + " " + strings.Repeat("ü", 10),
	strings.Repeat("日本", 45) + " tail",
	"- " + strings.Repeat("dash ", 25), "multi\nline with a very long first line that goes well beyond the eighty column width of the emitter\nend",
	"trailing\nspaces \n", "\tfirst line tab\nsecond", " \tx\ny", "   \n  ", "\n  x", "x\n\n\n", "\u00e9\n\u00e9",
}

var trickyKeys = []string{
	"a", "A", "b", "a1", "a10", "a2", "a01", "a002", "1", "10", "2", "01", "1a", "-", "_", "a b", " a", "a ",
	"8080", "true", "null", "", "yes", "~", "<<", "a: b", "a#b", "a #b", "#a", "!a", "key with 'quote'",
	"key\"dq", "k\tv", "k\nv", "k\n", "com.example.label", "traefik.http.routers.r.rule", "x-extension",
	"COMPOSE_PROJECT_NAME", "1.5", "0x10", "日本", "é", "z", "Z", "aa", "ab", "a_b", "a-b", "a.b",
	strings.Repeat("k", 128), strings.Repeat("k", 129), strings.Repeat("long key ", 20),
	"2024-01-01", "22:22", "[x]", "{x}", "*x", "&x", "?", "? x", "-x", "- x", "\u2028", "😀",
}

func handPicked() []vector {
	var out []vector
	add := func(name string, v any) {
		vec, ok := makeVector(name, v)
		if !ok {
			panic(name + ": output does not parse back and the key order is unknown")
		}
		out = append(out, vec)
	}

	for i, s := range trickyStrings {
		add(fmt.Sprintf("value/%03d", i), map[string]any{"v": s})
		add(fmt.Sprintf("seqitem/%03d", i), map[string]any{"s": []any{s, "x"}})
	}
	for i, k := range trickyKeys {
		add(fmt.Sprintf("key/%03d", i), map[string]any{k: "v", "zz": 1})
		add(fmt.Sprintf("keymap/%03d", i), map[string]any{k: map[string]any{"a": 1}, "zz": []any{k}})
	}
	add("keys/natural-sort", func() map[string]any {
		m := map[string]any{}
		for _, k := range trickyKeys {
			m[k] = k
		}
		return m
	}())
	// Invalid UTF-8 becomes !!binary in YAML and U+FFFD in JSON.
	add("binary/value", map[string]any{"v": "a\xffb"})
	add("binary/long", map[string]any{"v": strings.Repeat("\xfe\x01", 80)})
	add("binary/seq", map[string]any{"s": []any{"\xc3", "ok"}})
	add("binary/key", map[string]any{"k\xff": "v"})
	add("binary/longkey", map[string]any{strings.Repeat("\xfe", 60): "v"})

	// Scalars of every type, as compose-go's typed fields give them.
	add("types/scalars", map[string]any{
		"int": 42, "neg": -7, "zero": 0, "big": int64(math.MaxInt64), "min": int64(math.MinInt64),
		"ubig": uint64(math.MaxUint64), "bool": true, "off": false, "nil": nil,
		"f1": 1.0, "f2": 0.5, "f3": 1e6, "f4": 123456789.0, "f5": 1e21, "f6": 1e-7, "f7": 0.0001,
		"f8": 0.00001, "f9": -2.5, "f10": 1e20, "f11": 100000.0, "f12": 3.14159, "f13": 1e-6, "f14": 0.1,
		"f17": 123456.789e3, "f18": 5e-324, "f19": math.MaxFloat64,
		"f20": math.Copysign(0, -1), "f21": 1.7976931348623157e308, "f22": 2.5e-5, "f23": 999999.0,
		"c1": float32(0.5), "c2": float32(0.1), "c3": float32(1.5), "c4": float32(2.33),
		"c5": float32(16777216), "c6": float32(0.001), "c7": float32(1e-7), "c8": float32(3.4e38),
	})
	add("types/nonfinite", map[string]any{"inf": math.Inf(1), "ninf": math.Inf(-1), "nan": math.NaN()})
	add("types/nonfinite32", map[string]any{"inf": float32(math.Inf(1))})
	add("empty/map", map[string]any{})
	add("empty/nested", map[string]any{"m": map[string]any{}, "s": []any{}, "n": nil, "e": ""})
	add("empty/seq-of-empties", map[string]any{"s": []any{map[string]any{}, []any{}, nil, "", []any{[]any{}}}})
	add("nested/seq-seq", map[string]any{"s": []any{[]any{"a", "b"}, []any{[]any{"c"}, "d"}}})
	add("nested/seq-map", map[string]any{"s": []any{map[string]any{"a": 1, "b": []any{"x", "y"}}, map[string]any{"c": map[string]any{"d": "e"}}}})
	add("nested/map-block", map[string]any{"s": []any{map[string]any{"script": "a\nb\n", "k": "v"}}, "t": "x\ny"})
	add("nested/deep", map[string]any{"a": map[string]any{"b": map[string]any{"c": map[string]any{"d": []any{map[string]any{"e": []any{"f\ng", "long " + strings.Repeat("text ", 20)}}}}}}})
	add("nested/longkey-values", map[string]any{
		strings.Repeat("k", 130): map[string]any{"a": 1},
		strings.Repeat("j", 130): []any{"a", "b"},
		strings.Repeat("l", 130): "scalar",
		"m\nl":                   map[string]any{"a": 1},
		"n\nl":                   []any{"x"},
		"o\nl":                   "multi\nline",
		"p\nl":                   []any{},
		strings.Repeat("w ", 50): "folded key",
	})
	add("compose/service", map[string]any{
		"name": "myproject",
		"services": map[string]any{
			"web": map[string]any{
				"image":       "nginx:latest",
				"command":     []any{"sh", "-c", "echo \"$$HOME\" && exec nginx -g 'daemon off;'"},
				"environment": map[string]any{"A": "1", "B": "", "C": nil, "D": "yes", "E": "a=b", "PORT": "8080"},
				"ports":       []any{map[string]any{"mode": "ingress", "target": 80, "published": "8080", "protocol": "tcp"}},
				"healthcheck": map[string]any{"test": []any{"CMD-SHELL", "curl -f http://localhost || exit 1"}, "interval": "30s"},
				"labels":      map[string]any{"com.example.description": "Accounting webapp", "traefik.http.routers.web.rule": "Host(`example.com`) && PathPrefix(`/api`)"},
				"entrypoint":  []any{"/bin/sh", "-c", "#!/bin/sh\nset -e\nexec \"$@\"\n"},
				"cpus":        float32(0.5),
				"networks":    map[string]any{"default": nil},
				"volumes":     []any{map[string]any{"type": "bind", "source": "/home/user/app", "target": "/app", "bind": map[string]any{"create_host_path": true}}},
			},
		},
		"networks": map[string]any{"default": map[string]any{"name": "myproject_default"}},
	})
	return out
}

// Random structures from a fixed seed.
const alphabet = "aZ09 :#-?,[]{}&*!|>'\"%@`\t\n\\/$=.<+_~é日😀\u2028\u0085\x7f\x01"

func randString(r *rand.Rand) string {
	runes := []rune(alphabet)
	n := r.Intn(12)
	if r.Intn(10) == 0 {
		n = 60 + r.Intn(80)
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		if r.Intn(3) == 0 {
			b.WriteRune(runes[r.Intn(len(runes))])
		} else if r.Intn(6) == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteByte("abcdefghijklmnopqrstuvwxyz0123456789"[r.Intn(36)])
		}
	}
	s := b.String()
	switch r.Intn(20) {
	case 0:
		return trickyStrings[r.Intn(len(trickyStrings))]
	case 1:
		return strconv.Itoa(r.Intn(100000))
	case 2:
		return s + "\n"
	}
	return s
}

func randValue(r *rand.Rand, depth int) any {
	k := r.Intn(10)
	if depth > 3 && k >= 7 {
		k = r.Intn(7)
	}
	switch k {
	case 0, 1, 2, 3:
		return randString(r)
	case 4:
		switch r.Intn(6) {
		case 0:
			return nil
		case 1:
			return r.Intn(2) == 0
		case 2:
			return r.Intn(2000000) - 1000000
		case 3:
			return math.Float64frombits(r.Uint64()>>2 | 0x3000000000000000)
		case 4:
			return float64(r.Intn(1000)) / 8
		default:
			return float32(r.Intn(1000)) / 10
		}
	case 5:
		return float64(r.Intn(100000)) * math.Pow(10, float64(r.Intn(40)-20))
	case 6:
		return strings.Repeat(randString(r)+" ", 1+r.Intn(12))
	case 7, 8:
		m := map[string]any{}
		n := r.Intn(5)
		for i := 0; i < n; i++ {
			m[randString(r)] = randValue(r, depth+1)
		}
		return m
	default:
		n := r.Intn(4)
		s := make([]any, 0, n)
		for i := 0; i < n; i++ {
			s = append(s, randValue(r, depth+1))
		}
		return s
	}
}

func randomVectors(n int, seed int64) []vector {
	r := rand.New(rand.NewSource(seed))
	var out []vector
	for i := 0; i < n; i++ {
		m := map[string]any{}
		k := 1 + r.Intn(6)
		for j := 0; j < k; j++ {
			m[randString(r)] = randValue(r, 0)
		}
		if vec, ok := makeVector(fmt.Sprintf("random/%03d", i), m); ok {
			out = append(out, vec)
		}
	}
	return out
}

func main() {
	outPath := flag.String("out", "", "where to write vectors.json (stdout when empty)")
	random := flag.Int("random", 300, "how many random cases to add")
	seed := flag.Int64("seed", 20240601, "seed of the random cases")
	flag.Parse()
	vectors := append(handPicked(), randomVectors(*random, *seed)...)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
	if err := enc.Encode(map[string]any{
		"generator": "tests/oracle/cmd/emitvectors",
		"yaml":      "go.yaml.in/yaml/v4 v4.0.0-rc.6 Encoder, SetIndent(2)",
		"json":      "encoding/json MarshalIndent(v, \"\", \"  \")",
		"vectors":   vectors,
	}); err != nil {
		panic(err)
	}
	if *outPath == "" {
		os.Stdout.Write(buf.Bytes())
		return
	}
	if err := os.WriteFile(*outPath, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
