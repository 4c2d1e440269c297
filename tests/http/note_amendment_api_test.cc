// Signed notes and tracked amendments over real HTTP on both stores: a note
// is a draft until signed; signing locks it (PUT answers 409 naming
// "status"); an amendment needs a reason, is checked exactly as a new note
// is, and is kept beside the original with who, when, why and what changed;
// every version reads back whole. Rules: docs/clinical-rules.md, "Signed
// notes and amendments".
#include <gtest/gtest.h>

#include "http/therapist_api_fixture.h"

namespace sciaticare::testing {
namespace {

std::string Tag(int version) { return "\"" + std::to_string(version) + "\""; }

class NoteAmendmentApiTest : public TherapistApiFixture {
 protected:
  static std::string NotePath(const json& note, const std::string& suffix = "") {
    return "/api/v1/sessions/" + std::to_string(note["id"].get<long long>()) + suffix;
  }
  json Write(json extra = json::object()) {
    json body = {{"occurred_at", "2026-11-24T10:00:00Z"},
                 {"subjective", "calf pain eased"},
                 {"leg_pain_before", 6},
                 {"leg_pain_after", 4}};
    body.update(extra);
    HttpResult r = T().Post(PatientPath(patient1_.id, "/sessions"), body);
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyOf(r);
  }
  HttpResult Sign(const json& note) {
    return T().Post(NotePath(note, "/sign"), json::object(),
                    {{"If-Match", Tag(note["version"].get<int>())}});
  }
  HttpResult Amend(const json& note, const json& body) {
    return T().Post(NotePath(note, "/amendments"), body,
                    {{"If-Match", Tag(note["version"].get<int>())}});
  }
  json Read(const json& note) { return BodyOf(T().Get(NotePath(note))); }
  int AmendAudits() {
    store::AuditQuery q;
    q.action = "amend";
    return static_cast<int>(store_->ListAudit(clinic_a_.id, q).value().total);
  }
};

INSTANTIATE_TEST_SUITE_P(Store, NoteAmendmentApiTest, AllApiBackends(), ApiBackendName);

TEST_P(NoteAmendmentApiTest, SigningLocksTheNote) {
  json draft = Write();
  EXPECT_EQ(draft["status"], "draft");
  EXPECT_TRUE(draft["signed_by"].is_null());
  json edit = {{"occurred_at", "2026-11-24T10:00:00Z"}, {"subjective", "drafts may change"}};
  HttpResult edited = T().Put(NotePath(draft), edit, {{"If-Match", Tag(1)}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  draft = BodyOf(edited);

  EXPECT_EQ(T().Post(NotePath(draft, "/sign"), json::object()).status, 428);
  HttpResult signed_answer = Sign(draft);
  ASSERT_EQ(signed_answer.status, 200) << signed_answer.body;
  const json signed_note = BodyOf(signed_answer);
  EXPECT_EQ(signed_note["status"], "signed");
  EXPECT_EQ(signed_note["signed_by"], therapist_.id);
  EXPECT_EQ(signed_note["signed_by_name"], therapist_.display_name);
  EXPECT_TRUE(signed_note["signed_at"].is_string());
  EXPECT_EQ(signed_note["amendments"], json::array());

  HttpResult refused = T().Put(NotePath(draft), {{"occurred_at", "2026-11-24T10:00:00Z"}},
                               {{"If-Match", Tag(signed_note["version"].get<int>())}});
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(BodyOf(refused)["error"]["field"], "status");
  EXPECT_NE(BodyOf(refused)["error"]["message"].get<std::string>().find("amendment"),
            std::string::npos);
  EXPECT_EQ(Read(draft)["subjective"], "drafts may change");
  EXPECT_EQ(Sign(signed_note).status, 409);
}

TEST_P(NoteAmendmentApiTest, ANoteMayBeWrittenAndSignedInOneCall) {
  HttpResult bad = T().Post(PatientPath(patient1_.id, "/sessions"),
                            {{"occurred_at", "2026-11-24T10:00:00Z"}, {"sign", "yes"}});
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(BodyOf(bad)["error"]["field"], "sign");
  EXPECT_EQ(SessionCount(clinic_a_.id, patient1_.id), 0);
  const json note = Write({{"sign", true}});
  EXPECT_EQ(note["status"], "signed");
  EXPECT_EQ(note["signed_by"], therapist_.id);
  EXPECT_EQ(note["signed_at"], note["created_at"]);
}

TEST_P(NoteAmendmentApiTest, AnAmendmentNeedsAReasonAndKeepsTheOriginal) {
  const json draft = Write();
  EXPECT_EQ(Amend(draft, {{"reason", "typo"}, {"leg_pain_after", 3}}).status, 409);
  const json note = BodyOf(Sign(draft));

  for (const json& no_reason :
       {json{{"leg_pain_after", 3}}, json{{"reason", "  "}, {"leg_pain_after", 3}},
        json{{"reason", std::string(2001, 'x')}, {"leg_pain_after", 3}}}) {
    HttpResult r = Amend(note, no_reason);
    ASSERT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(BodyOf(r)["error"]["field"], "reason");
  }
  HttpResult nothing = Amend(note, {{"reason", "no change"}});
  EXPECT_EQ(nothing.status, 422);
  EXPECT_EQ(BodyOf(nothing)["error"]["field"], "amendment");
  HttpResult same = Amend(note, {{"reason", "no change"}, {"leg_pain_after", 4}});
  EXPECT_EQ(same.status, 422);
  EXPECT_EQ(BodyOf(same)["error"]["field"], "amendment");
  HttpResult bad_field = Amend(note, {{"reason", "typo"}, {"leg_pain_after", 11}});
  EXPECT_EQ(bad_field.status, 422);
  EXPECT_EQ(BodyOf(bad_field)["error"]["field"], "leg_pain_after");
  EXPECT_EQ(Read(note)["amendments"], json::array());
  EXPECT_EQ(AmendAudits(), 0);

  HttpResult amended = Amend(note, {{"reason", "pain after was misheard"}, {"leg_pain_after", 2}});
  ASSERT_EQ(amended.status, 201) << amended.body;
  const json now = Read(note);
  EXPECT_EQ(now["leg_pain_after"], 2);
  EXPECT_EQ(now["subjective"], "calf pain eased");  // Fields not named are kept.
  EXPECT_EQ(now["status"], "signed");
  EXPECT_EQ(now["versions"], 2);
  ASSERT_EQ(now["amendments"].size(), 1u);
  const json& a = now["amendments"][0];
  EXPECT_EQ(a["reason"], "pain after was misheard");
  EXPECT_EQ(a["amended_by"], therapist_.id);
  EXPECT_EQ(a["amended_by_name"], therapist_.display_name);
  EXPECT_EQ(a["changes"], json({{"leg_pain_after", {{"before", 4}, {"after", 2}}}}));
  EXPECT_EQ(AmendAudits(), 1);

  const json original = BodyOf(T().Get(NotePath(note, "/versions/1")));
  EXPECT_EQ(original["content"]["leg_pain_after"], 4);
  EXPECT_EQ(original["written_by"], therapist_.id);
  const json second = BodyOf(T().Get(NotePath(note, "/versions/2")));
  EXPECT_EQ(second["content"]["leg_pain_after"], 2);
  EXPECT_EQ(second["amendment"]["reason"], "pain after was misheard");
  EXPECT_EQ(T().Get(NotePath(note, "/versions/3")).status, 404);
  EXPECT_EQ(T().Get(NotePath(note, "/versions/0")).status, 404);
  // The stale ETag of the note before the amendment is refused.
  EXPECT_EQ(Amend(note, {{"reason", "again"}, {"leg_pain_after", 1}}).status, 409);
}

// The same door as a new note: work the latest screening refuses is refused
// in an amendment exactly as in a new note, and nothing is stored.
TEST_P(NoteAmendmentApiTest, AnAmendmentObeysTheSameSafetyRulesAsANewNote) {
  const json note = Write({{"sign", true}});
  json referred = Example("chronic_mild");
  referred["red_flags"]["ces_saddle_anaesthesia"] = true;
  referred["red_flags"]["ces_bladder_dysfunction"] = true;
  ASSERT_EQ(T().Post(PatientPath(patient1_.id, "/assessments"),
                     {{"kind", "intake"}, {"intake", referred}})
                .status,
            201);

  HttpResult fresh = T().Post(PatientPath(patient1_.id, "/sessions"),
                              {{"occurred_at", "2026-11-25T10:00:00Z"}, {"techniques", Work()}});
  ASSERT_EQ(fresh.status, 409) << fresh.body;
  HttpResult amended = Amend(note, {{"reason", "forgot the massage"}, {"techniques", Work()}});
  ASSERT_EQ(amended.status, 409) << amended.body;
  EXPECT_EQ(BodyOf(amended)["error"]["field"], BodyOf(fresh)["error"]["field"]);
  EXPECT_EQ(BodyOf(amended)["error"]["field"], "techniques");

  HttpResult unknown = Amend(note, {{"reason", "typo"}, {"techniques", Work("tickling")}});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(BodyOf(unknown)["error"]["field"], "techniques[0].technique");
  EXPECT_EQ(Read(note)["amendments"], json::array());
  EXPECT_EQ(AmendAudits(), 0);
}

// Departures from screening need the same acknowledgement in an amendment.
TEST_P(NoteAmendmentApiTest, AnAmendmentThatDepartsFromScreeningNeedsAcknowledging) {
  CreateAssessment(T(), patient1_.id, "anticoagulants");
  const json note = Write({{"sign", true}});
  HttpResult refused =
      Amend(note, {{"reason", "add the work"}, {"techniques", Work("swedish", 4)}});
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(BodyOf(refused)["error"]["field"], "deviations_acknowledged");
  HttpResult kept = Amend(note, {{"reason", "add the work"},
                                 {"techniques", Work("swedish", 4)},
                                 {"deviations_acknowledged", true},
                                 {"deviation_reason", "patient asked for firmer work"}});
  ASSERT_EQ(kept.status, 201) << kept.body;
  EXPECT_EQ(Read(note)["deviations"]["reason"], "patient asked for firmer work");
}

}  // namespace
}  // namespace sciaticare::testing
