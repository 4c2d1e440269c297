// Hands one message to a mail server. The worker sees only this interface,
// so tests can count what was sent without a network; SmtpSender
// (smtp_sender.h) is the real one.
#pragma once

#include <string>

namespace sciaticare::mail {

struct OutgoingMail {
  std::string to;
  std::string subject;
  std::string body;               // Plain text, UTF-8.
  std::string calendar;           // An iCalendar document to attach; empty: none.
  std::string calendar_method;    // "REQUEST" or "CANCEL", for the attachment's type.
  std::string message_id_prefix;  // Unique per outbox message, e.g. "outbox-42".
};

// Whether the server took the message, and what it said (or why it could
// not be reached), in words an admin can read.
struct SendOutcome {
  bool delivered = false;
  std::string answer;
};

class MailSender {
 public:
  virtual ~MailSender() = default;
  // Safe to call from the worker's thread; must not throw.
  virtual SendOutcome Send(const OutgoingMail& mail) = 0;
};

}  // namespace sciaticare::mail
