// Sends mail through an SMTP server with libcurl: STARTTLS when the server
// offers it (or required, per `require_tls`), the body as text and the
// calendar as a text/calendar attachment (MIME built by curl_mime). The
// password comes from the caller (the serve command reads it from the
// environment) and is never logged or answered.
#pragma once

#include <string>

#include "mail/mail_sender.h"

namespace sciaticare::mail {

struct SmtpOptions {
  std::string url;   // smtp://host:port or smtps://host:port.
  std::string from;  // The sender's address, e.g. clinic@example.org.
  std::string user;  // Empty: no login.
  std::string password;
  bool require_tls = false;  // false: STARTTLS when offered (CURLUSESSL_TRY).
  long timeout_seconds = 30;
};

class SmtpSender final : public MailSender {
 public:
  explicit SmtpSender(SmtpOptions options);
  SendOutcome Send(const OutgoingMail& mail) override;

 private:
  SmtpOptions options_;
};

}  // namespace sciaticare::mail
