// A table of client mistakes against the clinic API over real HTTP: malformed
// and mistyped JSON, out-of-range values, unknown and foreign ids, oversized
// bodies, broken UTF-8, missing CSRF tokens, bad If-Match, bad paging,
// unknown names in session notes. Each must answer its 4xx (never a 5xx) with
// a JSON error, and store nothing: the records of both clinics are compared
// before and after. The audit trail grows by exactly one record for a
// refusal it keeps (a logged-in caller's 403 or 404, a wrong password) and
// not at all otherwise.
#include <gtest/gtest.h>

#include <set>

#include "http/bad_requests_fixture.h"

namespace sciaticare::testing::bad_requests {

BadRequestTest::Vocabulary BadRequestTest::Words() const {
  json many_techniques = json::array();
  for (int i = 0; i < 41; ++i) many_techniques.push_back(Technique());
  return {Who::kAdmin,
          Who::kTherapist,
          Who::kFrontDesk,
          "/api/v1/patients",
          "/api/v1/patients/{p1}",
          "/api/v1/patients/{pb}",
          "/api/v1/plans/{plan}",
          "/api/v1/sessions/{session}",
          "/api/v1/appointments",
          "/api/v1/appointments/{appointment}",
          {{"If-Match", "\"1\""}},
          Example("l5_numbness"),
          std::string(300 * 1024, 'x'),
          many_techniques,
          With(Technique(), {{"region", "foot_top"}})};
}

std::vector<BadCase> BadRequestTest::Cases() const {
  std::vector<BadCase> cases = AccessCases();
  for (auto part : {ClinicalCases(), ScheduleCases(), TextCases()}) {
    cases.insert(cases.end(), part.begin(), part.end());
  }
  return cases;
}

namespace {

INSTANTIATE_TEST_SUITE_P(Store, BadRequestTest, AllApiBackends(), ApiBackendName);

TEST_P(BadRequestTest, EveryMistakeIsA4xxAndStoresNothing) {
  std::map<Who, LoginResult> logins = {{Who::kAdmin, Login("admin@a.test")},
                                       {Who::kTherapist, Login("therapist@a.test")},
                                       {Who::kFrontDesk, Login("desk@a.test")},
                                       {Who::kPatient, Login("p1@a.test")},
                                       {Who::kNobody, LoginResult{}}};
  for (const auto& [who, login] : logins) {
    if (who != Who::kNobody) {
      ASSERT_EQ(login.status, 200);
    }
  }
  const std::map<std::string, std::string> ids = {
      {"{p1}", std::to_string(patient1_.id)},
      {"{p2}", std::to_string(patient2_.id)},
      {"{pb}", std::to_string(patient_b_.id)},
      {"{plan}", plan_["id"].dump()},
      {"{planb}", std::to_string(plan_b_)},
      {"{session}", std::to_string(session_)},
      {"{sessionb}", std::to_string(session_b_)},
      {"{desk}", std::to_string(desk_.id)},
      {"{admin}", std::to_string(admin_.id)},
      {"{therapist}", std::to_string(therapist_.id)},
      {"{appointment}", std::to_string(appointment_)},
      {"{appointmentb}", std::to_string(appointment_b_)},
      {"{therapistb}", std::to_string(therapist_b_.id)}};
  const std::map<Who, store::Id> user_ids = {{Who::kAdmin, admin_.id},
                                             {Who::kTherapist, therapist_.id},
                                             {Who::kFrontDesk, desk_.id},
                                             {Who::kPatient, patient1_user_.id}};
  const std::vector<BadCase> cases = Cases();
  EXPECT_GE(cases.size(), 60u);
  std::set<std::string> names;
  for (BadCase c : cases) {
    EXPECT_TRUE(names.insert(c.name).second) << "two cases named " << c.name;
    for (const auto& [placeholder, id] : ids) {
      ReplaceAll(c.target, placeholder, id);
      ReplaceAll(c.body, "\"" + placeholder + "\"", id);  // Ids in JSON bodies are numbers.
    }
    SCOPED_TRACE(c.name + ": " + c.method + " " + c.target);
    // A logged-in caller's 403 or 404 is on the audit trail as "denied"
    // (exactly one record); no other mistake leaves a trace.
    const bool denied = c.who != Who::kNobody && (c.status == 403 || c.status == 404);
    const std::int64_t audit_before = AuditCount(clinic_a_.id) + AuditCount(clinic_b_.id);
    const json before = StoredState(false);
    HttpResult r;
    try {
      ApiClient client(port(), logins[c.who]);
      r = client.Send(c.method, c.target, c.body, c.headers);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "no answer: " << e.what();
      continue;
    }
    EXPECT_GE(r.status, 400) << r.body;
    EXPECT_LT(r.status, 500) << r.body;
    EXPECT_EQ(r.status, c.status) << r.body.substr(0, 400);
    const json error = BodyOf(r);
    EXPECT_TRUE(error.is_object() && error.contains("error")) << r.body.substr(0, 400);
    EXPECT_TRUE(StoredState(false) == before) << "something was stored";
    EXPECT_EQ(AuditCount(clinic_a_.id) + AuditCount(clinic_b_.id) - audit_before,
              denied || c.audit_recorded ? 1 : 0);
    if (denied) {
      store::AuditQuery newest;
      newest.page.limit = 1;
      const auto entries = store_->ListAudit(clinic_a_.id, newest).value().items;
      ASSERT_EQ(entries.size(), 1u);
      EXPECT_EQ(entries[0].action, "denied");
      EXPECT_EQ(entries[0].user_id, user_ids.at(c.who));
      EXPECT_EQ(entries[0].entity_id, c.method + " " + c.target.substr(0, c.target.find('?')));
      EXPECT_EQ(entries[0].remote_addr, "127.0.0.1");
    }
  }
  // The sessions used for the table are still good: nothing above logged anyone out.
  ApiClient therapist(port(), logins[Who::kTherapist]);
  EXPECT_EQ(therapist.Get(PatientPath(patient1_.id)).status, 200);
}

}  // namespace
}  // namespace sciaticare::testing::bad_requests
