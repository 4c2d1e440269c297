// PatientHistory: each kept version is compared with the next one kept (or
// the current record), newest change first, naming only the fields changed.
#include "api/patient_history.h"

#include <gtest/gtest.h>

namespace sciaticare::api {
namespace {

store::PatientVersion Kept(int version, const std::string& family, const std::string& phone,
                           const std::string& by) {
  store::PatientVersion v;
  v.version = version;
  v.family_name = family;
  v.phone = phone;
  v.changed_by_name = by;
  v.changed_at = "2026-11-2" + std::to_string(version) + "T09:00:00Z";
  return v;
}

TEST(PatientHistoryTest, ComparesEachVersionWithTheNextNewestFirst) {
  store::Patient now;
  now.family_name = "Reed";
  now.phone = "2";
  now.version = 3;
  // Given out of order, as a store might.
  auto changes =
      PatientHistory({Kept(2, "Okafor", "2", "Desk"), Kept(1, "Okafor", "1", "Ana")}, now);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].from_version, 2);
  EXPECT_EQ(changes[0].changed_by_name, "Desk");
  ASSERT_EQ(changes[0].fields.size(), 1u);
  EXPECT_EQ(changes[0].fields[0].field, "family_name");
  EXPECT_EQ(changes[0].fields[0].before, "Okafor");
  EXPECT_EQ(changes[0].fields[0].after, "Reed");
  EXPECT_EQ(changes[1].from_version, 1);
  ASSERT_EQ(changes[1].fields.size(), 1u);
  EXPECT_EQ(changes[1].fields[0].field, "phone");
  EXPECT_EQ(changes[1].fields[0].before, "1");
  EXPECT_EQ(changes[1].fields[0].after, "2");
}

TEST(PatientHistoryTest, AnUnchangedSaveIsListedWithNoFields) {
  store::Patient now;
  now.family_name = "Reed";
  auto changes = PatientHistory({Kept(1, "Reed", "", "Ana")}, now);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_TRUE(changes[0].fields.empty());
  EXPECT_TRUE(PatientHistory({}, now).empty());
}

}  // namespace
}  // namespace sciaticare::api
