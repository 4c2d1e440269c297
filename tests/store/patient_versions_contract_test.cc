// The Store contract for patient details kept across edits: every update
// appends the values it replaced, with who changed them (id and name), when
// and why, in the same transaction; a refused update keeps nothing; the
// versions of one clinic's patient are not another clinic's to read. Runs on
// every backend (store_contract.h).
#include <random>

#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

constexpr char kT1[] = "2026-11-23T09:00:00Z";
constexpr char kT2[] = "2026-11-23T10:00:00Z";

void ExpectSameDetails(const PatientVersion& kept, const Patient& was) {
  EXPECT_EQ(kept.version, was.version);
  EXPECT_EQ(kept.given_name, was.given_name);
  EXPECT_EQ(kept.family_name, was.family_name);
  EXPECT_EQ(kept.date_of_birth, was.date_of_birth);
  EXPECT_EQ(kept.sex, was.sex);
  EXPECT_EQ(kept.email, was.email);
  EXPECT_EQ(kept.phone, was.phone);
  EXPECT_EQ(kept.notes, was.notes);
  EXPECT_EQ(kept.valid_from, was.updated_at);
}

TEST_P(StoreContractTest, PatientUpdateKeepsTheValuesItReplaced) {
  EXPECT_TRUE(Must(store_->ListPatientVersions(a_.id, patient_a_.id)).empty());
  Patient p = patient_a_;
  p.family_name = "Okafor-Reed";
  p.phone = "+44 20 7946 0111";
  Patient v2 = Must(store_->UpdatePatient(p, 1, {desk_a_.id, kT1, "married name"}));
  p = v2;
  p.email = "new@example.org";
  Must(store_->UpdatePatient(p, 2, {therapist_a_.id, kT2, ""}));

  auto kept = Must(store_->ListPatientVersions(a_.id, patient_a_.id));
  ASSERT_EQ(kept.size(), 2u);
  ExpectSameDetails(kept[0], patient_a_);
  EXPECT_EQ(kept[0].changed_by, desk_a_.id);
  EXPECT_EQ(kept[0].changed_by_name, desk_a_.display_name);
  EXPECT_EQ(kept[0].changed_at, kT1);
  EXPECT_EQ(kept[0].reason, "married name");
  ExpectSameDetails(kept[1], v2);
  EXPECT_EQ(kept[1].changed_by, therapist_a_.id);
  EXPECT_EQ(kept[1].changed_by_name, therapist_a_.display_name);
  EXPECT_EQ(kept[1].changed_at, kT2);
  EXPECT_EQ(kept[1].reason, "");
  Reopen();
  EXPECT_EQ(Must(store_->ListPatientVersions(a_.id, patient_a_.id)).size(), 2u);
}

TEST_P(StoreContractTest, RefusedPatientUpdatesKeepNoVersion) {
  Patient p = patient_a_;
  p.notes = "edited";
  EXPECT_EQ(Outcome(store_->UpdatePatient(p, 2, {desk_a_.id, kT1, ""})), "conflict");
  // A user of another clinic cannot be the one who changed it.
  auto foreign = store_->UpdatePatient(p, 1, {therapist_b_.id, kT1, ""});
  EXPECT_EQ(Outcome(foreign), "not found");
  EXPECT_EQ(foreign.error().field, "changed_by");
  EXPECT_EQ(Outcome(store_->UpdatePatient(p, 1, {0, kT1, ""})), "invalid");
  EXPECT_EQ(Outcome(store_->UpdatePatient(p, 1, {desk_a_.id, "yesterday", ""})), "invalid");
  p.family_name = "";
  EXPECT_EQ(Outcome(store_->UpdatePatient(p, 1, {desk_a_.id, kT1, ""})), "invalid");
  EXPECT_TRUE(Must(store_->ListPatientVersions(a_.id, patient_a_.id)).empty());
  EXPECT_EQ(Must(store_->GetPatient(a_.id, patient_a_.id)).version, 1);
}

TEST_P(StoreContractTest, PatientVersionsKeepToTheirClinic) {
  Patient p = patient_b_;
  p.notes = "changed in B";
  Must(store_->UpdatePatient(p, 1, {therapist_b_.id, kT1, ""}));
  EXPECT_EQ(Outcome(store_->ListPatientVersions(a_.id, patient_b_.id)), "not found");
  EXPECT_EQ(Must(store_->ListPatientVersions(b_.id, patient_b_.id)).size(), 1u);
  EXPECT_EQ(Outcome(store_->ListPatientVersions(a_.id, 999999)), "not found");
}

// Model-based: a random run of edits, some from stale copies, against a
// model that remembers every state the patient was in. Afterwards each
// earlier state is kept exactly once, in order, and the current one is the
// patient.
TEST_P(StoreContractTest, EveryEarlierStateOfAPatientIsKept) {
  std::mt19937 random(15);
  const std::vector<std::string> names = {"Ana", "Bea", "Cai", "Dov"};
  std::vector<Patient> states = {patient_a_};
  for (int step = 0; step < 30; ++step) {
    Patient edit = states.back();
    const bool stale = step > 0 && random() % 4 == 0;
    const int expected = stale ? edit.version - 1 : edit.version;
    switch (random() % 4) {
      case 0:
        edit.given_name = names[random() % names.size()];
        break;
      case 1:
        edit.phone = "+44 20 7946 " + std::to_string(1000 + random() % 9000);
        break;
      case 2:
        edit.date_of_birth = "19" + std::to_string(50 + random() % 50) + "-04-30";
        break;
      default:
        edit.notes = "note " + std::to_string(step);
        break;
    }
    const std::string at =
        "2026-11-23T10:" + std::string(step < 10 ? "0" : "") + std::to_string(step) + ":00Z";
    auto r = store_->UpdatePatient(edit, expected, {desk_a_.id, at, ""});
    if (stale) {
      EXPECT_EQ(Outcome(r), "conflict");
      continue;
    }
    states.push_back(Must(std::move(r)));
  }
  auto kept = Must(store_->ListPatientVersions(a_.id, patient_a_.id));
  ASSERT_EQ(kept.size(), states.size() - 1);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    ExpectSameDetails(kept[i], states[i]);
    EXPECT_EQ(kept[i].changed_at, states[i + 1].updated_at);
  }
  Patient now = Must(store_->GetPatient(a_.id, patient_a_.id));
  EXPECT_EQ(now.version, states.back().version);
  EXPECT_EQ(now.notes, states.back().notes);
}

}  // namespace
}  // namespace sciaticare::store::testing
