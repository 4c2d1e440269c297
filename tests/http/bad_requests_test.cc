// A table of client mistakes against the clinic API over real HTTP: malformed
// and mistyped JSON, out-of-range values, unknown and foreign ids, oversized
// bodies, broken UTF-8, missing CSRF tokens, bad If-Match, bad paging,
// unknown names in session notes. Each must answer its 4xx (never a 5xx) with
// a JSON error, and store nothing: the records of both clinics are compared
// before and after. The audit trail grows by exactly one record for a
// refusal it keeps (a logged-in caller's 403 or 404, a wrong password) and
// not at all otherwise.
#include <gtest/gtest.h>

#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

enum class Who { kAdmin, kTherapist, kFrontDesk, kPatient, kNobody };

struct BadCase {
  std::string name;
  Who who;
  std::string method, target, body;
  int status;
  std::map<std::string, std::string> headers = {};
  bool audit_recorded = false;  // Audited though not a 403/404 (a failed login).
};

void ReplaceAll(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

// `base` with `patch` merged in (RFC 7386: a null member removes the key).
json With(json base, const json& patch) {
  base.merge_patch(patch);
  return base;
}

class BadRequestTest : public ClinicApiFixture {
 protected:
  void SetUp() override {
    ClinicApiFixture::SetUp();
    if (IsSkipped()) return;
    auto therapist = As("therapist@a.test");
    json created = CreateAssessment(*therapist, patient1_.id, "l5_numbness");
    plan_ = created["plan"];
    HttpResult note = therapist->Post(PatientPath(patient1_.id, "/sessions"), Note());
    ASSERT_EQ(note.status, 201) << note.body;
    session_ = BodyOf(note)["id"].get<store::Id>();

    auto therapist_b = As("therapist@b.test");
    json created_b = CreateAssessment(*therapist_b, patient_b_.id, "s1_pattern");
    plan_b_ = created_b["plan"]["id"].get<store::Id>();
    HttpResult note_b = therapist_b->Post(PatientPath(patient_b_.id, "/sessions"), Note());
    ASSERT_EQ(note_b.status, 201) << note_b.body;
    session_b_ = BodyOf(note_b)["id"].get<store::Id>();

    auto appointment = [&](store::Id clinic, store::Id patient, store::Id therapist) {
      store::Appointment a;
      a.clinic_id = clinic;
      a.patient_id = patient;
      a.therapist_id = therapist;
      a.starts_at = "2026-12-01T09:00:00Z";
      a.minutes = 60;
      return store_->CreateAppointment(a).value().id;
    };
    appointment_ = appointment(clinic_a_.id, patient1_.id, therapist_.id);
    appointment_b_ = appointment(clinic_b_.id, patient_b_.id, therapist_b_.id);
  }

  static json Person() {
    return {{"given_name", "Ivy"},
            {"family_name", "Larkspur"},
            {"date_of_birth", "1985-09-10"},
            {"sex", "female"}};
  }
  static json Note() {
    return {{"occurred_at", "2026-11-24T10:00:00Z"}, {"leg_pain_before", 5}, {"leg_pain_after", 3}};
  }
  static json Technique() {
    return {{"technique", "swedish"},
            {"region", "buttock"},
            {"side", "left"},
            {"pressure", 3},
            {"minutes", 10}};
  }
  static json NewUser() {
    return {{"email", "new@a.test"},
            {"display_name", "New"},
            {"role", "therapist"},
            {"password", "a long enough password"}};
  }
  json Booking() const {
    return {{"patient_id", patient1_.id},
            {"therapist_id", therapist_.id},
            {"starts_at", "2026-12-02T10:00:00Z"},
            {"minutes", 60},
            {"status", "booked"}};
  }
  static json Request() { return {{"starts_at", "2030-12-02T10:00:00Z"}, {"minutes", 45}}; }
  static json Profile() {
    return {
        {"modalities", {"swedish"}}, {"years_experience", 10}, {"sciatica_experience_years", 3}};
  }
  json Revision(const json& plan_patch) const {
    return {{"plan", With(plan_["plan"], plan_patch)}};
  }
  // The draft with technique `i` changed by `patch`.
  json RevisionItem(std::size_t i, const json& patch) const {
    json plan = plan_["plan"];
    plan["techniques"][i] = With(plan["techniques"][i], patch);
    return {{"plan", plan}};
  }

  std::vector<BadCase> Cases() const;

  json plan_;
  store::Id session_ = 0, plan_b_ = 0, session_b_ = 0, appointment_ = 0, appointment_b_ = 0;
};

std::vector<BadCase> BadRequestTest::Cases() const {
  const Who admin = Who::kAdmin, therapist = Who::kTherapist, desk = Who::kFrontDesk;
  const std::string patients = "/api/v1/patients";
  const std::string p1 = "/api/v1/patients/{p1}";
  const std::string pb = "/api/v1/patients/{pb}";
  const std::string plan = "/api/v1/plans/{plan}";
  const std::string session = "/api/v1/sessions/{session}";
  const std::string appointments = "/api/v1/appointments";
  const std::string appointment = "/api/v1/appointments/{appointment}";
  const std::map<std::string, std::string> v1 = {{"If-Match", "\"1\""}};
  const json intake = Example("l5_numbness");
  const std::string big(300 * 1024, 'x');
  json many_techniques = json::array();
  for (int i = 0; i < 41; ++i) many_techniques.push_back(Technique());
  const json numb_foot_at_3 = With(Technique(), {{"region", "foot_top"}});

  return {
      // Login.
      {"login: not JSON", Who::kNobody, "POST", "/api/v1/session", "{", 400},
      {"login: empty body", Who::kNobody, "POST", "/api/v1/session", "", 415},  // No Content-Type.
      {"login: array", Who::kNobody, "POST", "/api/v1/session", "[]", 400},
      {"login: email a number", Who::kNobody, "POST", "/api/v1/session",
       R"({"email":5,"password":"x"})", 422},
      {"login: no password", Who::kNobody, "POST", "/api/v1/session", R"({"email":"admin@a.test"})",
       422},
      {"login: email too long", Who::kNobody, "POST", "/api/v1/session",
       json({{"email", std::string(300, 'a') + "@a.test"}, {"password", "x"}}).dump(), 422},
      {"login: broken UTF-8", Who::kNobody, "POST", "/api/v1/session",
       "{\"email\":\"\xff\xfe@a.test\",\"password\":\"x\"}", 400},
      {"login: wrong password",
       Who::kNobody,
       "POST",
       "/api/v1/session",
       json({{"email", "desk@a.test"}, {"password", "nope"}}).dump(),
       401,
       {},
       true},

      // Authentication and CSRF.
      {"no login", Who::kNobody, "POST", patients, Person().dump(), 401},
      {"garbage cookie", Who::kNobody, "GET", patients, "", 401, {{"Cookie", "sc_session=abc"}}},
      {"garbage bearer token",
       Who::kNobody,
       "GET",
       patients,
       "",
       401,
       {{"Authorization", "Bearer 0123"}}},
      {"write without CSRF token",
       desk,
       "POST",
       patients,
       Person().dump(),
       403,
       {{"X-CSRF-Token", ""}}},
      {"write with a wrong CSRF token",
       desk,
       "POST",
       patients,
       Person().dump(),
       403,
       {{"X-CSRF-Token", std::string(64, '0')}}},
      {"update without CSRF token",
       desk,
       "PUT",
       p1,
       Person().dump(),
       403,
       {{"X-CSRF-Token", ""}, {"If-Match", "\"1\""}}},
      {"patient creates a patient",
       Who::kPatient,
       "POST",
       patients,
       Person().dump(),
       403,
       {},
       true},
      {"desk creates an assessment",
       desk,
       "POST",
       p1 + "/assessments",
       json({{"intake", intake}}).dump(),
       403,
       {},
       true},

      // Patients: bodies.
      {"patient: not JSON", desk, "POST", patients, "{\"given_name\":", 400},
      {"patient: null", desk, "POST", patients, "null", 400},
      {"patient: string", desk, "POST", patients, "\"Ivy\"", 400},
      {"patient: no given name", desk, "POST", patients,
       With(Person(), {{"given_name", nullptr}}).dump(), 422},
      {"patient: given name a number", desk, "POST", patients,
       With(Person(), {{"given_name", 7}}).dump(), 422},
      {"patient: empty given name", desk, "POST", patients,
       With(Person(), {{"given_name", ""}}).dump(), 422},
      {"patient: given name too long", desk, "POST", patients,
       With(Person(), {{"given_name", std::string(101, 'a')}}).dump(), 422},
      {"patient: unknown sex", desk, "POST", patients, With(Person(), {{"sex", "unknown"}}).dump(),
       422},
      {"patient: date of birth too long", desk, "POST", patients,
       With(Person(), {{"date_of_birth", "1985-09-10T00"}}).dump(), 422},
      {"patient: notes too long", desk, "POST", patients,
       With(Person(), {{"notes", std::string(4001, 'n')}}).dump(), 422},
      {"patient: email a list", desk, "POST", patients,
       With(Person(), {{"email", {"a@b.c"}}}).dump(), 422},
      {"patient: broken UTF-8", desk, "POST", patients,
       "{\"given_name\":\"Ivy\",\"family_name\":\"La\xc3\x28rk\",\"date_of_birth\":\"1985-09-10\","
       "\"sex\":\"female\"}",
       400},
      {"patient: oversized body", desk, "POST", patients, With(Person(), {{"notes", big}}).dump(),
       413},

      // Patients: paging, ids, If-Match.
      {"list: limit 0", desk, "GET", patients + "?limit=0", "", 400},
      {"list: limit 501", desk, "GET", patients + "?limit=501", "", 400},
      {"list: limit not a number", desk, "GET", patients + "?limit=abc", "", 400},
      {"list: limit with a suffix", desk, "GET", patients + "?limit=10x", "", 400},
      {"list: negative offset", desk, "GET", patients + "?offset=-1", "", 400},
      {"list: huge offset", desk, "GET", patients + "?offset=99999999999999999999", "", 400},
      {"list: search too long", desk, "GET", patients + "?search=" + std::string(101, 's'), "",
       400},
      {"read: id not a number", desk, "GET", patients + "/abc", "", 404},
      {"read: id 0", desk, "GET", patients + "/0", "", 404},
      {"read: negative id", desk, "GET", patients + "/-1", "", 404},
      {"read: id overflows", desk, "GET", patients + "/99999999999999999999", "", 404},
      {"read: unknown id", desk, "GET", patients + "/999999", "", 404},
      {"read: another clinic's patient", desk, "GET", pb, "", 404},
      {"update: no If-Match", desk, "PUT", p1, Person().dump(), 428},
      {"update: If-Match not an ETag",
       desk,
       "PUT",
       p1,
       Person().dump(),
       412,
       {{"If-Match", "abc"}}},
      {"update: If-Match half quoted",
       desk,
       "PUT",
       p1,
       Person().dump(),
       412,
       {{"If-Match", "\"1"}}},
      {"update: weak If-Match", desk, "PUT", p1, Person().dump(), 412, {{"If-Match", "W/\"1\""}}},
      {"update: If-Match overflows",
       desk,
       "PUT",
       p1,
       Person().dump(),
       412,
       {{"If-Match", "\"99999999999\""}}},
      {"update: stale If-Match", desk, "PUT", p1, Person().dump(), 409, {{"If-Match", "\"9\""}}},
      {"update: not JSON", desk, "PUT", p1, "{]", 400, v1},
      {"update: unknown sex", desk, "PUT", p1, With(Person(), {{"sex", "x"}}).dump(), 422, v1},
      {"update: another clinic's patient", desk, "PUT", pb, Person().dump(), 404, v1},

      // Assessments.
      {"assessment: no intake", therapist, "POST", p1 + "/assessments", R"({"kind":"intake"})",
       422},
      {"assessment: kind portal", therapist, "POST", p1 + "/assessments",
       json({{"kind", "portal"}, {"intake", intake}}).dump(), 422},
      {"assessment: unknown kind", therapist, "POST", p1 + "/assessments",
       json({{"kind", "bogus"}, {"intake", intake}}).dump(), 422},
      {"assessment: kind a number", therapist, "POST", p1 + "/assessments",
       json({{"kind", 1}, {"intake", intake}}).dump(), 422},
      {"assessment: intake a string", therapist, "POST", p1 + "/assessments",
       R"({"intake":"l5_numbness"})", 422},
      {"assessment: unknown red flag", therapist, "POST", p1 + "/assessments",
       json({{"intake", With(intake, {{"red_flags", {{"ces_made_up", true}}}})}}).dump(), 422},
      {"assessment: negative age", therapist, "POST", p1 + "/assessments",
       json({{"intake", With(intake, {{"patient", {{"age", -5}}}})}}).dump(), 422},
      {"assessment: no symptoms", therapist, "POST", p1 + "/assessments",
       json({{"intake", With(intake, {{"symptoms", nullptr}})}}).dump(), 422},
      {"assessment: another clinic's patient", therapist, "POST", pb + "/assessments",
       json({{"intake", intake}}).dump(), 404},
      {"assessment: unknown patient", therapist, "POST", patients + "/424242/assessments",
       json({{"intake", intake}}).dump(), 404},

      // Portal questionnaires.
      {"questionnaire: none", Who::kPatient, "POST", p1 + "/questionnaires", "{}", 422},
      {"questionnaire: empty", Who::kPatient, "POST", p1 + "/questionnaires",
       R"({"questionnaires":{}})", 422},
      {"questionnaire: a list", Who::kPatient, "POST", p1 + "/questionnaires",
       R"({"questionnaires":[4]})", 422},
      {"questionnaire: leg pain 11", Who::kPatient, "POST", p1 + "/questionnaires",
       R"({"questionnaires":{"nrs_leg":11}})", 422},
      {"questionnaire: unknown measure", Who::kPatient, "POST", p1 + "/questionnaires",
       R"({"questionnaires":{"happiness":3}})", 422},
      {"questionnaire: SBI too short", Who::kPatient, "POST", p1 + "/questionnaires",
       R"({"questionnaires":{"sbi":[1,2]}})", 422},
      {"questionnaire: for another patient", Who::kPatient, "POST",
       "/api/v1/patients/{p2}/questionnaires", R"({"questionnaires":{"nrs_leg":3}})", 404},

      // Plan revisions.
      {"revision: no If-Match", therapist, "POST", plan + "/revisions", Revision({}).dump(), 428},
      {"revision: stale If-Match",
       therapist,
       "POST",
       plan + "/revisions",
       Revision({}).dump(),
       409,
       {{"If-Match", "\"5\""}}},
      {"revision: junk If-Match",
       therapist,
       "POST",
       plan + "/revisions",
       Revision({}).dump(),
       412,
       {{"If-Match", "*"}}},
      {"revision: no plan", therapist, "POST", plan + "/revisions", R"({"note":"x"})", 422, v1},
      {"revision: plan a list", therapist, "POST", plan + "/revisions", R"({"plan":[]})", 422, v1},
      {"revision: techniques not a list", therapist, "POST", plan + "/revisions",
       Revision({{"techniques", "swedish"}}).dump(), 422, v1},
      {"revision: unknown technique", therapist, "POST", plan + "/revisions",
       RevisionItem(0, {{"technique", "reiki"}}).dump(), 422, v1},
      {"revision: pressure a string", therapist, "POST", plan + "/revisions",
       RevisionItem(0, {{"pressure", "3"}}).dump(), 422, v1},
      {"revision: pressure 9", therapist, "POST", plan + "/revisions",
       RevisionItem(0, {{"pressure", 9}}).dump(), 422, v1},
      {"revision: pressure 0", therapist, "POST", plan + "/revisions",
       RevisionItem(0, {{"pressure", 0}}).dump(), 422, v1},
      {"revision: a million minutes", therapist, "POST", plan + "/revisions",
       RevisionItem(0, {{"minutes", 1000000}}).dump(), 422, v1},
      {"revision: unknown region", therapist, "POST", plan + "/revisions",
       RevisionItem(0, {{"targets", {{{"region", "elbow"}, {"side", "left"}}}}}).dump(), 422, v1},
      {"revision: no sessions", therapist, "POST", plan + "/revisions",
       Revision({{"sessions", nullptr}}).dump(), 422, v1},
      {"revision: zero sessions a week", therapist, "POST", plan + "/revisions",
       Revision({{"sessions", {{"per_week", 0}}}}).dump(), 422, v1},
      {"revision: negative session count", therapist, "POST", plan + "/revisions",
       Revision({{"sessions", {{"count", -1}}}}).dump(), 422, v1},
      {"revision: a five-minute session", therapist, "POST", plan + "/revisions",
       Revision({{"sessions", {{"minutes", 5}}}}).dump(), 422, v1},
      {"revision: session length a string", therapist, "POST", plan + "/revisions",
       Revision({{"sessions", {{"minutes", "long"}}}}).dump(), 422, v1},
      {"revision: oils a string", therapist, "POST", plan + "/revisions",
       Revision({{"oils_allowed", "yes"}}).dump(), 422, v1},
      {"revision: another clinic's plan", therapist, "POST", "/api/v1/plans/{planb}/revisions",
       Revision({}).dump(), 404, v1},
      {"revision: unknown plan", therapist, "POST", "/api/v1/plans/424242/revisions",
       Revision({}).dump(), 404, v1},

      // Approval.
      {"approve: no If-Match", therapist, "POST", plan + "/approve", "", 428},
      {"approve: stale If-Match",
       therapist,
       "POST",
       plan + "/approve",
       "",
       409,
       {{"If-Match", "\"3\""}}},
      {"approve: body not JSON", therapist, "POST", plan + "/approve", "{", 400, v1},
      {"approve: another clinic's plan", therapist, "POST", "/api/v1/plans/{planb}/approve", "",
       404, v1},
      {"approve: plan id not a number", therapist, "POST", "/api/v1/plans/x/approve", "", 404, v1},
      {"read plan: another clinic's", therapist, "GET", "/api/v1/plans/{planb}", "", 404},

      // Session notes.
      {"note: no time", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"occurred_at", nullptr}}).dump(), 422},
      {"note: time a number", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"occurred_at", 20261124}}).dump(), 422},
      {"note: leg pain 11", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"leg_pain_before", 11}}).dump(), 422},
      {"note: leg pain -1", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"leg_pain_after", -1}}).dump(), 422},
      {"note: back pain a string", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"back_pain_before", "5"}}).dump(), 422},
      {"note: back pain a fraction", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"back_pain_after", 5.5}}).dump(), 422},
      {"note: unknown technique", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"techniques", {With(Technique(), {{"technique", "reiki"}})}}}).dump(), 422},
      {"note: unknown region", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"techniques", {With(Technique(), {{"region", "elbow"}})}}}).dump(), 422},
      {"note: unknown side", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"techniques", {With(Technique(), {{"side", "up"}})}}}).dump(), 422},
      {"note: technique pressure 6", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"techniques", {With(Technique(), {{"pressure", 6}})}}}).dump(), 422},
      {"note: technique for 0 minutes", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"techniques", {With(Technique(), {{"minutes", 0}})}}}).dump(), 422},
      {"note: techniques not a list", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"techniques", "swedish"}}).dump(), 422},
      {"note: 41 techniques", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"techniques", many_techniques}}).dump(), 422},
      {"note: unknown severity", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"adverse_events", {{{"kind", "soreness"}, {"severity", "catastrophic"}}}}})
           .dump(),
       422},
      {"note: adverse event without kind", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"adverse_events", {{{"severity", "mild"}}}}}).dump(), 422},
      {"note: oils a string", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"oils_used", "yes"}}).dump(), 422},
      {"note: plan id a string", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"plan_id", "x"}}).dump(), 422},
      {"note: another clinic's plan", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"plan_id", "{planb}"}}).dump(), 404},
      {"note: SOAP text too long", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"subjective", std::string(8001, 's')}}).dump(), 422},
      {"note: another clinic's patient", therapist, "POST", pb + "/sessions", Note().dump(), 404},
      // Patient 1's screening (l5_numbness) caps pressure at 2 on the numb
      // top of the foot: pressure 3 there departs from it.
      {"note: deviation not acknowledged", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"techniques", {numb_foot_at_3}}}).dump(), 422},
      {"note: deviation acknowledged without a reason", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"techniques", {numb_foot_at_3}}, {"deviations_acknowledged", true}}).dump(),
       422},
      {"note: deviation reason blank", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"techniques", {numb_foot_at_3}},
                     {"deviations_acknowledged", true},
                     {"deviation_reason", "   "}})
           .dump(),
       422},
      {"note: deviation reason too long", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"techniques", {numb_foot_at_3}},
                     {"deviations_acknowledged", true},
                     {"deviation_reason", std::string(501, 'r')}})
           .dump(),
       422},
      {"note: acknowledgement a string", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"techniques", {numb_foot_at_3}},
                     {"deviations_acknowledged", "yes"},
                     {"deviation_reason", "asked for it"}})
           .dump(),
       422},
      {"notes: limit 0", therapist, "GET", p1 + "/sessions?limit=0", "", 400},
      {"notes: offset not a number", therapist, "GET", p1 + "/sessions?offset=x", "", 400},
      {"note update: no If-Match", therapist, "PUT", session, Note().dump(), 428},
      {"note update: stale If-Match",
       therapist,
       "PUT",
       session,
       Note().dump(),
       409,
       {{"If-Match", "\"4\""}}},
      {"note update: unknown side", therapist, "PUT", session,
       With(Note(), {{"techniques", {With(Technique(), {{"side", "up"}})}}}).dump(), 422, v1},
      {"note update: deviation not acknowledged", therapist, "PUT", session,
       With(Note(), {{"techniques", {numb_foot_at_3}}}).dump(), 422, v1},
      {"note update: another clinic's note", therapist, "PUT", "/api/v1/sessions/{sessionb}",
       Note().dump(), 404, v1},
      {"note read: another clinic's note", therapist, "GET", "/api/v1/sessions/{sessionb}", "",
       404},

      // Audit.
      {"audit: user id not a number", admin, "GET", "/api/v1/audit?user_id=abc", "", 400},
      {"audit: patient id 0", admin, "GET", "/api/v1/audit?patient_id=0", "", 400},
      {"audit: limit 1000", admin, "GET", "/api/v1/audit?limit=1000", "", 400},

      // Users.
      {"user: email without @", admin, "POST", "/api/v1/users",
       With(NewUser(), {{"email", "new.a.test"}}).dump(), 422},
      {"user: unknown role", admin, "POST", "/api/v1/users",
       With(NewUser(), {{"role", "superuser"}}).dump(), 422},
      {"user: short password", admin, "POST", "/api/v1/users",
       With(NewUser(), {{"password", "short"}}).dump(), 422},
      {"user: email taken", admin, "POST", "/api/v1/users",
       With(NewUser(), {{"email", "therapist@b.test"}}).dump(), 409},
      {"user: patient login without a patient", admin, "POST", "/api/v1/users",
       With(NewUser(), {{"role", "patient"}}).dump(), 422},
      {"user: patient login for another clinic's patient", admin, "POST", "/api/v1/users",
       With(NewUser(), {{"role", "patient"}, {"patient_id", "{pb}"}}).dump(), 404},
      {"user: patient id a string", admin, "POST", "/api/v1/users",
       With(NewUser(), {{"role", "patient"}, {"patient_id", "one"}}).dump(), 422},
      {"user update: active a string", admin, "PATCH", "/api/v1/users/{desk}",
       R"({"active":"yes"})", 422},
      {"user update: staff to patient", admin, "PATCH", "/api/v1/users/{desk}",
       R"({"role":"patient"})", 422},
      {"user update: short password", admin, "PATCH", "/api/v1/users/{desk}",
       R"({"password":"short"})", 422},
      {"user update: id not a number", admin, "PATCH", "/api/v1/users/desk", R"({"active":true})",
       404},
      {"user update: another clinic's user", admin, "PATCH", "/api/v1/users/{therapistb}",
       R"({"active":false})", 404},

      // Appointments: range listing.
      {"appointments: no from", desk, "GET", appointments + "?to=2026-12-08T00:00:00Z", "", 400},
      {"appointments: no range", desk, "GET", appointments, "", 400},
      {"appointments: from a date", desk, "GET",
       appointments + "?from=2026-12-01&to=2026-12-08T00:00:00Z", "", 400},
      {"appointments: to before from", desk, "GET",
       appointments + "?from=2026-12-08T00:00:00Z&to=2026-12-01T00:00:00Z", "", 400},
      {"appointments: 63 days", desk, "GET",
       appointments + "?from=2026-12-01T00:00:00Z&to=2027-02-02T00:00:00Z", "", 400},

      // Appointments: booking.
      {"booking: not JSON", desk, "POST", appointments, "{", 400},
      {"booking: no patient", desk, "POST", appointments,
       With(Booking(), {{"patient_id", nullptr}}).dump(), 422},
      {"booking: patient id a string", desk, "POST", appointments,
       With(Booking(), {{"patient_id", "one"}}).dump(), 422},
      {"booking: 10 minutes", desk, "POST", appointments, With(Booking(), {{"minutes", 10}}).dump(),
       422},
      {"booking: 181 minutes", desk, "POST", appointments,
       With(Booking(), {{"minutes", 181}}).dump(), 422},
      {"booking: minutes a string", desk, "POST", appointments,
       With(Booking(), {{"minutes", "60"}}).dump(), 422},
      {"booking: status done", desk, "POST", appointments,
       With(Booking(), {{"status", "done"}}).dump(), 422},
      {"booking: time without zone", desk, "POST", appointments,
       With(Booking(), {{"starts_at", "2026-12-02T10:00:00"}}).dump(), 422},
      {"booking: impossible date", desk, "POST", appointments,
       With(Booking(), {{"starts_at", "2026-02-30T10:00:00Z"}}).dump(), 422},
      {"booking: note too long", desk, "POST", appointments,
       With(Booking(), {{"note", std::string(2001, 'n')}}).dump(), 422},
      {"booking: another clinic's patient", desk, "POST", appointments,
       With(Booking(), {{"patient_id", "{pb}"}}).dump(), 404},
      {"booking: front desk as therapist", desk, "POST", appointments,
       With(Booking(), {{"therapist_id", "{desk}"}}).dump(), 422},
      {"booking: another clinic's therapist", desk, "POST", appointments,
       With(Booking(), {{"therapist_id", "{therapistb}"}}).dump(), 404},
      {"booking: another clinic's plan", desk, "POST", appointments,
       With(Booking(), {{"plan_id", "{planb}"}}).dump(), 404},
      {"booking: as a patient",
       Who::kPatient,
       "POST",
       appointments,
       Booking().dump(),
       403,
       {},
       true},

      // Appointments: status changes.
      {"appointment: no If-Match", desk, "PATCH", appointment, R"({"status":"booked"})", 428},
      {"appointment: stale If-Match",
       desk,
       "PATCH",
       appointment,
       R"({"status":"booked"})",
       409,
       {{"If-Match", "\"7\""}}},
      {"appointment: back to requested", desk, "PATCH", appointment, R"({"status":"requested"})",
       422, v1},
      {"appointment: unknown status", desk, "PATCH", appointment, R"({"status":"maybe"})", 422, v1},
      {"appointment: no status", desk, "PATCH", appointment, "{}", 422, v1},
      {"appointment: another clinic's", desk, "PATCH", "/api/v1/appointments/{appointmentb}",
       R"({"status":"booked"})", 404, v1},
      {"appointments of another clinic's patient", desk, "GET", pb + "/appointments", "", 404},

      // Appointment requests from the portal.
      {"request: for another patient", Who::kPatient, "POST",
       "/api/v1/patients/{p2}/appointment-requests", Request().dump(), 404},
      {"request: no time", Who::kPatient, "POST", p1 + "/appointment-requests",
       With(Request(), {{"starts_at", nullptr}}).dump(), 422},
      {"request: 5 minutes", Who::kPatient, "POST", p1 + "/appointment-requests",
       With(Request(), {{"minutes", 5}}).dump(), 422},
      {"request: in the past", Who::kPatient, "POST", p1 + "/appointment-requests",
       With(Request(), {{"starts_at", "2020-01-06T10:00:00Z"}}).dump(), 422},
      {"request: by front desk",
       desk,
       "POST",
       p1 + "/appointment-requests",
       Request().dump(),
       403,
       {},
       true},

      // Therapist profiles.
      {"profile: unknown technique", therapist, "PUT", "/api/v1/therapists/{therapist}/profile",
       With(Profile(), {{"modalities", {"reiki"}}}).dump(), 422},
      {"profile: modalities a string", therapist, "PUT", "/api/v1/therapists/{therapist}/profile",
       With(Profile(), {{"modalities", "swedish"}}).dump(), 422},
      {"profile: technique twice", therapist, "PUT", "/api/v1/therapists/{therapist}/profile",
       With(Profile(), {{"modalities", {"swedish", "swedish"}}}).dump(), 422},
      {"profile: 81 years", therapist, "PUT", "/api/v1/therapists/{therapist}/profile",
       With(Profile(), {{"years_experience", 81}}).dump(), 422},
      {"profile: more sciatica years than years", therapist, "PUT",
       "/api/v1/therapists/{therapist}/profile",
       With(Profile(), {{"sciatica_experience_years", 11}}).dump(), 422},
      {"profile: bio too long", therapist, "PUT", "/api/v1/therapists/{therapist}/profile",
       With(Profile(), {{"bio", std::string(4001, 'b')}}).dump(), 422},
      {"profile: someone else's", therapist, "PUT", "/api/v1/therapists/{admin}/profile",
       Profile().dump(), 403},
      {"profile: for the front desk", admin, "PUT", "/api/v1/therapists/{desk}/profile",
       Profile().dump(), 422},
      {"profile: another clinic's therapist", admin, "PUT",
       "/api/v1/therapists/{therapistb}/profile", Profile().dump(), 404},

      // API tokens.
      {"token: no name", admin, "POST", "/api/v1/tokens", "{}", 422},
      {"token: name too long", admin, "POST", "/api/v1/tokens",
       json({{"name", std::string(101, 't')}}).dump(), 422},
      {"token: name a number", admin, "POST", "/api/v1/tokens", R"({"name":5})", 422},
      {"token: by a therapist",
       therapist,
       "POST",
       "/api/v1/tokens",
       R"({"name":"x"})",
       403,
       {},
       true},
      {"token revoke: unknown id", admin, "DELETE", "/api/v1/tokens/424242", "", 404},
      {"token revoke: id not a number", admin, "DELETE", "/api/v1/tokens/abc", "", 404},
      {"token: write without CSRF token",
       admin,
       "POST",
       "/api/v1/tokens",
       R"({"name":"x"})",
       403,
       {{"X-CSRF-Token", ""}}},

      // Text a PostgreSQL text column cannot hold (NUL, broken UTF-8) and
      // numbers past the database's integer types: refused by name on every
      // backend, never passed on to become a database error.
      {"login: NUL in email", Who::kNobody, "POST", "/api/v1/session",
       R"({"email":"admin@a.test\u0000","password":"x"})", 422},
      {"patient: NUL in family name", desk, "POST", patients,
       With(Person(), {{"family_name", std::string("Lark\0spur", 9)}}).dump(), 422},
      {"update: NUL in notes", desk, "PUT", p1,
       With(Person(), {{"notes", std::string("a\0b", 3)}}).dump(), 422, v1},
      {"note: NUL in SOAP text", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"objective", std::string("tight\0", 6)}}).dump(), 422},
      {"booking: NUL in note", desk, "POST", appointments,
       With(Booking(), {{"note", std::string("\0", 1)}}).dump(), 422},
      {"profile: NUL in bio", therapist, "PUT", "/api/v1/therapists/{therapist}/profile",
       With(Profile(), {{"bio", std::string("calm\0", 5)}}).dump(), 422},
      {"token: NUL in name", admin, "POST", "/api/v1/tokens", R"({"name":"a\u0000b"})", 422},
      // Control characters in any text the API keeps, including the members
      // of a session note's adverse events (one checker: CheckedText).
      {"note: NUL in adverse event kind", therapist, "POST", p1 + "/sessions",
       With(Note(),
            {{"adverse_events", {{{"kind", std::string("sore\0", 5)}, {"severity", "mild"}}}}})
           .dump(),
       422},
      {"note: NUL in adverse event note", therapist, "POST", p1 + "/sessions",
       With(Note(),
            {{"adverse_events",
              {{{"kind", "soreness"}, {"severity", "mild"}, {"note", std::string("a\0b", 3)}}}}})
           .dump(),
       422},
      {"note: escape in adverse event note", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"adverse_events",
                      {{{"kind", "soreness"}, {"severity", "mild"}, {"note", "\x1b[2Jgone"}}}}})
           .dump(),
       422},
      {"note: line break in adverse event kind", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"adverse_events", {{{"kind", "sore\nness"}, {"severity", "mild"}}}}}).dump(),
       422},
      {"patient: line break in family name", desk, "POST", patients,
       With(Person(), {{"family_name", "Lark\nspur"}}).dump(), 422},
      {"token: tab in name", admin, "POST", "/api/v1/tokens", R"({"name":"a\tb"})", 422},
      {"note: bell in SOAP text", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"subjective", "ring\x07"}}).dump(), 422},
      {"user: NUL in display name", admin, "POST", "/api/v1/users",
       With(NewUser(), {{"display_name", std::string("N\0ew", 4)}}).dump(), 422},
      {"user: NUL in email", admin, "POST", "/api/v1/users",
       With(NewUser(), {{"email", std::string("new\0@a.test", 11)}}).dump(), 422},
      {"list: NUL in search", desk, "GET", patients + "?search=Ada%00", "", 400},
      {"list: broken UTF-8 in search", desk, "GET", patients + "?search=%FF%FEAda", "", 400},
      {"audit: broken UTF-8 in action", admin, "GET", "/api/v1/audit?action=%C3%28", "", 400},
      {"audit: NUL in action", admin, "GET", "/api/v1/audit?action=read%00", "", 400},
      {"audit: from not a time", admin, "GET", "/api/v1/audit?from=yesterday", "", 400},
      {"audit: patient id overflows", admin, "GET", "/api/v1/audit?patient_id=99999999999999999999",
       "", 400},
      {"audit: user id past int64", admin, "GET", "/api/v1/audit?user_id=9223372036854775808", "",
       400},
      {"appointments: NUL in from", desk, "GET",
       appointments + "?from=2026-12-01T00:00:00Z%00&to=2026-12-08T00:00:00Z", "", 400},
      {"note: leg pain past int32", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"leg_pain_before", 4294967301LL}}).dump(), 422},
      {"booking: minutes past int32", desk, "POST", appointments,
       With(Booking(), {{"minutes", 2147483708LL}}).dump(), 422},
      {"booking: patient id past int64", desk, "POST", appointments,
       R"({"patient_id":18446744073709551615,"therapist_id":"{therapist}",)"
       R"("starts_at":"2026-12-02T10:00:00Z","minutes":60,"status":"booked"})",
       422},
      {"booking: therapist id a huge float", desk, "POST", appointments,
       With(Booking(), {{"therapist_id", 1e300}}).dump(), 422},
      {"profile: years past int32", therapist, "PUT", "/api/v1/therapists/{therapist}/profile",
       With(Profile(), {{"years_experience", 4294967306LL}}).dump(), 422},
      {"user: patient id past int64", admin, "POST", "/api/v1/users",
       With(NewUser(), {{"role", "patient"}, {"patient_id", 18446744073709551615ULL}}).dump(), 404},
      {"read: id is int64 max", desk, "GET", patients + "/9223372036854775807", "", 404},
      {"note: plan id past int64", therapist, "POST", p1 + "/sessions",
       With(Note(), {{"plan_id", 18446744073709551615ULL}}).dump(), 422},

      // Routing.
      {"unknown route", Who::kNobody, "GET", "/api/v1/nothing", "", 404},
      {"wrong method", therapist, "DELETE", patients, "", 405},
  };
}

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
}  // namespace sciaticare::testing
