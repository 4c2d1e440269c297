// The rule every new password meets, at every door that sets one (the admin
// API's user creation and password reset, `sciaticare admin create`): length
// over composition (NIST SP 800-63B), 12 to 1024 characters, not the account's
// own email, its local part or the person's name, and not easy to guess as
// judged by the zxcvbn strength estimator (score 3 of 4 or better). The only
// way to hash a new password is HashNewPassword, so no door can skip the rule.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "auth/credentials.h"
#include "core/result.h"

namespace sciaticare::auth {

inline constexpr std::size_t kMinPasswordCharacters = 12;  // Unicode characters.
inline constexpr std::size_t kMaxPasswordBytes = 1024;     // What login accepts.
inline constexpr int kMinPasswordScore = 3;                // zxcvbn's 0-4 scale.

// Whose password it is: what it must not be, and what makes it easy to guess.
struct PasswordOwner {
  std::string_view email;
  std::string_view display_name;
};

// zxcvbn's score 0-4 for `password` (0: among the most common passwords;
// 3: safely unguessable by an online attacker; 4: very unguessable), counting
// the owner's email and name as known words.
int PasswordScore(std::string_view password, const PasswordOwner& owner);

// Why `password` may not be set for `owner`, in plain words for that person;
// nullopt when it is acceptable.
std::optional<std::string> PasswordProblem(std::string_view password, const PasswordOwner& owner);

// The argon2id hash of an acceptable new password; an Error on field
// "password" with PasswordProblem's message otherwise.
Result<std::string> HashNewPassword(std::string_view password, const PasswordOwner& owner,
                                    HashCost cost);

}  // namespace sciaticare::auth
