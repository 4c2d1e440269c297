// The iCalendar module: documents that libical's own parser reads back with
// the events, times, statuses and methods given, and refusals that name the
// field at fault.
#include "calendar/ics_calendar.h"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <memory>
#include <string>
#include <vector>

namespace sciaticare::calendar {
namespace {

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Parsed = std::unique_ptr<icalcomponent, ComponentFree>;

IcsEvent Booked() {
  IcsEvent event;
  event.uid = AppointmentUid(42, "clinic.example");
  event.sequence = 2;
  event.starts_at = "2026-03-29T09:00:00Z";
  event.minutes = 45;
  event.summary = "Massage appointment with Nadia Okafor";
  event.location = "Riverside Massage & Physio";
  event.last_modified = "2026-03-01T12:00:00Z";
  return event;
}

IcsCalendarOptions Feed() {
  IcsCalendarOptions options;
  options.name = "Appointments";
  options.stamp = "2026-03-02T08:00:00Z";
  return options;
}

std::string Document(const std::vector<IcsEvent>& events, const IcsCalendarOptions& options) {
  Result<std::string> text = CalendarDocument(events, options);
  EXPECT_TRUE(text.ok()) << (text.ok() ? "" : text.error().ToString());
  return text.ok() ? text.value() : std::string();
}

Parsed Parse(const std::string& text) { return Parsed(icalparser_parse_string(text.c_str())); }

TEST(IcsCalendarTest, UidIsStablePerAppointmentAndNamesTheHost) {
  EXPECT_EQ(AppointmentUid(42, "clinic.example"), "appointment-42@clinic.example");
  EXPECT_EQ(AppointmentUid(42, ""), "appointment-42@sciaticare");
  EXPECT_NE(AppointmentUid(42, ""), AppointmentUid(43, ""));
}

TEST(IcsCalendarTest, AFeedReadsBackWithItsEventInUtc) {
  const std::string text = Document({Booked()}, Feed());
  Parsed calendar = Parse(text);
  ASSERT_NE(calendar, nullptr);
  EXPECT_EQ(icalcomponent_isa(calendar.get()), ICAL_VCALENDAR_COMPONENT);
  EXPECT_EQ(icalcomponent_get_method(calendar.get()), ICAL_METHOD_PUBLISH);
  EXPECT_NE(text.find("VERSION:2.0\r\n"), std::string::npos);
  EXPECT_NE(text.find("PRODID:"), std::string::npos);
  EXPECT_NE(text.find("X-WR-CALNAME:Appointments\r\n"), std::string::npos);

  icalcomponent* event = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
  ASSERT_NE(event, nullptr);
  EXPECT_STREQ(icalcomponent_get_uid(event), "appointment-42@clinic.example");
  EXPECT_STREQ(icalcomponent_get_summary(event), "Massage appointment with Nadia Okafor");
  EXPECT_STREQ(icalcomponent_get_location(event), "Riverside Massage & Physio");
  EXPECT_EQ(icalcomponent_get_status(event), ICAL_STATUS_CONFIRMED);
  EXPECT_EQ(icalcomponent_get_sequence(event), 2);
  const icaltimetype start = icalcomponent_get_dtstart(event);
  const icaltimetype end = icalcomponent_get_dtend(event);
  EXPECT_TRUE(icaltime_is_utc(start));
  EXPECT_EQ(start.hour, 9);
  EXPECT_EQ(end.hour, 9);
  EXPECT_EQ(end.minute, 45);
  EXPECT_NE(text.find("DTSTART:20260329T090000Z\r\n"), std::string::npos);
  EXPECT_NE(text.find("DTSTAMP:20260302T080000Z\r\n"), std::string::npos);
  EXPECT_NE(text.find("LAST-MODIFIED:20260301T120000Z\r\n"), std::string::npos);
}

TEST(IcsCalendarTest, ACancelledAppointmentKeepsItsUidWithStatusCancelled) {
  IcsEvent cancelled = Booked();
  cancelled.cancelled = true;
  cancelled.sequence = 3;
  Parsed calendar = Parse(Document({cancelled}, Feed()));
  icalcomponent* event = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
  ASSERT_NE(event, nullptr);
  EXPECT_STREQ(icalcomponent_get_uid(event), "appointment-42@clinic.example");
  EXPECT_EQ(icalcomponent_get_status(event), ICAL_STATUS_CANCELLED);
  EXPECT_EQ(icalcomponent_get_sequence(event), 3);
}

TEST(IcsCalendarTest, TextIsEscapedAndLongLinesFolded) {
  IcsEvent event = Booked();
  event.summary = "Okafor, Nadia; back room";
  event.description = std::string(200, 'x');
  const std::string text = Document({event}, Feed());
  EXPECT_NE(text.find("SUMMARY:Okafor\\, Nadia\\; back room"), std::string::npos);
  // RFC 5545 3.1: no line longer than 75 octets before its CRLF.
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find("\r\n", start);
    ASSERT_NE(end, std::string::npos) << "every line ends with CRLF";
    EXPECT_LE(end - start, 75u);
    start = end + 2;
  }
  Parsed calendar = Parse(text);
  icalcomponent* parsed = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
  EXPECT_STREQ(icalcomponent_get_summary(parsed), "Okafor, Nadia; back room");
  EXPECT_EQ(std::string(icalcomponent_get_description(parsed)), std::string(200, 'x'));
}

TEST(IcsCalendarTest, MailMethodsCarryOrganizerAndAttendee) {
  IcsEvent event = Booked();
  event.organizer_email = "clinic@example.com";
  event.attendee_email = "patient@example.com";
  IcsCalendarOptions request = Feed();
  request.method = IcsMethod::kRequest;
  Parsed invited = Parse(Document({event}, request));
  EXPECT_EQ(icalcomponent_get_method(invited.get()), ICAL_METHOD_REQUEST);
  icalcomponent* vevent = icalcomponent_get_first_component(invited.get(), ICAL_VEVENT_COMPONENT);
  icalproperty* organizer = icalcomponent_get_first_property(vevent, ICAL_ORGANIZER_PROPERTY);
  ASSERT_NE(organizer, nullptr);
  EXPECT_STREQ(icalproperty_get_organizer(organizer), "mailto:clinic@example.com");
  EXPECT_NE(icalcomponent_get_first_property(vevent, ICAL_ATTENDEE_PROPERTY), nullptr);

  IcsCalendarOptions cancel = Feed();
  cancel.method = IcsMethod::kCancel;
  Parsed withdrawn = Parse(Document({event}, cancel));
  EXPECT_EQ(icalcomponent_get_method(withdrawn.get()), ICAL_METHOD_CANCEL);
}

TEST(IcsCalendarTest, AnEmptyCalendarIsStillACalendar) {
  Parsed calendar = Parse(Document({}, Feed()));
  ASSERT_NE(calendar, nullptr);
  EXPECT_EQ(icalcomponent_count_components(calendar.get(), ICAL_VEVENT_COMPONENT), 0);
}

TEST(IcsCalendarTest, BadInputIsRefusedNamingTheField) {
  IcsEvent bad_time = Booked();
  bad_time.starts_at = "2026-03-29 09:00";
  Result<std::string> refused = CalendarDocument({Booked(), bad_time}, Feed());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "events[1].starts_at");

  IcsEvent no_length = Booked();
  no_length.minutes = 0;
  refused = CalendarDocument({no_length}, Feed());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "events[0].minutes");

  IcsCalendarOptions no_stamp = Feed();
  no_stamp.stamp = "";
  refused = CalendarDocument({Booked()}, no_stamp);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "stamp");
}

}  // namespace
}  // namespace sciaticare::calendar
