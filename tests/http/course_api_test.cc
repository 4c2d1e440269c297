// Booking the course from the plan over real HTTP, on both stores (issue
// 16): the proposal follows the plan's rhythm with a qualified therapist on
// the clinic's clock; "all" books every slot or none (409 naming each
// refused slot in local time), "each" books the free ones and says why the
// others were refused; the chart's and the portal's course shows what is
// booked and left; and a patient whose latest screening refers them cannot
// be booked for treatment at any door.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/utc_time.h"
#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

using ::testing::HasSubstr;

class CourseApiTest : public ClinicApiFixture {
 protected:
  void SetUp() override {
    ClinicApiFixture::SetUp();
    if (IsSkipped()) return;
    store::ClinicSettings clinic = store_->GetClinicSettings(clinic_a_.id).value();
    clinic.time_zone = "Europe/London";
    ASSERT_TRUE(store_->PutClinicSettings(clinic).ok());
    store::TherapistProfile all;
    all.clinic_id = clinic_a_.id;
    all.user_id = therapist_.id;
    all.modalities = {"swedish",       "myofascial_release", "deep_tissue", "trigger_point",
                      "neuromuscular", "sports_massage",     "self_massage"};
    ASSERT_TRUE(store_->UpsertTherapistProfile(all).ok());
    store::TherapistAvailability week;
    week.clinic_id = clinic_a_.id;
    week.therapist_id = therapist_.id;
    week.week.set = true;
    for (int day = 0; day < 5; ++day) week.week.hours.push_back({day, 9 * 60, 17 * 60});
    ASSERT_TRUE(store_->PutTherapistAvailability(week, 0).ok());
    therapist_client_ = As("therapist@a.test");
    desk_client_ = As("desk@a.test");
    const json created = CreateAssessment(*therapist_client_, patient1_.id, "chronic_mild");
    plan_id_ = created["plan"]["id"];
    ASSERT_EQ(therapist_client_
                  ->Send("POST", "/api/v1/plans/" + std::to_string(plan_id_) + "/approve", "",
                         {{"If-Match", "\"1\""}})
                  .status,
              200);
  }

  // Monday 24 March 2031; the clocks go forward on Sunday the 30th.
  json Proposal(const std::string& query = "?from=2031-03-24") {
    HttpResult r = desk_client_->Get(PatientPath(patient1_.id, "/course-proposal" + query));
    EXPECT_EQ(r.status, 200) << r.body;
    return BodyOf(r);
  }

  HttpResult BookCourse(const std::string& mode, const json& slots) {
    return desk_client_->Post(PatientPath(patient1_.id, "/course-bookings"),
                              {{"mode", mode}, {"slots", slots}});
  }

  static json SlotsOf(const json& proposal) {
    json slots = json::array();
    for (const json& s : proposal["sessions"]) {
      slots.push_back(
          {{"therapist_id", s["therapist_id"]}, {"starts_at_local", s["starts_at_local"]}});
    }
    return slots;
  }

  std::int64_t Appointments(store::Id patient) {
    return static_cast<std::int64_t>(
        store_->ListPatientAppointments(clinic_a_.id, patient).value().size());
  }

  std::unique_ptr<ApiClient> therapist_client_, desk_client_;
  long long plan_id_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Store, CourseApiTest, AllApiBackends(), ApiBackendName);

