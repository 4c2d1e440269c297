// GET /appointments reads one page at a time (issue 16), yet a waiting
// request still shows its clash when the appointment in its way is on another
// page, or filtered out of the answer: the clash is looked for among all the
// therapist's appointments of the range near the request, as when the whole
// range was read.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "http/schedule_api_test_fixture.h"

namespace sciaticare::testing {
namespace {

using ::testing::HasSubstr;

TEST_P(ScheduleApiTest, ARequestShowsItsClashWithAnAppointmentOnAnotherPage) {
  auto desk = As("desk@a.test");
  // A long booking from 07:00 to 10:00 (it starts well before the request),
  // and patient 2's request at 09:30 with the same therapist.
  json long_booking = Booking("2030-12-03T07:00:00Z");
  long_booking["minutes"] = 180;
  ASSERT_EQ(desk->Post("/api/v1/appointments", long_booking).status, 201);
  json request = Booking("2030-12-03T09:30:00Z", "requested");
  request["patient_id"] = patient2_.id;
  request["minutes"] = 30;
  ASSERT_EQ(desk->Post("/api/v1/appointments", request).status, 201);
  const store::Patient ada = store_->GetPatient(clinic_a_.id, patient1_.id).value();
  const std::string therapist = store_->GetUser(clinic_a_.id, therapist_.id).value().display_name;
  const std::string clash = therapist + " is already booked with " + ada.given_name + " " +
                            ada.family_name + " on Tue 3 Dec 2030 at 07:00 until 10:00";

  const std::string day = "/api/v1/appointments?from=2030-12-03T00:00:00Z&to=2030-12-04T00:00:00Z";
  const json whole = BodyOf(desk->Get(day));
  ASSERT_EQ(whole["items"].size(), 2u);
  EXPECT_EQ(whole["items"][1]["clash"], clash);

  // The request alone on the second page: the same item, clash and all.
  const json second = BodyOf(desk->Get(day + "&limit=1&offset=1"));
  ASSERT_EQ(second["items"].size(), 1u);
  EXPECT_EQ(second["total"], 2);
  EXPECT_EQ(second["items"][0], whole["items"][1]);
  const json first = BodyOf(desk->Get(day + "&limit=1"));
  ASSERT_EQ(first["items"].size(), 1u);
  EXPECT_TRUE(first["items"][0]["clash"].is_null());

  // Filtered to the waiting requests, or to patient 2, the booking is in no
  // page at all, and still named.
  for (const std::string& filter :
       {std::string("&status=requested"), "&patient_id=" + std::to_string(patient2_.id),
        "&therapist_id=" + std::to_string(therapist_.id) + "&status=requested"}) {
    SCOPED_TRACE(filter);
    const json only = BodyOf(desk->Get(day + filter));
    ASSERT_EQ(only["items"].size(), 1u);
    EXPECT_EQ(only["items"][0], whole["items"][1]);
  }

  // Once the booking is cancelled nothing is in the request's way.
  const std::string booking_path = "/api/v1/appointments/" + whole["items"][0]["id"].dump();
  HttpResult cancelled =
      desk->Post(booking_path + "/cancel", {{"reason", "patient_unwell"}}, {{"If-Match", "\"1\""}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  const json after = BodyOf(desk->Get(day + "&status=requested"));
  ASSERT_EQ(after["items"].size(), 1u);
  EXPECT_TRUE(after["items"][0]["clash"].is_null());
}

}  // namespace
}  // namespace sciaticare::testing
