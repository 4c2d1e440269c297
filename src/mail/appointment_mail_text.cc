// The words of appointment mails (appointment_mail_text.h).
#include "mail/appointment_mail_text.h"

#include "clock/clinic_time.h"

namespace sciaticare::mail {
namespace {

std::string NoticeText(int hours) {
  if (hours == 0) return "any time before it starts";
  if (hours % 24 == 0) {
    const int days = hours / 24;
    return "at least " + std::to_string(days) + (days == 1 ? " day" : " days") + " before";
  }
  return "at least " + std::to_string(hours) + (hours == 1 ? " hour" : " hours") + " before";
}

std::string Greeting(const AppointmentMailFacts& f) {
  return "Dear " + (f.patient_given_name.empty() ? std::string("patient") : f.patient_given_name) +
         ",\n\n";
}

// When and with whom, on the clinic's clock.
std::string WhenLine(const AppointmentMailFacts& f, std::int64_t starts) {
  return ClinicTimeText(starts, f.zone) + " until " +
         ClinicHourText(starts + f.minutes * 60LL, f.zone) + " with " + f.therapist_name;
}

std::string HowToChange(const AppointmentMailFacts& f) {
  return "If you need to cancel or move it, please tell us " + NoticeText(f.notice_hours) +
         ": use the patient portal or call " + f.clinic_name +
         ". Later than that, please call us.\n";
}

std::string Signature(const AppointmentMailFacts& f) {
  return "\nKind regards,\n" + f.clinic_name +
         "\n\nThis message was sent automatically; please do not reply to it.\n";
}

}  // namespace

std::string_view KindName(AppointmentMailKind kind) {
  switch (kind) {
    case AppointmentMailKind::kConfirmation:
      return "confirmation";
    case AppointmentMailKind::kChange:
      return "change";
    case AppointmentMailKind::kCancellation:
      return "cancellation";
    case AppointmentMailKind::kReminder:
      return "reminder";
  }
  return "confirmation";
}

std::string AppointmentEventSummary(std::string_view therapist_name) {
  return "Massage appointment with " + std::string(therapist_name);
}

int AppointmentEventSequence(int version) { return version > 1 ? version - 1 : 0; }

MailText AppointmentMailText(const AppointmentMailFacts& f) {
  const std::string when = WhenLine(f, f.starts_at);
  MailText out;
  switch (f.kind) {
    case AppointmentMailKind::kConfirmation:
      out.subject = "Your appointment at " + f.clinic_name + " is booked";
      out.body = Greeting(f) + "your appointment is booked:\n\n  " + when + "\n\n" +
                 "The calendar attachment adds it to your calendar.\n" + HowToChange(f);
      break;
    case AppointmentMailKind::kChange:
      out.subject = "Your appointment at " + f.clinic_name + " has moved";
      out.body = Greeting(f) + "your appointment has moved. It is now:\n\n  " + when + "\n\n" +
                 (f.old_starts_at ? "It was " + ClinicTimeText(*f.old_starts_at, f.zone) + ".\n"
                                  : std::string()) +
                 "The calendar attachment updates it in your calendar.\n" + HowToChange(f);
      break;
    case AppointmentMailKind::kCancellation:
      out.subject = "Your appointment at " + f.clinic_name + " is cancelled";
      out.body = Greeting(f) + "this appointment is cancelled:\n\n  " + when + "\n\n" +
                 "The calendar attachment removes it from your calendar. To book another, use "
                 "the patient portal or call " +
                 f.clinic_name + ".\n";
      break;
    case AppointmentMailKind::kReminder:
      out.subject = "Reminder: your appointment at " + f.clinic_name;
      out.body =
          Greeting(f) + "a reminder of your appointment:\n\n  " + when + "\n\n" + HowToChange(f);
      break;
  }
  out.body += Signature(f);
  return out;
}

}  // namespace sciaticare::mail
