// A patient's request to move an appointment over real HTTP, on both stores:
// asked in the portal only before the clinic's notice period, within its
// opening hours and in the future (refused in plain words otherwise); the
// front desk sees it with its clash, accepts it (the appointment moves
// through the reschedule path, its change history keeping the old time) or
// declines it with a reason the patient reads; another patient cannot touch
// it. Portal appointment requests keep the same opening-hours rule.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/utc_time.h"
#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class MoveRequestApiTest : public ClinicApiFixture {
 protected:
  // The clinic opens 09:00-17:00 on weekdays in London; 2031-03-04 is a Tuesday.
  void SetUp() override {
    ClinicApiFixture::SetUp();
    OpenWeekdays();
  }
  void OpenWeekdays() {
    store::ClinicSettings s;
    s.clinic_id = clinic_a_.id;
    s.time_zone = "Europe/London";
    for (int weekday = 0; weekday < 5; ++weekday) {
      s.opening_hours.push_back({weekday, 9 * 60, 17 * 60});
    }
    s.closed_days = {"2031-03-05"};
    s.version = store_->GetClinicSettings(clinic_a_.id).value().version;
    ASSERT_TRUE(store_->PutClinicSettings(s).ok());
  }
  HttpResult Ask(ApiClient& who, store::Id patient, store::Id appointment,
                 const std::string& local) {
    return who.Post(
        PatientPath(patient, "/appointments/" + std::to_string(appointment) + "/move-request"),
        {{"starts_at_local", local}, {"note", "school run"}});
  }
  static std::map<std::string, std::string> Version(int v) {
    return {{"If-Match", "\"" + std::to_string(v) + "\""}};
  }
  static std::string Message(const HttpResult& r) {
    return BodyOf(r)["error"]["message"].get<std::string>();
  }
};

INSTANTIATE_TEST_SUITE_P(Store, MoveRequestApiTest, AllApiBackends(), ApiBackendName);

TEST_P(MoveRequestApiTest, AcceptedMoveReschedulesAndKeepsTheOldTime) {
  auto portal = As("p1@a.test");
  const store::Appointment a = Booked(patient1_.id, "2031-03-04T09:00:00Z");
  HttpResult asked = Ask(*portal, patient1_.id, a.id, "2031-03-06T14:00");
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(BodyOf(asked)["status"], "pending");
  EXPECT_EQ(BodyOf(asked)["wanted_starts_at"], "2031-03-06T14:00:00Z");  // GMT in March.
  // The same appointment cannot be asked twice while the first waits.
  EXPECT_EQ(Ask(*portal, patient1_.id, a.id, "2031-03-07T14:00").status, 409);

  auto desk = As("desk@a.test");
  const json pending = BodyOf(desk->Get("/api/v1/move-requests?status=pending"))["items"];
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0]["patient_name"], patient1_.given_name + " " + patient1_.family_name);
  EXPECT_EQ(pending[0]["clash"], nullptr);
  const std::string id = pending[0]["id"].dump();
  HttpResult accepted = desk->Post("/api/v1/move-requests/" + id + "/accept", json::object(),
                                   Version(pending[0]["version"].get<int>()));
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(BodyOf(accepted)["status"], "accepted");
  EXPECT_EQ(store_->GetAppointment(clinic_a_.id, a.id).value().starts_at, "2031-03-06T14:00:00Z");
  const json changes =
      BodyOf(desk->Get("/api/v1/appointments/" + std::to_string(a.id) + "/changes"))["items"];
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0]["kind"], "rescheduled");
  EXPECT_EQ(changes[0]["old_starts_at"], "2031-03-04T09:00:00Z");
  EXPECT_EQ(changes[0]["reason"], "patient_request");
  EXPECT_EQ(changes[0]["changed_by"], desk_.id);
  // Answered once.
  EXPECT_EQ(
      desk->Post("/api/v1/move-requests/" + id + "/decline", {{"reason_text", "no"}}, Version(2))
          .status,
      409);
  const json mine = BodyOf(portal->Get(PatientPath(patient1_.id, "/move-requests")))["items"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["status"], "accepted");
}

TEST_P(MoveRequestApiTest, DeclinedMoveKeepsTheTimeAndThePatientReadsWhy) {
  auto portal = As("p1@a.test");
  const store::Appointment a = Booked(patient1_.id, "2031-03-04T09:00:00Z");
  // Another patient holds the wanted slot: the front desk sees the clash by name.
  Booked(patient2_.id, "2031-03-06T14:00:00Z");
  HttpResult asked = Ask(*portal, patient1_.id, a.id, "2031-03-06T14:30");
  ASSERT_EQ(asked.status, 201) << asked.body;
  auto desk = As("desk@a.test");
  const json pending = BodyOf(desk->Get("/api/v1/move-requests?status=pending"))["items"];
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_THAT(pending[0]["clash"].get<std::string>(),
              HasSubstr("already booked with " + patient2_.given_name));
  const std::string path = "/api/v1/move-requests/" + pending[0]["id"].dump();
  // Accepting it runs the booking's checks: refused, nothing moved.
  HttpResult taken = desk->Post(path + "/accept", json::object(), Version(1));
  EXPECT_EQ(taken.status, 409) << taken.body;
  EXPECT_EQ(store_->GetAppointment(clinic_a_.id, a.id).value().starts_at, "2031-03-04T09:00:00Z");
  // A decline says why.
  EXPECT_EQ(desk->Post(path + "/decline", json::object(), Version(1)).status, 422);
  HttpResult declined = desk->Post(path + "/decline",
                                   {{"reason_text", "That hour is taken; try Friday"}}, Version(1));
  ASSERT_EQ(declined.status, 200) << declined.body;
  const json mine = BodyOf(portal->Get(PatientPath(patient1_.id, "/move-requests")))["items"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["status"], "declined");
  EXPECT_EQ(mine[0]["answer_text"], "That hour is taken; try Friday");
  EXPECT_FALSE(mine[0].contains("patient_name"));
  EXPECT_EQ(store_->GetAppointment(clinic_a_.id, a.id).value().starts_at, "2031-03-04T09:00:00Z");
  EXPECT_TRUE(store_->ListAppointmentChanges(clinic_a_.id, a.id).value().empty());
}

