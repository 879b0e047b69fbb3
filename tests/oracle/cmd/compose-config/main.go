// Command compose-config is stackc's test oracle: it behaves like `docker compose config` of Docker Compose
// v5.5.0, built on the same compose-go (v2.14.0) and reimplementing the small amount of glue that docker/compose
// puts around it (cmd/compose/compose.go, cmd/compose/config.go and pkg/compose/loader.go):
//
//   - the root command's pre-run: COMPOSE_* variables of the env files are exported to the process
//     environment (setEnvWithDotEnv), then --env-file paths are made absolute;
//   - project options in docker compose's order: config's own options first (interpolation, paths,
//     normalization, consistency, profiles, env_file discarding), then working directory, OS environment,
//     PWD when the environment has none, env files and .env read twice (before and after the compose
//     files are located), COMPOSE_FILE, default file discovery, COMPOSE_PROFILES and the project name;
//   - post-processing: empty-name check, services enabled/selected by positional args, unused resources
//     dropped; then service environment resolved, container-name uniqueness checked, `$` doubled.
//
// Usage (same flags as `docker compose config`, global and command flags mixed):
//
//	compose-config [-f FILE]... [-p NAME] [--project-directory DIR] [--env-file FILE]... [--profile P]...
//	               [--format yaml|json] [-q] [--services|--volumes|--networks|--models|--profiles|--images]
//	               [--no-interpolate] [--no-normalize] [--no-path-resolution] [--no-consistency]
//	               [--no-env-resolution] [--compatibility] [--all-resources] [SERVICE...]
//
// A leading `config` word is skipped, so `compose-config config ARGS` works as `stackc config ARGS` does.
//
// `compose-config --batch` reads JSON jobs ({"dir","env","args"}) from stdin, one per line, and writes one JSON
// result ({"exit","stdout","stderr"}, bytes base64) per job: the differential runner's fast path.
//
// Output goes to stdout exactly as docker compose prints it. On error the message alone (docker compose's
// plugin runner prints `err` with Fprintln, no cobra decoration) goes to stderr and the exit status is 1.
//
// Where docker compose's output depends on Go map iteration order (--services between unrelated services,
// --volumes, --networks, --models, --images), the oracle prints a deterministic order instead: names sorted,
// and for --services each service after its dependencies. Remote (git/OCI) resources are not fetched. Warnings
// are printed by logrus without timestamps.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/dotenv"
	"github.com/compose-spec/compose-go/v2/loader"
	composepaths "github.com/compose-spec/compose-go/v2/paths"
	"github.com/compose-spec/compose-go/v2/types"
	composegoutils "github.com/compose-spec/compose-go/v2/utils"
	"github.com/sirupsen/logrus"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v4"
)

// options holds the parsed command line: docker compose's ProjectOptions plus configOptions.
type options struct {
	// ProjectOptions (root command flags).
	projectName   string
	profiles      []string
	configPaths   []string
	workDir       string
	projectDir    string
	envFiles      []string
	compatibility bool
	all           bool

	// configOptions.
	format        string
	quiet         bool
	noInterpolate bool
	noNormalize   bool
	noResolvePath bool
	noConsistency bool
	noResolveEnv  bool
	services      bool
	volumes       bool
	networks      bool
	models        bool
	profilesFlag  bool
	images        bool
}

// separator is api.Separator of docker compose: "-", or "_" in compatibility mode.
type runState struct {
	opts      options
	separator string
	out       io.Writer
}

