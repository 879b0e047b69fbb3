#include "frontend/loader.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "frontend/model_printer.h"

namespace stackc::frontend {
namespace {

struct Result {
  bool ok = false;
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  LoadedProject project;

  std::string FirstError() const {
    for (const ir::Diagnostic& d : sink.diagnostics()) {
      if (d.severity == ir::Severity::kError) return d.message;
    }
    return "";
  }
  std::string Yaml() const { return ModelPrinter().Yaml(project.model); }
};

std::unique_ptr<Result> Load(const InMemoryFileSystem& fs, LoadRequest req, EnvMap env = {}) {
  auto r = std::make_unique<Result>();
  r->ok = LoadProject(req, fs, env, r->sm, r->sink, &r->project);
  return r;
}

// Loads /p/compose.yaml with the defaults.
std::unique_ptr<Result> LoadCompose(const InMemoryFileSystem& fs) {
  LoadRequest req;
  req.config_paths = {"compose.yaml"};
  return Load(fs, req);
}

TEST(LoaderTest, NormalizesProjectNames) {
  EXPECT_EQ(NormalizeProjectName("My_Project.v2"), "my_projectv2");
  EXPECT_EQ(NormalizeProjectName("--x"), "x");
  EXPECT_EQ(NormalizeProjectName("UNNORMALIZED PATH"), "unnormalizedpath");
}

TEST(LoaderTest, FindsDefaultFilesInParentDirectories) {
  InMemoryFileSystem fs("/work/Demo App/sub/dir");
  fs.Add("/work/Demo App/compose.yaml", "services:\n  web:\n    image: nginx\n");
  fs.Add("/work/Demo App/compose.override.yml", "services:\n  web:\n    image: nginx:1.27\n");
  auto r = Load(fs, {});
  ASSERT_TRUE(r->ok) << r->FirstError();
  EXPECT_EQ(r->project.name, "demoapp");
  EXPECT_EQ(r->project.config_files.size(), 2u);
  EXPECT_EQ(r->Yaml(),
            "name: demoapp\n"
            "services:\n"
            "  web:\n"
            "    image: nginx:1.27\n"
            "    networks:\n"
            "      default: null\n"
            "networks:\n"
            "  default:\n"
            "    name: demoapp_default\n");
}

TEST(LoaderTest, NoFileIsAnError) {
  InMemoryFileSystem fs("/empty");
  auto r = Load(fs, {});
  EXPECT_FALSE(r->ok);
  EXPECT_EQ(r->FirstError(), "no configuration file provided: not found");
}

TEST(LoaderTest, ShellEnvironmentWinsOverDotEnv) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml", "services:\n  web:\n    image: ${IMAGE}:${TAG}\n");
  fs.Add("/p/.env", "IMAGE=from-dotenv\nTAG=1\n");
  LoadRequest req;
  req.config_paths = {"compose.yaml"};
  auto r = Load(fs, req, {{"IMAGE", "from-shell"}});
  ASSERT_TRUE(r->ok) << r->FirstError();
  EXPECT_EQ(r->project.model.Find("services")->Find("web")->Find("image")->text, "from-shell:1");
}

TEST(LoaderTest, ProjectNamePrecedence) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml", "name: From-File\nservices:\n  web:\n    image: nginx\n");
  LoadRequest req;
  req.config_paths = {"compose.yaml"};
  EXPECT_EQ(Load(fs, req)->project.name, "from-file");
  EXPECT_EQ(Load(fs, req, {{"COMPOSE_PROJECT_NAME", "env"}})->project.name, "env");
  req.project_name = "flag";
  EXPECT_EQ(Load(fs, req, {{"COMPOSE_PROJECT_NAME", "env"}})->project.name, "flag");
  req.project_name = "Bad Name";
  auto bad = Load(fs, req);
  EXPECT_FALSE(bad->ok);
  EXPECT_EQ(bad->FirstError(),
            "invalid project name \"Bad Name\": must consist only of lowercase alphanumeric "
            "characters, hyphens, and underscores as well as start with a letter or number");
}

