// Issue 15, on both stores: after a run of a clinic's typical work (a new
// patient and their details, an intake draft, consent, an assessment, a plan
// revised and approved, a note signed and amended, appointments moved,
// cancelled and booked from the waiting list, a patient's move request, the
// schedule and attention lists, a refused look at another record), every
// "Detail" of the audit log is a plain sentence: names and the clinic's
// clock, never a bare record number, a field id or key=value notation.
#include <gtest/gtest.h>

#include "http/audit_words.h"
#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

class AuditWordsApiTest : public ClinicApiFixture {
 protected:
  static std::map<std::string, std::string> Version(const json& record) {
    return {{"If-Match", "\"" + std::to_string(record["version"].get<int>()) + "\""}};
  }
  store::Appointment Booked(store::Id patient, const std::string& at) {
    store::Appointment a;
    a.clinic_id = clinic_a_.id;
    a.patient_id = patient;
    a.therapist_id = therapist_.id;
    a.starts_at = at;
    a.minutes = 60;
    a.status = store::AppointmentStatus::kBooked;
    return store_->CreateAppointment(a).value();
  }
  static std::string AppointmentPath(const store::Appointment& a, const std::string& suffix) {
    return "/api/v1/appointments/" + std::to_string(a.id) + suffix;
  }
  static std::map<std::string, std::string> First() { return {{"If-Match", "\"1\""}}; }
  static json OpenWeekdays() {
    json hours = json::array();
    for (const char* day : {"monday", "tuesday", "wednesday", "thursday", "friday"}) {
      hours.push_back({{"weekday", day}, {"opens", "09:00"}, {"closes", "17:00"}});
    }
    return hours;
  }
};

INSTANTIATE_TEST_SUITE_P(Store, AuditWordsApiTest, AllApiBackends(), ApiBackendName);

// Sends `call` and stops the test unless it answered `want`.
#define OK(call, want)                     \
  do {                                     \
    const HttpResult r_ = (call);          \
    ASSERT_EQ(r_.status, want) << r_.body; \
  } while (0)

