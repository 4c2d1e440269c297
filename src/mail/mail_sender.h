// Hands one message to a mail server. The worker sees only this interface,
// so tests can count what was sent without a network; SmtpSender
// (smtp_sender.h) is the real one.
#pragma once

#include <string>

namespace sciaticare::mail {

struct OutgoingMail {
  std::string to;
  std::string subject;
  std::string body;             // Plain text, UTF-8.
  std::string calendar;         // An iCalendar document to attach; empty: none.
  std::string calendar_method;  // "REQUEST" or "CANCEL", for the attachment's type.
  // The Message-ID's part before the "@", e.g. "outbox-42": one per outbox
  // message and the same for every attempt to send it, so that a message
  // sent again (after a timeout the server had in fact accepted, or a
  // server that died before recording its send) is the same message to the
  // receiving mail system, which shows it once.
  std::string message_id_local_part;
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