TEST(LoaderTest, ProfilesKeepDisabledServicesAside) {
  InMemoryFileSystem fs("/p");
  fs.Add(
      "/p/compose.yaml",
      "services:\n  web:\n    image: nginx\n  debug:\n    image: busybox\n    profiles: [dev]\n");
  LoadRequest req;
  req.config_paths = {"compose.yaml"};
  auto off = Load(fs, req);
  ASSERT_TRUE(off->ok) << off->FirstError();
  EXPECT_EQ(off->project.model.Find("services")->Find("debug"), nullptr);
  EXPECT_NE(off->project.disabled_services.Find("debug"), nullptr);
  auto on = Load(fs, req, {{"COMPOSE_PROFILES", "dev"}});
  EXPECT_NE(on->project.model.Find("services")->Find("debug"), nullptr);
}

TEST(LoaderTest, ConsistencyErrorsAreLocated) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "services:\n  web:\n    image: nginx\n    networks: [front]\n    depends_on: [db]\n");
  auto r = LoadCompose(fs);
  EXPECT_FALSE(r->ok);
  EXPECT_EQ(r->FirstError(),
            "service \"web\" refers to undefined network front: invalid compose project");
  const ir::Diagnostic& d = r->sink.diagnostics().back();
  EXPECT_EQ(r->sm.Position(d.span).line, 4u);
}

TEST(LoaderTest, DependencyCycleNamesItsPath) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: "
         "[a]\n");
  auto r = LoadCompose(fs);
  EXPECT_FALSE(r->ok);
  EXPECT_EQ(r->FirstError(), "dependency cycle detected: a -> b -> a");
}

// Defaults, semantic checks, paths and environment run in one pass over the services, with the
// errors that running them one after the other gives (both checked against the reference
// loader): a later service's semantic error wins over an earlier service's path error, and every
// path error is reported, in service order.
TEST(LoaderTest, OnePassOverTheServicesReportsWhatTheStepsInTurnWould) {
  InMemoryFileSystem fs("/p");
  const std::string bind_without_source =
      "services:\n  a:\n    image: x\n    volumes:\n      - type: bind\n        target: /data\n";
  fs.Add("/p/compose.yaml", bind_without_source +
                                "  b:\n    image: x\n    ports:\n      - target: 80\n"
                                "        host_ip: not-an-ip\n");
  LoadRequest req;
  req.config_paths = {"compose.yaml"};
  auto r = Load(fs, req);
  EXPECT_FALSE(r->ok);
  EXPECT_EQ(r->FirstError(), "services.b.ports.[]: invalid ip address: not-an-ip");
  EXPECT_EQ(r->sink.error_count(), 1u);

  fs.Add("/p/compose.yaml", bind_without_source +
                                "  b:\n    image: x\n    volumes:\n      - type: bind\n"
                                "        target: /data2\n");
  r = Load(fs, req);
  EXPECT_FALSE(r->ok);
  ASSERT_EQ(r->sink.error_count(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const ir::Diagnostic& d = r->sink.diagnostics()[i];
    EXPECT_EQ(d.message, "invalid mount config for type \"bind\": field Source must not be empty");
    EXPECT_EQ(r->sm.Position(d.span).line, i == 0 ? 5u : 10u);
  }
}

// compose-go walks the roots and each service's dependencies in name order: the cycle it meets
// first is named from where it closes (checked against the reference loader).
TEST(LoaderTest, DependencyCycleIsTheFirstOneTheNameOrderMeets) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "services:\n  z:\n    image: x\n    depends_on: [m]\n  a:\n    image: x\n"
         "    depends_on: [q, m]\n  q:\n    image: x\n  m:\n    image: x\n"
         "    depends_on: [z, q]\n");
  auto r = LoadCompose(fs);
  EXPECT_FALSE(r->ok);
  EXPECT_EQ(r->FirstError(), "dependency cycle detected: m -> z -> m");
  const ir::Diagnostic& d = r->sink.diagnostics().back();
  EXPECT_EQ(r->sm.Position(d.span).line, 4u);
}

