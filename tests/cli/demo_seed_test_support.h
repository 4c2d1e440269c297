// What the demo seed's suites share: the seed's fixed clock, a SQLite store
// opened in a temporary folder, and the weekday of a UTC time.
#pragma once

#include <ctime>
#include <memory>
#include <string>

#include "store/sqlite_store.h"
#include "store/store_contract.h"
#include "test_support.h"

namespace sciaticare::demo_seed_testing {
using store::testing::Must;
using store::testing::TempDir;
}  // namespace sciaticare::demo_seed_testing

namespace sciaticare::demo_seed_testing {

constexpr char kNow[] = "2026-11-23T10:15:00Z";
constexpr char kToday[] = "2026-11-23T00:00:00Z";
constexpr char kTomorrow[] = "2026-11-24T00:00:00Z";
constexpr char kFortnight[] = "2026-12-08T00:00:00Z";

inline std::unique_ptr<store::SqliteStore> OpenIn(const TempDir& dir, const char* name) {
  return Must(store::SqliteStore::Open(dir.path() / name));
}

// 0 for Sunday ... 6 for Saturday, of a "YYYY-MM-DDTHH:MM:SSZ" time.
inline int WeekdayOf(const std::string& utc) {
  std::tm tm{};
  strptime(utc.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  const std::time_t t = timegm(&tm);
  std::tm out{};
  gmtime_r(&t, &out);
  return out.tm_wday;
}

}  // namespace sciaticare::demo_seed_testing
