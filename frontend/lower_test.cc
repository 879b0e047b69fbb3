#include "frontend/lower.h"

#include <gtest/gtest.h>

#include "tests/corpus_projects.h"

namespace stackc::frontend {
namespace {

struct Lowered {
  bool ok = false;
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  LoadedProject loaded;
  ir::Project project;

  std::string Text(ir::Span span) const { return std::string(sm.Text(span)); }
};

std::unique_ptr<Lowered> LoadAndLower(const FileSystem& fs, const LoadRequest& req,
                                      const EnvMap& env = {}) {
  auto r = std::make_unique<Lowered>();
  r->ok = LoadProject(req, fs, env, r->sm, r->sink, &r->loaded);
  if (r->ok) r->project = Lower(r->loaded);
  return r;
}

TEST(LowerTest, ThreeTierExample) {
  RealFileSystem fs(64u << 20);
  LoadRequest req;
  req.config_paths = {std::string(STACKC_SOURCE_DIR) + "/examples/three-tier/docker-compose.yaml"};
  auto r = LoadAndLower(fs, req);
  ASSERT_TRUE(r->ok);
  const ir::Project& p = r->project;
  EXPECT_EQ(p.name, "three-tier");
  ASSERT_EQ(p.services.size(), 3u);
  EXPECT_EQ(p.services[0].name.value, "app");  // sorted
  EXPECT_EQ(p.services[2].name.value, "web");
  EXPECT_EQ(r->Text(p.services[2].name.span), "web");

  const ir::Service* web = p.FindService("web");
  ASSERT_NE(web, nullptr);
  ASSERT_EQ(web->ports.size(), 1u);
  EXPECT_EQ(web->ports[0].target, 80u);
  EXPECT_EQ(web->ports[0].published, "80");
  EXPECT_EQ(web->ports[0].protocol, "tcp");
  EXPECT_TRUE(web->ports[0].OnAllAddresses());
  EXPECT_EQ(r->Text(web->ports[0].span), "\"80:80\"");
  ASSERT_EQ(web->volumes.size(), 2u);
  EXPECT_EQ(web->volumes[0].type, ir::MountType::kBind);
  EXPECT_EQ(web->volumes[0].target, "/var/www/html");
  ASSERT_EQ(web->networks.size(), 1u);
  EXPECT_EQ(web->networks[0].network, "webapp");
  EXPECT_EQ(r->Text(web->networks[0].span), "webapp");

  const ir::Service* app = p.FindService("app");
  ASSERT_NE(app, nullptr);
  ASSERT_TRUE(app->entrypoint.has_value());
  EXPECT_EQ(app->entrypoint->value, std::vector<std::string>{"/bin/sh"});
  EXPECT_TRUE(app->tty.value);
  EXPECT_TRUE(app->stdin_open.value);
  ASSERT_EQ(app->networks.size(), 2u);
  EXPECT_EQ(app->networks[0].network, "appdb");  // sorted
  EXPECT_FALSE(app->command.has_value());

  const ir::Service* db = p.FindService("db");
  ASSERT_NE(db, nullptr);
  ASSERT_EQ(db->environment.size(), 2u);
  EXPECT_EQ(db->environment[0].key, "MYSQL_DATABASE");
  EXPECT_EQ(db->environment[1].key, "MYSQL_ROOT_PASSWORD");
  EXPECT_EQ(db->environment[1].value, "foobar");
  EXPECT_EQ(r->Text(db->environment[1].span), "MYSQL_ROOT_PASSWORD=foobar");

  ASSERT_EQ(p.networks.size(), 2u);
  EXPECT_EQ(p.networks[0].key, "appdb");
  EXPECT_EQ(p.networks[0].name, "three-tier_appdb");
  EXPECT_EQ(p.networks[0].driver, "bridge");
  EXPECT_EQ(p.FindNetwork("default"), nullptr);  // no service uses it
  EXPECT_EQ(p.FindService("nope"), nullptr);
}

TEST(LowerTest, LongFormsDependenciesHealthchecksAndResources) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "name: shop\n"
         "x-owner: team-a\n"
         "services:\n"
         "  web:\n"
         "    image: web:1\n"
         "    command: nginx -g 'daemon off;'\n"
         "    ports:\n"
         "      - 127.0.0.1:8080-8081:80-81/udp\n"
         "    depends_on:\n"
         "      db:\n"
         "        condition: service_healthy\n"
         "        restart: true\n"
         "      cache:\n"
         "        condition: service_started\n"
         "        required: false\n"
         "    networks:\n"
         "      front:\n"
         "        aliases: [www]\n"
         "      back: {}\n"
         "    secrets:\n"
         "      - source: token\n"
         "        target: api_token\n"
         "        mode: 0440\n"
         "    deploy:\n"
         "      replicas: 3\n"
         "      resources:\n"
         "        limits: {cpus: '0.5', memory: 256M}\n"
         "    x-note: hello\n"
         "  db:\n"
         "    image: db:1\n"
         "    networks: [back]\n"
         "    scale: 2\n"
         "    healthcheck:\n"
         "      test: pg_isready\n"
         "      interval: 1m30s\n"
         "      retries: 5\n"
         "    volumes:\n"
         "      - data:/var/lib/db:ro\n"
         "      - type: tmpfs\n"
         "        target: /tmp\n"
         "        tmpfs: {size: 1m}\n"
         "    read_only: true\n"
         "    cap_drop: [ALL]\n"
         "    environment:\n"
         "      PGDATA: /var/lib/db\n"
         "      UNSET:\n"
         "  cache:\n"
         "    image: cache:1\n"
         "    profiles: [extra]\n"
         "networks:\n"
         "  front: {}\n"
         "  back: {internal: true}\n"
         "volumes:\n"
         "  data: {external: true}\n"
         "secrets:\n"
         "  token: {environment: TOKEN}\n");
  LoadRequest req;
  auto r = LoadAndLower(fs, req, {{"TOKEN", "s3cret"}});
  ASSERT_TRUE(r->ok);
  const ir::Project& p = r->project;
  ASSERT_EQ(p.services.size(), 2u);
  ASSERT_EQ(p.disabled_services.size(), 1u);
  EXPECT_NE(p.FindDisabledService("cache"), nullptr);