TEST(LoaderTest, EnvFileFoldsIntoEnvironmentAndEnvironmentWins) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "services:\n  web:\n    image: nginx\n    env_file: web.env\n    environment:\n"
         "      - A=from-compose\n      - C\n");
  fs.Add("/p/web.env", "A=from-file\nB=two\nC=three\n");
  auto r = LoadCompose(fs);
  ASSERT_TRUE(r->ok) << r->FirstError();
  const Node* env = r->project.model.Find("services")->Find("web")->Find("environment");
  ASSERT_NE(env, nullptr);
  EXPECT_EQ(env->Find("A")->text, "from-compose");
  EXPECT_EQ(env->Find("B")->text, "two");
  EXPECT_TRUE(env->Find("C")->is_null());  // an unset bare key still overrides the env file
  EXPECT_EQ(r->project.model.Find("services")->Find("web")->Find("env_file"), nullptr);
}

TEST(LoaderTest, MissingEnvFileIsAnError) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml", "services:\n  web:\n    image: nginx\n    env_file: missing.env\n");
  auto r = LoadCompose(fs);
  EXPECT_FALSE(r->ok);
  EXPECT_EQ(r->FirstError(),
            "env file /p/missing.env not found: stat /p/missing.env: no such file or directory");
}

TEST(LoaderTest, EmptyFileIsAnError) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml", "# nothing but a comment\n");
  auto r = LoadCompose(fs);
  EXPECT_FALSE(r->ok);
  EXPECT_EQ(r->FirstError(), "empty compose file");
}

// compose-go's OmitEmpty, done while canonicalising: empty `dns` entries go, a duplicate after
// them is then dropped by the list's uniqueness, and an empty string becomes no list at all.
TEST(LoaderTest, EmptyDnsEntriesAreDropped) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "services:\n"
         "  a: {image: x, dns: ['', 1.1.1.1, 1.1.1.1, 8.8.8.8]}\n"
         "  b: {image: x, dns: ''}\n");
  auto r = LoadCompose(fs);
  ASSERT_TRUE(r->ok) << r->FirstError();
  const std::string yaml = r->Yaml();
  EXPECT_NE(yaml.find("    dns:\n      - 1.1.1.1\n      - 8.8.8.8\n"), std::string::npos) << yaml;
  EXPECT_EQ(yaml.find("dns:", yaml.find("  b:")), std::string::npos) << yaml;
}

// A request's schema is the one the load validates with, and one SharedSchema serves many loads.
TEST(LoaderTest, ValidatesWithTheRequestsSchema) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml", "services: {web: {image: x}}\n");
  std::string error;
  auto strict = SchemaValidator::Compile(R"({"required": ["x-owner"]})", &error);
  ASSERT_NE(strict, nullptr) << error;
  LoadRequest req;
  req.config_paths = {"compose.yaml"};
  req.schema = std::make_shared<const SharedSchema>(std::move(strict));
  auto r = Load(fs, req);
  EXPECT_FALSE(r->ok);
  EXPECT_NE(r->FirstError().find("x-owner"), std::string::npos) << r->FirstError();
  req.schema = std::make_shared<const SharedSchema>();
  for (int i = 0; i < 2; ++i) {
    auto again = Load(fs, req);
    EXPECT_TRUE(again->ok) << again->FirstError();
  }
  EXPECT_NE(req.schema->Get(&error), nullptr);
}

TEST(LoaderTest, ExtendsMergesTheBaseServiceUnderTheLocalOne) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "services:\n  web:\n    extends: base\n    environment: [B=local]\n"
         "  base:\n    image: busybox\n    environment: [A=base, B=base]\n    command: [sh]\n");
  auto r = LoadCompose(fs);
  ASSERT_TRUE(r->ok) << r->FirstError();
  const Node* web = r->project.model.Find("services")->Find("web");
  EXPECT_EQ(web->Find("image")->text, "busybox");
  EXPECT_EQ(web->Find("environment")->Find("A")->text, "base");
  EXPECT_EQ(web->Find("environment")->Find("B")->text, "local");
  EXPECT_EQ(web->Find("extends"), nullptr);
}

