// Outgoing mail for the admin: GET /mail/outbox lists the clinic's newest
// messages with every attempt, in words an admin reads ("Sent", "Could not be
// sent: ..."), and says when mail is not set up on this server; POST
// /mail/outbox/{id}/retry sends a failed message again (a fresh round of
// attempts; answering a queued one as it is, so a retry of the request is
// harmless).
#include <functional>
#include <string>

#include "api/api_support.h"

namespace sciaticare::api {
namespace {

constexpr int kShown = 200;

std::string KindText(const std::string& kind) {
  if (kind == "confirmation") return "Booking confirmation";
  if (kind == "change") return "Appointment moved";
  if (kind == "cancellation") return "Appointment cancelled";
  if (kind == "reminder") return "Appointment reminder";
  if (kind == "invitation") return "Portal invitation";
  return kind;
}

std::string StateText(const store::OutboxMessage& m) {
  if (m.state == "sent") return "Sent";
  if (m.state == "failed") return "Could not be sent";
  if (m.state == "cancelled") return "Not sent: no longer needed";
  return m.attempts == 0 ? "Waiting to be sent" : "Waiting to try again";
}

json MessageJson(const store::OutboxMessage& m) {
  json attempts = json::array();
  for (const store::MailAttempt& a : m.attempt_log) {
    attempts.push_back(
        {{"attempted_at", a.attempted_at}, {"delivered", a.delivered}, {"answer", a.smtp_answer}});
  }
  return {{"id", m.id},
          {"kind", m.kind},
          {"kind_text", KindText(m.kind)},
          {"appointment_id", m.appointment_id ? json(*m.appointment_id) : json(nullptr)},
          {"recipient", m.recipient},
          {"subject", m.subject},
          {"state", m.state},
          {"state_text", StateText(m)},
          {"attempts", m.attempts},
          {"next_attempt_at", m.state == "queued" ? json(m.next_attempt_at) : json(nullptr)},
          {"last_error", m.last_error},
          {"sent_at", m.sent_at.empty() ? json(nullptr) : json(m.sent_at)},
          {"attempt_log", attempts}};
}

// GET /mail/outbox
http::Response ListOutbox(Api& api, http::Request& req, const Caller& c) {
  const auto messages = Must(api.store().ListMailOutbox(c.clinic(), kShown));
  json items = json::array();
  for (const store::OutboxMessage& m : messages) items.push_back(MessageJson(m));
  api.Audit(c, req, "read", "mail_outbox", std::to_string(c.clinic()), std::nullopt);
  return JsonResponse(200, {{"mail_set_up", api.options().mail_set_up},
                            {"not_set_up_text", api.options().mail_set_up
                                                    ? json(nullptr)
                                                    : json("Mail is not set up on this server: "
                                                           "messages wait here until it is.")},
                            {"items", items}});
}

// POST /mail/outbox/{id}/retry
http::Response RetryMessage(Api& api, http::Request& req, const Caller& c) {
  const Id id = PathId(req, "id");
  store::OutboxMessage m = Must(api.store().RetryMail(c.clinic(), id, api.Now()));
  api.Audit(c, req, "update", "mail_outbox", std::to_string(id), std::nullopt,
            "message put back to be sent again");
  return JsonResponse(200, MessageJson(m));
}

}  // namespace

void AddMailRoutes(http::Router& router, Api& api) {
  auto with = [&api](http::Response (*handler)(Api&, http::Request&, const Caller&)) {
    return std::bind_front(handler, std::ref(api));
  };
  router.Add("GET", "/api/v1/mail/outbox", api.Guard({Role::kAdmin}, with(ListOutbox)));
  router.Add("POST", "/api/v1/mail/outbox/{id}/retry",
             api.Guard({Role::kAdmin}, with(RetryMessage)));
}

}  // namespace sciaticare::api
