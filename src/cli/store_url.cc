#include "cli/store_url.h"

#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace sciaticare {

bool IsPostgresUrl(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<store::Store>> OpenStore(const std::string& url, bool bulk_load) {
  if (url.rfind("sqlite:", 0) == 0) {
    const std::string path = url.substr(7);
    if (path.empty()) return Error{"--db", "sqlite: needs a file path, e.g. sqlite:clinic.db"};
    store::SqliteStore::Options options;
    options.sync_every_commit = !bulk_load;
    auto opened = store::SqliteStore::Open(path, options);
    if (!opened.ok()) return Error{"--db", opened.error().ToString()};
    return std::unique_ptr<store::Store>(std::move(opened).value());
  }
  if (IsPostgresUrl(url)) {
    auto opened = store::PostgresStore::Open(url);
    if (!opened.ok()) return Error{"--db", opened.error().ToString()};
    return std::unique_ptr<store::Store>(std::move(opened).value());
  }
  return Error{"--db", "must be sqlite:PATH or postgresql://..."};
}

}  // namespace sciaticare
