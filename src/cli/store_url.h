// Opens the Store a --db URL names: "sqlite:PATH" (PATH may be relative) or a
// libpq URL "postgresql://user:password@host:port/dbname" ("postgres://" too).
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace sciaticare {

// Whether `url` names a PostgreSQL database (postgresql:// or postgres://).
bool IsPostgresUrl(const std::string& url);

// `bulk_load` is for filling a new database before it serves anyone: a SQLite
// file then syncs at checkpoints and on close rather than on every commit
// (SqliteStore::Options::sync_every_commit); PostgreSQL is opened as usual.
Result<std::unique_ptr<store::Store>> OpenStore(const std::string& url, bool bulk_load = false);

}  // namespace sciaticare
