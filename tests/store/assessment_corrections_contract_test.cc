// The Store contract for corrections of assessments (issue 15): a correction
// links a newer assessment of the same patient to the one it corrects, with
// who (id and name), when and why; an original is corrected at most once and
// a correction corrects only one; portal answers and another patient's or
// clinic's assessments are refused; nothing is changed by a refusal, and no
// sequence of assessments and corrections loses an earlier version. Runs on
// every backend (store_contract.h).
#include <map>
#include <random>

#include "store/store_contract.h"

namespace sciaticare::store::testing {
namespace {

constexpr char kT1[] = "2026-11-23T09:00:00Z";
constexpr char kT2[] = "2026-11-23T10:00:00Z";

AssessmentCorrection Link(const Assessment& original, const Assessment& correction, Id by,
                          const std::string& reason = "wrong side recorded") {
  AssessmentCorrection c;
  c.clinic_id = original.clinic_id;
  c.patient_id = original.patient_id;
  c.corrects_id = original.id;
  c.correction_id = correction.id;
  c.reason = reason;
  c.corrected_by = by;
  c.corrected_at = correction.created_at;
  return c;
}

TEST_P(StoreContractTest, ACorrectionIsKeptWithWhoWhenAndWhy) {
  EXPECT_TRUE(Must(store_->ListAssessmentCorrections(a_.id, patient_a_.id)).empty());
  Assessment fixed =
      Must(store_->CreateAssessment(NewAssessment(a_.id, patient_a_.id, therapist_a_.id, kT1)));
  AssessmentCorrection kept =
      Must(store_->RecordAssessmentCorrection(Link(assessment_a_, fixed, therapist_a_.id)));
  EXPECT_GT(kept.id, 0);
  EXPECT_EQ(kept.corrected_by_name, therapist_a_.display_name);
  Reopen();
  auto list = Must(store_->ListAssessmentCorrections(a_.id, patient_a_.id));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].corrects_id, assessment_a_.id);
  EXPECT_EQ(list[0].correction_id, fixed.id);
  EXPECT_EQ(list[0].reason, "wrong side recorded");
  EXPECT_EQ(list[0].corrected_by, therapist_a_.id);
  EXPECT_EQ(list[0].corrected_by_name, therapist_a_.display_name);
  EXPECT_EQ(list[0].corrected_at, kT1);
  // The original is unchanged and still readable.
  Assessment original = Must(store_->GetAssessment(a_.id, assessment_a_.id));
  EXPECT_EQ(original.intake_json, assessment_a_.intake_json);
  EXPECT_EQ(original.created_at, assessment_a_.created_at);
}

TEST_P(StoreContractTest, AnAssessmentIsCorrectedOnceAndACorrectionCorrectsOne) {
  Assessment second =
      Must(store_->CreateAssessment(NewAssessment(a_.id, patient_a_.id, therapist_a_.id, kT1)));
  Assessment third =
      Must(store_->CreateAssessment(NewAssessment(a_.id, patient_a_.id, therapist_a_.id, kT2)));
  Must(store_->RecordAssessmentCorrection(Link(assessment_a_, second, therapist_a_.id)));
  auto again = store_->RecordAssessmentCorrection(Link(assessment_a_, third, therapist_a_.id));
  EXPECT_EQ(Outcome(again), "conflict");
  EXPECT_EQ(again.error().field, "corrects_id");
  EXPECT_NE(again.error().message.find(std::to_string(second.id)), std::string::npos);
  // The second cannot also correct something else; the third corrects the second.
  Assessment fourth =
      Must(store_->CreateAssessment(NewAssessment(a_.id, patient_a_.id, therapist_a_.id, kT2)));
  EXPECT_EQ(Outcome(store_->RecordAssessmentCorrection(Link(third, fourth, therapist_a_.id))),
            "ok");
  EXPECT_EQ(Outcome(store_->RecordAssessmentCorrection(Link(second, fourth, therapist_a_.id))),
            "conflict");
  Must(store_->RecordAssessmentCorrection(Link(second, third, therapist_a_.id)));
  EXPECT_EQ(Must(store_->ListAssessmentCorrections(a_.id, patient_a_.id)).size(), 3u);
}