  const ir::Service& web = *p.FindService("web");
  ASSERT_TRUE(web.command.has_value());
  EXPECT_EQ(web.command->value, (std::vector<std::string>{"nginx", "-g", "daemon off;"}));
  ASSERT_EQ(web.ports.size(), 2u);
  EXPECT_EQ(web.ports[0].target, 80u);
  EXPECT_EQ(web.ports[0].published, "8080");
  EXPECT_EQ(web.ports[1].target, 81u);
  EXPECT_EQ(web.ports[1].published, "8081");
  EXPECT_EQ(web.ports[1].host_ip, "127.0.0.1");
  EXPECT_EQ(web.ports[1].protocol, "udp");
  EXPECT_FALSE(web.ports[1].OnAllAddresses());
  EXPECT_EQ(r->Text(web.ports[1].span), "127.0.0.1:8080-8081:80-81/udp");
  ASSERT_EQ(web.depends_on.size(), 2u);
  EXPECT_EQ(web.depends_on[0].service, "cache");
  EXPECT_FALSE(web.depends_on[0].required);
  EXPECT_EQ(web.depends_on[1].service, "db");
  EXPECT_EQ(web.depends_on[1].condition, ir::Dependency::Condition::kHealthy);
  EXPECT_TRUE(web.depends_on[1].restart);
  EXPECT_EQ(std::string(ir::ConditionName(web.depends_on[1].condition)), "service_healthy");
  EXPECT_EQ(r->Text(web.depends_on[1].span), "db");
  ASSERT_EQ(web.networks.size(), 2u);
  EXPECT_EQ(web.networks[0].network, "back");
  ASSERT_EQ(web.networks[1].aliases.size(), 1u);
  EXPECT_EQ(web.networks[1].aliases[0].value, "www");
  ASSERT_EQ(web.secrets.size(), 1u);
  EXPECT_EQ(web.secrets[0].source, "token");
  EXPECT_EQ(web.secrets[0].target, "api_token");
  EXPECT_EQ(web.secrets[0].mode, 0440u);
  EXPECT_EQ(web.Replicas(), 3);
  EXPECT_EQ(web.limits.cpus, 0.5);
  EXPECT_EQ(web.limits.memory_bytes, 256 << 20);
  ASSERT_EQ(web.extensions.size(), 1u);
  EXPECT_EQ(web.extensions[0].key, "x-note");
  EXPECT_EQ(web.extensions[0].value.text, "hello");
  ASSERT_NE(web.raw.Find("image"), nullptr);
  EXPECT_EQ(web.raw.Find("image")->text, "web:1");