TEST_P(AuditWordsApiTest, ATypicalRunOfWorkIsAuditedInPlainWords) {
  auto admin = As("admin@a.test");
  auto desk = As("desk@a.test");
  auto therapist = As("therapist@a.test");
  auto portal = As("p1@a.test");
  // The clinic's clock and week: London, open on weekdays (2031-03-04 is a Tuesday).
  OK(admin->Put("/api/v1/clinic/settings", {{"time_zone", "Europe/London"},
                                            {"opening_hours", OpenWeekdays()},
                                            {"closed_days", json::array()}}),
     200);

  // A new patient, found by name and their phone number changed.
  HttpResult created = desk->Post("/api/v1/patients", {{"given_name", "Wren"},
                                                       {"family_name", "Ashby"},
                                                       {"date_of_birth", "1980-04-02"},
                                                       {"sex", "female"}});
  ASSERT_EQ(created.status, 201) << created.body;
  json wren = BodyOf(created);
  const store::Id wren_id = wren["id"].get<store::Id>();
  OK(desk->Get("/api/v1/patients?search=Ashby"), 200);
  wren["phone"] = "+44 20 7946 0000";
  OK(desk->Put(PatientPath(wren_id), wren, Version(wren)), 200);

  // The intake typed, kept as a draft, then discarded; consent recorded.
  OK(therapist->Put(PatientPath(patient1_.id, "/intake-draft"), {{"state", {{"step", 2}}}}), 200);
  OK(therapist->Get(PatientPath(patient1_.id, "/intake-draft")), 200);
  OK(therapist->Send("DELETE", PatientPath(patient1_.id, "/intake-draft")), 200);
  OK(therapist->Post(PatientPath(patient1_.id, "/consents"),
                     {{"treatment", true}, {"areas", {"buttock"}}, {"form", "written"}}),
     201);
  OK(therapist->Get(PatientPath(patient1_.id, "/consents")), 200);

  // Assessed; the draft plan revised and the revision approved.
  const json assessed = CreateAssessment(*therapist, patient1_.id, "s1_pattern");
  ASSERT_TRUE(assessed["plan"].is_object()) << assessed;
  const std::string v1 = std::to_string(assessed["plan"]["id"].get<long long>());
  json lighter = assessed["plan"]["plan"];
  lighter["techniques"][0]["pressure"] = 1;
  HttpResult revised = therapist->Post("/api/v1/plans/" + v1 + "/revisions",
                                       {{"plan", lighter}, {"note", "lighter start"}}, First());
  ASSERT_EQ(revised.status, 201) << revised.body;
  const std::string v2 = std::to_string(BodyOf(revised)["id"].get<long long>());
  OK(therapist->Send("POST", "/api/v1/plans/" + v2 + "/approve", "", First()), 200);

  // A note written, signed, amended, and its first version read.
  HttpResult written = therapist->Post(PatientPath(patient1_.id, "/sessions"),
                                       {{"occurred_at", "2026-11-24T10:00:00Z"},
                                        {"subjective", "calf pain eased"},
                                        {"leg_pain_before", 6},
                                        {"leg_pain_after", 4}});
  ASSERT_EQ(written.status, 201) << written.body;
  json note = BodyOf(written);
  const std::string note_path = "/api/v1/sessions/" + std::to_string(note["id"].get<long long>());
  HttpResult signed_note = therapist->Post(note_path + "/sign", json::object(), Version(note));
  ASSERT_EQ(signed_note.status, 200) << signed_note.body;
  note = BodyOf(signed_note);
  OK(therapist->Post(note_path + "/amendments",
                     {{"reason", "pain after was misheard"}, {"leg_pain_after", 3}}, Version(note)),
     201);
  OK(therapist->Get(note_path + "/versions/1"), 200);

  // Appointments moved, cancelled, marked, and a freed slot booked from the waiting list.
  const store::Appointment moved = Booked(patient1_.id, "2031-03-04T09:00:00Z");
  OK(desk->Post(AppointmentPath(moved, "/reschedule"),
                {{"starts_at", "2031-03-04T13:00:00Z"}, {"reason", "transport"}}, First()),
     200);
  OK(desk->Post(AppointmentPath(moved, "/cancel"),
                {{"reason", "patient_unwell"}, {"reason_text", "flu"}}, {{"If-Match", "\"2\""}}),
     200);
  const store::Appointment done = Booked(patient2_.id, "2031-03-07T10:00:00Z");
  OK(desk->Send("PATCH", AppointmentPath(done, ""), json({{"status", "done"}}).dump(), First()),
     200);
  const store::Appointment freed = Booked(patient2_.id, "2031-03-04T15:00:00Z");
  OK(desk->Post("/api/v1/waiting-list", {{"patient_id", patient1_.id},
                                         {"earliest", "2031-03-04T14:00:00Z"},
                                         {"latest", "2031-03-04T17:00:00Z"},
                                         {"minutes", 45}}),
     201);
  OK(desk->Post(AppointmentPath(freed, "/cancel"), {{"reason", "other"}}, First()), 200);
  const json offered = BodyOf(desk->Get("/api/v1/waiting-list?status=offered"))["items"];
  ASSERT_EQ(offered.size(), 1u) << offered;
  OK(desk->Post("/api/v1/waiting-list/" + offered[0]["id"].dump() + "/book", json::object(),
                Version(offered[0])),
     200);

  // A patient asks to move an appointment; the desk accepts.
  const store::Appointment asked = Booked(patient2_.id, "2031-03-10T09:00:00Z");
  auto portal2 = As("p2@a.test");
  OK(portal2->Post(
         PatientPath(patient2_.id, "/appointments/" + std::to_string(asked.id) + "/move-request"),
         {{"starts_at_local", "2031-03-12T14:00"}, {"note", "school run"}}),
     201);
  const json pending = BodyOf(desk->Get("/api/v1/move-requests?status=pending"))["items"];
  ASSERT_EQ(pending.size(), 1u) << pending;
  OK(desk->Post("/api/v1/move-requests/" + pending[0]["id"].dump() + "/accept", json::object(),
                Version(pending[0])),
     200);

  // The lists the day starts with, and a refused look at another patient's record.
  OK(therapist->Get("/api/v1/appointments?from=2031-03-02T00:00:00Z&to=2031-03-09T00:00:00Z"
                    "&patient_id=" +
                    std::to_string(patient1_.id)),
     200);
  OK(therapist->Get("/api/v1/attention"), 200);
  EXPECT_EQ(portal->Get(PatientPath(patient2_.id)).status, 404);

  store::AuditQuery with_detail;
  with_detail.page.limit = store::kMaxPageSize;
  int detailed = 0;
  const auto trail = store_->ListAudit(clinic_a_.id, with_detail);
  ASSERT_TRUE(trail.ok());
  for (const store::AuditEntry& e : trail.value().items) {
    detailed += e.detail.empty() ? 0 : 1;
  }
  EXPECT_GE(detailed, 15);  // The run wrote details to check.
  EXPECT_EQ(UnplainAuditDetails(*store_, clinic_a_.id), std::vector<std::string>{});
}

}  // namespace
}  // namespace sciaticare::testing
