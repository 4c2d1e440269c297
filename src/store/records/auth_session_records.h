// Sign-in sessions (the browser's cookie, stored as a hash), written once for
// both stores over the SQL session; throws what the session throws (the store
// maps it). Their touch on each request is in login_records.
#pragma once

#include <cstdint>
#include <string_view>

#include "store/sql/sql_session.h"
#include "store/store.h"
#include "store/validation.h"

namespace sciaticare::store::records {

// The Store methods of the same names (store.h states their contracts).
StoreStatus CreateAuthSession(sql::Session& s, const AuthSession& session);
StoreResult<SignedInSession> GetAuthSession(sql::Session& s, std::string_view token_hash,
                                            std::string_view now);
// Refuses a sign-in to confirm (when given) whose time is none, before
// anything is read.
Problem CheckSignInToConfirm(const SignInConfirmation* sign_in);
// GetAuthSession's read of `sign_in` (its token hash and time), to be sent
// with a screen's reads; `sign_in` must outlive the batch.
sql::BatchRead SignedInSessionRead(SignInConfirmation& sign_in);
StoreStatus DeleteAuthSession(sql::Session& s, std::string_view token_hash);
StoreResult<std::int64_t> DeleteExpiredAuthSessions(sql::Session& s, std::string_view now);

}  // namespace sciaticare::store::records
