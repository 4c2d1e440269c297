// Clinics and their users (staff and patient logins), written once for both
// stores over the SQL session; throws what the session throws (the store maps
// it). Emails are matched case-insensitively (the session's CaseFolded), as
// both schemas keep them unique.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/sql/sql_session.h"
#include "store/store.h"

namespace sciaticare::store::records {

// The users table's columns in the order ReadUser expects them, and the
// reader, for joins that start their row with a user (auth_session_records).
extern const std::string kUserColumns;
User ReadUser(const sql::Row& r);

// The Store methods of the same names (store.h states their contracts).
StoreResult<Clinic> CreateClinic(sql::Session& s, const Clinic& clinic);
StoreResult<Clinic> GetClinic(sql::Session& s, Id id);
StoreResult<User> CreateUser(sql::Session& s, const User& user);
StoreResult<User> GetUser(sql::Session& s, Id clinic_id, Id id);
StoreResult<User> GetUserByEmail(sql::Session& s, Id clinic_id, std::string_view email);
StoreResult<User> FindUserByEmail(sql::Session& s, std::string_view email);
StoreResult<std::vector<User>> ListUsers(sql::Session& s, Id clinic_id);
StoreResult<User> UpdateUser(sql::Session& s, Id clinic_id, Id id, const UserUpdate& update);

}  // namespace sciaticare::store::records
