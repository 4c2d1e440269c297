// `sciaticare admin create`: the first admin of a clinic, from the command
// line (every later account can be made in the web application).
#pragma once

#include <iosfwd>
#include <string>

#include "auth/credentials.h"

namespace sciaticare {

struct AdminCreateOptions {
  std::string db = "sqlite:sciaticare.db";
  std::string clinic;  // Created unless a clinic of exactly this name exists.
  std::string email;
  std::string name;
  std::string password;  // At least 10 characters.
  auth::HashCost hash_cost = auth::HashCost::kInteractive;
};

inline constexpr std::size_t kMinPasswordLength = 10;

// Exit codes: 0 created; 2 invalid input (a message naming the flag: short
// password, malformed or already used email, empty name or clinic, bad --db);
// 1 the database failed.
int RunAdminCreateCommand(const AdminCreateOptions& options, std::ostream& out, std::ostream& err);

// A plausible address: one @, something before it, a dotted domain after it,
// no spaces. (Whether it receives mail is not checked.)
bool LooksLikeEmail(const std::string& email);

}  // namespace sciaticare