  const ir::Service& db = *p.FindService("db");
  EXPECT_EQ(db.Replicas(), 2);
  ASSERT_TRUE(db.healthcheck.has_value());
  EXPECT_EQ(db.healthcheck->test, (std::vector<std::string>{"CMD-SHELL", "pg_isready"}));
  EXPECT_EQ(db.healthcheck->interval_ns, int64_t{90} * 1'000'000'000);
  EXPECT_EQ(db.healthcheck->retries, 5u);
  EXPECT_FALSE(db.healthcheck->Disabled());
  ASSERT_EQ(db.volumes.size(), 2u);
  EXPECT_EQ(db.volumes[0].type, ir::MountType::kVolume);
  EXPECT_EQ(db.volumes[0].source, "data");
  EXPECT_TRUE(db.volumes[0].read_only);
  EXPECT_EQ(db.volumes[1].type, ir::MountType::kTmpfs);
  EXPECT_EQ(db.volumes[1].tmpfs_size, 1 << 20);
  EXPECT_TRUE(db.read_only.value);
  EXPECT_EQ(r->Text(db.read_only.span), "true");
  ASSERT_EQ(db.cap_drop.size(), 1u);
  EXPECT_EQ(db.cap_drop[0].value, "ALL");
  ASSERT_EQ(db.environment.size(), 2u);
  EXPECT_EQ(db.environment[1].key, "UNSET");
  EXPECT_FALSE(db.environment[1].value.has_value());

  ASSERT_EQ(p.networks.size(), 2u);
  EXPECT_TRUE(p.FindNetwork("back")->internal);
  EXPECT_EQ(p.FindNetwork("front")->name, "shop_front");
  EXPECT_TRUE(p.FindVolume("data")->external);
  EXPECT_EQ(p.FindVolume("data")->name, "data");
  ASSERT_NE(p.FindSecret("token"), nullptr);
  EXPECT_EQ(p.FindSecret("token")->environment, "TOKEN");
  ASSERT_EQ(p.extensions.size(), 1u);
  EXPECT_EQ(p.extensions[0].value.text, "team-a");
}

TEST(LowerTest, LoaderDefaultsHaveNoSpan) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml", "services:\n  web:\n    image: nginx\n");
  auto r = LoadAndLower(fs, {});
  ASSERT_TRUE(r->ok);
  const ir::Network* def = r->project.FindNetwork("default");
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->name, "p_default");
  const ir::Service& web = *r->project.FindService("web");
  ASSERT_EQ(web.networks.size(), 1u);
  EXPECT_FALSE(web.networks[0].span.valid());  // the loader attached it
  EXPECT_TRUE(web.image->span.valid());
}

// The same tree: kinds, texts, keys and spans.
bool SameValue(const ir::Value& a, const ir::Value& b) {
  if (a.kind != b.kind || a.text != b.text || !(a.span == b.span) ||
      a.items.size() != b.items.size() || a.entries.size() != b.entries.size()) {
    return false;
  }
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (!SameValue(a.items[i], b.items[i])) return false;
  }
  for (size_t i = 0; i < a.entries.size(); ++i) {
    if (a.entries[i].key != b.entries[i].key ||
        !SameValue(a.entries[i].value, b.entries[i].value)) {
      return false;
    }
  }
  return true;
}

