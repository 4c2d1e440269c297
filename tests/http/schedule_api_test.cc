// Scheduling over real HTTP: booking and listing appointments by range, a
// stale status change (409), a patient's request that the front desk books.
// Therapist profiles and API tokens: staff_api_test.cc.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "http/schedule_api_test_fixture.h"

namespace sciaticare::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

INSTANTIATE_TEST_SUITE_P(Store, ScheduleApiTest, AllApiBackends(), ApiBackendName);

TEST_P(ScheduleApiTest, BookAndListByRange) {
  auto desk = As("desk@a.test");
  HttpResult first = desk->Post("/api/v1/appointments", Booking("2026-12-01T09:00:00Z"));
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.headers["etag"], "\"1\"");
  const json a = BodyOf(first);
  EXPECT_EQ(a["status"], "booked");
  EXPECT_EQ(a["minutes"], 60);
  EXPECT_EQ(a["patient_id"], patient1_.id);
  EXPECT_EQ(a["therapist_id"], therapist_.id);
  EXPECT_EQ(a["note"], "first session");
  ASSERT_EQ(desk->Post("/api/v1/appointments", Booking("2026-12-20T09:00:00Z")).status, 201);

  auto therapist = As("therapist@a.test");
  HttpResult week =
      therapist->Get("/api/v1/appointments?from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00Z");
  ASSERT_EQ(week.status, 200) << week.body;
  ASSERT_EQ(BodyOf(week)["items"].size(), 1u);
  EXPECT_EQ(BodyOf(week)["items"][0]["id"], a["id"]);
  // The calendar reads the patient's name from the same answer.
  EXPECT_EQ(BodyOf(week)["items"][0]["patient_name"],
            patient1_.given_name + " " + patient1_.family_name);
  HttpResult month =
      therapist->Get("/api/v1/appointments?from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z");
  ASSERT_EQ(BodyOf(month)["items"].size(), 2u);
  EXPECT_EQ(therapist->Get("/api/v1/appointments?from=2026-12-01T00:00:00Z&to=2027-03-01T00:00:00Z")
                .status,
            400);

  // Clinic B sees none of it.
  auto other = As("therapist@b.test");
  HttpResult theirs =
      other->Get("/api/v1/appointments?from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z");
  ASSERT_EQ(theirs.status, 200);
  EXPECT_TRUE(BodyOf(theirs)["items"].empty());

  // The patient sees their own, through their record.
  auto patient = As("p1@a.test");
  HttpResult own = patient->Get(PatientPath(patient1_.id, "/appointments"));
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(BodyOf(own)["items"].size(), 2u);
  EXPECT_EQ(As("p2@a.test")->Get(PatientPath(patient1_.id, "/appointments")).status, 404);

  EXPECT_EQ(AuditOf("create").size(), 2u);
  bool listed_own = false;
  for (const json& e : AuditOf("list")) {
    listed_own |= e["entity"] == "appointment" && e["patient_id"] == patient1_.id &&
                  e["user_id"] == patient1_user_.id;
  }
  EXPECT_TRUE(listed_own);
}

