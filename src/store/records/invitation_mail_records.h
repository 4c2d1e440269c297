// Portal invitation mail in the outbox, on the SQL session, written once for
// both stores. While an invitation's message waits, its body holds the
// one-time link; every statement that ends its waiting (sent, failed,
// cancelled) also replaces the link with a plain note, so no finished
// message holds a usable secret (the admin's outbox shows no body at all).
#pragma once

#include <string>
#include <string_view>

#include "store/invitation_mail_store.h"
#include "store/sql/sql_session.h"
#include "store/store_result.h"

namespace sciaticare::store::records {

// The Store method of the same name (invitation_mail_store.h).
StoreStatus QueueInvitationMail(sql::Session& s, const InvitationMail& mail);

// Cancels the queued mail of the patient's invitations, its links removed, in
// the caller's transaction: the invitation it carries was replaced or the
// patient's login is made; `why` (one of the kWithdrawnAs… below) says which.
void CancelInvitationMail(sql::Session& s, Id clinic_id, Id patient_id, std::string_view why);

// Withdraws, as CancelInvitationMail does, every waiting invitation mail
// whose invitation is no longer open at `now` (expired, or used or replaced
// without its mail withdrawn), in the caller's transaction: the outbox runs
// it before each claim, so a link that stopped working is never sent.
void WithdrawLapsedInvitationMail(sql::Session& s, std::string_view now);

// Why a waiting invitation mail was withdrawn, for the admin's outbox.
inline constexpr std::string_view kWithdrawnAsReplaced =
    "a newer invitation replaced this one before it went out";
inline constexpr std::string_view kWithdrawnAsUsed =
    "the patient set their password before this went out";
inline constexpr std::string_view kWithdrawnAsExpired =
    "the invitation expired before this could be sent";

// The body of a message of `kind` as kept once it stops waiting: an
// invitation's without its link; any other as it is.
std::string KeptBody(std::string_view kind, std::string_view body);

}  // namespace sciaticare::store::records