TEST_P(CourseApiTest, TheProposalFollowsThePlansRhythmWithAQualifiedTherapistOnTheClinicsClock) {
  const json p = Proposal();
  const json rhythm = p["rhythm"];
  const int per_week = rhythm["per_week"], count = rhythm["count"], minutes = rhythm["minutes"];
  EXPECT_THAT(rhythm["text"].get<std::string>(), HasSubstr(std::to_string(count) + " sessions, " +
                                                           std::to_string(minutes) + " minutes"));
  EXPECT_EQ(p["left"], count);
  EXPECT_EQ(p["text"], "0 of " + std::to_string(count) + " sessions booked, " +
                           std::to_string(count) + " left");
  ASSERT_EQ(p["sessions"].size(), static_cast<std::size_t>(count)) << p;
  ASSERT_EQ(p["therapists"].size(), 1u);  // The admin practises nothing yet.
  EXPECT_EQ(p["therapists"][0]["id"], therapist_.id);
  std::int64_t previous = 0;
  for (const json& s : p["sessions"]) {
    EXPECT_EQ(s["therapist_id"], therapist_.id);
    EXPECT_EQ(s["minutes"], minutes);
    // 09:00 on the clinic's clock before and after the change of the clocks.
    EXPECT_EQ(s["starts_at_local"].get<std::string>().substr(11), "09:00") << s;
    const std::int64_t day = *UtcSeconds(s["starts_at"].get<std::string>()) / 86400;
    if (previous) {
      EXPECT_GE(day - previous, 7 / per_week);
    }
    previous = day;
  }
  EXPECT_EQ(p["sessions"][0]["when"], "Mon 24 Mar 2031 at 09:00");
  EXPECT_EQ(p["sessions"][0]["starts_at"], "2031-03-24T09:00:00Z");
  // Another therapist asked for who practises nothing: said in plain words.
  const json admin = Proposal("?from=2031-03-24&therapist_id=" + std::to_string(admin_.id));
  EXPECT_TRUE(admin["sessions"].empty());
  EXPECT_THAT(admin["shortfall"].get<std::string>(), HasSubstr("does not practise"));
  EXPECT_EQ(desk_client_->Get(PatientPath(patient1_.id, "/course-proposal?from=24-03-2031")).status,
            400);
}

TEST_P(CourseApiTest, BookAllBooksTheWholeCourseAndTheChartAndPortalShowIt) {
  const json p = Proposal();
  const int count = p["rhythm"]["count"];
  HttpResult booked = BookCourse("all", SlotsOf(p));
  ASSERT_EQ(booked.status, 201) << booked.body;
  EXPECT_EQ(BodyOf(booked)["booked"], count);
  EXPECT_THAT(BodyOf(booked)["message"].get<std::string>(),
              HasSubstr("for " + patient1_.given_name + " " + patient1_.family_name));
  EXPECT_EQ(Appointments(patient1_.id), count);
  const auto made = store_->ListPatientAppointments(clinic_a_.id, patient1_.id).value();
  for (const store::Appointment& a : made) {
    EXPECT_EQ(a.plan_id, plan_id_);
  }
  auto portal = As("p1@a.test");
  for (ApiClient* reader : {desk_client_.get(), portal.get()}) {
    const json course = BodyOf(reader->Get(PatientPath(patient1_.id, "/course")));
    EXPECT_EQ(course["text"],
              std::to_string(count) + " of " + std::to_string(count) + " sessions booked, 0 left");
    EXPECT_EQ(course["next"].size(), static_cast<std::size_t>(count));
    EXPECT_EQ(course["next"][0]["when"], "Mon 24 Mar 2031 at 09:00");
  }
  // Nothing is left to propose.
  EXPECT_TRUE(Proposal()["sessions"].empty());
}

TEST_P(CourseApiTest, BookAllRefusesEverySlotThatClashesAndBooksNothing) {
  const json p = Proposal();
  // Patient 2 takes the second proposed slot first.
  store::Appointment other;
  other.clinic_id = clinic_a_.id;
  other.patient_id = patient2_.id;
  other.therapist_id = therapist_.id;
  other.starts_at = p["sessions"][1]["starts_at"];
  other.minutes = 30;
  other.status = store::AppointmentStatus::kBooked;
  ASSERT_TRUE(store_->CreateAppointment(other).ok());
  HttpResult all = BookCourse("all", SlotsOf(p));
  ASSERT_EQ(all.status, 409) << all.body;
  const json body = BodyOf(all);
  EXPECT_EQ(body["error"]["field"], "slots");
  const std::string message = body["error"]["message"];
  EXPECT_THAT(message, HasSubstr("Nothing was booked: 1 of"));
  EXPECT_THAT(message, HasSubstr(p["sessions"][1]["when"].get<std::string>() + ": "));
  EXPECT_THAT(message, HasSubstr("is already booked with " + patient2_.given_name));
  EXPECT_EQ(body["slots"][1]["booked"], false);
  EXPECT_EQ(Appointments(patient1_.id), 0);

  // "each" books the free ones and says why the other was refused.
  HttpResult each = BookCourse("each", SlotsOf(p));
  ASSERT_EQ(each.status, 201) << each.body;
  const json result = BodyOf(each);
  EXPECT_EQ(result["refused"], 1);
  EXPECT_EQ(result["booked"], static_cast<int>(p["sessions"].size()) - 1);
  EXPECT_EQ(result["slots"][0]["booked"], true);
  EXPECT_THAT(result["slots"][1]["reason"].get<std::string>(), HasSubstr("is already booked"));
  EXPECT_EQ(Appointments(patient1_.id), static_cast<std::int64_t>(p["sessions"].size()) - 1);
}