func main() {
	logrus.SetFormatter(&logrus.TextFormatter{DisableTimestamp: true})
	// docker compose registers the docker-run env file parser as env_file `format: raw`.
	dotenv.RegisterFormat("raw", rawEnv)

	args := os.Args[1:]
	if len(args) == 1 && args[0] == "--batch" {
		if err := batch(os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		return
	}
	os.Exit(invoke(args, os.Stdout, os.Stderr))
}

// invoke runs one `config` command and returns its exit status.
func invoke(args []string, stdout, stderr io.Writer) int {
	logrus.SetOutput(stderr)
	// `compose-config config ARGS` is accepted too, so the oracle can stand in for `stackc config`.
	if len(args) > 0 && args[0] == "config" {
		args = args[1:]
	}
	if err := run(args, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// batchJob is one line of --batch input: a command run as if started with this environment (only), in dir.
type batchJob struct {
	Dir  string   `json:"dir"`
	Env  []string `json:"env"`
	Args []string `json:"args"`
}

// batchResult is one line of --batch output.
type batchResult struct {
	Exit   int    `json:"exit"`
	Stdout []byte `json:"stdout"`
	Stderr []byte `json:"stderr"`
}

// batch runs one job per input line (JSON batchJob) and writes one JSON batchResult line for each, so that
// the differential runner pays the process start and schema compilation once. Each job starts from a
// cleared process environment and its own working directory, as a fresh process would.
func batch(in io.Reader, out io.Writer) error {
	dec := json.NewDecoder(in)
	enc := json.NewEncoder(out)
	for {
		var job batchJob
		if err := dec.Decode(&job); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		os.Clearenv()
		for _, kv := range job.Env {
			k, v, _ := strings.Cut(kv, "=")
			_ = os.Setenv(k, v)
		}
		var res batchResult
		var stdout, stderr bytes.Buffer
		if err := os.Chdir(job.Dir); err != nil {
			fmt.Fprintln(&stderr, err)
			res.Exit = 1
		} else {
			res.Exit = invokeRecovering(job.Args, &stdout, &stderr)
		}
		res.Stdout, res.Stderr = stdout.Bytes(), stderr.Bytes()
		if err := enc.Encode(res); err != nil {
			return err
		}
	}
}

// invokeRecovering is invoke, turning a panic into exit status 2 as the Go runtime would.
func invokeRecovering(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "panic: %v\n", r)
			code = 2
		}
	}()
	return invoke(args, stdout, stderr)
}

func run(argv []string, stdout, stderr io.Writer) error {
	var o options
	flags := pflag.NewFlagSet("config", pflag.ContinueOnError)
	flags.SetOutput(io.Discard)
	flags.StringArrayVar(&o.profiles, "profile", []string{}, "")
	flags.StringVarP(&o.projectName, "project-name", "p", "", "")
	flags.StringArrayVarP(&o.configPaths, "file", "f", []string{}, "")
	flags.StringArrayVar(&o.envFiles, "env-file", defaultStringArrayVar("COMPOSE_ENV_FILES"), "")
	flags.StringVar(&o.projectDir, "project-directory", "", "")
	flags.StringVar(&o.workDir, "workdir", "", "")
	flags.BoolVar(&o.compatibility, "compatibility", false, "")
	flags.BoolVar(&o.all, "all-resources", false, "")

	flags.StringVar(&o.format, "format", "", "")
	flags.BoolVarP(&o.quiet, "quiet", "q", false, "")
	flags.BoolVar(&o.noInterpolate, "no-interpolate", false, "")
	flags.BoolVar(&o.noNormalize, "no-normalize", false, "")
	flags.BoolVar(&o.noResolvePath, "no-path-resolution", false, "")
	flags.BoolVar(&o.noConsistency, "no-consistency", false, "")
	flags.BoolVar(&o.noResolveEnv, "no-env-resolution", false, "")
	flags.BoolVar(&o.services, "services", false, "")
	flags.BoolVar(&o.volumes, "volumes", false, "")
	flags.BoolVar(&o.networks, "networks", false, "")
	flags.BoolVar(&o.models, "models", false, "")
	flags.BoolVar(&o.profilesFlag, "profiles", false, "")
	flags.BoolVar(&o.images, "images", false, "")
	if err := flags.Parse(argv); err != nil {
		return err
	}
	args := flags.Args()

	// Root command PersistentPreRunE.
	if err := setEnvWithDotEnv(o); err != nil {
		return err
	}
	if o.workDir != "" {
		if o.projectDir != "" {
			return errors.New(`cannot specify DEPRECATED "--workdir" and "--project-directory". Please use only "--project-directory" instead`)
		}
		o.projectDir = o.workDir
		fmt.Fprint(stderr, "option '--workdir' is DEPRECATED at root level! Please use '--project-directory' instead.\n")
	}
	for i, file := range o.envFiles {
		file = composepaths.ExpandUser(file)
		if !filepath.IsAbs(file) {
			abs, err := filepath.Abs(file)
			if err != nil {
				return err
			}
			file = abs
		}
		o.envFiles[i] = file
	}

	// config PreRunE. --quiet replaces os.Stdout, which only runConfig's own check observes: the other
	// modes print through the docker CLI's output stream, created before.
	if o.compatibility {
		o.noNormalize = true
	}
	s := &runState{opts: o, separator: "-", out: stdout}
	if o.compatibility {
		s.separator = "_"
	}

	ctx := context.Background()
	switch {
	case o.services:
		return s.runServices(ctx)
	case o.volumes:
		return s.runVolumes(ctx)
	case o.networks:
		return s.runNetworks(ctx)
	case o.models:
		return s.runModels(ctx)
	case o.profilesFlag:
		return s.runProfiles(ctx, args)
	case o.images:
		return s.runImages(ctx, args)
	}
	if s.opts.format == "" {
		s.opts.format = "yaml"
	}
	return s.runConfig(ctx, args)
}