TEST(LowerTest, TakingTheServicesGivesTheSameProjectAndEmptiesTheModelsServices) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "services:\n"
         "  web:\n"
         "    image: nginx:1.27\n"
         "    environment: [LONG_ENOUGH_TO_BE_ON_THE_HEAP=a value longer than fifteen bytes]\n"
         "    ports: ['127.0.0.1:8080:80']\n"
         "    x-team: front\n"
         "    secrets: [token]\n"
         "  db:\n"
         "    image: postgres\n"
         "    deploy: {resources: {limits: {memory: 512M}}}\n"
         "secrets:\n"
         "  token: {environment: TOKEN}\n");
  auto copied = LoadAndLower(fs, {});
  ASSERT_TRUE(copied->ok);
  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  LoadedProject loaded;
  ASSERT_TRUE(LoadProject({}, fs, {}, sm, sink, &loaded));
  const ir::Project taken = LowerTakingServices(loaded);
  ASSERT_EQ(taken.services.size(), 2u);
  for (size_t i = 0; i < taken.services.size(); ++i) {
    const ir::Service& a = copied->project.services[i];
    const ir::Service& b = taken.services[i];
    EXPECT_EQ(a.name.value, b.name.value);
    EXPECT_EQ(a.image->value, b.image->value);
    EXPECT_EQ(a.ports.size(), b.ports.size());
    EXPECT_EQ(a.environment.size(), b.environment.size());
    EXPECT_TRUE(SameValue(a.raw, b.raw)) << a.name.value;
    EXPECT_EQ(a.extensions.size(), b.extensions.size());
  }
  EXPECT_EQ(taken.secrets.size(), 1u);
  EXPECT_TRUE(loaded.model.Find("services")->entries.empty());
  EXPECT_NE(loaded.model.Find("secrets"), nullptr);  // the other sections stay
}

// What lint reads instead of `raw`: where the limits were written, the logging driver, the build
// secrets. And with the raw values dropped, the typed fields are the same.
TEST(LowerTest, LimitSpansLoggingDriverAndBuildSecretsAreTyped) {
  InMemoryFileSystem fs("/p");
  fs.Add("/p/compose.yaml",
         "services:\n"
         "  web:\n"
         "    image: web:1\n"
         "    mem_limit: 1g\n"
         "    logging: {driver: none}\n"
         "    deploy: {resources: {limits: {memory: 512M, pids: 100}}}\n"
         "  api:\n"
         "    build:\n"
         "      context: .\n"
         "      secrets: [npmrc, {source: gitcred, target: git}]\n"
         "    pids_limit: 50\n"
         "  db:\n"
         "    image: db:1\n"
         "secrets:\n"
         "  npmrc: {file: ./npmrc}\n"
         "  gitcred: {file: ./gitcred}\n");
  auto r = LoadAndLower(fs, {});
  ASSERT_TRUE(r->ok) << r->sink.diagnostics()[0].message;
  const ir::Service* web = r->project.FindService("web");
  const ir::Service* api = r->project.FindService("api");
  const ir::Service* db = r->project.FindService("db");
  ASSERT_TRUE(web && api && db);
  EXPECT_EQ(r->Text(web->limits.memory_span), "1g");  // the service-level key wins
  EXPECT_EQ(r->Text(web->limits.pids_span), "100");
  ASSERT_TRUE(web->logging_driver.has_value());
  EXPECT_EQ(web->logging_driver->value, "none");
  EXPECT_EQ(r->Text(web->logging_driver->span), "none");
  EXPECT_EQ(r->Text(api->limits.pids_span), "50");
  EXPECT_FALSE(api->limits.memory_span.valid());
  ASSERT_TRUE(api->build.has_value());
  EXPECT_EQ(api->build->secrets, (std::vector<std::string>{"npmrc", "gitcred"}));
  EXPECT_FALSE(db->logging_driver.has_value());
  EXPECT_FALSE(db->limits.memory_span.valid());

  ir::SourceManager sm;
  ir::DiagnosticSink sink;
  LoadedProject loaded;
  ASSERT_TRUE(LoadProject({}, fs, {}, sm, sink, &loaded));
  const ir::Project dropped = LowerTakingServices(loaded, RawValues::kDrop);
  ASSERT_EQ(dropped.services.size(), 3u);
  for (size_t i = 0; i < dropped.services.size(); ++i) {
    const ir::Service& a = r->project.services[i];
    const ir::Service& b = dropped.services[i];
    EXPECT_TRUE(a.raw.is_map());
    EXPECT_TRUE(b.raw.is_null()) << b.name.value;
    EXPECT_EQ(a.name.value, b.name.value);
    EXPECT_EQ(a.limits.memory_span, b.limits.memory_span);
    EXPECT_EQ(a.limits.pids_span, b.limits.pids_span);
    EXPECT_EQ(a.logging_driver, b.logging_driver);
    EXPECT_EQ(a.build.has_value(), b.build.has_value());
  }
  EXPECT_TRUE(loaded.model.Find("services")->entries.empty());
}

