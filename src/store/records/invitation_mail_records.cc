// Portal invitation mail in the outbox (invitation_mail_records.h).
#include "store/records/invitation_mail_records.h"

#include <string>
#include <utility>
#include <vector>

#include "mail/invitation_mail_text.h"
#include "store/records/mail_outbox_records.h"
#include "store/validation.h"

namespace sciaticare::store::records {

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
  for (const auto& [id, body] : waiting) {
    s.Prepare(
         "UPDATE mail_outbox SET state = 'cancelled', last_error = ?, body = ? WHERE id = ? AND "
         "state = 'queued'")
        .Bind(why)
        .Bind(mail::WithoutInvitationLink(body))
        .Bind(id)
        .Exec();
  }
}

std::string KeptBody(std::string_view kind, std::string_view body) {
  return kind == "invitation" ? mail::WithoutInvitationLink(body) : std::string(body);
}

}  // namespace sciaticare::store::records
