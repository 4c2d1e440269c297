// Changing appointments over real HTTP, on both stores: a front desk cancels
// only with a reason (kept with who and when, audited), moves an appointment
// keeping its old time (refused over a held slot by name, and for a
// referred patient), the freed slot is offered to the waiting list with a
// one-action booking, and a patient cancels their own appointment in the
// portal only before the clinic's notice period.
// A request the clinic declines carries its words to the patient.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/utc_time.h"
#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

using ::testing::HasSubstr;

class AppointmentChangeApiTest : public ClinicApiFixture {
 protected:
  // The fixture's Booked, as the {id, path} the calls below take.
  json BookedRef(store::Id patient, const std::string& at) {
    const store::Appointment made = Booked(patient, at);
    return {{"id", made.id}, {"path", "/api/v1/appointments/" + std::to_string(made.id)}};
  }
  static std::map<std::string, std::string> Version(int v) {
    return {{"If-Match", "\"" + std::to_string(v) + "\""}};
  }
};

INSTANTIATE_TEST_SUITE_P(Store, AppointmentChangeApiTest, AllApiBackends(), ApiBackendName);

TEST_P(AppointmentChangeApiTest, CancellingNeedsAReasonAndKeepsWhoAndWhen) {
  auto desk = As("desk@a.test");
  const json a = BookedRef(patient1_.id, "2031-03-04T09:00:00Z");
  const std::string path = a["path"];
  HttpResult bare = desk->Post(path + "/cancel", json::object(), Version(1));
  ASSERT_EQ(bare.status, 422) << bare.body;
  EXPECT_EQ(BodyOf(bare)["error"]["field"], "reason");
  // The status change route keeps the same rule.
  HttpResult patch = desk->Send("PATCH", path, json({{"status", "cancelled"}}).dump(), Version(1));
  EXPECT_EQ(patch.status, 422) << patch.body;
  EXPECT_EQ(store_->GetAppointment(clinic_a_.id, a["id"]).value().status,
            store::AppointmentStatus::kBooked);

  HttpResult done = desk->Post(path + "/cancel",
                               {{"reason", "patient_unwell"}, {"reason_text", "flu"}}, Version(1));
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(BodyOf(done)["status"], "cancelled");
  const json changes = BodyOf(desk->Get(path + "/changes"))["items"];
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0]["reason"], "patient_unwell");
  EXPECT_EQ(changes[0]["reason_text"], "flu");
  EXPECT_EQ(changes[0]["changed_by"], desk_.id);
  EXPECT_EQ(changes[0]["late"], false);
}

TEST_P(AppointmentChangeApiTest, RescheduleKeepsTheOldTimeAndRefusesByName) {
  auto desk = As("desk@a.test");
  const json a = BookedRef(patient1_.id, "2031-03-04T09:00:00Z");
  BookedRef(patient2_.id, "2031-03-04T11:00:00Z");
  const std::string path = a["path"];
  HttpResult clash =
      desk->Post(path + "/reschedule",
                 {{"starts_at", "2031-03-04T11:30:00Z"}, {"reason", "transport"}}, Version(1));
  ASSERT_EQ(clash.status, 409) << clash.body;
  EXPECT_THAT(BodyOf(clash)["error"]["message"].get<std::string>(),
              HasSubstr("is already booked with " + patient2_.given_name));
  HttpResult moved =
      desk->Post(path + "/reschedule",
                 {{"starts_at", "2031-03-04T13:00:00Z"}, {"reason", "transport"}}, Version(1));
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(BodyOf(moved)["starts_at"], "2031-03-04T13:00:00Z");
  const json changes = BodyOf(desk->Get(path + "/changes"))["items"];
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0]["kind"], "rescheduled");
  EXPECT_EQ(changes[0]["old_starts_at"], "2031-03-04T09:00:00Z");
}

TEST_P(AppointmentChangeApiTest, AReferredPatientsTreatmentCannotBeMoved) {
  auto therapist = As("therapist@a.test");
  const json a = BookedRef(patient1_.id, "2031-03-04T09:00:00Z");
  CreateAssessment(*therapist, patient1_.id, "cauda_equina");
  HttpResult refused =
      therapist->Post(a["path"].get<std::string>() + "/reschedule",
                      {{"starts_at", "2031-03-05T09:00:00Z"}, {"reason", "transport"}}, Version(1));
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(store_->GetAppointment(clinic_a_.id, a["id"]).value().starts_at,
            "2031-03-04T09:00:00Z");
}

