module stackc.dev/tests/oracle

go 1.25.0

// The same versions Docker Compose v5.5.0 builds with (its go.mod), so the oracle loads exactly as it does.
require (
	github.com/compose-spec/compose-go/v2 v2.14.0
	github.com/docker/go-connections v0.7.0 // indirect
	github.com/docker/go-units v0.5.0 // indirect
	github.com/go-viper/mapstructure/v2 v2.5.0 // indirect
	github.com/mattn/go-shellwords v1.0.14 // indirect
	go.yaml.in/yaml/v4 v4.0.0-rc.6
)

require (
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.1
	github.com/sirupsen/logrus v1.9.4
	github.com/spf13/pflag v1.0.10
)

require (
	github.com/distribution/reference v0.6.0 // indirect
	github.com/opencontainers/go-digest v1.0.0 // indirect
	github.com/xhit/go-str2duration/v2 v2.1.0 // indirect
	golang.org/x/sync v0.22.0 // indirect
	golang.org/x/sys v0.47.0 // indirect
	golang.org/x/text v0.40.0 // indirect
)
