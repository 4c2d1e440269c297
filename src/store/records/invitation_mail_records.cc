// Portal invitation mail in the outbox (invitation_mail_records.h).
#include "store/records/invitation_mail_records.h"

#include <string>
#include <utility>
#include <vector>

#include "mail/invitation_mail_text.h"
#include "store/records/mail_outbox_records.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

// Cancels one waiting message, its link removed in the same statement.
void Withdraw(sql::Session& s, Id id, std::string_view body, std::string_view why) {
  s.Prepare(
       "UPDATE mail_outbox SET state = 'cancelled', last_error = ?, body = ? WHERE id = ? AND "
       "state = 'queued'")
      .Bind(why)
      .Bind(mail::WithoutInvitationLink(body))
      .Bind(id)
      .Exec();
}

}  // namespace

StoreStatus QueueInvitationMail(sql::Session& s, const InvitationMail& mail) {
  if (!IsEmailAddress(mail.recipient)) {
    return Invalid("recipient", "must be an email address like name@example.com");
  }
  if (mail.subject.empty() || mail.body.empty()) {
    return Invalid("body", "an invitation mail needs a subject and a body");
  }
  auto tx = s.Begin(sql::TxKind::kWrite);
  const std::int64_t open = s.Prepare(
                                 "SELECT COUNT(*) FROM portal_invites WHERE id = ? AND "
                                 "clinic_id = ? AND used_at IS NULL AND replaced_at IS NULL")
                                .Bind(mail.invite_id)
                                .Bind(mail.clinic_id)
                                .Scalar();
  if (open == 0) return NotFound("invite_id", "no open invitation of this clinic");
  // One invitation, one message: a unit that runs again finds it queued.
  s.Prepare(
       "INSERT INTO mail_outbox (clinic_id, kind, appointment_id, event_key, recipient, subject, "
       "body, ics_method, ics_starts_at, ics_minutes, ics_sequence, ics_summary, ics_location, "
       "state, attempts, next_attempt_at, claimed_by, claimed_until, last_error, sent_at) VALUES "
       "(?, 'invitation', NULL, ?, ?, ?, ?, '', '', 0, 0, '', '', 'queued', 0, ?, '', '', '', "
       "'') ON CONFLICT (event_key) DO NOTHING")
      .Bind(mail.clinic_id)
      .Bind("invitation:" + std::to_string(mail.invite_id))
      .Bind(mail.recipient)
      .Bind(mail.subject)
      .Bind(mail.body)
      .Bind(kDueAtOnce)
      .Exec();
  tx->Commit();
  return Done{};
}

void CancelInvitationMail(sql::Session& s, Id clinic_id, Id patient_id, std::string_view why) {
  auto waiting =
      s.Prepare(
           "SELECT id, body FROM mail_outbox WHERE clinic_id = ? AND kind = 'invitation' AND "
           "state = 'queued' AND event_key IN (SELECT 'invitation:' || CAST(id AS TEXT) FROM "
           "portal_invites WHERE clinic_id = ? AND patient_id = ?)" +
           std::string(s.LockRowsSuffix()))
          .Bind(clinic_id)
          .Bind(clinic_id)
          .Bind(patient_id)
          .All([](const sql::Row& r) { return std::make_pair(r.Int64(0), r.Text(1)); });
  for (const auto& [id, body] : waiting) Withdraw(s, id, body, why);
}

void WithdrawLapsedInvitationMail(sql::Session& s, std::string_view now) {
  // Driven by the few waiting invitation messages, each of which names its
  // invitation in its event key ("invitation:<id>"). The CASE keeps the cast
  // away from other kinds' keys, whichever condition the database tries first.
  static const std::string kInviteOfMessage =
      "i.id = CASE WHEN o.kind = 'invitation' THEN CAST(SUBSTR(o.event_key, 12) AS BIGINT) END "
      "AND i.clinic_id = o.clinic_id";
  static const std::string kLapsed =
      "SELECT o.id, o.body, (SELECT CASE WHEN i.used_at IS NOT NULL THEN 'used' WHEN "
      "i.replaced_at IS NOT NULL THEN 'replaced' ELSE 'expired' END FROM portal_invites i "
      "WHERE " +
      kInviteOfMessage +
      ") FROM mail_outbox o WHERE o.kind = 'invitation' AND o.state = 'queued' AND NOT EXISTS "
      "(SELECT 1 FROM portal_invites i WHERE " +
      kInviteOfMessage + " AND i.used_at IS NULL AND i.replaced_at IS NULL AND i.expires_at > ?)";
  struct Lapsed {
    Id id = 0;
    std::string body;
    std::string state;  // Of its invitation: "used", "replaced" or "expired".
  };
  const auto lapsed =
      s.Prepare(kLapsed + std::string(s.LockRowsSuffix())).Bind(now).All([](const sql::Row& r) {
        return Lapsed{r.Int64(0), r.Text(1), r.OptText(2).value_or("")};
      });
  for (const Lapsed& m : lapsed) {
    Withdraw(s, m.id, m.body,
             m.state == "used"       ? kWithdrawnAsUsed
             : m.state == "replaced" ? kWithdrawnAsReplaced
                                     : kWithdrawnAsExpired);
  }
}

std::string KeptBody(std::string_view kind, std::string_view body) {
  return kind == "invitation" ? mail::WithoutInvitationLink(body) : std::string(body);
}

}  // namespace sciaticare::store::records
