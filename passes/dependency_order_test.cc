#include "passes/dependency_order.h"

#include <gtest/gtest.h>

#include "frontend/lower.h"
#include "passes/test_project.h"
#include "tests/corpus_projects.h"

namespace stackc::passes {
namespace {

using Waves = std::vector<std::vector<std::string>>;

using test::Loaded;

std::unique_ptr<Loaded> Load(const std::string& yaml, bool consistency = true,
                             std::vector<std::string> profiles = {}) {
  return test::LoadText(yaml, consistency, std::move(profiles));
}

TEST(DependencyOrderTest, WavesFollowDependencies) {
  auto r = Load(
      "services:\n"
      "  web: {image: w, depends_on: [app, cache]}\n"
      "  app: {image: a, depends_on: {db: {condition: service_healthy}}}\n"
      "  db: {image: d, healthcheck: {test: [CMD, 'true']}}\n"
      "  cache: {image: c}\n"
      "  worker: {image: k, links: [db]}\n");
  ASSERT_TRUE(r->ok);
  const DependencyOrder order = ComputeDependencyOrder(r->project);
  EXPECT_EQ(order.waves, (Waves{{"cache", "db"}, {"app", "worker"}, {"web"}}));
  EXPECT_TRUE(order.cycle.empty());
  EXPECT_TRUE(order.problems.empty());
  EXPECT_EQ(order.WaveOf("web"), 2);
  EXPECT_EQ(order.WaveOf("db"), 0);
  EXPECT_EQ(order.WaveOf("nope"), -1);
}

TEST(DependencyOrderTest, NamesTheCycleWithItsPath) {
  auto r = Load(
      "services:\n"
      "  a: {image: x, depends_on: [b]}\n"
      "  b: {image: x, depends_on: [c]}\n"
      "  c: {image: x, depends_on: [a]}\n"
      "  d: {image: x}\n",
      /*consistency=*/false);
  ASSERT_TRUE(r->ok);
  const DependencyOrder order = ComputeDependencyOrder(r->project);
  EXPECT_EQ(order.cycle, (std::vector<std::string>{"a", "b", "c", "a"}));
  ASSERT_TRUE(order.cycle_span.valid());
  EXPECT_EQ(r->sm.Text(order.cycle_span), "a");  // c's depends_on entry
  EXPECT_EQ(r->sm.Position(order.cycle_span).line, 4u);
  EXPECT_TRUE(order.waves.empty());
}

TEST(DependencyOrderTest, ASelfDependencyIsACycle) {
  auto r = Load("services:\n  a: {image: x, depends_on: [a]}\n", false);
  ASSERT_TRUE(r->ok);
  EXPECT_EQ(ComputeDependencyOrder(r->project).cycle, (std::vector<std::string>{"a", "a"}));
}

TEST(DependencyOrderTest, ReportsUndefinedAndDisabledDependencies) {
  auto r = Load(
      "services:\n"
      "  web:\n"
      "    image: w\n"
      "    depends_on:\n"
      "      debug: {condition: service_started, required: false}\n"
      "      ghost: {condition: service_started}\n"
      "  debug: {image: d, profiles: [debug]}\n",
      /*consistency=*/false);
  ASSERT_TRUE(r->ok);
  const DependencyOrder order = ComputeDependencyOrder(r->project);
  ASSERT_EQ(order.problems.size(), 2u);
  EXPECT_EQ(order.problems[0].dependency, "debug");
  EXPECT_EQ(order.problems[0].kind, DependencyProblem::Kind::kDisabled);
  EXPECT_FALSE(order.problems[0].required);
  EXPECT_EQ(order.problems[1].dependency, "ghost");
  EXPECT_EQ(order.problems[1].kind, DependencyProblem::Kind::kUndefined);
  EXPECT_EQ(r->sm.Text(order.problems[1].span), "ghost");
  EXPECT_EQ(order.waves, (Waves{{"web"}}));
}

TEST(DependencyOrderTest, LongChainsDoNotRecurse) {
  std::string yaml = "services:\n";
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    yaml += "  s" + std::to_string(i) + ": {image: x";
    if (i + 1 < n) yaml += ", depends_on: [s" + std::to_string(i + 1) + "]";
    yaml += "}\n";
  }
  auto r = Load(yaml);
  ASSERT_TRUE(r->ok);
  const DependencyOrder order = ComputeDependencyOrder(r->project);
  ASSERT_EQ(order.waves.size(), static_cast<size_t>(n));
  EXPECT_EQ(order.waves.front(), std::vector<std::string>{"s19999"});
  EXPECT_EQ(order.waves.back(), std::vector<std::string>{"s0"});
}

// Every loadable corpus project: each enabled service is in exactly one wave, after every
// dependency it has among enabled services, and no cycle is found (the loader rejects those).
TEST(CorpusDependencyOrder, WavesRespectEveryEdge) {
  int with_edges = 0;
  const int checked =
      test_corpus::ForEachCorpusProject([&](const std::string& id, test_corpus::CorpusProject& c) {
        const ir::Project& p = c.project;
        const DependencyOrder order = ComputeDependencyOrder(p);
        EXPECT_TRUE(order.cycle.empty()) << id;
        size_t placed = 0;
        for (const auto& wave : order.waves) placed += wave.size();
        EXPECT_EQ(placed, p.services.size()) << id;
        for (const ir::Service& s : p.services) {
          for (const ir::Dependency& d : s.depends_on) {
            if (!p.FindService(d.service)) continue;
            ++with_edges;
            EXPECT_LT(order.WaveOf(d.service), order.WaveOf(s.name.value))
                << id << " " << s.name.value;
          }
        }
      });
  if (checked < 0) GTEST_SKIP() << "../shared/corpus is absent";
  EXPECT_GT(checked, 500);
  EXPECT_GT(with_edges, 100);
  std::printf("dependency order of %d corpus projects, %d edges\n", checked, with_edges);
}

}  // namespace
}  // namespace stackc::passes