TEST(LoaderTest, ExtendsFromAnotherFileRebasesItsPaths) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "services:\n  web:\n    extends:\n      file: common/base.yaml\n      service: app\n");
  fs.Add("/p/common/base.yaml", "services:\n  app:\n    build: ./src\n");
  auto r = LoadCompose(fs);
  ASSERT_TRUE(r->ok) << r->FirstError();
  EXPECT_EQ(r->project.model.Find("services")->Find("web")->Find("build")->Find("context")->text,
            "/p/common/src");
}

TEST(LoaderTest, ExtendsCycleIsNamed) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "services:\n  a:\n    image: x\n    extends: b\n  b:\n    image: x\n    extends: a\n");
  auto r = LoadCompose(fs);
  EXPECT_FALSE(r->ok);
  EXPECT_EQ(
      r->FirstError(),
      "Circular reference:\n  a in /p/compose.yaml\n  extends b in /p/compose.yaml\n  extends a "
      "in /p/compose.yaml");
}

TEST(LoaderTest, ExtendsMissingServiceIsAnError) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml", "services:\n  a:\n    extends: nope\n");
  auto r = LoadCompose(fs);
  EXPECT_FALSE(r->ok);
  EXPECT_EQ(r->FirstError(),
            "cannot extend service \"a\" in /p/compose.yaml: service \"nope\" not found");
}

TEST(LoaderTest, IncludeLoadsAProjectWithItsOwnDirectoryAndDotEnv) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "include:\n  - lib/compose.yaml\nservices:\n  web:\n    image: nginx\n    depends_on: "
         "[db]\n");
  fs.Add("/p/lib/compose.yaml",
         "services:\n  db:\n    image: postgres:${PG}\n    env_file: db.env\n");
  fs.Add("/p/lib/.env", "PG=16\n");
  fs.Add("/p/lib/db.env", "POSTGRES_DB=app\n");
  auto r = LoadCompose(fs);
  ASSERT_TRUE(r->ok) << r->FirstError();
  const Node* db = r->project.model.Find("services")->Find("db");
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->Find("image")->text, "postgres:16");
  EXPECT_EQ(db->Find("environment")->Find("POSTGRES_DB")->text, "app");
}

TEST(LoaderTest, IncludeCycleIsNamed) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml", "include: [other.yaml]\nservices:\n  a:\n    image: x\n");
  fs.Add("/p/other.yaml", "include: [compose.yaml]\nservices:\n  b:\n    image: x\n");
  auto r = LoadCompose(fs);
  EXPECT_FALSE(r->ok);
  EXPECT_EQ(
      r->FirstError(),
      "include cycle detected:\n/p/compose.yaml\n include /p/other.yaml\n include /p/compose.yaml");
}

TEST(LoaderTest, SelectedServicesBringTheirDependenciesAndEnableTheirProfiles) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "services:\n  web:\n    image: nginx\n    depends_on: [api]\n  api:\n    image: x\n"
         "  tool:\n    image: x\n    profiles: [debug]\n  other:\n    image: x\n");
  LoadRequest req;
  req.config_paths = {"compose.yaml"};
  req.services = {"web", "tool"};
  auto r = Load(fs, req);
  ASSERT_TRUE(r->ok) << r->FirstError();
  const Node* services = r->project.model.Find("services");
  EXPECT_NE(services->Find("web"), nullptr);
  EXPECT_NE(services->Find("api"), nullptr);
  EXPECT_NE(services->Find("tool"), nullptr);
  EXPECT_EQ(services->Find("other"), nullptr);
  req.services = {"nope"};
  auto missing = Load(fs, req);
  EXPECT_FALSE(missing->ok);
  EXPECT_EQ(missing->FirstError(), "no such service: nope");
}

