// Intake drafts and consent over HTTP, on both stores: a draft is kept per
// patient (latest wins), bounded in size, read back, discarded on purpose and
// by the assessment submitted from it; consent entries are appended and
// listed; hands-on work on an area the patient has not consented to is
// refused with a 409 naming the area, on every note path (new note and
// edit); no consent recorded warns without refusing; another clinic sees
// nothing of either.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

using ::testing::HasSubstr;

class IntakeConsentApiTest : public ClinicApiFixture {
 protected:
  std::string DraftPath() const { return PatientPath(patient1_.id, "/intake-draft"); }
  std::string ConsentPath() const { return PatientPath(patient1_.id, "/consents"); }

  // A note of hands-on work on `region`, outside any plan.
  static json WorkOn(const std::string& region) {
    return {{"occurred_at", "2026-11-24T10:00:00Z"},
            {"techniques",
             {{{"technique", "swedish"},
               {"region", region},
               {"side", "left"},
               {"pressure", 2},
               {"minutes", 10}}}},
            {"deviations_acknowledged", true},
            {"deviation_reason", "first visit, no plan yet"}};
  }
};

INSTANTIATE_TEST_SUITE_P(Store, IntakeConsentApiTest, AllApiBackends(), ApiBackendName);

TEST_P(IntakeConsentApiTest, ADraftIsKeptReadBackAndDiscardedOnPurpose) {
  auto therapist = As("therapist@a.test");
  EXPECT_TRUE(BodyOf(therapist->Get(DraftPath()))["draft"].is_null());
  const json state = {{"step", 2}, {"complaint", "Gesäß links, seit März"}};
  ASSERT_EQ(therapist->Put(DraftPath(), {{"state", {{"step", 1}}}}).status, 200);
  HttpResult saved = therapist->Put(DraftPath(), {{"state", state}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  const json draft = BodyOf(therapist->Get(DraftPath()))["draft"];
  EXPECT_EQ(draft["state"], state);
  EXPECT_EQ(draft["updated_by"], therapist_.id);
  HttpResult discarded = therapist->Send("DELETE", DraftPath());
  ASSERT_EQ(discarded.status, 200) << discarded.body;
  EXPECT_EQ(BodyOf(discarded)["discarded"], true);
  EXPECT_TRUE(BodyOf(therapist->Get(DraftPath()))["draft"].is_null());
  // Every read and write of it is audited.
  store::AuditQuery q;
  q.patient_id = patient1_.id;
  int draft_entries = 0;
  const store::Page<store::AuditEntry> audit = store_->ListAudit(clinic_a_.id, q).value();
  for (const store::AuditEntry& e : audit.items) {
    if (e.entity == "intake_draft") ++draft_entries;
  }
  EXPECT_EQ(draft_entries, 6);
}

TEST_P(IntakeConsentApiTest, AnOversizedOrMalformedDraftIsRefusedNamingStateAndNothingKept) {
  auto therapist = As("therapist@a.test");
  const json before = StoredState(false);
  HttpResult big = therapist->Put(DraftPath(), {{"state", {{"history", std::string(70000, 'x')}}}});
  EXPECT_EQ(big.status, 413) << big.body;
  EXPECT_EQ(BodyOf(big)["error"]["field"], "state");
  HttpResult not_object = therapist->Put(DraftPath(), {{"state", "text"}});
  EXPECT_EQ(not_object.status, 422);
  EXPECT_EQ(BodyOf(not_object)["error"]["field"], "state");
  HttpResult missing = therapist->Put(DraftPath(), json::object());
  EXPECT_EQ(BodyOf(missing)["error"]["field"], "state");
  EXPECT_TRUE(StoredState(false) == before);
}

TEST_P(IntakeConsentApiTest, SubmittingTheAssessmentDiscardsTheDraft) {
  auto therapist = As("therapist@a.test");
  ASSERT_EQ(therapist->Put(DraftPath(), {{"state", {{"step", 3}}}}).status, 200);
  CreateAssessment(*therapist, patient1_.id, "l5_numbness");
  EXPECT_TRUE(BodyOf(therapist->Get(DraftPath()))["draft"].is_null());
}

TEST_P(IntakeConsentApiTest, AnotherClinicCannotReadWriteOrDiscardTheDraftOrConsent) {
  auto therapist = As("therapist@a.test");
  ASSERT_EQ(therapist->Put(DraftPath(), {{"state", {{"step", 1}}}}).status, 200);
  auto other = As("therapist@b.test");
  EXPECT_EQ(other->Get(DraftPath()).status, 404);
  EXPECT_EQ(other->Put(DraftPath(), {{"state", {{"step", 9}}}}).status, 404);
  EXPECT_EQ(other->Send("DELETE", DraftPath()).status, 404);
  EXPECT_EQ(other->Get(ConsentPath()).status, 404);
  EXPECT_EQ(other->Post(ConsentPath(), {{"treatment", true}, {"form", "verbal"}}).status, 404);
  auto desk = As("desk@a.test");
  EXPECT_EQ(desk->Get(DraftPath()).status, 403);
  EXPECT_EQ(desk->Post(ConsentPath(), {{"treatment", true}, {"form", "verbal"}}).status, 403);
  EXPECT_EQ(BodyOf(therapist->Get(DraftPath()))["draft"]["state"]["step"], 1);
  EXPECT_TRUE(BodyOf(therapist->Get(ConsentPath()))["items"].empty());
}

TEST_P(IntakeConsentApiTest, ConsentEntriesAreAppendedAndTheNewestIsInForce) {
  auto therapist = As("therapist@a.test");
  const json listed = BodyOf(therapist->Get(ConsentPath()));
  EXPECT_TRUE(listed["current"].is_null());
  EXPECT_THAT(listed["sensitive_areas"].dump(), HasSubstr("\"label\":\"Buttock\""));
  HttpResult given = therapist->Post(
      ConsentPath(), {{"treatment", true}, {"areas", {"buttock"}}, {"form", "written"}});
  ASSERT_EQ(given.status, 201) << given.body;
  EXPECT_EQ(BodyOf(given)["areas"][0]["label"], "Buttock");
  EXPECT_EQ(BodyOf(given)["recorded_by"], therapist_.id);
  ASSERT_EQ(therapist->Post(ConsentPath(), {{"treatment", false}, {"form", "verbal"}}).status, 201);
  const json both = BodyOf(therapist->Get(ConsentPath()));
  ASSERT_EQ(both["items"].size(), 2u);
  EXPECT_EQ(both["current"]["treatment"], false);
  EXPECT_EQ(both["items"][0]["form"], "written");
}

TEST_P(IntakeConsentApiTest, BadConsentIsRefusedNamingTheFieldAndNothingStored) {
  auto therapist = As("therapist@a.test");
  const json before = StoredState(false);
  auto field_of = [&](const json& body) {
    HttpResult r = therapist->Post(ConsentPath(), body);
    EXPECT_EQ(r.status, 422) << body.dump() << " " << r.body;
    return BodyOf(r)["error"]["field"];
  };
  EXPECT_EQ(field_of({{"form", "verbal"}}), "treatment");
  EXPECT_EQ(field_of({{"treatment", "yes"}, {"form", "verbal"}}), "treatment");
  EXPECT_EQ(field_of({{"treatment", true}, {"form", "nodded"}}), "form");
  EXPECT_EQ(field_of({{"treatment", true}, {"areas", {"elbow"}}, {"form", "verbal"}}), "areas[0]");
  // A calf needs no consent of its own: consent to treatment covers it.
  EXPECT_EQ(field_of({{"treatment", true}, {"areas", {"buttock", "calf"}}, {"form", "verbal"}}),
            "areas[1]");
  EXPECT_EQ(field_of({{"treatment", false}, {"areas", {"buttock"}}, {"form", "verbal"}}),
            "areas[0]");
  EXPECT_EQ(field_of({{"treatment", true}, {"form", "verbal"}, {"note", std::string(2001, 'n')}}),
            "note");
  EXPECT_TRUE(StoredState(false) == before);
}

TEST_P(IntakeConsentApiTest, WorkOnAnAreaWithoutConsentIsRefusedNamingItOnEveryNotePath) {
  auto therapist = As("therapist@a.test");
  const std::string notes = PatientPath(patient1_.id, "/sessions");
  // No consent recorded at all: records made before consent was kept work on.
  HttpResult unrecorded = therapist->Post(notes, WorkOn("buttock"));
  ASSERT_EQ(unrecorded.status, 201) << unrecorded.body;

  ASSERT_EQ(therapist->Post(ConsentPath(), {{"treatment", true}, {"form", "verbal"}}).status, 201);
  EXPECT_EQ(therapist->Post(notes, WorkOn("calf")).status, 201);
  HttpResult refused = therapist->Post(notes, WorkOn("buttock"));
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(BodyOf(refused)["error"]["field"], "techniques");
  EXPECT_THAT(BodyOf(refused)["error"]["message"].get<std::string>(), HasSubstr("the buttock"));
  EXPECT_EQ(SessionCount(clinic_a_.id, patient1_.id), 2);

  // Adding the area to a note already written goes through the same door.
  json calf_note = BodyOf(therapist->Post(notes, WorkOn("calf")));
  json edit = WorkOn("groin");
  HttpResult edit_refused =
      therapist->Put("/api/v1/sessions/" + calf_note["id"].dump(), edit,
                     {{"If-Match", "\"" + calf_note["version"].dump() + "\""}});
  ASSERT_EQ(edit_refused.status, 409) << edit_refused.body;
  EXPECT_THAT(BodyOf(edit_refused)["error"]["message"].get<std::string>(), HasSubstr("the groin"));

  // A withdrawal refuses all hands-on work, the visit itself may be recorded.
  ASSERT_EQ(therapist->Post(ConsentPath(), {{"treatment", false}, {"form", "written"}}).status,
            201);
  HttpResult withdrawn = therapist->Post(notes, WorkOn("calf"));
  ASSERT_EQ(withdrawn.status, 409) << withdrawn.body;
  EXPECT_THAT(BodyOf(withdrawn)["error"]["message"].get<std::string>(), HasSubstr("withdrawn"));
  EXPECT_EQ(therapist->Post(notes, {{"occurred_at", "2026-11-25T10:00:00Z"}}).status, 201);

  // Consent to the area given again: the work may be recorded.
  ASSERT_EQ(therapist
                ->Post(ConsentPath(),
                       {{"treatment", true}, {"areas", {"buttock", "groin"}}, {"form", "verbal"}})
                .status,
            201);
  EXPECT_EQ(therapist->Post(notes, WorkOn("buttock")).status, 201);
}

}  // namespace
}  // namespace sciaticare::testing
