#include "runner/engine_client.h"

#include <gtest/gtest.h>

#include "runner/scripted_transport.h"

namespace stackc::runner {
namespace {

using test::ScriptedTransport;

TEST(EngineClientTest, NegotiatesTheLowerVersion) {
  ScriptedTransport t;
  t.Push(200, "OK", {{"api-version", "1.50"}});
  t.Push(200, "[]");
  EngineClient engine(t);
  std::string error;
  ASSERT_TRUE(engine.Connect(&error)) << error;
  EXPECT_EQ(engine.version(), "1.47");
  EXPECT_TRUE(engine.Call("GET", "/containers/json").ok());
  EXPECT_EQ(t.requests[1].path, "/v1.47/containers/json");

  ScriptedTransport old;
  old.Push(200, "OK", {{"api-version", "1.41"}});
  EngineClient e41(old);
  ASSERT_TRUE(e41.Connect(&error));
  EXPECT_EQ(e41.minor(), 41);
}

TEST(EngineClientTest, RefusesTooOldAndUnreachableDaemons) {
  ScriptedTransport t;
  t.Push(200, "OK", {{"api-version", "1.40"}});
  EngineClient engine(t);
  std::string error;
  EXPECT_FALSE(engine.Connect(&error));
  EXPECT_EQ(error,
            "the Docker daemon speaks API 1.40, stackc needs 1.41 or later (Docker Engine 20.10)");

  ScriptedTransport gone;
  gone.PushFailure("Couldn't connect to server");
  EngineClient e2(gone);
  EXPECT_FALSE(e2.Connect(&error));
  EXPECT_EQ(error, "cannot connect to the Docker daemon: Couldn't connect to server");
}

TEST(EngineClientTest, TypedErrorsCarryTheDaemonsMessage) {
  ScriptedTransport t;
  t.Push(200, "OK", {{"api-version", "1.44"}});
  t.Push(404, R"({"message":"No such container: x"})");
  t.Push(409, R"({"message":"Conflict. The container name \"/x\" is already in use"})");
  t.Push(304, "");
  t.PushFailure("Connection reset");
  EngineClient engine(t);
  std::string error;
  ASSERT_TRUE(engine.Connect(&error));
  ApiResult r = engine.Call("GET", "/containers/x/json");
  EXPECT_EQ(r.error, ApiError::kNotFound);
  EXPECT_EQ(r.message, "No such container: x");
  EXPECT_EQ(engine.Call("POST", "/containers/create?name=x").error, ApiError::kConflict);
  r = engine.Call("POST", "/containers/x/start");
  EXPECT_EQ(r.error, ApiError::kNotModified);
  EXPECT_TRUE(r.ok_or_not_modified());
  r = engine.Call("GET", "/info");
  EXPECT_EQ(r.error, ApiError::kTransport);
  EXPECT_EQ(r.message, "Connection reset");
}

TEST(EngineClientTest, SocketPathAndFilters) {
  std::string error;
  EXPECT_EQ(EngineSocketPath(nullptr, &error), "/var/run/docker.sock");
  EXPECT_EQ(EngineSocketPath("unix:///tmp/d.sock", &error), "/tmp/d.sock");
  EXPECT_EQ(EngineSocketPath("tcp://1.2.3.4:2375", &error), "");
  EXPECT_NE(error.find("is not supported"), std::string::npos);
  EXPECT_EQ(FiltersQuery({{"label", {"io.stackc.project=shop"}}}),
            "%7B%22label%22%3A%5B%22io.stackc.project%3Dshop%22%5D%7D");
}

}  // namespace
}  // namespace stackc::runner
