// The demo clinic's session notes record the work as the note form prefills
// it from the plan (issue 15): one row per planned item with every region of
// that item, its minutes, at no more than its pressure, so each note's rows
// add up to the plan's technique minutes; and every note's rows are in the
// form the API itself stores (they read back unchanged through its reader).
#include <gtest/gtest.h>

#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "api/note_techniques.h"
#include "cli/demo_seed.h"
#include "store/sqlite_store.h"
#include "store/store_contract.h"
#include "test_support.h"

namespace sciaticare {
namespace {

using nlohmann::json;
using store::testing::Must;
using store::testing::TempDir;

// The (region, side) places a row or a plan item names, each once.
std::set<std::pair<std::string, std::string>> Places(const json& entry) {
  std::set<std::pair<std::string, std::string>> out;
  if (entry.contains("region")) out.emplace(entry["region"], entry["side"]);
  for (const json& t : entry.value("targets", json::array())) out.emplace(t["region"], t["side"]);
  return out;
}

int Minutes(const json& list) {
  int total = 0;
  for (const json& entry : list) total += entry["minutes"].get<int>();
  return total;
}

TEST(DemoNoteRowsTest, EveryNoteHasARowPerPlannedItemWithItsRegionsAndMinutes) {
  TempDir dir;
  auto db = Must(store::SqliteStore::Open(dir.path() / "demo.db"));
  SeedReport report;
  ASSERT_TRUE(SeedDemoClinic(*db, testing::K(), "2026-11-23T10:15:00Z", report,
                             auth::HashCost::kFastForTests)
                  .ok());
  store::PatientQuery patients;
  patients.page.limit = store::kMaxPageSize;
  store::PageRequest all;
  all.limit = store::kMaxPageSize;
  int notes = 0, several_regions = 0;
  for (const store::Patient& p : Must(db->ListPatients(report.clinic_id, patients)).items) {
    for (const store::SessionNote& n :
         Must(db->ListSessionNotes(report.clinic_id, p.id, all)).items) {
      ASSERT_TRUE(n.plan_id.has_value());
      const json planned =
          json::parse(Must(db->GetPlan(report.clinic_id, *n.plan_id)).plan_json)["techniques"];
      const json rows = json::parse(n.techniques_json);
      ++notes;
      ASSERT_EQ(rows.size(), planned.size()) << p.given_name << ": " << rows;
      for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i]["technique"], planned[i]["technique"]) << rows[i];
        EXPECT_EQ(Places(rows[i]), Places(planned[i])) << rows[i] << " for " << planned[i];
        EXPECT_EQ(rows[i]["minutes"], planned[i]["minutes"]) << rows[i];
        EXPECT_LE(rows[i]["pressure"].get<int>(), planned[i]["pressure"].get<int>()) << rows[i];
        if (rows[i].contains("targets")) ++several_regions;
      }
      EXPECT_EQ(Minutes(rows), Minutes(planned)) << p.given_name;
      EXPECT_EQ(api::ReadTechniques({{"techniques", rows}}, testing::K()), rows);
    }
  }
  EXPECT_EQ(notes, report.session_notes);
  EXPECT_GT(several_regions, notes);  // Most planned items work several regions.
}

}  // namespace
}  // namespace sciaticare