// defaultStringArrayVar splits a comma-separated environment variable, dropping empty items.
func defaultStringArrayVar(env string) []string {
	return strings.FieldsFunc(os.Getenv(env), func(c rune) bool { return c == ',' })
}

// setEnvWithDotEnv exports the COMPOSE_* variables that the env files (or .env) define and the process
// environment does not.
func setEnvWithDotEnv(o options) error {
	for _, path := range o.configPaths {
		for _, l := range remoteLoaders() {
			if l.Accept(path) {
				return nil
			}
		}
	}
	po, err := cli.NewProjectOptions(o.configPaths,
		cli.WithWorkingDirectory(o.projectDir),
		cli.WithOsEnv,
		cli.WithEnvFiles(o.envFiles...),
		cli.WithDotEnv,
	)
	if err != nil {
		return err
	}
	envFromFile, err := dotenv.GetEnvFromFile(composegoutils.GetAsEqualsMap(os.Environ()), po.EnvFiles)
	if err != nil {
		return err
	}
	for k, v := range envFromFile {
		if _, ok := os.LookupEnv(k); !ok && strings.HasPrefix(k, "COMPOSE_") {
			if err := os.Setenv(k, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// configFns are configOptions.toProjectOptionsFns.
func (s *runState) configFns() []cli.ProjectOptionsFn {
	o := s.opts
	fns := []cli.ProjectOptionsFn{
		cli.WithInterpolation(!o.noInterpolate),
		cli.WithResolvedPaths(!o.noResolvePath),
		cli.WithNormalization(!o.noNormalize),
		cli.WithConsistency(!o.noConsistency),
		cli.WithDefaultProfiles(o.profiles...),
		cli.WithDiscardEnvFile,
	}
	if o.noResolveEnv {
		fns = append(fns, cli.WithoutEnvironmentResolution)
	}
	return fns
}

func isTrue(v string) bool {
	switch strings.ToLower(v) {
	case "1", "true", "yes", "y", "on":
		return true
	}
	return false
}

// toProject is configOptions.ToProject -> ProjectOptions.ToProject -> composeService.LoadProject.
func (s *runState) toProject(ctx context.Context, services []string, extra ...cli.ProjectOptionsFn) (*types.Project, error) {
	o := s.opts
	po := append(extra, s.configFns()...)

	opts := []cli.ProjectOptionsFn{
		cli.WithWorkingDirectory(o.projectDir),
		cli.WithOsEnv,
	}
	if _, present := os.LookupEnv("PWD"); !present {
		if pwd, err := os.Getwd(); err == nil {
			opts = append(opts, cli.WithEnv([]string{"PWD=" + pwd}))
		}
	}
	for _, r := range remoteLoaders() {
		opts = append(opts, cli.WithResourceLoader(r))
	}
	opts = append(opts,
		cli.WithEnvFiles(o.envFiles...),
		cli.WithDotEnv,
		cli.WithConfigFileEnv,
		cli.WithDefaultConfigPath,
		cli.WithEnvFiles(o.envFiles...),
		cli.WithDotEnv,
		cli.WithDefaultProfiles(o.profiles...),
		cli.WithName(o.projectName),
	)
	projectOptions, err := cli.NewProjectOptions(o.configPaths, append(po, opts...)...)
	if err != nil {
		return nil, err
	}
	if o.compatibility || isTrue(projectOptions.Environment["COMPOSE_COMPATIBILITY"]) {
		s.separator = "_"
	}
	project, err := projectOptions.LoadProject(ctx)
	if err != nil {
		return nil, err
	}

	// postProcessProject.
	if project.Name == "" {
		return nil, errors.New("project name can't be empty. Use ProjectName option to set a valid name")
	}
	project, err = project.WithServicesEnabled(services...)
	if err != nil {
		return nil, err
	}
	// docker compose sets service CustomLabels here; they are never marshalled, so the oracle skips them.
	project, err = project.WithSelectedServices(services)
	if err != nil {
		return nil, err
	}
	if !o.all {
		project = project.WithoutUnnecessaryResources()
	}
	return project, nil
}

// toModel is configOptions.ToModel -> ProjectOptions.ToModel (toProjectOptions + LoadModel).
func (s *runState) toModel(ctx context.Context, extra ...cli.ProjectOptionsFn) (map[string]any, error) {
	o := s.opts
	po := append(extra, s.configFns()...)
	for _, r := range remoteLoaders() {
		po = append(po, cli.WithResourceLoader(r))
	}
	opts := []cli.ProjectOptionsFn{
		cli.WithWorkingDirectory(o.projectDir),
		cli.WithOsEnv,
	}
	if _, present := os.LookupEnv("PWD"); !present {
		pwd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		opts = append(opts, cli.WithEnv([]string{"PWD=" + pwd}))
	}
	opts = append(opts,
		cli.WithEnvFiles(o.envFiles...),
		cli.WithDotEnv,
		cli.WithConfigFileEnv,
		cli.WithDefaultConfigPath,
		cli.WithEnvFiles(o.envFiles...),
		cli.WithDotEnv,
		cli.WithDefaultProfiles(o.profiles...),
		cli.WithName(o.projectName),
	)
	projectOptions, err := cli.NewProjectOptions(o.configPaths, append(po, opts...)...)
	if err != nil {
		return nil, err
	}
	return projectOptions.LoadModel(ctx)
}

func (s *runState) runConfig(ctx context.Context, services []string) error {
	var content []byte
	var err error
	if s.opts.noInterpolate {
		content, err = s.runConfigNoInterpolate(ctx, services)
	} else {
		content, err = s.runConfigInterpolate(ctx, services)
	}
	if err != nil {
		return err
	}
	if !s.opts.noInterpolate {
		content = bytes.ReplaceAll(content, []byte{'$'}, []byte{'$', '$'})
	}
	if s.opts.quiet {
		return nil
	}
	_, err = fmt.Fprint(s.out, string(content))
	return err
}

func (s *runState) runConfigInterpolate(ctx context.Context, services []string) ([]byte, error) {
	project, err := s.toProject(ctx, services)
	if err != nil {
		return nil, err
	}
	if !s.opts.noResolveEnv {
		project, err = project.WithServicesEnvironmentResolved(true)
		if err != nil {
			return nil, err
		}
	}
	if !s.opts.noConsistency {
		if err := project.CheckContainerNameUnicity(); err != nil {
			return nil, err
		}
	}
	switch s.opts.format {
	case "json":
		return project.MarshalJSON()
	case "yaml":
		return project.MarshalYAML()
	default:
		return nil, fmt.Errorf("unsupported format %q", s.opts.format)
	}
}

func (s *runState) runConfigNoInterpolate(ctx context.Context, services []string) ([]byte, error) {
	if len(services) > 0 {
		logrus.Warn("service filtering is not applied when --no-interpolate is set, the full model will be rendered")
	}
	model, err := s.toModel(ctx)
	if err != nil {
		return nil, err
	}
	switch s.opts.format {
	case "json":
		return json.MarshalIndent(model, "", "  ")
	case "yaml":
		buf := bytes.NewBuffer([]byte{})
		encoder := yaml.NewEncoder(buf)
		encoder.SetIndent(2)
		err = encoder.Encode(model)
		return buf.Bytes(), err
	default:
		return nil, fmt.Errorf("unsupported format %q", s.opts.format)
	}
}

func (s *runState) runServices(ctx context.Context) error {
	if s.opts.noInterpolate {
		data, err := s.toModel(ctx, cli.WithoutEnvironmentResolution)
		if err != nil {
			return err
		}
		if services, ok := data["services"].(map[string]any); ok {
			for _, name := range sortedKeys(services) {
				fmt.Fprintln(s.out, name)
			}
		}
		return nil
	}
	project, err := s.toProject(ctx, nil, cli.WithoutEnvironmentResolution)
	if err != nil {
		return err
	}
	// project.ForEachService(project.ServiceNames(), ...) visits dependencies first, in map order; the
	// oracle visits names sorted so the output is stable.
	seen := map[string]bool{}
	var visit func(names []string, deps map[string]types.ServiceDependency) error
	visit = func(names []string, deps map[string]types.ServiceDependency) error {
		sort.Strings(names)
		for _, name := range names {
			if _, ok := project.Services[name]; !ok {
				if dep, ok := deps[name]; !ok || dep.Required {
					return fmt.Errorf("no such service: %s", name)
				}
			}
		}
		for _, name := range names {
			service, ok := project.Services[name]
			if !ok || seen[name] {
				continue
			}
			seen[name] = true
			if len(service.DependsOn) > 0 {
				var depNames []string
				for d := range service.DependsOn {
					depNames = append(depNames, d)
				}
				if err := visit(depNames, service.DependsOn); err != nil {
					return err
				}
			}
			fmt.Fprintln(s.out, name)
		}
		return nil
	}
	return visit(project.ServiceNames(), nil)
}

func (s *runState) runVolumes(ctx context.Context) error {
	project, err := s.toProject(ctx, nil, cli.WithoutEnvironmentResolution)
	if err != nil {
		return err
	}
	for _, n := range sortedKeys(project.Volumes) {
		fmt.Fprintln(s.out, n)
	}
	return nil
}

func (s *runState) runNetworks(ctx context.Context) error {
	project, err := s.toProject(ctx, nil, cli.WithoutEnvironmentResolution)
	if err != nil {
		return err
	}
	for _, n := range sortedKeys(project.Networks) {
		fmt.Fprintln(s.out, n)
	}
	return nil
}

func (s *runState) runModels(ctx context.Context) error {
	project, err := s.toProject(ctx, nil, cli.WithoutEnvironmentResolution)
	if err != nil {
		return err
	}
	for _, n := range sortedKeys(project.Models) {
		if m := project.Models[n].Model; m != "" {
			fmt.Fprintln(s.out, m)
		}
	}
	return nil
}

func (s *runState) runProfiles(ctx context.Context, services []string) error {
	project, err := s.toProject(ctx, services)
	if err != nil {
		return err
	}
	set := map[string]struct{}{}
	for _, svc := range project.AllServices() {
		for _, p := range svc.Profiles {
			set[p] = struct{}{}
		}
	}
	for _, p := range sortedKeys(set) {
		fmt.Fprintln(s.out, p)
	}
	return nil
}

func (s *runState) runImages(ctx context.Context, services []string) error {
	project, err := s.toProject(ctx, services)
	if err != nil {
		return err
	}
	for _, name := range sortedKeys(project.Services) {
		svc := project.Services[name]
		image := svc.Image
		if image == "" {
			image = project.Name + s.separator + svc.Name
		}
		fmt.Fprintln(s.out, image)
		// api.GetDependentImages: pre_start hook images other than the service's own.
		for _, hook := range svc.PreStart {
			if hook.Image != "" && hook.Image != image {
				fmt.Fprintln(s.out, hook.Image)
			}
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// rawEnv is docker compose's `raw` env_file format: docker/cli's kvfile parser (no quoting, no
// interpolation; a bare KEY takes its value from the lookup, if any).
func rawEnv(r io.Reader, filename string, vars map[string]string, lookup func(key string) (string, bool)) error {
	lines, err := parseKeyValueFile(r, lookup)
	if err != nil {
		return fmt.Errorf("failed to parse env_file %s: %w", filename, err)
	}
	for _, line := range lines {
		key, value, _ := strings.Cut(line, "=")
		vars[key] = value
	}
	return nil
}

func parseKeyValueFile(r io.Reader, lookupFn func(string) (string, bool)) ([]string, error) {
	lines := []string{}
	content, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	// bufio.Scanner semantics: split on \n, drop one trailing \r per line, no empty last line.
	raw := bytes.Split(content, []byte{'\n'})
	if len(raw) > 0 && len(raw[len(raw)-1]) == 0 {
		raw = raw[:len(raw)-1]
	}
	for i, scanned := range raw {
		scanned = bytes.TrimSuffix(scanned, []byte{'\r'})
		if !utf8.Valid(scanned) {
			return []string{}, fmt.Errorf("invalid utf8 bytes at line %d: %v", i+1, scanned)
		}
		if i == 0 {
			scanned = bytes.TrimPrefix(scanned, []byte{0xEF, 0xBB, 0xBF})
		}
		line := strings.TrimLeftFunc(string(scanned), unicode.IsSpace)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, _, hasValue := strings.Cut(line, "=")
		if len(key) == 0 {
			return []string{}, fmt.Errorf("no variable name on line '%s'", line)
		}
		if strings.ContainsAny(key, " \t") {
			return []string{}, fmt.Errorf("variable '%s' contains whitespaces", key)
		}
		if hasValue {
			lines = append(lines, line)
			continue
		}
		if lookupFn != nil {
			if value, found := lookupFn(line); found {
				lines = append(lines, key+"="+value)
			}
		}
	}
	return lines, nil
}

// remoteLoaders returns stand-ins for docker compose's git and OCI resource loaders: they claim the same
// paths (so working-directory and env-file logic sees them as remote) but cannot fetch anything.
func remoteLoaders() []loader.ResourceLoader {
	return []loader.ResourceLoader{gitLoader{}, ociLoader{}}
}

type ociLoader struct{}

func (ociLoader) Accept(path string) bool { return strings.HasPrefix(path, "oci://") }
func (ociLoader) Load(_ context.Context, path string) (string, error) {
	return "", fmt.Errorf("oracle cannot load remote resource %s", path)
}
func (ociLoader) Dir(string) string { return "" }

type gitLoader struct{}

var (
	protoRegexp = regexp.MustCompile(`^[a-zA-Z0-9]+://`)
	scpRegexp   = regexp.MustCompile(`^([a-zA-Z0-9-_]+)@([a-zA-Z0-9-.]+):(.*?)(?:\?(.*?))?(?:#(.*))?$`)
)

// Accept approximates buildkit's dfgitutil.ParseGitRef: github.com/ paths, http(s) URLs ending in .git,
// git:// and ssh:// URLs, and scp-style user@host:path (buildkit's sshutil regexp).
func (gitLoader) Accept(path string) bool {
	if strings.HasPrefix(path, "./") || strings.HasPrefix(path, "../") {
		return false
	}
	if strings.HasPrefix(path, "github.com/") {
		return true
	}
	if proto := protoRegexp.FindString(path); proto != "" {
		u, err := url.Parse(path)
		if err != nil {
			return false
		}
		switch strings.ToLower(strings.TrimSuffix(proto, "://")) {
		case "http", "https":
			return strings.HasSuffix(u.Path, ".git")
		case "git", "ssh":
			return true
		}
		return false
	}
	return scpRegexp.MatchString(path)
}
func (gitLoader) Load(_ context.Context, path string) (string, error) {
	return "", fmt.Errorf("oracle cannot load remote resource %s", path)
}
func (gitLoader) Dir(string) string { return "" }