TEST_P(MoveRequestApiTest, RefusedInPlainWordsInsideNoticeOutsideHoursAndInThePast) {
  auto portal = As("p1@a.test");
  const store::Appointment far = Booked(patient1_.id, "2031-03-04T09:00:00Z");
  // Within the notice period (24 hours): phone the clinic.
  const std::string soon_at = FormatUtc(*UtcSeconds(api::UtcNow()) + 3 * 3600);
  store::ClinicSettings always;  // No opening hours: the soon booking fits at any hour.
  always.clinic_id = clinic_a_.id;
  always.version = store_->GetClinicSettings(clinic_a_.id).value().version;
  ASSERT_TRUE(store_->PutClinicSettings(always).ok());
  const store::Appointment soon = Booked(patient1_.id, soon_at.substr(0, 14) + "00:00Z");
  OpenWeekdays();  // The clinic's hours again.
  HttpResult late = Ask(*portal, patient1_.id, soon.id, "2031-03-06T14:00");
  ASSERT_EQ(late.status, 409) << late.body;
  EXPECT_THAT(Message(late), HasSubstr("notice period of 24 hours"));
  EXPECT_THAT(Message(late), HasSubstr("phone the clinic"));

  HttpResult evening = Ask(*portal, patient1_.id, far.id, "2031-03-06T18:00");
  ASSERT_EQ(evening.status, 422) << evening.body;
  EXPECT_THAT(Message(evening), HasSubstr("outside the clinic's opening hours"));
  HttpResult closed = Ask(*portal, patient1_.id, far.id, "2031-03-05T10:00");
  ASSERT_EQ(closed.status, 422) << closed.body;
  EXPECT_THAT(Message(closed), HasSubstr("The clinic is closed on"));
  HttpResult gone = Ask(*portal, patient1_.id, far.id, "2020-03-05T10:00");
  ASSERT_EQ(gone.status, 422) << gone.body;
  EXPECT_THAT(Message(gone), HasSubstr("still to come"));
  for (const HttpResult* r : {&evening, &closed, &gone}) {
    EXPECT_THAT(Message(*r), Not(HasSubstr("UTC")));
    EXPECT_THAT(Message(*r), Not(HasSubstr("starts_at")));
  }
  EXPECT_TRUE(store_->ListMoveRequests(clinic_a_.id, patient1_.id).value().empty());
}

TEST_P(MoveRequestApiTest, AnotherPatientCannotAskOrReadAndStaffCannotAsk) {
  const store::Appointment a = Booked(patient1_.id, "2031-03-04T09:00:00Z");
  auto other = As("p2@a.test");
  EXPECT_EQ(Ask(*other, patient1_.id, a.id, "2031-03-06T14:00").status, 404);
  EXPECT_EQ(Ask(*other, patient2_.id, a.id, "2031-03-06T14:00").status, 404);
  EXPECT_EQ(other->Get(PatientPath(patient1_.id, "/move-requests")).status, 404);
  auto desk = As("desk@a.test");
  EXPECT_EQ(Ask(*desk, patient1_.id, a.id, "2031-03-06T14:00").status, 403);
  EXPECT_TRUE(store_->ListMoveRequests(clinic_a_.id, std::nullopt).value().empty());
}

// The portal's own request for an appointment keeps the clinic's hours: a
// closed day or an evening is the patient's input, 422 in plain words.
TEST_P(MoveRequestApiTest, PortalRequestsOutsideOpeningHoursAre422InPlainWords) {
  auto portal = As("p1@a.test");
  const std::string path = PatientPath(patient1_.id, "/appointment-requests");
  HttpResult evening =
      portal->Post(path, {{"starts_at_local", "2031-03-06T18:00"}, {"minutes", 45}});
  ASSERT_EQ(evening.status, 422) << evening.body;
  EXPECT_THAT(Message(evening), HasSubstr("outside the clinic's opening hours"));
  HttpResult closed =
      portal->Post(path, {{"starts_at_local", "2031-03-05T10:00"}, {"minutes", 45}});
  ASSERT_EQ(closed.status, 422) << closed.body;
  EXPECT_THAT(Message(closed), HasSubstr("closed"));
  HttpResult open = portal->Post(path, {{"starts_at_local", "2031-03-06T10:00"}, {"minutes", 45}});
  EXPECT_EQ(open.status, 201) << open.body;
}

// Patients read the clinic's zone, hours and notice period (not the rest).
TEST_P(MoveRequestApiTest, PatientsReadTheClinicsHours) {
  auto portal = As("p1@a.test");
  HttpResult hours = portal->Get("/api/v1/clinic/hours");
  ASSERT_EQ(hours.status, 200) << hours.body;
  EXPECT_EQ(BodyOf(hours)["time_zone"], "Europe/London");
  EXPECT_EQ(BodyOf(hours)["notice_hours"], 24);
  EXPECT_EQ(BodyOf(hours)["opening_hours"].size(), 5u);
  EXPECT_EQ(BodyOf(hours)["closed_days"][0], "2031-03-05");
  EXPECT_EQ(portal->Get("/api/v1/clinic/settings").status, 403);
}

}  // namespace
}  // namespace sciaticare::testing
