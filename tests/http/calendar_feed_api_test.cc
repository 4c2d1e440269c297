// Calendar files over HTTP, on both stores, each parsed by an outside
// library (python3-icalendar, tests/scripts/ics_summary.py): a therapist's
// private feed holds their appointments without clinical details, a
// cancellation keeps the UID with STATUS:CANCELLED and a higher SEQUENCE, a
// new link stops the old one and a turned-off link is a 404; every feed read
// is audited. The patient's download holds their appointments at the right
// wall-clock time on both sides of a daylight-saving change in Europe/London.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/utc_time.h"
#include "http/clinic_api_fixture.h"

namespace sciaticare::testing {
namespace {

namespace fs = std::filesystem;

// Debian's python3 carries python3-icalendar; a python3 earlier on PATH may not.
std::string Python() { return fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

bool HaveIcalendar() {
  return std::system((Python() + " -c 'import icalendar' >/dev/null 2>&1").c_str()) == 0;
}

// What ics_summary.py reads in `document`: {"method", "version", "events": [...]}.
json Parse(const std::string& document, const fs::path& dir) {
  const fs::path file = dir / "calendar.ics";
  std::ofstream(file, std::ios::binary) << document;
  const std::string command = Python() +
                              " '" SCIATICARE_SOURCE_DIR "/tests/scripts/ics_summary.py' '" +
                              file.string() + "' Europe/London 2>&1";
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    EXPECT_EQ(pclose(pipe), 0) << out;
  }
  json parsed = json::parse(out, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << out;
  return parsed;
}

const json* EventWithUid(const json& calendar, const std::string& uid) {
  for (const json& e : calendar["events"]) {
    if (e["uid"] == uid) return &e;
  }
  return nullptr;
}

class CalendarFeedApiTest : public ClinicApiFixture {
 protected:
  void SetUp() override {
    ClinicApiFixture::SetUp();
    if (IsSkipped()) return;
    if (!HaveIcalendar()) GTEST_SKIP() << "python3-icalendar is not installed";
  }

  // A booked appointment of `patient` with the therapist, `days` from now at
  // 10:00 UTC, with words that must never reach a calendar.
  store::Appointment Book(store::Id patient, int days) {
    store::Appointment a;
    a.clinic_id = clinic_a_.id;
    a.patient_id = patient;
    a.therapist_id = therapist_.id;
    a.starts_at = FormatUtc((*UtcSeconds(api::UtcNow()) / 86400 + days) * 86400 + 10 * 3600);
    a.minutes = 45;
    a.status = store::AppointmentStatus::kBooked;
    a.note = "numbness after lifting";
    return store_->CreateAppointment(a).value();
  }

  static std::string Uid(store::Id id) {
    return "appointment-" + std::to_string(id) + "@sciaticare";
  }
};

INSTANTIATE_TEST_SUITE_P(Store, CalendarFeedApiTest, AllApiBackends(), ApiBackendName);

TEST_P(CalendarFeedApiTest, TheFeedShowsTheTherapistsAppointmentsAndCancellations) {
  const store::Appointment kept = Book(patient1_.id, 2);
  const store::Appointment cancelled = Book(patient2_.id, 3);
  auto therapist = As("therapist@a.test");
  HttpResult made = therapist->Post(
      "/api/v1/therapists/" + std::to_string(therapist_.id) + "/calendar-feed", json::object());
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string link = BodyOf(made)["link"];
  ASSERT_EQ(link.rfind("/api/v1/calendar-feeds/", 0), 0u);

  HttpResult feed = Anonymous()->Get(link);
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_EQ(feed.headers["content-type"].rfind("text/calendar", 0), 0u);
  json before = Parse(feed.body, dir_.path());
  EXPECT_EQ(before["method"], "PUBLISH");
  EXPECT_EQ(before["version"], "2.0");
  ASSERT_EQ(before["events"].size(), 2u);
  const json* first = EventWithUid(before, Uid(kept.id));
  ASSERT_NE(first, nullptr);
  EXPECT_EQ((*first)["status"], "CONFIRMED");
  EXPECT_EQ((*first)["summary"], "Massage: Ada Quillfeather");
  EXPECT_EQ((*first)["location"], "Clinic A");
  EXPECT_EQ((*first)["start_utc"], kept.starts_at);
  EXPECT_EQ((*first)["end_utc"], FormatUtc(*UtcSeconds(kept.starts_at) + 45 * 60));
  // No clinical words: the appointment's note stays in the clinic.
  EXPECT_EQ(feed.body.find("numbness"), std::string::npos);
  EXPECT_EQ(feed.body.find("lifting"), std::string::npos);
  const int sequence_before = (*EventWithUid(before, Uid(cancelled.id)))["sequence"];

  auto desk = As("desk@a.test");
  HttpResult cancel = desk->Post("/api/v1/appointments/" + std::to_string(cancelled.id) + "/cancel",
                                 {{"reason", "transport"}}, {{"If-Match", "\"1\""}});
  ASSERT_EQ(cancel.status, 200) << cancel.body;
  json after = Parse(Anonymous()->Get(link).body, dir_.path());
  ASSERT_EQ(after["events"].size(), 2u);
  const json* gone = EventWithUid(after, Uid(cancelled.id));
  ASSERT_NE(gone, nullptr) << "a cancellation keeps the event's UID";
  EXPECT_EQ((*gone)["status"], "CANCELLED");
  EXPECT_GT((*gone)["sequence"].get<int>(), sequence_before);
  EXPECT_EQ((*EventWithUid(after, Uid(kept.id)))["status"], "CONFIRMED");

  // Each read of the feed left an audit entry, naming the therapist.
  store::AuditQuery reads;
  reads.action = "read";
  int feed_reads = 0;
  const store::Page<store::AuditEntry> entries = store_->ListAudit(clinic_a_.id, reads).value();
  for (const store::AuditEntry& e : entries.items) {
    if (e.entity == "calendar_feed") {
      ++feed_reads;
      EXPECT_EQ(e.user_id, std::optional<store::Id>(therapist_.id));
    }
  }
  EXPECT_EQ(feed_reads, 2);
}

TEST_P(CalendarFeedApiTest, ANewLinkStopsTheOldAndTurningItOffStopsBoth) {
  auto therapist = As("therapist@a.test");
  const std::string path = "/api/v1/therapists/" + std::to_string(therapist_.id) + "/calendar-feed";
  const std::string old_link = BodyOf(therapist->Post(path, json::object()))["link"];
  const std::string new_link = BodyOf(therapist->Post(path, json::object()))["link"];
  ASSERT_NE(old_link, new_link);
  EXPECT_EQ(Anonymous()->Get(old_link).status, 404);
  EXPECT_EQ(Anonymous()->Get(new_link).status, 200);
  EXPECT_EQ(BodyOf(therapist->Get(path))["active"], true);

  EXPECT_EQ(therapist->Send("DELETE", path).status, 200);
  HttpResult off = Anonymous()->Get(new_link);
  EXPECT_EQ(off.status, 404);
  EXPECT_EQ(off.body.find("revoked"), std::string::npos) << "no hint why";
  EXPECT_EQ(Anonymous()->Get("/api/v1/calendar-feeds/made-up/appointments.ics").status, 404);
  EXPECT_EQ(BodyOf(therapist->Get(path))["active"], false);
  EXPECT_EQ(therapist->Send("DELETE", path).status, 404);
  // Another therapist's feed is theirs to manage (or an admin's).
  const std::string admins = "/api/v1/therapists/" + std::to_string(admin_.id) + "/calendar-feed";
  EXPECT_EQ(therapist->Post(admins, json::object()).status, 403);
  EXPECT_EQ(As("admin@a.test")->Post(path, json::object()).status, 201);
}

TEST_P(CalendarFeedApiTest, ThePatientsDownloadIsOnTheClinicsClockAcrossDaylightSaving) {
  auto admin = As("admin@a.test");
  ASSERT_EQ(admin
                ->Put("/api/v1/clinic/settings", {{"time_zone", "Europe/London"},
                                                  {"opening_hours", json::array()},
                                                  {"closed_days", json::array()}})
                .status,
            200);
  // British Summer Time starts on Sunday 31 March 2030 at 01:00 GMT.
  auto desk = As("desk@a.test");
  std::vector<store::Id> booked;
  for (const char* local : {"2030-03-30T10:00", "2030-04-01T10:00"}) {
    HttpResult r = desk->Post("/api/v1/appointments", {{"patient_id", patient1_.id},
                                                       {"therapist_id", therapist_.id},
                                                       {"starts_at_local", local},
                                                       {"minutes", 60},
                                                       {"status", "booked"}});
    ASSERT_EQ(r.status, 201) << r.body;
    booked.push_back(BodyOf(r)["id"].get<store::Id>());
  }
  Book(patient2_.id, 2);  // Another patient's: not in patient 1's file.

  auto patient = As("p1@a.test");
  HttpResult download = patient->Get(PatientPath(patient1_.id, "/appointments.ics"));
  ASSERT_EQ(download.status, 200) << download.body;
  EXPECT_NE(download.headers["content-disposition"].find("appointments.ics"), std::string::npos);
  json calendar = Parse(download.body, dir_.path());
  ASSERT_EQ(calendar["events"].size(), 2u);
  const json& winter = *EventWithUid(calendar, Uid(booked[0]));
  const json& summer = *EventWithUid(calendar, Uid(booked[1]));
  EXPECT_EQ(winter["start_utc"], "2030-03-30T10:00:00Z");
  EXPECT_EQ(summer["start_utc"], "2030-04-01T09:00:00Z");
  EXPECT_EQ(winter["start_local"], "2030-03-30T10:00");
  EXPECT_EQ(summer["start_local"], "2030-04-01T10:00");
  EXPECT_EQ(summer["summary"], "Massage appointment with therapist");
  EXPECT_EQ(download.body.find("numbness"), std::string::npos);

  // Another patient may not download it; staff may.
  EXPECT_EQ(As("p2@a.test")->Get(PatientPath(patient1_.id, "/appointments.ics")).status, 404);
  EXPECT_EQ(desk->Get(PatientPath(patient1_.id, "/appointments.ics")).status, 200);
}

}  // namespace
}  // namespace sciaticare::testing
