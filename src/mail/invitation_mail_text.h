// The words of the portal invitation mail, and the clinic's copy of it with
// the one-time link taken out: pure. The mail tells the patient which clinic
// invites them, what the link does, until when it works, and that the clinic
// never asks for their password; nothing clinical.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "mail/appointment_mail_text.h"

namespace sciaticare::mail {

struct InvitationMailFacts {
  std::string clinic_name;
  std::string patient_given_name;
  std::string link;             // Absolute: "https://clinic.example.org/invite#<secret>".
  std::int64_t expires_at = 0;  // UTC seconds.
  std::string zone;             // The clinic's IANA time zone.
};

MailText InvitationMailText(const InvitationMailFacts& facts);

// `body` with every invitation link ("…/invite#<secret>") replaced by a
// plain note, so a copy kept after the message went out (or was withdrawn)
// holds no usable secret. A body without a link is returned as it is.
std::string WithoutInvitationLink(std::string_view body);

// The note that stands where the link was.
inline constexpr std::string_view kLinkRemovedNote =
    "(the one-time link is not kept in the clinic's copy of this message)";

}  // namespace sciaticare::mail
