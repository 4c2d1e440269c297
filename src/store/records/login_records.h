// The login attempts behind the login throttle, and the last use of a login
// session (its idle limit), written once for both stores over the SQL
// session; throws what the session throws (the store maps it).
#pragma once

#include <string_view>

#include "store/sql/sql_session.h"
#include "store/store.h"

namespace sciaticare::store::records {

// The Store methods of the same names (store.h states their contracts).
StoreStatus TouchAuthSession(sql::Session& s, std::string_view token_hash,
                             std::string_view seen_at);
StoreStatus RecordLoginAttempt(sql::Session& s, const LoginAttempt& attempt,
                               std::string_view prune_before);
StoreResult<LoginFailures> CountLoginFailures(sql::Session& s, std::string_view email_hash,
                                              std::string_view remote_addr, std::string_view since);

}  // namespace sciaticare::store::records
