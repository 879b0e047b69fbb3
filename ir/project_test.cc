#include "ir/project.h"

#include <gtest/gtest.h>

namespace stackc::ir {
namespace {

Service Named(std::string name) {
  Service s;
  s.name.value = std::move(name);
  return s;
}

TEST(ProjectTest, FindsByKeyInSortedLists) {
  Project p;
  p.services = {Named("api"), Named("db"), Named("web")};
  p.networks = {Network{.key = "back"}, Network{.key = "front"}};
  EXPECT_EQ(p.FindService("db"), &p.services[1]);
  EXPECT_EQ(p.FindService("web"), &p.services[2]);
  EXPECT_EQ(p.FindService("cache"), nullptr);
  EXPECT_EQ(p.FindService(""), nullptr);
  EXPECT_EQ(p.FindNetwork("front"), &p.networks[1]);
  EXPECT_EQ(p.FindVolume("x"), nullptr);
}

TEST(ProjectTest, ReplicasPreferScaleThenDeploy) {
  Service s = Named("web");
  EXPECT_EQ(s.Replicas(), 1);
  s.replicas = Spanned<int64_t>{3, {}};
  EXPECT_EQ(s.Replicas(), 3);
  s.scale = Spanned<int64_t>{2, {}};
  EXPECT_EQ(s.Replicas(), 2);
}

TEST(ProjectTest, HealthcheckDisabled) {
  Healthcheck h;
  EXPECT_FALSE(h.Disabled());
  h.test = {"NONE"};
  EXPECT_TRUE(h.Disabled());
  h.test = {"CMD", "true"};
  h.disable = true;
  EXPECT_TRUE(h.Disabled());
}

TEST(ProjectTest, Names) {
  EXPECT_STREQ(MountTypeName(MountType::kTmpfs), "tmpfs");
  EXPECT_STREQ(ConditionName(Dependency::Condition::kCompletedSuccessfully),
               "service_completed_successfully");
}

}  // namespace
}  // namespace stackc::ir
