// The Store contract for intake drafts and consent records, on every backend
// (store_contract.h): one draft per patient, the latest kept whole and
// discarded on purpose; consent entries appended in order and never changed;
// another clinic's patient or staff cannot be named and sees nothing.
#include <string>

#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

constexpr char kMonday[] = "2026-11-23T09:00:00Z";
constexpr char kTuesday[] = "2026-11-24T09:00:00Z";

IntakeDraft DraftFor(const Patient& p, Id by, const std::string& state,
                     const std::string& at = kMonday) {
  IntakeDraft d;
  d.clinic_id = p.clinic_id;
  d.patient_id = p.id;
  d.state_json = state;
  d.updated_by = by;
  d.updated_at = at;
  return d;
}

ConsentRecord ConsentFor(const Patient& p, Id by, bool treatment, const std::string& areas,
                         const std::string& at = kMonday) {
  ConsentRecord c;
  c.clinic_id = p.clinic_id;
  c.patient_id = p.id;
  c.treatment = treatment;
  c.areas_json = areas;
  c.form = "verbal";
  c.note = "explained the areas before starting";
  c.recorded_by = by;
  c.recorded_at = at;
  return c;
}

}  // namespace

TEST_P(StoreContractTest, IntakeDraftTheLatestDraftIsKeptWholeUntilDiscarded) {
  EXPECT_EQ(Outcome(store_->GetIntakeDraft(a_.id, patient_a_.id)), "not found");
  Must(store_->SaveIntakeDraft(DraftFor(patient_a_, therapist_a_.id, R"({"step":1})")));
  // A unicode, multi-line state comes back byte for byte.
  const std::string state = "{\"complaint\":\"Gesäß – links\\nseit März\",\"step\":2}";
  Must(store_->SaveIntakeDraft(DraftFor(patient_a_, admin_a_.id, state, kTuesday)));
  Reopen();
  IntakeDraft found = Must(store_->GetIntakeDraft(a_.id, patient_a_.id));
  EXPECT_EQ(found.state_json, state);
  EXPECT_EQ(found.updated_by, admin_a_.id);
  EXPECT_EQ(found.updated_at, kTuesday);
  EXPECT_EQ(Must(store_->DiscardIntakeDraft(a_.id, patient_a_.id)), true);
  EXPECT_EQ(Outcome(store_->GetIntakeDraft(a_.id, patient_a_.id)), "not found");
  // Discarding what is not there is no error, and says so.
  EXPECT_EQ(Must(store_->DiscardIntakeDraft(a_.id, patient_a_.id)), false);
}

TEST_P(StoreContractTest, IntakeDraftAnotherClinicCannotNameReadOrDiscardIt) {
  EXPECT_EQ(Outcome(store_->SaveIntakeDraft(DraftFor(patient_b_, therapist_a_.id, "{}"))),
            "not found");
  EXPECT_EQ(Outcome(store_->SaveIntakeDraft(DraftFor(patient_a_, therapist_b_.id, "{}"))),
            "not found");
  EXPECT_EQ(Outcome(store_->SaveIntakeDraft(DraftFor(patient_a_, therapist_a_.id, ""))), "invalid");
  Must(store_->SaveIntakeDraft(DraftFor(patient_a_, therapist_a_.id, "{}")));
  EXPECT_EQ(Outcome(store_->GetIntakeDraft(b_.id, patient_a_.id)), "not found");
  EXPECT_EQ(Must(store_->DiscardIntakeDraft(b_.id, patient_a_.id)), false);
  EXPECT_EQ(Outcome(store_->GetIntakeDraft(a_.id, patient_a_.id)), "ok");
}

TEST_P(StoreContractTest, ConsentEntriesAreAppendedInOrderAndAWithdrawalIsANewEntry) {
  EXPECT_TRUE(Must(store_->ListConsents(a_.id, patient_a_.id)).empty());
  ConsentRecord given =
      Must(store_->AppendConsent(ConsentFor(patient_a_, therapist_a_.id, true, R"(["buttock"])")));
  EXPECT_GT(given.id, 0);
  ConsentRecord withdrawn = ConsentFor(patient_a_, admin_a_.id, false, "[]", kTuesday);
  withdrawn.form = "written";
  Must(store_->AppendConsent(withdrawn));
  Reopen();
  const auto list = Must(store_->ListConsents(a_.id, patient_a_.id));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, given.id);
  EXPECT_TRUE(list[0].treatment);
  EXPECT_EQ(list[0].areas_json, R"(["buttock"])");
  EXPECT_EQ(list[0].form, "verbal");
  EXPECT_EQ(list[0].recorded_by, therapist_a_.id);
  EXPECT_EQ(list[0].recorded_at, kMonday);
  EXPECT_EQ(list[0].note, "explained the areas before starting");
  EXPECT_FALSE(list[1].treatment);
  EXPECT_EQ(list[1].form, "written");
  EXPECT_EQ(list[1].recorded_at, kTuesday);
}

TEST_P(StoreContractTest, ConsentOnlyTheClinicsCliniciansRecordItAndOnlyTheClinicReadsIt) {
  EXPECT_EQ(Outcome(store_->AppendConsent(ConsentFor(patient_b_, therapist_a_.id, true, "[]"))),
            "not found");
  EXPECT_EQ(Outcome(store_->AppendConsent(ConsentFor(patient_a_, therapist_b_.id, true, "[]"))),
            "not found");
  // The front desk does not take consent to hands-on work.
  EXPECT_EQ(Outcome(store_->AppendConsent(ConsentFor(patient_a_, desk_a_.id, true, "[]"))),
            "invalid");
  ConsentRecord bad_form = ConsentFor(patient_a_, therapist_a_.id, true, "[]");
  bad_form.form = "nodded";
  EXPECT_EQ(Outcome(store_->AppendConsent(bad_form)), "invalid");
  Must(store_->AppendConsent(ConsentFor(patient_a_, therapist_a_.id, true, "[]")));
  EXPECT_EQ(Outcome(store_->ListConsents(b_.id, patient_a_.id)), "not found");
  EXPECT_EQ(Must(store_->ListConsents(a_.id, patient_a_.id)).size(), 1u);
}

}  // namespace sciaticare::store::testing
