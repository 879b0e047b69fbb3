package main

import (
	"fmt"
	"io"

	"github.com/compose-spec/compose-go/v2/template"
	"github.com/sirupsen/logrus"
)

type hook struct{}

func (hook) Levels() []logrus.Level { return []logrus.Level{logrus.WarnLevel} }
func (hook) Fire(e *logrus.Entry) error { fmt.Printf("   WARN %s\n", e.Message); return nil }

func main() {
	logrus.SetOutput(io.Discard)
	logrus.AddHook(hook{})
	env := map[string]string{"FOO": "first", "BAR": "", "JSON": `{"json":2}`}
	m := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	for _, t := range []string{
		"${A:-${}}", "${A:-x} ${ }", "${A:-x} ${B}", "${FOO:-a}b}", "${A-}}", "${A:-{}}", "${A:-{}x}y}",
		"${A:-x\n}", "${A:x}", "${FOO:-x} and ${BAR:-y} then $FOO", "a${FOO}b${", "${FOO:?}x${BAR?}y",
		"${A-${B-${C}}}", "$FOOſ", "${ſ:-d}", "${A:-a}}}", "${FOO+{x}}", "${A-$}", "${A-$$}", "x$", "${FOO}}",
		"${A:?${}}", "${A?msg ${B}}", "${FOO:+${UNDEF}}", "${A:-${B}${C}}", "$$$FOO", "${A:- ${ } }",
	} {
		r, err := template.Substitute(t, m)
		fmt.Printf("%q => %q err=%v\n", t, r, err)
	}
	for _, s := range []string{"${A:-x} ${A}", "${A:-$B} ${C:+${D:-e}}", "${", "$$A ${B?} $C", "${A:-{}}", "${X:-a}b}"} {
		fmt.Printf("%q vars=%+v\n", s, template.ExtractVariables(map[string]any{"k": s}, nil))
	}
}
