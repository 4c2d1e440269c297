// Sign-in sessions (the browser's cookie, stored as a hash), written once for
// both stores over the SQL session; throws what the session throws (the store
// maps it). Their touch on each request is in login_records.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
// GetAuthSession's read of a sign-in to confirm, made in the same statement
// as a screen's one-row read (its patient) rather than in one of its own: on
// PostgreSQL each statement of a screen's pipeline costs the database about
// as much as a small read (docs/performance.md, session 14).
// WithSignedInSessionSql: `one_row_sql` (a SELECT of at most one row) and the
// sign-in's read as one statement of exactly one row, `one_row_sql`'s columns
// (all NULL when it has no row) and then the sign-in's (all NULL when it has
// ended). Its parameters are `one_row_sql`'s, then AppendSignInParams'.
std::string WithSignedInSessionSql(const std::string& one_row_sql);
void AppendSignInParams(const SignInConfirmation& sign_in, std::vector<sql::BatchParam>& params);
// Reads into `sign_in` the sign-in's part of such a row: `row` shifted to
// its first column (sql::Row::Shifted).
void ReadSignInColumns(const sql::Row& row, SignInConfirmation& sign_in);
StoreStatus DeleteAuthSession(sql::Session& s, std::string_view token_hash);
StoreResult<std::int64_t> DeleteExpiredAuthSessions(sql::Session& s, std::string_view now);

}  // namespace sciaticare::store::records
