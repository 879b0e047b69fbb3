#include "backends/docker/compile.h"

#include <algorithm>
#include <memory>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "backends/docker/plan.h"
#include "backends/docker/test_project.h"
#include "frontend/schema.h"

namespace stackc::backends::docker {
namespace {

using test::Compiled;
using test::CompileText;

TEST(ServiceKeyTableTest, SortedAndCoversEverySchemaServiceKey) {
  const auto table = ServiceKeyTable();
  EXPECT_TRUE(std::is_sorted(table.begin(), table.end(),
                             [](const KeyRow& a, const KeyRow& b) { return a.key < b.key; }));
  const nlohmann::json schema = nlohmann::json::parse(frontend::ComposeSpecJson());
  const nlohmann::json& props = schema["$defs"]["service"]["properties"];
  ASSERT_GT(props.size(), 80u);
  for (const auto& [key, _] : props.items()) {
    EXPECT_NE(FindServiceKey(key), nullptr) << "service key '" << key << "' is not classified";
  }
  for (const KeyRow& row : table) {
    EXPECT_TRUE(props.contains(std::string(row.key))) << "'" << row.key << "' is not in the schema";
  }
}

TEST(CompileTest, ThreeTierNamesLabelsNetworks) {
  frontend::RealFileSystem fs(64u << 20);
  frontend::LoadRequest req;
  req.config_paths = {std::string(STACKC_SOURCE_DIR) + "/examples/three-tier/docker-compose.yaml"};
  Compiled c;
  ASSERT_TRUE(frontend::LoadProject(req, fs, {}, c.sm, c.sink, &c.loaded));
  c.project = frontend::Lower(c.loaded);
  CompileOptions options;
  options.api_minor = 41;
  c.desired = Compile(c.project, options, fs, c.sink);
  ASSERT_EQ(c.desired.networks.size(), 2u);
  EXPECT_EQ(c.desired.networks[0].name, "three-tier_appdb");
  EXPECT_EQ(c.desired.networks[1].name, "three-tier_webapp");
  EXPECT_EQ(c.desired.networks[0].create["Labels"][kProjectLabel], "three-tier");
  EXPECT_EQ(c.desired.networks[0].create["Labels"][kHashLabel], c.desired.networks[0].hash);

  const DesiredService* app = c.Service("app");
  ASSERT_NE(app, nullptr);
  ASSERT_EQ(app->containers.size(), 1u);
  const DesiredContainer& a1 = app->containers[0];
  EXPECT_EQ(a1.name, "three-tier-app-1");
  EXPECT_EQ(a1.create["Labels"][kServiceLabel], "app");
  EXPECT_EQ(a1.create["Labels"][kNumberLabel], "1");
  EXPECT_EQ(a1.create["Labels"][kComposeProjectLabel], "three-tier");
  // API 1.41 takes one network at create; the other is joined before start.
  EXPECT_EQ(a1.create["NetworkingConfig"]["EndpointsConfig"].size(), 1u);
  ASSERT_EQ(a1.connect.size(), 1u);
  EXPECT_EQ(app->networks, (std::vector<std::string>{"three-tier_appdb", "three-tier_webapp"}));

  const DesiredService* web = c.Service("web");
  ASSERT_NE(web, nullptr);
  const auto& bindings = web->containers[0].create["HostConfig"]["PortBindings"]["80/tcp"];
  ASSERT_EQ(bindings.size(), 1u);
  EXPECT_EQ(bindings[0]["HostPort"], "80");
  EXPECT_EQ(bindings[0]["HostIp"], "");

  // With API 1.44 both networks go in the create request.
  options.api_minor = 44;
  ir::DiagnosticSink sink;
  const DesiredState d44 = Compile(c.project, options, fs, sink);
  for (const DesiredService& s : d44.services) {
    if (s.name == "app") {
      EXPECT_EQ(s.containers[0].create["NetworkingConfig"]["EndpointsConfig"].size(), 2u);
      EXPECT_TRUE(s.containers[0].connect.empty());
    }
  }
}

TEST(CompileTest, HashIsStableAndLeavesOutScaleAndDependsOn) {
  frontend::InMemoryFileSystem fs("/p");
  const std::string base =
      "services:\n  web:\n    image: busybox\n    environment: [A=1]\n  db:\n    image: busybox\n";
  auto a = CompileText(fs, base);
  auto b = CompileText(fs, base);
  ASSERT_TRUE(a->ok && b->ok);
  EXPECT_EQ(a->Service("web")->hash, b->Service("web")->hash);

  auto scaled = CompileText(fs, base, CompileOptions{.scale = {{"web", 3}}});
  ASSERT_TRUE(scaled->ok);
  EXPECT_EQ(scaled->Service("web")->hash, a->Service("web")->hash);
  ASSERT_EQ(scaled->Service("web")->containers.size(), 3u);
  EXPECT_EQ(scaled->Service("web")->containers[2].name, "p-web-3");

  auto depends = CompileText(fs,
                             "services:\n  web:\n    image: busybox\n    environment: [A=1]\n"
                             "    depends_on: [db]\n  db:\n    image: busybox\n");
  ASSERT_TRUE(depends->ok);
  EXPECT_EQ(depends->Service("web")->hash, a->Service("web")->hash);

  auto env = CompileText(fs,
                         "services:\n  web:\n    image: busybox\n    environment: [A=2]\n  db:\n"
                         "    image: busybox\n");
  EXPECT_NE(env->Service("web")->hash, a->Service("web")->hash);
  EXPECT_EQ(env->Service("db")->hash, a->Service("db")->hash);

  auto image = CompileText(fs, base, CompileOptions{.image_ids = {{"busybox", "sha256:1"}}});
  EXPECT_NE(image->Service("web")->hash, a->Service("web")->hash);
}

TEST(CompileTest, SecretFileContentIsHashedNotSent) {
  frontend::InMemoryFileSystem fs("/p");
  fs.Add("/p/pw.txt", "hunter2");
  const std::string yaml =
      "services:\n  db:\n    image: busybox\n    secrets: [pw]\n    configs: [{source: cfg, "
      "target: /etc/app.conf}]\nsecrets:\n  pw:\n    file: ./pw.txt\nconfigs:\n  cfg:\n    "
      "file: ./pw.txt\n";
  auto first = CompileText(fs, yaml);
  ASSERT_TRUE(first->ok);
  const DesiredService* db = first->Service("db");
  const std::string body = db->containers[0].create.dump();
  EXPECT_EQ(body.find("hunter2"), std::string::npos);
  EXPECT_NE(body.find("/p/pw.txt:/run/secrets/pw:ro"), std::string::npos);
  EXPECT_NE(body.find("/p/pw.txt:/etc/app.conf:ro"), std::string::npos);
  fs.Add("/p/pw.txt", "hunter3");
  auto second = CompileText(fs, yaml);
  EXPECT_NE(second->Service("db")->hash, db->hash);
}

TEST(CompileTest, EnvironmentAndContentSourcesAreCopiedInAndHashed) {
  frontend::InMemoryFileSystem fs("/p");
  const std::string yaml =
      "services:\n  db:\n    image: busybox\n    secrets: [{source: pw, target: db, mode: 0400}]\n"
      "    configs: [app]\nsecrets:\n  pw:\n    environment: PW\nconfigs:\n  app:\n"
      "    content: hello\n";
  CompileOptions options{.file_values = {{"secret:pw", "hunter2"}, {"config:app", "hello"}}};
  auto c = CompileText(fs, yaml, options);
  ASSERT_TRUE(c->ok);
  const DesiredContainer& db = c->Service("db")->containers[0];
  ASSERT_EQ(db.inject.size(), 2u);
  EXPECT_EQ(db.inject[0]["path"], "/run/secrets/db");
  EXPECT_EQ(db.inject[0]["mode"], 0400);
  EXPECT_EQ(db.inject[1]["path"], "/app");
  EXPECT_EQ(db.create.dump().find("hunter2"), std::string::npos);
  options.file_values["secret:pw"] = "hunter3";
  EXPECT_NE(CompileText(fs, yaml, options)->Service("db")->hash, c->Service("db")->hash);
  const Plan plan = PlanApply(c->desired, {}, {});
  EXPECT_NE(RenderText(plan).find("[3] copy files into container 'p-db-1' (missing) after 2"),
            std::string::npos);
  EXPECT_EQ(RenderJson(plan, "p").find("hunter2"), std::string::npos);
  options.file_values.erase("secret:pw");
  auto unset = CompileText(fs, yaml, options);
  EXPECT_FALSE(unset->ok);
}

TEST(CompileTest, RejectedAndDegradedKeysAreLocated) {
  frontend::InMemoryFileSystem fs("/p");
  auto c = CompileText(fs,
                       "services:\n  web:\n    image: busybox\n    gpus: all\n    blkio_config: "
                       "{weight: 10}\n");
  EXPECT_FALSE(c->ok);
  std::vector<std::string> messages;
  for (const ir::Diagnostic& d : c->sink.diagnostics()) {
    const ir::LineCol lc = c->sm.Position(d.span.file, d.span.begin);
    messages.push_back(fmt::format("{}:{} {}", lc.line, lc.column, d.message));
  }
  std::sort(messages.begin(), messages.end());
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0],
            "4:11 service 'web': 'gpus' is not supported by the docker backend: GPU device "
            "requests are not supported yet");
  EXPECT_EQ(messages[1],
            "5:19 service 'web': 'blkio_config' is only partly applied: block I/O weights and "
            "limits are not applied");
}