TEST_P(AppointmentChangeApiTest, AFreedSlotIsOfferedByNameAndBookedInOneAction) {
  auto desk = As("desk@a.test");
  const json a = BookedRef(patient2_.id, "2031-03-04T09:00:00Z");
  HttpResult added = desk->Post("/api/v1/waiting-list", {{"patient_id", patient1_.id},
                                                         {"earliest", "2031-03-04T08:00:00Z"},
                                                         {"latest", "2031-03-04T12:00:00Z"},
                                                         {"minutes", 45}});
  ASSERT_EQ(added.status, 201) << added.body;
  ASSERT_EQ(desk->Post(a["path"].get<std::string>() + "/cancel", {{"reason", "other"}}, Version(1))
                .status,
            200);
  const json offered = BodyOf(desk->Get("/api/v1/waiting-list?status=offered"))["items"];
  ASSERT_EQ(offered.size(), 1u);
  const std::string patient = patient1_.given_name + " " + patient1_.family_name;
  EXPECT_THAT(offered[0]["offer"]["text"].get<std::string>(), HasSubstr("to " + patient));
  EXPECT_THAT(offered[0]["offer"]["text"].get<std::string>(), HasSubstr("09:00"));
  HttpResult booked = desk->Post("/api/v1/waiting-list/" + offered[0]["id"].dump() + "/book",
                                 json::object(), Version(offered[0]["version"].get<int>()));
  ASSERT_EQ(booked.status, 200) << booked.body;
  EXPECT_EQ(BodyOf(booked)["status"], "booked");
  const auto made =
      store_->GetAppointment(clinic_a_.id, BodyOf(booked)["appointment_id"].get<store::Id>());
  EXPECT_EQ(made.value().patient_id, patient1_.id);
  EXPECT_EQ(made.value().starts_at, "2031-03-04T09:00:00Z");
}

TEST_P(AppointmentChangeApiTest, APatientCancelsOnlyBeforeTheNoticePeriod) {
  auto portal = As("p1@a.test");
  const json far = BookedRef(patient1_.id, "2031-03-04T09:00:00Z");
  const std::string soon_at = FormatUtc(*UtcSeconds(api::UtcNow()) + 3 * 3600);
  const json soon = BookedRef(patient1_.id, soon_at.substr(0, 14) + "00:00Z");
  auto cancel = [&](const json& a) {
    return portal->Post(PatientPath(patient1_.id, "/appointments/" + a["id"].dump() + "/cancel"),
                        {{"reason", "work_or_family"}});
  };
  HttpResult late = cancel(soon);
  ASSERT_EQ(late.status, 409) << late.body;
  EXPECT_EQ(BodyOf(late)["error"]["field"], "starts_at");
  EXPECT_THAT(BodyOf(late)["error"]["message"].get<std::string>(),
              HasSubstr("notice period of 24 hours"));
  EXPECT_THAT(BodyOf(late)["error"]["message"].get<std::string>(), HasSubstr("phone the clinic"));
  HttpResult ok = cancel(far);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(BodyOf(ok)["status"], "cancelled");
  // Another patient's login cannot reach it.
  auto other = As("p2@a.test");
  EXPECT_EQ(other
                ->Post(PatientPath(patient1_.id, "/appointments/" + soon["id"].dump() + "/cancel"),
                       {{"reason", "other"}})
                .status,
            404);
}

}  // namespace
}  // namespace sciaticare::testing

namespace sciaticare::testing {
namespace {

// A declined request (issue 16): the front desk says why, and the patient
// reads "declined" with those words, not a bare "cancelled".
TEST_P(AppointmentChangeApiTest, ADeclinedRequestTellsThePatientTheClinicsReason) {
  auto portal = As("p1@a.test");
  auto desk = As("desk@a.test");
  HttpResult asked = portal->Post(PatientPath(patient1_.id, "/appointment-requests"),
                                  {{"starts_at", "2031-03-04T09:00:00Z"}, {"minutes", 45}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  const std::string path = "/api/v1/appointments/" + BodyOf(asked)["id"].dump();
  // Without words for the patient, nothing is declined, on either route.
  HttpResult bare = desk->Send("PATCH", path, json({{"status", "cancelled"}}).dump(), Version(1));
  ASSERT_EQ(bare.status, 422) << bare.body;
  EXPECT_EQ(BodyOf(bare)["error"]["field"], "reason_text");
  EXPECT_EQ(desk->Post(path + "/cancel", json::object(), Version(1)).status, 422);
  // The server's own mark cannot be chosen.
  EXPECT_EQ(desk->Post(path + "/cancel", {{"reason", "request_declined"}}, Version(1)).status, 422);
  EXPECT_EQ(
      store_->GetAppointment(clinic_a_.id, BodyOf(asked)["id"].get<store::Id>()).value().status,
      store::AppointmentStatus::kRequested);

  HttpResult declined = desk->Send(
      "PATCH", path,
      json({{"status", "cancelled"}, {"reason_text", "The therapist is away that week"}}).dump(),
      Version(1));
  ASSERT_EQ(declined.status, 200) << declined.body;
  const json mine = BodyOf(portal->Get(PatientPath(patient1_.id, "/appointments")))["items"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["status"], "cancelled");
  EXPECT_EQ(mine[0]["declined_reason"], "The therapist is away that week");
  const json changes = BodyOf(desk->Get(path + "/changes"))["items"];
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0]["reason"], "request_declined");

  // A booking the front desk cancels is no declined request.
  const json booked = BookedRef(patient1_.id, "2031-03-05T09:00:00Z");
  ASSERT_EQ(desk->Post(booked["path"].get<std::string>() + "/cancel",
                       {{"reason", "clinic_closed"}, {"reason_text", "heating broken"}}, Version(1))
                .status,
            200);
  for (const json& a : BodyOf(portal->Get(PatientPath(patient1_.id, "/appointments")))["items"]) {
    if (a["id"] == booked["id"]) {
      EXPECT_TRUE(a["declined_reason"].is_null()) << a;
    }
  }
}

}  // namespace
}  // namespace sciaticare::testing
