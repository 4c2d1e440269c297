// Rooms over real HTTP, on both stores: an admin adds, renames and retires a
// room (audited); a booking names a room and gets its name back; a room
// taken then is 409 naming the room, the patient and therapist in the way
// and when; a retired, unknown or other clinic's room is 422 naming the
// field; a move may change the room; the calendar's list filters by room.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

using ::testing::HasSubstr;

class RoomApiTest : public ClinicApiFixture {
 protected:
  static std::map<std::string, std::string> Version(int v) {
    return {{"If-Match", "\"" + std::to_string(v) + "\""}};
  }
  static json Booking(store::Id patient, store::Id therapist, const std::string& at, json room) {
    return {{"patient_id", patient}, {"therapist_id", therapist}, {"starts_at", at},
            {"minutes", 60},         {"status", "booked"},        {"room_id", room}};
  }
};

INSTANTIATE_TEST_SUITE_P(Store, RoomApiTest, AllApiBackends(), ApiBackendName);

TEST_P(RoomApiTest, AdminAddsRenamesAndRetiresRoomsKeptForGood) {
  auto admin = As("admin@a.test");
  HttpResult made = admin->Post("/api/v1/rooms", {{"name", "Room 1"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string path = "/api/v1/rooms/" + BodyOf(made)["id"].dump();
  HttpResult twin = admin->Post("/api/v1/rooms", {{"name", "ROOM 1"}});
  EXPECT_EQ(twin.status, 409) << twin.body;
  EXPECT_EQ(BodyOf(twin)["error"]["field"], "name");
  HttpResult empty = admin->Post("/api/v1/rooms", {{"name", ""}});
  EXPECT_EQ(empty.status, 422) << empty.body;

  HttpResult renamed =
      admin->Send("PATCH", path, json({{"name", "Quiet room"}}).dump(), Version(1));
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  HttpResult retired = admin->Send("PATCH", path, json({{"active", false}}).dump(), Version(2));
  ASSERT_EQ(retired.status, 200) << retired.body;
  const json rooms = BodyOf(As("desk@a.test")->Get("/api/v1/rooms"))["items"];
  ASSERT_EQ(rooms.size(), 1u);
  EXPECT_EQ(rooms[0]["name"], "Quiet room");
  EXPECT_EQ(rooms[0]["active"], false);
  // Clinic B sees none of clinic A's rooms.
  EXPECT_EQ(BodyOf(As("therapist@b.test")->Get("/api/v1/rooms"))["items"].size(), 0u);
}

TEST_P(RoomApiTest, ARoomHoldsOneAppointmentAtATime) {
  auto admin = As("admin@a.test");
  auto desk = As("desk@a.test");
  const json room = BodyOf(admin->Post("/api/v1/rooms", {{"name", "Room 1"}}));
  HttpResult first =
      desk->Post("/api/v1/appointments",
                 Booking(patient1_.id, therapist_.id, "2031-03-04T09:00:00Z", room["id"]));
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(BodyOf(first)["room_id"], room["id"]);
  EXPECT_EQ(BodyOf(first)["room_name"], "Room 1");

  // Another therapist, the same room, overlapping: 409 naming who is in the way.
  HttpResult clash = desk->Post(
      "/api/v1/appointments", Booking(patient2_.id, admin_.id, "2031-03-04T09:30:00Z", room["id"]));
  ASSERT_EQ(clash.status, 409) << clash.body;
  EXPECT_EQ(BodyOf(clash)["error"]["field"], "room_id");
  EXPECT_THAT(BodyOf(clash)["error"]["message"].get<std::string>(),
              HasSubstr("Room 1 is already taken by"));
  EXPECT_THAT(BodyOf(clash)["error"]["message"].get<std::string>(), HasSubstr("09:00 until 10:00"));

  // A move of the first into the same room later keeps it free for the second.
  const std::string moved_path = "/api/v1/appointments/" + BodyOf(first)["id"].dump();
  HttpResult moved =
      desk->Post(moved_path + "/reschedule",
                 {{"starts_at", "2031-03-04T11:00:00Z"}, {"reason", "transport"}}, Version(1));
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(BodyOf(moved)["room_name"], "Room 1");  // Absent room_id: it keeps its room.
  HttpResult second = desk->Post(
      "/api/v1/appointments", Booking(patient2_.id, admin_.id, "2031-03-04T09:30:00Z", room["id"]));
  ASSERT_EQ(second.status, 201) << second.body;
  // Moving it out of any room (null) frees the room at its time.
  HttpResult roomless = desk->Post(
      moved_path + "/reschedule",
      {{"starts_at", "2031-03-04T11:00:00Z"}, {"reason", "transport"}, {"room_id", nullptr}},
      Version(2));
  ASSERT_EQ(roomless.status, 200) << roomless.body;
  EXPECT_TRUE(BodyOf(roomless)["room_id"].is_null());

  const json in_room = BodyOf(
      desk->Get("/api/v1/appointments?from=2031-03-04T00:00:00Z&to=2031-03-05T00:00:00Z&room_id=" +
                room["id"].dump()))["items"];
  ASSERT_EQ(in_room.size(), 1u);
  EXPECT_EQ(in_room[0]["id"], BodyOf(second)["id"]);
  EXPECT_EQ(in_room[0]["room_name"], "Room 1");
}

TEST_P(RoomApiTest, ARetiredUnknownOrOtherClinicsRoomIsRefusedNamingTheField) {
  auto admin = As("admin@a.test");
  auto desk = As("desk@a.test");
  const json retired = BodyOf(admin->Post("/api/v1/rooms", {{"name", "Old room"}}));
  ASSERT_EQ(admin
                ->Send("PATCH", "/api/v1/rooms/" + retired["id"].dump(),
                       json({{"active", false}}).dump(), Version(1))
                .status,
            200);
  store::Room theirs;
  theirs.clinic_id = clinic_b_.id;
  theirs.name = "Their room";
  const store::Id other = store_->CreateRoom(theirs).value().id;
  for (const json& room : {retired["id"], json(other), json(987654), json("room one")}) {
    HttpResult r = desk->Post("/api/v1/appointments",
                              Booking(patient1_.id, therapist_.id, "2031-03-05T09:00:00Z", room));
    EXPECT_EQ(r.status, 422) << room << r.body;
    EXPECT_EQ(BodyOf(r)["error"]["field"], "room_id") << room;
  }
  EXPECT_EQ(store_->ListAppointments(clinic_a_.id, "2031-03-05T00:00:00Z", "2031-03-06T00:00:00Z")
                .value()
                .size(),
            0u);
}

}  // namespace
}  // namespace sciaticare::testing
