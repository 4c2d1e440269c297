// The demo seed on databases of its own: refused into one that holds another
// clinic or with a malformed clock, seeded by URL, visits on weekdays, and the
// same demo every time.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/demo_seed.h"
#include "cli/demo_seed_test_support.h"
#include "test_support.h"

namespace sciaticare::demo_seed_testing {
namespace {

using nlohmann::json;

TEST(DemoSeed, DemoIsRefusedIntoADatabaseWithAnotherClinic) {
  TempDir dir;
  auto db = OpenIn(dir, "other.db");
  Must(db->CreateClinic({0, "Someone else's clinic"}));
  SeedReport report;
  auto seeded = SeedDemoClinic(*db, testing::K(), kNow, report, auth::HashCost::kFastForTests);
  ASSERT_FALSE(seeded.ok());
  EXPECT_EQ(seeded.kind(), store::StoreErrorKind::kConflict);
  EXPECT_EQ(db->FindUserByEmail(kDemoAdminEmail).kind(), store::StoreErrorKind::kNotFound);
}

TEST(DemoSeed, DemoRefusesAMalformedNow) {
  TempDir dir;
  auto db = OpenIn(dir, "bad.db");
  SeedReport report;
  auto seeded =
      SeedDemoClinic(*db, testing::K(), "yesterday", report, auth::HashCost::kFastForTests);
  ASSERT_FALSE(seeded.ok());
  EXPECT_EQ(seeded.kind(), store::StoreErrorKind::kInvalid);
  EXPECT_FALSE(Must(StoreHasClinic(*db)));
}

// serve --demo's path: seeded through a bulk-load connection that is closed
// before the server opens the file, which then holds the whole clinic.
TEST(DemoSeed, DemoSeedsADatabaseByUrlAndRefusesAnUnusableOne) {
  TempDir dir;
  const std::string path = (dir.path() / "bulk.db").string();
  SeedReport report;
  auto seeded =
      SeedDemoDatabase("sqlite:" + path, testing::K(), kNow, report, auth::HashCost::kFastForTests);
  ASSERT_TRUE(seeded.ok()) << seeded.error().ToString();
  auto db = Must(store::SqliteStore::Open(path));
  store::PatientQuery all;
  all.page.limit = 1;
  EXPECT_EQ(Must(db->ListPatients(report.clinic_id, all)).total, 30);
  store::AuditQuery seed;
  seed.action = "seed";
  seed.page.limit = 1;
  EXPECT_EQ(Must(db->ListAudit(report.clinic_id, seed)).total, report.audit_entries);
  EXPECT_TRUE(Must(db->FindUserByEmail(kDemoAdminEmail)).active);

  SeedReport again;
  EXPECT_EQ(
      SeedDemoDatabase("sqlite:" + path, testing::K(), kNow, again, auth::HashCost::kFastForTests)
          .kind(),
      store::StoreErrorKind::kConflict);
  auto bad =
      SeedDemoDatabase("mysql://nowhere", testing::K(), kNow, again, auth::HashCost::kFastForTests);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.kind(), store::StoreErrorKind::kInvalid);
}

// Sessions and appointments fall on weekdays, whatever day the demo is
// seeded; seeded on a Saturday it still has a list for today.
TEST(DemoSeed, DemoVisitsAreOnWeekdaysExceptTodaysList) {
  TempDir dir;
  auto db = OpenIn(dir, "saturday.db");
  SeedReport report;
  ASSERT_TRUE(SeedDemoClinic(*db, testing::K(), "2026-11-28T10:15:00Z", report,
                             auth::HashCost::kFastForTests)
                  .ok());
  auto weekday = WeekdayOf;
  int today = 0;
  for (const auto& a : Must(db->ListAppointments(report.clinic_id, "2026-08-01T00:00:00Z",
                                                 "2027-01-01T00:00:00Z"))) {
    if (a.starts_at.rfind("2026-11-28", 0) == 0) {
      ++today;
      continue;
    }
    EXPECT_NE(weekday(a.starts_at), 0) << a.starts_at;
    EXPECT_NE(weekday(a.starts_at), 6) << a.starts_at;
  }
  EXPECT_GE(today, 3);
  store::PageRequest all;
  all.limit = store::kMaxPageSize;
  for (store::Id patient = 1; patient <= 30; ++patient) {
    for (const auto& n : Must(db->ListSessionNotes(report.clinic_id, patient, all)).items) {
      EXPECT_NE(weekday(n.occurred_at), 0) << n.occurred_at;
      EXPECT_NE(weekday(n.occurred_at), 6) << n.occurred_at;
    }
  }
}

// The same `now` gives the same clinic: same people, intakes and pain scores.
TEST(DemoSeed, DemoIsTheSameEveryTime) {
  TempDir dir;
  auto snapshot = [&](const char* name) {
    auto db = OpenIn(dir, name);
    SeedReport report;
    auto seeded = SeedDemoClinic(*db, testing::K(), kNow, report, auth::HashCost::kFastForTests);
    EXPECT_TRUE(seeded.ok());
    std::string out;
    store::PatientQuery all;
    all.page.limit = store::kMaxPageSize;
    for (const auto& p : Must(db->ListPatients(report.clinic_id, all)).items) {
      out += p.given_name + p.family_name + p.date_of_birth + "\n";
      for (const auto& a : Must(db->ListAssessments(report.clinic_id, p.id))) {
        out += a.created_at + a.intake_json + a.triage + "\n";
      }
      for (const auto& n : Must(db->ListSessionNotes(report.clinic_id, p.id, {})).items) {
        out += n.occurred_at + n.subjective + std::to_string(*n.leg_pain_before) + "\n";
      }
    }
    for (const auto& a :
         Must(db->ListAppointments(report.clinic_id, "2026-09-01T00:00:00Z", kFortnight))) {
      out += a.starts_at + a.note + std::string(store::ToString(a.status)) + "\n";
    }
    return out;
  };
  const std::string first = snapshot("one.db");
  EXPECT_GT(first.size(), 10000u);
  EXPECT_EQ(first, snapshot("two.db"));
}

}  // namespace
}  // namespace sciaticare::demo_seed_testing
