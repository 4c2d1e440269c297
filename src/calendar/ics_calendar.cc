// Builds the VCALENDAR with libical's component tree and lets libical write
// it (ics_calendar.h states the contract).
#include "calendar/ics_calendar.h"

#include <libical/ical.h>

#include <memory>
#include <optional>

#include "core/utc_time.h"

namespace sciaticare::calendar {
namespace {

// The product's identifier every calendar application shows as the source.
constexpr const char* kProductId = "-//Sciaticare//Clinic appointments//EN";

struct ComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

struct BufferFree {
  void operator()(char* text) const { icalmemory_free_buffer(text); }
};

icaltimezone* Utc() {
  // Initialised once: libical builds its UTC zone lazily, and two threads
  // making documents at once must not race on that.
  static icaltimezone* const utc = icaltimezone_get_utc_timezone();
  return utc;
}

std::optional<icaltimetype> UtcTime(std::string_view text) {
  const std::optional<std::int64_t> seconds = UtcSeconds(text);
  if (!seconds) return std::nullopt;
  return icaltime_from_timet_with_zone(static_cast<time_t>(*seconds), 0, Utc());
}

icalproperty_method Method(IcsMethod method) {
  switch (method) {
    case IcsMethod::kRequest:
      return ICAL_METHOD_REQUEST;
    case IcsMethod::kCancel:
      return ICAL_METHOD_CANCEL;
    case IcsMethod::kPublish:
      break;
  }
  return ICAL_METHOD_PUBLISH;
}

std::string MailTo(const std::string& email) { return "mailto:" + email; }

Result<Component> Event(const IcsEvent& event, const icaltimetype& stamp, std::string_view at) {
  const std::string field = std::string(at);
  const std::optional<std::int64_t> starts = UtcSeconds(event.starts_at);
  if (!starts) return Error{field + ".starts_at", "is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)"};
  if (event.minutes <= 0) return Error{field + ".minutes", "must be more than zero"};
  if (event.uid.empty()) return Error{field + ".uid", "is empty"};
  std::optional<icaltimetype> modified;
  if (!event.last_modified.empty()) {
    modified = UtcTime(event.last_modified);
    if (!modified) return Error{field + ".last_modified", "is not a UTC time"};
  }

  Component vevent(icalcomponent_new(ICAL_VEVENT_COMPONENT));
  icalcomponent* e = vevent.get();
  icalcomponent_add_property(e, icalproperty_new_uid(event.uid.c_str()));
  icalcomponent_add_property(e, icalproperty_new_sequence(event.sequence));
  icalcomponent_add_property(e, icalproperty_new_dtstamp(stamp));
  icalcomponent_add_property(
      e, icalproperty_new_dtstart(icaltime_from_timet_with_zone(*starts, 0, Utc())));
  const std::int64_t ends = *starts + std::int64_t{event.minutes} * 60;
  icalcomponent_add_property(e,
                             icalproperty_new_dtend(icaltime_from_timet_with_zone(ends, 0, Utc())));
  if (modified) icalcomponent_add_property(e, icalproperty_new_lastmodified(*modified));
  icalcomponent_add_property(e, icalproperty_new_summary(event.summary.c_str()));
  if (!event.location.empty()) {
    icalcomponent_add_property(e, icalproperty_new_location(event.location.c_str()));
  }
  if (!event.description.empty()) {
    icalcomponent_add_property(e, icalproperty_new_description(event.description.c_str()));
  }
  icalcomponent_add_property(
      e, icalproperty_new_status(event.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  // Busy while it stands; a cancelled one no longer blocks the reader's time.
  icalcomponent_add_property(
      e, icalproperty_new_transp(event.cancelled ? ICAL_TRANSP_TRANSPARENT : ICAL_TRANSP_OPAQUE));
  if (!event.organizer_email.empty()) {
    icalcomponent_add_property(e,
                               icalproperty_new_organizer(MailTo(event.organizer_email).c_str()));
  }
  if (!event.attendee_email.empty()) {
    icalcomponent_add_property(e, icalproperty_new_attendee(MailTo(event.attendee_email).c_str()));
  }
  return vevent;
}

}  // namespace

std::string AppointmentUid(std::int64_t appointment_id, std::string_view host) {
  return "appointment-" + std::to_string(appointment_id) + "@" +
         (host.empty() ? std::string("sciaticare") : std::string(host));
}

Result<std::string> CalendarDocument(const std::vector<IcsEvent>& events,
                                     const IcsCalendarOptions& options) {
  const std::optional<icaltimetype> stamp = UtcTime(options.stamp);
  if (!stamp) return Error{"stamp", "is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)"};

  Component calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  icalcomponent* c = calendar.get();
  icalcomponent_add_property(c, icalproperty_new_prodid(kProductId));
  icalcomponent_add_property(c, icalproperty_new_version("2.0"));
  icalcomponent_add_property(c, icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(c, icalproperty_new_method(Method(options.method)));
  if (!options.name.empty()) {
    icalproperty* name = icalproperty_new_x(options.name.c_str());
    icalproperty_set_x_name(name, "X-WR-CALNAME");
    icalcomponent_add_property(c, name);
  }
  for (std::size_t i = 0; i < events.size(); ++i) {
    Result<Component> event = Event(events[i], *stamp, "events[" + std::to_string(i) + "]");
    if (!event.ok()) return event.error();
    icalcomponent_add_component(c, std::move(event).value().release());
  }
  const std::unique_ptr<char, BufferFree> text(icalcomponent_as_ical_string_r(c));
  return std::string(text.get());
}

}  // namespace sciaticare::calendar