TEST(CompileTest, MapsTheCommonKeys) {
  frontend::InMemoryFileSystem fs("/p");
  auto c = CompileText(fs,
                       "services:\n  web:\n    image: busybox\n    command: [httpd, -f]\n"
                       "    user: '1000'\n    read_only: true\n    cap_drop: [ALL]\n"
                       "    restart: on-failure:3\n    ports: ['127.0.0.1:8080:80']\n"
                       "    volumes: [data:/data, ./src:/src:ro, {type: tmpfs, target: /t}]\n"
                       "    healthcheck: {test: [CMD, 'true'], interval: 2s, retries: 3}\n"
                       "    extra_hosts: ['h:1.2.3.4']\n    shm_size: 64m\n"
                       "    ulimits: {nofile: {soft: 10, hard: 20}}\n"
                       "volumes:\n  data: {}\n");
  ASSERT_TRUE(c->ok);
  const nlohmann::json& b = c->Service("web")->containers[0].create;
  EXPECT_EQ(b["Cmd"], nlohmann::json::array({"httpd", "-f"}));
  EXPECT_EQ(b["User"], "1000");
  const nlohmann::json& h = b["HostConfig"];
  EXPECT_EQ(h["ReadonlyRootfs"], true);
  EXPECT_EQ(h["CapDrop"], nlohmann::json::array({"ALL"}));
  EXPECT_EQ(h["RestartPolicy"]["Name"], "on-failure");
  EXPECT_EQ(h["RestartPolicy"]["MaximumRetryCount"], 3);
  EXPECT_EQ(h["PortBindings"]["80/tcp"][0]["HostIp"], "127.0.0.1");
  EXPECT_EQ(h["PortBindings"]["80/tcp"][0]["HostPort"], "8080");
  EXPECT_EQ(h["Binds"], nlohmann::json::array({"/p/src:/src:ro"}));
  EXPECT_EQ(h["Mounts"][0]["Source"], "p_data");
  EXPECT_EQ(h["Mounts"][1]["Type"], "tmpfs");
  EXPECT_EQ(h["ExtraHosts"], nlohmann::json::array({"h:1.2.3.4"}));
  EXPECT_EQ(h["ShmSize"], 64 << 20);
  EXPECT_EQ(h["Ulimits"][0]["Hard"], 20);
  EXPECT_EQ(b["Healthcheck"]["Interval"], 2'000'000'000);
  EXPECT_EQ(b["Healthcheck"]["Retries"], 3);
  EXPECT_TRUE(c->Service("web")->has_healthcheck);
  EXPECT_EQ(c->Service("web")->volumes, std::vector<std::string>{"p_data"});
}

}  // namespace
}  // namespace stackc::backends::docker
