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
  std::string password;  // Must pass auth::PasswordProblem (password_policy.h).
  auth::HashCost hash_cost = auth::HashCost::kInteractive;
};

// Exit codes: 0 created; 2 invalid input (a message naming the flag: short
// password the policy refuses, malformed or already used email, empty name or
// clinic, bad --db);
// 1 the database failed.
int RunAdminCreateCommand(const AdminCreateOptions& options, std::ostream& out, std::ostream& err);

}  // namespace sciaticare