TEST_P(CourseApiTest, EachSlotIsCheckedForQualificationHoursAndShape) {
  const json slots = {
      {{"therapist_id", admin_.id}, {"starts_at_local", "2031-03-24T10:00"}},
      {{"therapist_id", therapist_.id}, {"starts_at_local", "2031-03-29T10:00"}},  // A Saturday.
      {{"therapist_id", therapist_.id}, {"starts_at_local", "2031-03-25T10:00"}}};
  HttpResult each = BookCourse("each", slots);
  ASSERT_EQ(each.status, 201) << each.body;
  const json result = BodyOf(each);
  EXPECT_THAT(result["slots"][0]["reason"].get<std::string>(), HasSubstr("does not practise"));
  EXPECT_THAT(result["slots"][1]["reason"].get<std::string>(),
              HasSubstr("outside therapist's working hours"));
  EXPECT_EQ(result["slots"][2]["booked"], true);
  // A malformed slot is a 422 naming it, and nothing is booked.
  HttpResult bad = BookCourse(
      "each", {{{"therapist_id", therapist_.id}, {"starts_at_local", "2031-03-30T01:30"}}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(BodyOf(bad)["error"]["field"], "slots[0].starts_at_local");
  EXPECT_EQ(BookCourse("sometimes", slots).status, 422);
  EXPECT_EQ(Appointments(patient1_.id), 1);
}

// "Refer, do not treat with massage" (shared/clinical/red-flags.md, after
// NICE CKS Sciatica and BMJ Best Practice on cauda equina syndrome): a
// patient whose latest screening refers them is not booked for treatment
// until the referral is lifted, at whichever door the booking comes in.
TEST_P(CourseApiTest, AReferredPatientIsRefusedTreatmentAtEveryBookingDoor) {
  auto& desk = *desk_client_;
  // Before the referral: a booking, a portal request and a waiting-list offer.
  store::Appointment held;
  held.clinic_id = clinic_a_.id;
  held.patient_id = patient1_.id;
  held.therapist_id = therapist_.id;
  held.starts_at = "2031-03-24T09:00:00Z";
  held.minutes = 45;
  held.status = store::AppointmentStatus::kBooked;
  const store::Appointment booked = store_->CreateAppointment(held).value();
  held.starts_at = "2031-03-25T09:00:00Z";
  held.status = store::AppointmentStatus::kRequested;
  const store::Appointment requested = store_->CreateAppointment(held).value();
  held.patient_id = patient2_.id;
  held.starts_at = "2031-03-26T09:00:00Z";
  held.status = store::AppointmentStatus::kBooked;
  const store::Appointment freed = store_->CreateAppointment(held).value();
  ASSERT_EQ(desk.Post("/api/v1/waiting-list", {{"patient_id", patient1_.id},
                                               {"earliest", "2031-03-26T08:00:00Z"},
                                               {"latest", "2031-03-26T12:00:00Z"},
                                               {"minutes", 45}})
                .status,
            201);
  ASSERT_EQ(desk.Post("/api/v1/appointments/" + std::to_string(freed.id) + "/cancel",
                      {{"reason", "other"}}, {{"If-Match", "\"1\""}})
                .status,
            200);
  const json offered = BodyOf(desk.Get("/api/v1/waiting-list?status=offered"))["items"];
  ASSERT_EQ(offered.size(), 1u);
  // And a move the patient asked for from the portal.
  held.patient_id = patient1_.id;
  held.starts_at = "2031-03-24T13:00:00Z";
  const store::Appointment to_move = store_->CreateAppointment(held).value();
  auto portal = As("p1@a.test");
  ASSERT_EQ(portal
                ->Post(PatientPath(patient1_.id,
                                   "/appointments/" + std::to_string(to_move.id) + "/move-request"),
                       {{"starts_at_local", "2031-03-27T14:00"}, {"note", "school run"}})
                .status,
            201);
  const json moves = BodyOf(desk.Get("/api/v1/move-requests?status=pending"))["items"];
  ASSERT_EQ(moves.size(), 1u);

  CreateAssessment(*therapist_client_, patient1_.id, "cauda_equina");
  const std::int64_t before = Appointments(patient1_.id);
  std::map<std::string, HttpResult> doors;
  doors["book"] = desk.Post("/api/v1/appointments", {{"patient_id", patient1_.id},
                                                     {"therapist_id", therapist_.id},
                                                     {"starts_at", "2031-03-27T09:00:00Z"},
                                                     {"minutes", 45},
                                                     {"status", "booked"}});
  doors["course"] = BookCourse(
      "each", {{{"therapist_id", therapist_.id}, {"starts_at_local", "2031-03-27T10:00"}}});
  doors["proposal"] = desk.Get(PatientPath(patient1_.id, "/course-proposal?from=2031-03-24"));
  doors["reschedule"] = desk.Post(
      "/api/v1/appointments/" + std::to_string(booked.id) + "/reschedule",
      {{"starts_at", "2031-03-27T11:00:00Z"}, {"reason", "transport"}}, {{"If-Match", "\"1\""}});
  doors["accept request"] =
      desk.Send("PATCH", "/api/v1/appointments/" + std::to_string(requested.id),
                json({{"status", "booked"}}).dump(), {{"If-Match", "\"1\""}});
  doors["waiting list"] =
      desk.Post("/api/v1/waiting-list/" + offered[0]["id"].dump() + "/book", json::object(),
                {{"If-Match", "\"" + offered[0]["version"].dump() + "\""}});
  doors["move request"] =
      desk.Post("/api/v1/move-requests/" + moves[0]["id"].dump() + "/accept", json::object(),
                {{"If-Match", "\"" + moves[0]["version"].dump() + "\""}});
  // Every door answers in the same words: the store's booking and the API's
  // look-ahead word one refusal.
  const json refusal = BodyOf(doors["book"])["error"];
  EXPECT_EQ(refusal["field"], "patient_id");
  EXPECT_THAT(refusal["message"].get<std::string>(), HasSubstr("referral raised at"));
  for (const auto& [door, answer] : doors) {
    SCOPED_TRACE(door);
    EXPECT_EQ(answer.status, 409) << answer.body;
    EXPECT_THAT(BodyOf(answer)["error"]["message"].get<std::string>(), HasSubstr("assessment"));
    // The course's doors name its plan; the others the patient.
    const bool course_door = door == "course" || door == "proposal";
    EXPECT_EQ(BodyOf(answer)["error"]["field"], course_door ? "plan_id" : "patient_id");
    EXPECT_EQ(BodyOf(answer)["error"]["message"], refusal["message"]);
  }
  EXPECT_EQ(Appointments(patient1_.id), before);
  // The course says so before anyone tries; the portal's does not name records.
  const json course = BodyOf(desk.Get(PatientPath(patient1_.id, "/course")));
  EXPECT_THAT(course["booking_refused"].get<std::string>(), HasSubstr("assessment"));
  EXPECT_TRUE(
      BodyOf(portal->Get(PatientPath(patient1_.id, "/course")))["booking_refused"].is_null());
  EXPECT_EQ(store_->GetAppointment(clinic_a_.id, requested.id).value().status,
            store::AppointmentStatus::kRequested);
  EXPECT_EQ(store_->GetAppointment(clinic_a_.id, booked.id).value().starts_at,
            "2031-03-24T09:00:00Z");
  EXPECT_EQ(store_->GetAppointment(clinic_a_.id, to_move.id).value().starts_at,
            "2031-03-24T13:00:00Z");
}

}  // namespace
}  // namespace sciaticare::testing
