#include "runner/observe.h"

#include <gtest/gtest.h>

#include "runner/scripted_transport.h"

namespace stackc::runner {
namespace {

using backends::docker::DesiredState;
using backends::docker::ObservedState;

TEST(ObserveTest, ReadsStateHealthAndExitCodeFromTheSummaries) {
  test::ScriptedTransport t;
  t.Push(200, "OK", {{"api-version", "1.41"}});
  t.Push(200, R"js([
    {"Id":"a","Names":["/p-web-1"],"State":"running","Status":"Up 2 minutes (healthy)",
     "Labels":{"io.stackc.service":"web","io.stackc.container-number":"1"}
},
    {"Id":"b","Names":["/p-db-1"],"State":"running","Status":"Up 3 seconds (health: starting)",
     "Labels":{"io.stackc.service":"db","io.stackc.container-number":"1"}},
    {"Id":"c","Names":["/p-app-1"],"State":"running","Status":"Up 1 minute (unhealthy)"},
    {"Id":"d","Names":["/p-job-1"],"State":"exited","Status":"Exited (3) 2 seconds ago"},
    {"Id":"e","Names":["/p-os-1"],"State":"running","Status":"Up 5 seconds",
     "NetworkSettings":{"Networks":{"p_default":{}}}}
  ])js");
  t.Push(200, "[]");                 // networks
  t.Push(200, R"({"Volumes":[]})");  // volumes
  EngineClient engine(t);
  std::string error;
  ASSERT_TRUE(engine.Connect(&error));
  DesiredState desired;
  desired.project = "p";
  ObservedState o;
  ASSERT_TRUE(Observe(engine, desired, &o, &error)) << error;
  ASSERT_EQ(o.containers.size(), 5u);  // sorted by name
  EXPECT_EQ(o.containers[0].name, "p-app-1");
  EXPECT_EQ(o.containers[0].health, "unhealthy");
  EXPECT_EQ(o.containers[1].name, "p-db-1");
  EXPECT_EQ(o.containers[1].health, "starting");
  EXPECT_EQ(o.containers[1].service, "db");
  EXPECT_EQ(o.containers[1].number, 1);
  EXPECT_EQ(o.containers[2].state, "exited");
  EXPECT_EQ(o.containers[2].exit_code, 3);
  EXPECT_EQ(o.containers[3].health, "");
  EXPECT_EQ(o.containers[3].networks, (std::vector<std::string>{"p_default"}));
  EXPECT_EQ(o.containers[4].health, "healthy");
  EXPECT_EQ(t.requests[1].path.find("/v1.41/containers/json?all=1&filters="), 0u)
      << t.requests[1].path;
}

TEST(ObserveTest, AFailedListIsAnError) {
  test::ScriptedTransport t;
  t.Push(200, "OK", {{"api-version", "1.41"}});
  t.Push(500, R"({"message":"boom"})");
  EngineClient engine(t);
  std::string error;
  ASSERT_TRUE(engine.Connect(&error));
  DesiredState desired;
  desired.project = "p";
  ObservedState o;
  EXPECT_FALSE(Observe(engine, desired, &o, &error));
  EXPECT_EQ(error, "cannot list containers: boom");
}

}  // namespace
}  // namespace stackc::runner