TEST_P(StoreContractTest, RefusedCorrectionsKeepNothing) {
  Assessment later =
      Must(store_->CreateAssessment(NewAssessment(a_.id, patient_a_.id, therapist_a_.id, kT1)));
  auto link = [&](auto change) {
    AssessmentCorrection c = Link(assessment_a_, later, therapist_a_.id);
    change(c);
    return Outcome(store_->RecordAssessmentCorrection(c));
  };
  EXPECT_EQ(link([](AssessmentCorrection& c) { c.reason = ""; }), "invalid");
  EXPECT_EQ(link([](AssessmentCorrection& c) { c.corrected_at = "today"; }), "invalid");
  EXPECT_EQ(link([](AssessmentCorrection& c) { c.corrected_by = 0; }), "invalid");
  // Backwards: an older assessment cannot correct a newer one.
  EXPECT_EQ(link([&](AssessmentCorrection& c) { std::swap(c.corrects_id, c.correction_id); }),
            "invalid");
  EXPECT_EQ(link([&](AssessmentCorrection& c) { c.corrected_by = therapist_b_.id; }), "not found");
  EXPECT_EQ(link([&](AssessmentCorrection& c) { c.corrects_id = assessment_b_.id; }), "not found");
  EXPECT_EQ(link([&](AssessmentCorrection& c) { c.clinic_id = b_.id; }), "not found");
  Assessment portal = NewAssessment(a_.id, patient_a_.id, therapist_a_.id, kT2);
  portal.kind = AssessmentKind::kPortal;
  portal = Must(store_->CreateAssessment(portal));
  EXPECT_EQ(link([&](AssessmentCorrection& c) { c.correction_id = portal.id; }), "invalid");
  EXPECT_TRUE(Must(store_->ListAssessmentCorrections(a_.id, patient_a_.id)).empty());
  EXPECT_EQ(Outcome(store_->ListAssessmentCorrections(a_.id, patient_b_.id)), "not found");
}

// Model-based: a random run of new assessments and corrections (some of an
// already corrected one, which is refused). The model remembers every
// assessment and what corrects what; afterwards every assessment ever stored
// is readable unchanged and the store's corrections are exactly the model's.
TEST_P(StoreContractTest, NoSequenceOfAssessmentsAndCorrectionsLosesAVersion) {
  std::mt19937 random(15);
  std::vector<Assessment> made = {assessment_a_};
  std::map<Id, Id> corrected_by;  // Original -> its correction.
  for (int step = 0; step < 30; ++step) {
    Assessment next = NewAssessment(a_.id, patient_a_.id, therapist_a_.id, kT2);
    next.intake_json = R"({"step":)" + std::to_string(step) + "}";
    next = Must(store_->CreateAssessment(next));
    made.push_back(next);
    if (random() % 3 == 0) continue;  // A new assessment, correcting nothing.
    const Assessment& target = made[random() % (made.size() - 1)];
    auto r = store_->RecordAssessmentCorrection(
        Link(target, next, therapist_a_.id, "step " + std::to_string(step)));
    if (corrected_by.count(target.id)) {
      EXPECT_EQ(Outcome(r), "conflict");
    } else {
      ASSERT_EQ(Outcome(r), "ok");
      corrected_by[target.id] = next.id;
    }
  }
  Reopen();
  for (const Assessment& a : made) {
    Assessment read = Must(store_->GetAssessment(a_.id, a.id));
    EXPECT_EQ(read.intake_json, a.intake_json);
    EXPECT_EQ(read.result_json, a.result_json);
    EXPECT_EQ(read.created_at, a.created_at);
  }
  EXPECT_EQ(Must(store_->ListAssessments(a_.id, patient_a_.id)).size(), made.size());
  std::map<Id, Id> stored;
  for (const AssessmentCorrection& c :
       Must(store_->ListAssessmentCorrections(a_.id, patient_a_.id)))
    stored[c.corrects_id] = c.correction_id;
  EXPECT_EQ(stored, corrected_by);
}

}  // namespace
}  // namespace sciaticare::store::testing