TEST(LoaderTest, UnusedResourcesArePruned) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "services:\n  web:\n    image: nginx\n    volumes: [data:/data]\n"
         "volumes:\n  data: {}\n  unused: {}\nnetworks:\n  spare: {}\n");
  LoadRequest req;
  req.config_paths = {"compose.yaml"};
  auto r = Load(fs, req);
  ASSERT_TRUE(r->ok) << r->FirstError();
  EXPECT_NE(r->project.model.Find("volumes")->Find("data"), nullptr);
  EXPECT_EQ(r->project.model.Find("volumes")->Find("unused"), nullptr);
  EXPECT_EQ(r->project.model.Find("networks")->Find("spare"), nullptr);
  req.all_resources = true;
  EXPECT_NE(Load(fs, req)->project.model.Find("volumes")->Find("unused"), nullptr);
}

// compose-go moves the `x-` keys of a service's networks and models, and of the top-level models,
// into one "#extensions" entry: a network named x-… is then an undefined network, as Docker Compose
// reports it, and models named x-… all become the model "#extensions".
TEST(LoaderTest, ExtensionKeysOfServiceNetworksAndModelsFoldAsComposeGoFoldsThem) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "services:\n  web:\n    image: nginx\n    networks: [front, x-net]\n"
         "networks:\n  front: {}\n  x-net: {}\n");
  auto r = LoadCompose(fs);
  EXPECT_FALSE(r->ok);
  EXPECT_EQ(r->FirstError(),
            "service \"web\" refers to undefined network #extensions: invalid compose project");
  const ir::Diagnostic& undefined = r->sink.diagnostics().back();
  EXPECT_EQ(r->sm.Position(undefined.span).line, 4u);
  ASSERT_EQ(undefined.notes.size(), 1u);  // compose-go's words do not say why: the note does
  EXPECT_EQ(undefined.notes[0].message,
            "a network named 'x-...' here is taken for an extension and gathered under "
            "'#extensions' by Docker Compose: rename it");

  fs.Add("/p/compose.yaml",
         "services:\n  web:\n    image: nginx\n    models: [x-a, x-b]\n"
         "models:\n  x-a: {model: ai/a}\n  x-b: {model: ai/b}\n");
  r = LoadCompose(fs);
  ASSERT_TRUE(r->ok) << r->FirstError();
  const Node* models = r->project.model.Find("services")->Find("web")->Find("models");
  ASSERT_NE(models, nullptr);
  ASSERT_EQ(models->entries.size(), 1u);
  EXPECT_EQ(models->entries[0].key, "#extensions");
  const Node* top = r->project.model.Find("models");
  ASSERT_NE(top, nullptr);
  ASSERT_EQ(top->entries.size(), 1u);
  EXPECT_EQ(top->entries[0].key, "#extensions");
  EXPECT_TRUE(top->entries[0].value.is_map() && top->entries[0].value.entries.empty());
}

// A device request's count is an integer, "all" in any case, or a string of a base-10 int64; other
// strings fail compose-go's decoding into its types, with mapstructure's words and path.
TEST(LoaderTest, DeviceCountIsAllOrANumber) {
  InMemoryFileSystem fs("/p");
  const auto compose = [](std::string_view count) {
    return fmt::format(
        "services:\n  web:\n    image: x\n    deploy:\n      resources:\n        reservations:\n"
        "          devices:\n            - capabilities: [gpu]\n              count: {}\n",
        count);
  };
  for (const std::string_view ok : {"2", "All", "'-1'", "'+3'", "'9223372036854775807'"}) {
    fs.Add("/p/compose.yaml", compose(ok));
    auto r = LoadCompose(fs);
    EXPECT_TRUE(r->ok) << ok << ": " << r->FirstError();
  }
  for (const std::string_view bad : {"some_string", "''", "'1_0'", "'9223372036854775808'",
                                     "'-9223372036854775809'", "'99999999999999999999999'"}) {
    fs.Add("/p/compose.yaml", compose(bad));
    auto r = LoadCompose(fs);
    EXPECT_FALSE(r->ok) << bad;
  }
  fs.Add("/p/compose.yaml", compose("some_string"));
  auto r = LoadCompose(fs);
  EXPECT_EQ(r->FirstError(),
            "decoding failed due to the following error(s):\n\n"
            "'services[web].deploy.resources.reservations.devices[0].count' invalid value "
            "\"some_string\", the only value allowed is 'all' or a number");
  EXPECT_EQ(r->sm.Position(r->sink.diagnostics().back().span).line, 9u);
  fs.Add(
      "/p/compose.yaml",
      "services:\n  web:\n    image: x\n    gpus:\n      - driver: nvidia\n        count: many\n");
  EXPECT_EQ(LoadCompose(fs)->FirstError(),
            "decoding failed due to the following error(s):\n\n'services[web].gpus[0].count' "
            "invalid value \"many\", the only value allowed is 'all' or a number");
}

