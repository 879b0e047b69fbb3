// Whether a service runs a datastore (a database, cache, queue or search engine), judged by the
// last component of its image name: mysql, postgres, redis, mongo, elasticsearch, kafka and their
// kin (and Microsoft's mssql/server).
//
// Example:
//   IsDatastore(service)  // true for image "mysql:5.5" or "docker.io/bitnami/postgresql:16"
#pragma once

#include "ir/service.h"

namespace stackc::policies {

bool IsDatastore(const ir::Service& service);

}  // namespace stackc::policies