TEST_P(ScheduleApiTest, StalePatchIsAConflictAndStoresNothing) {
  auto desk = As("desk@a.test");
  HttpResult created =
      desk->Post("/api/v1/appointments", Booking("2026-12-01T09:00:00Z", "requested"));
  ASSERT_EQ(created.status, 201);
  const std::string path = "/api/v1/appointments/" + BodyOf(created)["id"].dump();
  HttpResult booked =
      desk->Send("PATCH", path, json({{"status", "booked"}}).dump(), {{"If-Match", "\"1\""}});
  ASSERT_EQ(booked.status, 200) << booked.body;
  EXPECT_EQ(BodyOf(booked)["status"], "booked");
  EXPECT_EQ(booked.headers["etag"], "\"2\"");

  auto therapist = As("therapist@a.test");
  HttpResult stale = therapist->Send("PATCH", path, json({{"status", "cancelled"}}).dump(),
                                     {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(BodyOf(stale)["error"]["status"], 409);
  const auto stored =
      store_->GetAppointment(clinic_a_.id, BodyOf(created)["id"].get<store::Id>()).value();
  EXPECT_EQ(stored.status, store::AppointmentStatus::kBooked);
  EXPECT_EQ(stored.version, 2);

  HttpResult done =
      therapist->Send("PATCH", path, json({{"status", "done"}}).dump(), {{"If-Match", "\"2\""}});
  ASSERT_EQ(done.status, 200) << done.body;
  // Done is final.
  EXPECT_EQ(
      desk->Send("PATCH", path, json({{"status", "cancelled"}}).dump(), {{"If-Match", "\"3\""}})
          .status,
      409);
}

TEST_P(ScheduleApiTest, ArrivedThenDoneAndNoShowIsFinal) {
  auto desk = As("desk@a.test");
  auto patch = [&](const json& appointment, const std::string& status, int version) {
    return desk->Send("PATCH", "/api/v1/appointments/" + appointment["id"].dump(),
                      json({{"status", status}}).dump(),
                      {{"If-Match", "\"" + std::to_string(version) + "\""}});
  };
  const json visit = BodyOf(desk->Post("/api/v1/appointments", Booking("2026-12-02T09:00:00Z")));
  HttpResult arrived = patch(visit, "arrived", 1);
  ASSERT_EQ(arrived.status, 200) << arrived.body;
  EXPECT_EQ(BodyOf(arrived)["status"], "arrived");
  HttpResult done = patch(visit, "done", 2);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(BodyOf(done)["status"], "done");

  const json missed = BodyOf(desk->Post("/api/v1/appointments", Booking("2026-12-03T09:00:00Z")));
  HttpResult no_show = patch(missed, "no_show", 1);
  ASSERT_EQ(no_show.status, 200) << no_show.body;
  EXPECT_EQ(BodyOf(no_show)["status"], "no_show");
  EXPECT_EQ(patch(missed, "booked", 2).status, 409);
  HttpResult unknown = patch(visit, "lost", 3);
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(BodyOf(unknown)["error"]["field"], "status");
  EXPECT_EQ(store_->GetAppointment(clinic_a_.id, missed["id"].get<store::Id>()).value().status,
            store::AppointmentStatus::kNoShow);
}

TEST_P(ScheduleApiTest, PatientRequestsAndFrontDeskBooks) {
  auto patient = As("p1@a.test");
  HttpResult request = patient->Post(
      PatientPath(patient1_.id, "/appointment-requests"),
      {{"starts_at", "2030-12-04T15:30:00Z"}, {"minutes", 45}, {"note", "mornings are hard"}});
  ASSERT_EQ(request.status, 201) << request.body;
  const json asked = BodyOf(request);
  EXPECT_EQ(asked["status"], "requested");
  EXPECT_EQ(asked["patient_id"], patient1_.id);
  EXPECT_EQ(asked["therapist_id"], therapist_.id);  // The clinic's therapist.
  // Not for anyone else, and not from staff.
  EXPECT_EQ(patient
                ->Post(PatientPath(patient2_.id, "/appointment-requests"),
                       {{"starts_at", "2030-12-04T15:30:00Z"}, {"minutes", 45}})
                .status,
            404);
  auto desk = As("desk@a.test");
  EXPECT_EQ(desk->Post(PatientPath(patient1_.id, "/appointment-requests"),
                       {{"starts_at", "2030-12-04T15:30:00Z"}, {"minutes", 45}})
                .status,
            403);

  HttpResult day =
      desk->Get("/api/v1/appointments?from=2030-12-04T00:00:00Z&to=2030-12-05T00:00:00Z");
  ASSERT_EQ(BodyOf(day)["items"].size(), 1u);
  EXPECT_EQ(BodyOf(day)["items"][0]["status"], "requested");
  HttpResult booked = desk->Send("PATCH", "/api/v1/appointments/" + asked["id"].dump(),
                                 json({{"status", "booked"}}).dump(), {{"If-Match", "\"1\""}});
  ASSERT_EQ(booked.status, 200) << booked.body;
  HttpResult mine = patient->Get(PatientPath(patient1_.id, "/appointments"));
  ASSERT_EQ(BodyOf(mine)["items"].size(), 1u);
  EXPECT_EQ(BodyOf(mine)["items"][0]["status"], "booked");
}

// The portal sends the day and time on the clinic's clock (starts_at_local,
// as documented in AppointmentRequestInput); the server reads it in the
// clinic's zone, across a daylight-saving change, and refuses a time gone by
// at starts_at and an hour the clocks skip at starts_at_local.
TEST_P(ScheduleApiTest, PatientRequestIsReadOnTheClinicClock) {
  store::ClinicSettings london;
  london.clinic_id = clinic_a_.id;
  london.time_zone = "Europe/London";
  ASSERT_TRUE(store_->PutClinicSettings(london).ok());
  auto patient = As("p1@a.test");
  const std::string path = PatientPath(patient1_.id, "/appointment-requests");
  HttpResult summer =
      patient->Post(path, {{"starts_at_local", "2030-07-01T10:00"}, {"minutes", 45}});
  ASSERT_EQ(summer.status, 201) << summer.body;
  EXPECT_EQ(BodyOf(summer)["starts_at"], "2030-07-01T09:00:00Z");  // British Summer Time.
  HttpResult winter =
      patient->Post(path, {{"starts_at_local", "2030-12-02T10:00"}, {"minutes", 45}});
  ASSERT_EQ(winter.status, 201) << winter.body;
  EXPECT_EQ(BodyOf(winter)["starts_at"], "2030-12-02T10:00:00Z");

  HttpResult gone = patient->Post(path, {{"starts_at_local", "2020-07-01T10:00"}, {"minutes", 45}});
  EXPECT_EQ(gone.status, 422);
  EXPECT_EQ(BodyOf(gone)["error"]["field"], "starts_at");
  // 01:30 on 31 March 2030 does not exist in London: the clocks go forward at 01:00.
  HttpResult skipped =
      patient->Post(path, {{"starts_at_local", "2030-03-31T01:30"}, {"minutes", 45}});
  EXPECT_EQ(skipped.status, 422);
  EXPECT_EQ(BodyOf(skipped)["error"]["field"], "starts_at_local");
  EXPECT_EQ(store_->ListPatientAppointments(clinic_a_.id, patient1_.id).value().size(), 2u);
}

TEST_P(ScheduleApiTest, DoubleBookingIsRefusedInPlainWordsAndARequestShowsItsClash) {
  auto desk = As("desk@a.test");
  ASSERT_EQ(desk->Post("/api/v1/appointments", Booking("2030-12-03T09:00:00Z")).status, 201);
  json other = Booking("2030-12-03T09:30:00Z");
  other["patient_id"] = patient2_.id;
  HttpResult refused = desk->Post("/api/v1/appointments", other);
  ASSERT_EQ(refused.status, 409) << refused.body;
  const json error = BodyOf(refused)["error"];
  EXPECT_EQ(error["field"], "starts_at");
  const store::Patient ada = store_->GetPatient(clinic_a_.id, patient1_.id).value();
  const std::string patient = ada.given_name + " " + ada.family_name;
  const std::string therapist = store_->GetUser(clinic_a_.id, therapist_.id).value().display_name;
  EXPECT_THAT(error["message"].get<std::string>(),
              HasSubstr(therapist + " is already booked with " + patient));
  EXPECT_THAT(error["message"].get<std::string>(), HasSubstr("on Tue 3 Dec 2030 at 09:00"));
  EXPECT_THAT(error["message"].get<std::string>(), Not(HasSubstr("patient_id")));

  // The patient asks for the taken time from the portal: kept, and the front
  // desk's list shows the clash; a request for a free time shows none.
  auto portal = As("p1@a.test");
  ASSERT_EQ(portal
                ->Post(PatientPath(patient1_.id, "/appointment-requests"),
                       {{"starts_at", "2030-12-03T09:15:00Z"}, {"minutes", 30}})
                .status,
            201);
  ASSERT_EQ(portal
                ->Post(PatientPath(patient1_.id, "/appointment-requests"),
                       {{"starts_at", "2030-12-03T14:00:00Z"}, {"minutes", 30}})
                .status,
            201);
  const json day =
      BodyOf(desk->Get("/api/v1/appointments?from=2030-12-03T00:00:00Z&to=2030-12-04T00:00:00Z"));
  ASSERT_EQ(day["items"].size(), 3u);
  EXPECT_TRUE(day["items"][0]["clash"].is_null());  // The booking itself.
  EXPECT_THAT(day["items"][1]["clash"].get<std::string>(),
              HasSubstr(therapist + " is already booked with " + patient + " on Tue 3 Dec"));
  EXPECT_TRUE(day["items"][2]["clash"].is_null());
}

// "My day" reads each patient's plan status in the same request as the
// appointments; the front desk, who may not read plans, is refused it.
TEST_P(ScheduleApiTest, PlanStatusComesWithTheListWhenAskedForByAClinician) {
  auto desk = As("desk@a.test");
  ASSERT_EQ(desk->Post("/api/v1/appointments", Booking("2030-12-02T09:00:00Z")).status, 201);
  json other = Booking("2030-12-02T11:00:00Z");
  other["patient_id"] = patient2_.id;
  ASSERT_EQ(desk->Post("/api/v1/appointments", other).status, 201);
  auto therapist = As("therapist@a.test");
  const json created = CreateAssessment(*therapist, patient1_.id, "l5_numbness");
  const std::string day =
      "/api/v1/appointments?from=2030-12-02T00:00:00Z&to=2030-12-03T00:00:00Z&with=plan_status";
  auto status_of = [&](store::Id patient) {
    const json list = BodyOf(therapist->Get(day));
    for (const json& a : list["items"]) {
      if (a["patient_id"] == patient) return a["plan_status"];
    }
    return json("missing");
  };
  EXPECT_EQ(status_of(patient1_.id), "draft");
  EXPECT_TRUE(status_of(patient2_.id).is_null()) << "no plan yet";
  ASSERT_EQ(therapist
                ->Send("POST", "/api/v1/plans/" + created["plan"]["id"].dump() + "/approve", "",
                       {{"If-Match", "\"1\""}})
                .status,
            200);
  EXPECT_EQ(status_of(patient1_.id), "approved");

  HttpResult refused = desk->Get(day);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(BodyOf(refused)["error"]["field"], "with") << refused.body;
  const json plain =
      BodyOf(desk->Get("/api/v1/appointments?from=2030-12-02T00:00:00Z&to=2030-12-03T00:00:00Z"));
  ASSERT_EQ(plain["items"].size(), 2u);
  EXPECT_FALSE(plain["items"][0].contains("plan_status"));
}

TEST_P(ScheduleApiTest, RequestGoesToTheTherapistOfTheCurrentPlan) {
  // A second therapist approves patient 1's plan; requests go to them.
  store::User second;
  second.clinic_id = clinic_a_.id;
  second.email = "second@a.test";
  second.display_name = "Second";
  second.role = store::Role::kTherapist;
  second.password_hash = store_->GetUser(clinic_a_.id, therapist_.id).value().password_hash;
  second = store_->CreateUser(second).value();
  auto therapist = As("second@a.test");
  json created = CreateAssessment(*therapist, patient1_.id, "l5_numbness");
  ASSERT_EQ(therapist
                ->Send("POST", "/api/v1/plans/" + created["plan"]["id"].dump() + "/approve", "",
                       {{"If-Match", "\"1\""}})
                .status,
            200);
  auto patient = As("p1@a.test");
  HttpResult request = patient->Post(PatientPath(patient1_.id, "/appointment-requests"),
                                     {{"starts_at", "2030-12-04T15:30:00Z"}, {"minutes", 30}});
  ASSERT_EQ(request.status, 201) << request.body;
  EXPECT_EQ(BodyOf(request)["therapist_id"], second.id);
}

}  // namespace
}  // namespace sciaticare::testing
