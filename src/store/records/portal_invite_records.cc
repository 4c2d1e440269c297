// Portal invitations on the SQL session: one column list, one row reader.
#include "store/records/portal_invite_records.h"

#include <string>

#include "store/records/invitation_mail_records.h"
#include "store/records/record_checks.h"
#include "store/validation.h"

namespace sciaticare::store::records {
namespace {

const std::string kInviteColumns =
    "id, clinic_id, patient_id, email, token_hash, created_by, created_at, expires_at, used_at, "
    "user_id, replaced_at";

PortalInvite ReadInvite(const sql::Row& r) {
  PortalInvite out;
  out.id = r.Int64(0);
  out.clinic_id = r.Int64(1);
  out.patient_id = r.Int64(2);
  out.email = r.Text(3);
  out.token_hash = r.Text(4);
  out.created_by = r.Int64(5);
  out.created_at = r.Text(6);
  out.expires_at = r.Text(7);
  out.used_at = r.OptText(8);
  out.user_id = r.OptInt64(9);
  out.replaced_at = r.OptText(10);
  return out;
}

}  // namespace

StoreResult<PortalInvite> CreatePortalInvite(sql::Session& s, const PortalInvite& invite) {
  if (auto problem = ValidatePortalInvite(invite)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  if (auto e = CheckInClinic(s, "patients", "patient_id", invite.clinic_id, invite.patient_id)) {
    return *e;
  }
  if (auto e = CheckInClinic(s, "users", "created_by", invite.clinic_id, invite.created_by)) {
    return *e;
  }
  // One open invitation per patient: the link handed out last is the one that
  // works, and the only one mailed.
  CancelInvitationMail(s, invite.clinic_id, invite.patient_id, kWithdrawnAsReplaced);
  s.Prepare(
       "UPDATE portal_invites SET replaced_at = ? WHERE clinic_id = ? AND patient_id = ? AND "
       "used_at IS NULL AND replaced_at IS NULL")
      .Bind(invite.created_at)
      .Bind(invite.clinic_id)
      .Bind(invite.patient_id)
      .Exec();
  PortalInvite stored = invite;
  stored.used_at.reset();
  stored.user_id.reset();
  stored.replaced_at.reset();
  stored.id = s.Prepare(
                   "INSERT INTO portal_invites (clinic_id, patient_id, email, token_hash, "
                   "created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
                  .Bind(invite.clinic_id)
                  .Bind(invite.patient_id)
                  .Bind(invite.email)
                  .Bind(invite.token_hash)
                  .Bind(invite.created_by)
                  .Bind(invite.created_at)
                  .Bind(invite.expires_at)
                  .Scalar();
  tx->Commit();
  return stored;
}

StoreResult<PortalInvite> GetPortalInvite(sql::Session& s, std::string_view token_hash) {
  auto tx = s.Begin(sql::TxKind::kRead);
  auto found = s.Prepare("SELECT " + kInviteColumns + " FROM portal_invites WHERE token_hash = ?")
                   .Bind(token_hash)
                   .One(ReadInvite);
  if (!found) return NotFound("invite", "no such invitation");
  return *found;
}

StoreStatus UsePortalInvite(sql::Session& s, std::string_view token_hash, Id user_id,
                            std::string_view now) {
  if (auto problem = CheckUtcTime("now", now)) return *problem;
  auto tx = s.Begin(sql::TxKind::kWrite);
  // One statement decides: of two patients racing with one link, the second
  // finds it used (PostgreSQL waits on the row; SQLite has one writer).
  const std::int64_t changed =
      s.Prepare(
           "UPDATE portal_invites SET used_at = ?, user_id = ? WHERE token_hash = ? AND "
           "used_at IS NULL AND replaced_at IS NULL AND expires_at > ?")
          .Bind(now)
          .Bind(user_id)
          .Bind(token_hash)
          .Bind(now)
          .Exec();
  if (changed != 1) {
    return Conflict("invite", "this invitation was used, replaced by a newer one, or has expired");
  }
  const auto owner =
      s.Prepare("SELECT clinic_id, patient_id FROM portal_invites WHERE token_hash = ?")
          .Bind(token_hash)
          .One([](const sql::Row& r) { return std::make_pair(r.Int64(0), r.Int64(1)); });
  CancelInvitationMail(s, owner->first, owner->second, kWithdrawnAsUsed);
  tx->Commit();
  return Done{};
}

StoreResult<PortalInvite> LatestPortalInvite(sql::Session& s, Id clinic_id, Id patient_id) {
  auto tx = s.Begin(sql::TxKind::kRead);
  auto found = s.Prepare("SELECT " + kInviteColumns +
                         " FROM portal_invites WHERE clinic_id = ? AND patient_id = ? ORDER BY "
                         "id DESC LIMIT 1")
                   .Bind(clinic_id)
                   .Bind(patient_id)
                   .One(ReadInvite);
  if (!found) return NotFound("invite", "this patient has no invitation");
  return *found;
}

}  // namespace sciaticare::store::records
