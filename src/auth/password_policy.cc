#include "auth/password_policy.h"

#include <zxcvbn.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <vector>

namespace sciaticare::auth {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::size_t Utf8Characters(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The owner's words a guesser would try first: the email, its local part,
// the name and each part of the name, lower-cased.
std::vector<std::string> OwnerWords(const PasswordOwner& owner) {
  std::vector<std::string> words;
  auto add = [&words](std::string_view w) {
    if (!w.empty()) words.push_back(Lower(w));
  };
  add(owner.email);
  add(owner.email.substr(0, owner.email.find('@')));
  add(owner.display_name);
  std::string_view rest = owner.display_name;
  while (!rest.empty()) {
    const std::size_t space = rest.find(' ');
    add(rest.substr(0, space));
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  return words;
}

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

}  // namespace

int PasswordScore(std::string_view password, const PasswordOwner& owner) {
  const std::vector<std::string> words = OwnerWords(owner);
  std::vector<const char*> dictionary;
  for (const std::string& w : words) dictionary.push_back(w.c_str());
  dictionary.push_back(nullptr);
  const std::string terminated(password);
  // zxcvbn-c answers in bits of entropy, log2 of the guesses an attacker
  // needs; zxcvbn's scores are thresholds on guesses (1e3, 1e6, 1e8, 1e10).
  const double bits = ZxcvbnMatch(terminated.c_str(), dictionary.data(), nullptr);
  const double guesses = std::exp2(bits);
  if (guesses < 1e3) return 0;
  if (guesses < 1e6) return 1;
  if (guesses < 1e8) return 2;
  if (guesses < 1e10) return 3;
  return 4;
}

std::optional<std::string> PasswordProblem(std::string_view password, const PasswordOwner& owner) {
  if (Utf8Characters(password) < kMinPasswordCharacters) {
    return "must be at least " + std::to_string(kMinPasswordCharacters) +
           " characters; a few unrelated words make a long password that is easy to remember";
  }
  if (password.size() > kMaxPasswordBytes) {
    return "must be at most " + std::to_string(kMaxPasswordBytes) + " characters";
  }
  const std::string lowered = Lower(password);
  for (const std::string& word : OwnerWords(owner)) {
    if (lowered == word || WithoutSpaces(lowered) == WithoutSpaces(word)) {
      return std::string("must not be your email address or your name");
    }
  }
  if (PasswordScore(password, owner) < kMinPasswordScore) {
    return std::string(
        "is too easy to guess: it is a common password, a word with small changes, a pattern "
        "like 1234 or qwerty, or built from your name or email; use a longer phrase of "
        "unrelated words");
  }
  return std::nullopt;
}

Result<std::string> HashNewPassword(std::string_view password, const PasswordOwner& owner,
                                    HashCost cost) {
  if (auto problem = PasswordProblem(password, owner)) return Error{"password", *problem};
  return HashPassword(password, cost);
}

}  // namespace sciaticare::auth
