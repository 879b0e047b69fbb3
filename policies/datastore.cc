#include "policies/datastore.h"

#include <array>
#include <string_view>

namespace stackc::policies {

bool IsDatastore(const ir::Service& service) {
  if (!service.image) return false;
  std::string_view image = service.image->value;
  if (const size_t at = image.find('@'); at != std::string_view::npos) image = image.substr(0, at);
  if (const size_t slash = image.rfind('/'); slash != std::string_view::npos) {
    image = image.substr(slash + 1);
  }
  if (const size_t colon = image.find(':'); colon != std::string_view::npos) {
    image = image.substr(0, colon);
  }
  static constexpr std::array<std::string_view, 28> kNames = {"mysql",
                                                              "mariadb",
                                                              "percona",
                                                              "postgres",
                                                              "postgresql",
                                                              "postgis",
                                                              "mongo",
                                                              "mongodb",
                                                              "redis",
                                                              "redismod",
                                                              "redis-stack",
                                                              "valkey",
                                                              "memcached",
                                                              "elasticsearch",
                                                              "opensearch",
                                                              "cassandra",
                                                              "couchdb",
                                                              "influxdb",
                                                              "clickhouse-server",
                                                              "clickhouse",
                                                              "neo4j",
                                                              "rabbitmq",
                                                              "etcd",
                                                              "mssql-server",
                                                              "azure-sql-edge",
                                                              "redpanda",
                                                              "kafka",
                                                              "nats"};
  for (std::string_view name : kNames) {
    if (image == name) return true;
  }
  // Microsoft's SQL Server image is mcr.microsoft.com/mssql/server: its last part says little.
  return service.image->value.find("/mssql/server") != std::string::npos;
}

}  // namespace stackc::policies