// The steps after the load share walks over the services (PostProcess) and still report what
// compose-go's steps in turn report: a consistency error of a later service before an env file
// error of an earlier one, and nothing of the env file then.
TEST(LoaderTest, ConsistencyErrorsComeBeforeEnvFileErrors) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "services:\n  a:\n    image: x\n    env_file: missing.env\n  b:\n    image: x\n"
         "    networks: [front]\n");
  auto r = LoadCompose(fs);
  EXPECT_FALSE(r->ok);
  EXPECT_EQ(r->FirstError(),
            "service \"b\" refers to undefined network front: invalid compose project");
  EXPECT_EQ(r->sink.error_count(), 1u);
}

// The resources in use are those of the services left after profiles and after the services
// named on the command line (with their dependencies) are picked.
TEST(LoaderTest, ResourcesOfServicesSetAsideArePruned) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "services:\n  web:\n    image: nginx\n    volumes: [web:/w]\n    depends_on: [api]\n"
         "  api:\n    image: x\n    networks: [back]\n  tool:\n    image: x\n"
         "    profiles: [debug]\n    volumes: [tool:/t]\n  other:\n    image: x\n"
         "    volumes: [other:/o]\nvolumes:\n  web: {}\n  tool: {}\n  other: {}\n"
         "networks:\n  back: {}\n");
  LoadRequest req;
  req.config_paths = {"compose.yaml"};
  auto all = Load(fs, req);
  ASSERT_TRUE(all->ok) << all->FirstError();
  const Node* volumes = all->project.model.Find("volumes");
  EXPECT_NE(volumes->Find("web"), nullptr);
  EXPECT_NE(volumes->Find("other"), nullptr);
  EXPECT_EQ(volumes->Find("tool"), nullptr);  // its service's profile is not active
  const Node* networks = all->project.model.Find("networks");
  EXPECT_NE(networks->Find("back"), nullptr);
  EXPECT_NE(networks->Find("default"), nullptr);  // web and other are on it

  req.services = {"web"};
  auto picked = Load(fs, req);
  ASSERT_TRUE(picked->ok) << picked->FirstError();
  volumes = picked->project.model.Find("volumes");
  EXPECT_NE(volumes->Find("web"), nullptr);
  EXPECT_EQ(volumes->Find("other"), nullptr);
  EXPECT_EQ(volumes->Find("tool"), nullptr);
  networks = picked->project.model.Find("networks");
  EXPECT_NE(networks->Find("back"), nullptr);  // api comes with web
  EXPECT_NE(networks->Find("default"), nullptr);
}

}  // namespace
}  // namespace stackc::frontend

// ---- the corpus's extends, include and profile vectors, against compose-go's outputs ---------

namespace stackc::frontend {
namespace {

namespace fs = std::filesystem;

// The real file system, seen from the entry's directory (the loader resolves -f paths and finds
// default files from its working directory).
class InDirectory final : public FileSystem {
 public:
  explicit InDirectory(std::string dir) : dir_(std::move(dir)) {}
  bool Read(const std::string& path, std::string* text, std::string* error) const override {
    return real_.Read(path, text, error);
  }
  bool IsFile(const std::string& path) const override { return real_.IsFile(path); }
  bool IsDir(const std::string& path) const override { return real_.IsDir(path); }
  std::string Cwd() const override { return dir_; }
  std::string ResolveSymbolicLink(const std::string& path) const override {
    return real_.ResolveSymbolicLink(path);
  }

