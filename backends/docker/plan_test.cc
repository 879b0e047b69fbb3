#include "backends/docker/plan.h"

#include <gtest/gtest.h>

#include "backends/docker/test_project.h"

namespace stackc::backends::docker {
namespace {

using test::CompileText;

// The observed state an apply of `d` leaves behind: every container running with its hash.
ObservedState Converged(const DesiredState& d) {
  ObservedState o;
  for (const DesiredNetwork& n : d.networks) {
    o.networks.push_back({"id-" + n.name, n.name, n.key, n.hash, !n.external});
  }
  for (const DesiredVolume& v : d.volumes) o.volumes.push_back({v.name, v.key, v.hash, true});
  for (const DesiredService& s : d.services) {
    for (const DesiredContainer& c : s.containers) {
      ObservedContainer oc;
      oc.id = "id-" + c.name;
      oc.name = c.name;
      oc.service = s.name;
      oc.number = c.number;
      oc.hash = s.hash;
      oc.state = "running";
      if (s.has_healthcheck) oc.health = "healthy";
      oc.networks = s.networks;
      o.containers.push_back(oc);
    }
  }
  return o;
}

constexpr char kStack[] =
    "services:\n"
    "  web:\n    image: busybox\n    depends_on: {app: {condition: service_healthy}}\n"
    "    networks: [front]\n"
    "  app:\n    image: busybox\n    depends_on: [db]\n    networks: [front, back]\n"
    "    healthcheck: {test: [CMD, 'true']}\n"
    "  db:\n    image: busybox\n    networks: [back]\n    volumes: [data:/data]\n"
    "networks:\n  front: {}\n  back: {}\n"
    "volumes:\n  data: {}\n";

// The plan's first steps when db's configuration changed.
constexpr char kDbRecreated[] =
    "[1] stop container 'p-db-1' (configuration changed)\n"
    "[2] remove container 'p-db-1' (configuration changed) after 1\n"
    "[3] create container 'p-db-1' (configuration changed) after 2\n"
    "[4] start container 'p-db-1' (configuration changed) after 3\n";

// `yaml` with an environment entry added to service db: a change of db's configuration only.
std::string WithDbEnvironment(std::string yaml) {
  const std::string db = "  db:\n    image: busybox\n";
  yaml.replace(yaml.find(db), db.size(), db + "    environment: [X=1]\n");
  return yaml;
}

TEST(PlanTest, FreshProjectInDependencyOrder) {
  frontend::InMemoryFileSystem fs("/p");
  auto c = CompileText(fs, kStack, CompileOptions{.api_minor = 41});
  ASSERT_TRUE(c->ok);
  const Plan plan = PlanApply(c->desired, ObservedState{}, PlanOptions{});
  EXPECT_TRUE(plan.errors.empty());
  EXPECT_EQ(RenderText(plan),
            "[1] create network 'p_back' (missing)\n"
            "[2] create network 'p_front' (missing)\n"
            "[3] create volume 'p_data' (missing)\n"
            "[4] create container 'p-db-1' (missing) after 1, 3\n"
            "[5] start container 'p-db-1' (missing) after 4\n"
            "[6] create container 'p-app-1' (missing) after 1, 2, 4\n"
            "[7] connect container 'p-app-1' to 'p_front' (missing) after 6\n"
            "[8] start container 'p-app-1' (missing) after 5, 7\n"
            "[9] wait healthy 'p-app-1' ('web' depends on it (service_healthy)) after 8\n"
            "[10] create container 'p-web-1' (missing) after 2, 7\n"
            "[11] start container 'p-web-1' (missing) after 9, 10\n");
}

TEST(PlanTest, ConvergedProjectPlansNothing) {
  frontend::InMemoryFileSystem fs("/p");
  auto c = CompileText(fs, kStack);
  ASSERT_TRUE(c->ok);
  const Plan plan = PlanApply(c->desired, Converged(c->desired), PlanOptions{});
  EXPECT_TRUE(plan.empty());
  EXPECT_EQ(RenderText(plan), "no changes\n");
}

TEST(PlanTest, WaitAddsOneWaitPerStartedContainer) {
  frontend::InMemoryFileSystem fs("/p");
  auto c = CompileText(fs, kStack, CompileOptions{.api_minor = 41});
  ASSERT_TRUE(c->ok);
  const std::string text = RenderText(PlanApply(c->desired, ObservedState{}, {.wait = true}));
  // app is waited healthy for web already: no second wait for it.
  EXPECT_NE(text.find("[12] wait running 'p-db-1' (--wait) after 5\n"), std::string::npos) << text;
  EXPECT_NE(text.find("[13] wait running 'p-web-1' (--wait) after 11\n"), std::string::npos)
      << text;
  EXPECT_EQ(text.find("[14]"), std::string::npos) << text;
}

TEST(PlanTest, WaitWaitsForUpToDateContainersThatAreNotHealthyYet) {
  frontend::InMemoryFileSystem fs("/p");
  auto c = CompileText(fs, kStack);
  ASSERT_TRUE(c->ok);
  ObservedState o = Converged(c->desired);
  EXPECT_TRUE(PlanApply(c->desired, o, PlanOptions{.wait = true}).empty());
  for (ObservedContainer& oc : o.containers) {
    if (oc.service == "app") oc.health = "starting";
  }
  EXPECT_TRUE(PlanApply(c->desired, o, PlanOptions{}).empty());
  EXPECT_EQ(RenderText(PlanApply(c->desired, o, PlanOptions{.wait = true})),
            "[1] wait healthy 'p-app-1' (--wait; starting)\n");
}

TEST(PlanTest, ChangedServiceIsRecreatedAlone) {
  frontend::InMemoryFileSystem fs("/p");
  auto before = CompileText(fs, kStack);
  auto after = CompileText(fs, WithDbEnvironment(kStack));
  ASSERT_TRUE(before->ok && after->ok);
  const Plan plan = PlanApply(after->desired, Converged(before->desired), PlanOptions{});
  EXPECT_EQ(RenderText(plan), std::string(kDbRecreated));
}

// The plan that takes `base`, converged, to `base` with db's environment changed.
Plan PlanForDbChange(const std::string& base, const CompileOptions& options = {}) {
  frontend::InMemoryFileSystem fs("/p");
  auto before = CompileText(fs, base, options);
  auto after = CompileText(fs, WithDbEnvironment(base), options);
  EXPECT_TRUE(before->ok && after->ok);
  return PlanApply(after->desired, Converged(before->desired), PlanOptions{});
}

TEST(PlanTest, DependentsWithRestartTrueRestartKeepingTheirContainers) {
  const Plan plan = PlanForDbChange(
      "services:\n  db:\n    image: busybox\n  web:\n    image: busybox\n"
      "    depends_on: {db: {condition: service_started, restart: true}}\n"
      "  worker:\n    image: busybox\n    depends_on: [db]\n");
  EXPECT_EQ(RenderText(plan),
            std::string(kDbRecreated) +
                "[5] stop container 'p-web-1' (dependency 'db' was recreated) after 4\n"
                "[6] start container 'p-web-1' (dependency 'db' was recreated) after 5\n");
  EXPECT_EQ(plan.steps[4].id_ref, "id-p-web-1");  // the same container, restarted
}

TEST(PlanTest, ARestartTrueRestartRunsThePreStopHooksBeforeItsStop) {
  const Plan plan = PlanForDbChange(
      "services:\n  db:\n    image: busybox\n  web:\n    image: busybox\n"
      "    depends_on: {db: {condition: service_started, restart: true}}\n"
      "    pre_stop: [{command: [flush]}]\n",
      CompileOptions{.api_minor = 41});
  const std::string text = RenderText(plan);
  // db's recreate (steps 1-4), then web's hook, its stop after the hook, its start.
  EXPECT_NE(text.find("[5] run hook in 'p-web-1' (pre_stop hook 1) after 4\n"
                      "[6] stop container 'p-web-1' (dependency 'db' was recreated) after 5\n"
                      "[7] start container 'p-web-1' (dependency 'db' was recreated) after 6\n"),
            std::string::npos)
      << text;
  EXPECT_FALSE(plan.steps[4].required);  // a failed pre_stop only warns
  EXPECT_EQ(plan.steps[4].id_ref, "id-p-web-1");
}

TEST(PlanTest, ASharedWaitIsRequiredWhenAnyDependentRequiresIt) {
  frontend::InMemoryFileSystem fs("/p");
  // `a` (first in start order) makes db optional, `b` requires it: the one wait must be required.
  auto c = CompileText(fs,
                       "services:\n  db:\n    image: busybox\n"
                       "    healthcheck: {test: [CMD, 'true']}\n"
                       "  a:\n    image: busybox\n"
                       "    depends_on: {db: {condition: service_healthy, required: false}}\n"
                       "  b:\n    image: busybox\n"
                       "    depends_on: {db: {condition: service_healthy}}\n",
                       CompileOptions{.api_minor = 41});
  ASSERT_TRUE(c->ok);
  const Plan plan = PlanApply(c->desired, ObservedState{}, PlanOptions{.wait = true});
  int waits = 0;
  for (const Step& s : plan.steps) {
    if (s.kind != StepKind::kWaitHealthy || s.resource != "p-db-1") continue;
    ++waits;
    EXPECT_TRUE(s.required) << RenderText(plan);
  }
  EXPECT_EQ(waits, 1) << RenderText(plan);  // --wait adds none: the required wait covers db
}

TEST(PlanTest, WaitDoesNotRaceWithARestartTrueRestart) {
  frontend::InMemoryFileSystem fs("/p");
  const std::string base =
      "services:\n  db:\n    image: busybox\n  web:\n    image: busybox\n"
      "    healthcheck: {test: [CMD, 'true']}\n"
      "    depends_on: {db: {condition: service_started, restart: true}}\n";
  auto before = CompileText(fs, base);
  auto after = CompileText(fs, WithDbEnvironment(base));
  ASSERT_TRUE(before->ok && after->ok);
  ObservedState o = Converged(before->desired);
  for (ObservedContainer& oc : o.containers) {
    if (oc.service == "web") oc.health = "starting";  // up to date, not healthy yet
  }
  const Plan plan = PlanApply(after->desired, o, PlanOptions{.wait = true});
  // web is restarted (steps 5, 6): its only wait comes after that start.
  EXPECT_EQ(RenderText(plan),
            std::string(kDbRecreated) +
                "[5] stop container 'p-web-1' (dependency 'db' was recreated) after 4\n"
                "[6] start container 'p-web-1' (dependency 'db' was recreated) after 5\n"
                "[7] wait running 'p-db-1' (--wait) after 4\n"
                "[8] wait healthy 'p-web-1' (--wait) after 6\n");
}

TEST(PlanTest, HooksRunAfterTheStartBeforeDependentsAndBeforeTheStop) {
  frontend::InMemoryFileSystem fs("/p");
  auto c = CompileText(fs,
                       "services:\n  db:\n    image: busybox\n"
                       "    post_start: [{command: [init], user: '0'}, {command: [seed]}]\n"
                       "    pre_stop: [{command: [flush]}]\n"
                       "  web:\n    image: busybox\n    depends_on: [db]\n",
                       CompileOptions{.api_minor = 41});
  ASSERT_TRUE(c->ok);
  const Plan up = PlanApply(c->desired, ObservedState{}, PlanOptions{});
  EXPECT_EQ(RenderText(up),
            "[1] create network 'p_default' (missing)\n"
            "[2] create container 'p-db-1' (missing) after 1\n"
            "[3] start container 'p-db-1' (missing) after 2\n"
            "[4] run hook in 'p-db-1' (post_start hook 1) after 3\n"
            "[5] run hook in 'p-db-1' (post_start hook 2) after 4\n"
            "[6] create container 'p-web-1' (missing) after 1, 2\n"
            "[7] start container 'p-web-1' (missing) after 5, 6\n");
  EXPECT_EQ(up.steps[3].body["Cmd"], nlohmann::json::array({"init"}));
  EXPECT_EQ(up.steps[3].body["User"], "0");
  const Plan down = PlanDown(c->desired, Converged(c->desired), DownOptions{});
  const std::string text = RenderText(down);
  const size_t hook = text.find("run hook in 'p-db-1' (pre_stop hook 1)");
  const size_t stop = text.find("stop container 'p-db-1'");
  ASSERT_NE(hook, std::string::npos) << text;
  EXPECT_LT(hook, stop) << text;
  for (const Step& s : down.steps) {
    if (s.kind == StepKind::kRunHook) {
      EXPECT_FALSE(s.required);  // a failed pre_stop only warns
    }
  }
}

TEST(PlanTest, ScaleUpAddsAndScaleDownRemovesHighestNumbers) {
  frontend::InMemoryFileSystem fs("/p");
  auto one = CompileText(fs, "services:\n  os:\n    image: busybox\n");
  auto three = CompileText(fs, "services:\n  os:\n    image: busybox\n",
                           CompileOptions{.scale = {{"os", 3}}});
  ASSERT_TRUE(one->ok && three->ok);
  const Plan up = PlanApply(three->desired, Converged(one->desired), PlanOptions{});
  EXPECT_EQ(RenderText(up),
            "[1] create container 'p-os-2' (missing)\n"
            "[2] start container 'p-os-2' (missing) after 1\n"
            "[3] create container 'p-os-3' (missing)\n"
            "[4] start container 'p-os-3' (missing) after 3\n");
  const Plan down = PlanApply(one->desired, Converged(three->desired), PlanOptions{});
  EXPECT_EQ(RenderText(down),
            "[1] stop container 'p-os-2' (scaled down to 1)\n"
            "[2] remove container 'p-os-2' (scaled down to 1) after 1\n"
            "[3] stop container 'p-os-3' (scaled down to 1)\n"
            "[4] remove container 'p-os-3' (scaled down to 1) after 3\n");
}

TEST(PlanTest, StoppedContainerIsStartedAndCompletedJobIsLeft) {
  frontend::InMemoryFileSystem fs("/p");
  auto c = CompileText(fs,
                       "services:\n  migrate:\n    image: busybox\n  app:\n    image: busybox\n"
                       "    depends_on: {migrate: {condition: service_completed_successfully}}\n");
  ASSERT_TRUE(c->ok);
  ObservedState o = Converged(c->desired);
  for (ObservedContainer& oc : o.containers) {
    oc.state = "exited";
    oc.exit_code = 0;
  }
  const Plan plan = PlanApply(c->desired, o, PlanOptions{});
  EXPECT_EQ(RenderText(plan), "[1] start container 'p-app-1' (not running (exited))\n");
}

TEST(PlanTest, OrphansWarnOrGo) {
  frontend::InMemoryFileSystem fs("/p");
  auto c = CompileText(fs, "services:\n  web:\n    image: busybox\n");
  ASSERT_TRUE(c->ok);
  ObservedState o = Converged(c->desired);
  o.containers.push_back({"id-old", "p-old-1", "old", 1, "h", "running", "", 0, "", {}});
  const Plan warn = PlanApply(c->desired, o, PlanOptions{});
  EXPECT_TRUE(warn.empty());
  ASSERT_EQ(warn.warnings.size(), 1u);
  EXPECT_NE(warn.warnings[0].find("found orphan containers (p-old-1)"), std::string::npos);
  const Plan go = PlanApply(c->desired, o, PlanOptions{.remove_orphans = true});
  EXPECT_EQ(RenderText(go),
            "[1] stop container 'p-old-1' (orphan: its service is not in the project)\n"
            "[2] remove container 'p-old-1' (orphan: its service is not in the project) after 1\n");
}

TEST(PlanTest, ChangedNetworkTakesItsContainersWithIt) {
  frontend::InMemoryFileSystem fs("/p");
  auto before = CompileText(fs, kStack);
  std::string changed = kStack;
  changed.replace(changed.find("  back: {}"), 10, "  back: {internal: true}");
  auto after = CompileText(fs, changed);
  ASSERT_TRUE(before->ok && after->ok);
  const Plan plan = PlanApply(after->desired, Converged(before->desired), PlanOptions{});
  const std::string text = RenderText(plan);
  EXPECT_NE(text.find("remove network 'p_back' (configuration changed)"), std::string::npos);
  EXPECT_NE(text.find("create container 'p-db-1' (network 'p_back' changed)"), std::string::npos);
  EXPECT_NE(text.find("create container 'p-app-1' (network 'p_back' changed)"), std::string::npos);
  EXPECT_EQ(text.find("'p-web-1'"), std::string::npos) << text;
}

TEST(PlanTest, MissingBuiltImageIsBuiltFirst) {
  frontend::InMemoryFileSystem fs("/p");
  const std::string yaml = "services:\n  app:\n    build: ./ctx\n";
  auto c = CompileText(fs, yaml);
  ASSERT_TRUE(c->ok);
  EXPECT_EQ(c->Service("app")->image, "p-app");
  EXPECT_EQ(c->Service("app")->build["context"], "/p/ctx");
  EXPECT_EQ(RenderText(PlanApply(c->desired, ObservedState{}, PlanOptions{})),
            "[1] create network 'p_default' (missing)\n"
            "[2] build image 'p-app' (missing)\n"
            "[3] create container 'p-app-1' (missing) after 1, 2\n"
            "[4] start container 'p-app-1' (missing) after 3\n");
  // Once built, its ID does not enter the hash: the next apply finds nothing to do.
  auto built = CompileText(fs, yaml, CompileOptions{.image_ids = {{"p-app", "sha256:1"}}});
  ObservedState o = Converged(c->desired);
  o.images["p-app"] = "sha256:1";
  EXPECT_TRUE(PlanApply(built->desired, o, PlanOptions{}).empty());
}

TEST(PlanTest, SelectedServicesBringTheirDependenciesOnly) {
  frontend::InMemoryFileSystem fs("/p");
  auto c = CompileText(fs, kStack);
  ASSERT_TRUE(c->ok);
  const std::string app = RenderText(PlanApply(c->desired, {}, PlanOptions{.services = {"app"}}));
  EXPECT_NE(app.find("start container 'p-db-1'"), std::string::npos);
  EXPECT_NE(app.find("start container 'p-app-1'"), std::string::npos);
  EXPECT_EQ(app.find("p-web-1"), std::string::npos);
  const Plan unknown = PlanApply(c->desired, {}, PlanOptions{.services = {"nope"}});
  EXPECT_EQ(unknown.errors, std::vector<std::string>{"no such service: nope"});
}

TEST(PlanTest, MissingExternalNetworkIsAnError) {
  frontend::InMemoryFileSystem fs("/p");
  auto c = CompileText(fs,
                       "services:\n  web:\n    image: busybox\n    networks: [ext]\n"
                       "networks:\n  ext:\n    external: true\n");
  ASSERT_TRUE(c->ok);
  const Plan plan = PlanApply(c->desired, ObservedState{}, PlanOptions{});
  ASSERT_EQ(plan.errors.size(), 1u);
  EXPECT_EQ(plan.errors[0], "network ext declared as external, but could not be found");
}

TEST(PlanTest, DownRemovesDependentsFirstAndKeepsVolumes) {
  frontend::InMemoryFileSystem fs("/p");
  auto c = CompileText(fs, kStack);
  ASSERT_TRUE(c->ok);
  const Plan plan = PlanDown(c->desired, Converged(c->desired), DownOptions{});
  EXPECT_EQ(RenderText(plan),
            "[1] stop container 'p-web-1' (down)\n"
            "[2] remove container 'p-web-1' (down) after 1\n"
            "[3] stop container 'p-app-1' (down) after 2\n"
            "[4] remove container 'p-app-1' (down) after 2, 3\n"
            "[5] stop container 'p-db-1' (down) after 4\n"
            "[6] remove container 'p-db-1' (down) after 4, 5\n"
            "[7] remove network 'p_back' (down) after 2, 4, 6\n"
            "[8] remove network 'p_front' (down) after 2, 4, 6\n");
  const Plan with_volumes =
      PlanDown(c->desired, Converged(c->desired), DownOptions{.volumes = true});
  EXPECT_NE(RenderText(with_volumes).find("remove volume 'p_data'"), std::string::npos);
}

TEST(PlanTest, JsonHasNoRequestBodies) {
  frontend::InMemoryFileSystem fs("/p");
  auto c = CompileText(fs, "services:\n  db:\n    image: busybox\n    environment: [PW=hunter2]\n");
  ASSERT_TRUE(c->ok);
  const std::string json = RenderJson(PlanApply(c->desired, {}, {}), "p");
  EXPECT_EQ(json.find("hunter2"), std::string::npos);
  EXPECT_NE(json.find("\"action\": \"create container\""), std::string::npos);
}

}  // namespace
}  // namespace stackc::backends::docker
