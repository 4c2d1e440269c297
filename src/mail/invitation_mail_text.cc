// The words of the portal invitation mail (invitation_mail_text.h).
#include "mail/invitation_mail_text.h"

#include "clock/clinic_time.h"

namespace sciaticare::mail {
namespace {

constexpr std::string_view kLinkMark = "/invite#";

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

}  // namespace

MailText InvitationMailText(const InvitationMailFacts& f) {
  const std::string name =
      f.patient_given_name.empty() ? std::string("patient") : f.patient_given_name;
  MailText out;
  out.subject = f.clinic_name + " invites you to its patient portal";
  out.body = "Dear " + name + ",\n\n" + f.clinic_name +
             " invites you to its patient portal, where you can see your appointments and ask "
             "to move them.\n\n"
             "To start, open this link and choose your own password:\n\n  " +
             f.link +
             "\n\n"
             "The link works once, until " +
             ClinicTimeText(f.expires_at, f.zone) +
             ". If it has expired, ask the clinic for a new one.\n\n"
             "The clinic will never ask you for your password, by mail, phone or in person. "
             "If you did not expect this message, you can ignore it.\n\n"
             "Kind regards,\n" +
             f.clinic_name +
             "\n\nThis message was sent automatically; please do not reply to it.\n";
  return out;
}

std::string WithoutInvitationLink(std::string_view body) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t mark = body.find(kLinkMark); mark != std::string_view::npos;
       mark = body.find(kLinkMark, from)) {
    // The link is the whole word around the mark: from the space before it
    // (its scheme and host) to the space after it (its secret).
    std::size_t start = mark;
    while (start > from && !IsSpace(body[start - 1])) --start;
    std::size_t end = mark + kLinkMark.size();
    while (end < body.size() && !IsSpace(body[end])) ++end;
    out.append(body.substr(from, start - from));
    out.append(kLinkRemovedNote);
    from = end;
  }
  out.append(body.substr(from));
  return out;
}

}  // namespace sciaticare::mail