 private:
  RealFileSystem real_{64u << 20};
  std::string dir_;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); !from.empty() && at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// The goldens in corpus/frontend/loader/ are what the oracle (Docker Compose v5.5.0's `config` on
// compose-go v2.14.0) prints for the extends, include and profile entries of
// tests/differential/entries.tsv: `<id>.yaml` when it accepts, `<id>.error` (its first error line,
// without location; every wording it gives, where it words the error in Go map order) when it
// rejects, the corpus root written <CORPUS>. They are written by
// `tests/differential/run.sh --write-goldens`, and the differential stage of scripts/test.sh checks
// that they are current. Here each entry is loaded in-process, in the differential test's clean
// environment, and must give the same output or the same first error.
TEST(CorpusLoaderVectors, ExtendsIncludeAndProfilesMatchTheOracle) {
  const fs::path root = fs::path(STACKC_SHARED_DIR) / "corpus" / "public";
  if (!fs::exists(root)) GTEST_SKIP() << "no corpus at " << root;
  const std::string root_text = fs::absolute(root).lexically_normal().string();
  const std::string root_real = fs::canonical(root).string();
  const fs::path goldens = fs::path(STACKC_SOURCE_DIR) / "corpus" / "frontend" / "loader";

  std::map<std::string, std::pair<std::string, std::string>> entries;  // id -> (dir, args)
  std::ifstream tsv(std::string(STACKC_SOURCE_DIR) + "/tests/differential/entries.tsv");
  for (std::string line; std::getline(tsv, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t a = line.find('\t');
    const size_t b = line.find('\t', a + 1);
    entries[line.substr(0, a)] = {line.substr(a + 1, b - a - 1), line.substr(b + 1)};
  }

  int accepted = 0, rejected = 0;
  for (const fs::directory_entry& golden : fs::recursive_directory_iterator(goldens)) {
    if (!golden.is_regular_file()) continue;
    const std::string rel = fs::relative(golden.path(), goldens).string();
    const bool accepts = golden.path().extension() == ".yaml";
    const std::string id = rel.substr(0, rel.size() - (accepts ? 5 : 6));
    SCOPED_TRACE(id);
    const auto entry = entries.find(id);
    ASSERT_NE(entry, entries.end()) << "a golden without an entry: " << rel;

    const std::string dir = root_text + "/" + entry->second.first;
    LoadRequest req;
    std::istringstream args(entry->second.second);
    for (std::string flag, value; args >> flag >> value;) {
      ASSERT_TRUE(flag == "-f" || flag == "--profile") << flag;
      (flag == "-f" ? req.config_paths : req.profiles).push_back(value);
    }
    const EnvMap env = {{"HOME", "/tmp/stackc-home"},
                        {"PWD", dir},
                        {"USER", "stackc"},
                        {"PATH", "/usr/local/bin:/usr/bin:/bin"}};
    Result r;
    r.ok = LoadProject(req, InDirectory(dir), env, r.sm, r.sink, &r.project);
    std::string got = r.ok ? r.Yaml() : r.FirstError().substr(0, r.FirstError().find('\n')) + "\n";
    ReplaceAll(got, root_text, "<CORPUS>");
    ReplaceAll(got, root_real, "<CORPUS>");
    EXPECT_EQ(r.ok, accepts) << got;
    const std::string want = ReadFile(golden.path());
    if (accepts) {
      EXPECT_EQ(got, want);
    } else {  // one line per wording compose-go gives (some come in Go map order)
      EXPECT_TRUE(("\n" + want).find("\n" + got) != std::string::npos)
          << "stackc: " << got << "compose-go: " << want;
    }
    ++(accepts ? accepted : rejected);
  }
  EXPECT_GT(accepted, 30);
  EXPECT_GT(rejected, 20);
  std::printf("corpus loader vectors: %d accepted and %d rejected as compose-go does\n", accepted,
              rejected);
}

}  // namespace
}  // namespace stackc::frontend