// Every project of the differential test's corpus that loads also lowers, and the IR agrees with
// the canonical model on what it types: the same services, networks, volumes, secrets and configs,
// one Port per canonical port entry, and spans that lie inside their files.
TEST(CorpusLower, EveryLoadableProjectLowers) {
  const int lowered =
      test_corpus::ForEachCorpusProject([](const std::string& id, test_corpus::CorpusProject& c) {
        const ir::Project& p = c.project;
        const Node* services = c.loaded.model.Find("services");
        ASSERT_EQ(p.services.size(), services ? services->entries.size() : 0u) << id;
        for (const ir::Service& s : p.services) {
          const Node* canonical = services->Find(s.name.value);
          ASSERT_NE(canonical, nullptr) << id << " " << s.name.value;
          const Node* ports = canonical->Find("ports");
          EXPECT_EQ(s.ports.size(), ports ? ports->items.size() : 0u) << id << " " << s.name.value;
          const Node* vols = canonical->Find("volumes");
          EXPECT_EQ(s.volumes.size(), vols ? vols->items.size() : 0u) << id << " " << s.name.value;
          if (s.name.span.valid()) {
            EXPECT_EQ(c.sm.Text(s.name.span), s.name.value) << id;
          }
          for (const ir::Port& port : s.ports) {
            ASSERT_TRUE(port.span.valid()) << id << " " << s.name.value;
            EXPECT_LE(port.span.end, c.sm.text(port.span.file).size()) << id;
            EXPECT_NE(port.target, 0u) << id << " " << s.name.value;
          }
        }
        for (std::string_view key : {"networks", "volumes", "secrets", "configs"}) {
          const Node* m = c.loaded.model.Find(key);
          const size_t want = m && m->is_map() ? m->entries.size() : 0;
          const size_t got = key == "networks"  ? p.networks.size()
                             : key == "volumes" ? p.volumes.size()
                             : key == "secrets" ? p.secrets.size()
                                                : p.configs.size();
          EXPECT_EQ(got, want) << id << " " << key;
        }
        // Lowering that takes the services gives the same raw trees.
        LoadedProject copy = c.loaded;
        const ir::Project taken = LowerTakingServices(copy);
        ASSERT_EQ(taken.services.size(), p.services.size()) << id;
        for (size_t i = 0; i < p.services.size(); ++i) {
          EXPECT_EQ(taken.services[i].name.value, p.services[i].name.value) << id;
          EXPECT_TRUE(SameValue(taken.services[i].raw, p.services[i].raw))
              << id << " " << p.services[i].name.value;
        }
      });
  if (lowered < 0) GTEST_SKIP() << "../shared/corpus is absent";
  EXPECT_GT(lowered, 500);
  std::printf("lowered %d corpus projects\n", lowered);
}

}  // namespace
}  // namespace stackc::frontend
