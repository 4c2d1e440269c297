// The records of who works with the server and how they sign in: clinics,
// users, therapist profiles, login sessions, login attempts and API tokens,
// as plain values (the conventions of store/model/kinds.h hold).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/model/kinds.h"

namespace sciaticare::store {

struct Clinic {
  Id id = 0;
  std::string name;
};

struct User {
  Id id = 0;
  Id clinic_id = 0;
  std::string email;  // Unique across all clinics, compared case-insensitively.
  std::string display_name;
  Role role = Role::kTherapist;
  std::string password_hash;     // An encoded hash (e.g. libsodium's), never a password.
  std::optional<Id> patient_id;  // Only for role kPatient: the patient this login is.
  bool active = true;
  friend bool operator==(const User&, const User&) = default;
};

struct TherapistProfile {
  Id user_id = 0;
  Id clinic_id = 0;
  std::vector<std::string> modalities;  // Technique ids from the knowledge, in order.
  int years_experience = 0;
  int sciatica_experience_years = 0;
  std::string bio;
};

struct AuthSession {
  std::string token_hash;  // Hash of the cookie value; the value itself is never stored.
  Id user_id = 0;
  Id clinic_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string expires_at;  // The absolute end, whatever the use.
  // When the session was last used (to the minute or so: see
  // Store::TouchAuthSession); created_at when left empty on create.
  std::string last_seen_at = {};
  friend bool operator==(const AuthSession&, const AuthSession&) = default;
};

// One login attempt, kept a limited time to slow password guessing down: a
// hash of the email as typed (normalized), never the password.
struct LoginAttempt {
  std::string email_hash;
  std::string remote_addr;
  std::string at;
  bool succeeded = false;
};

// Failed logins since a time, for the login throttle: those of one email from
// one address after that pair's last success, and those of the address for
// any email. The *_last_at are the newest failure's time ("" for none).
struct LoginFailures {
  std::int64_t pair = 0;
  std::string pair_last_at;
  std::int64_t address = 0;
  std::string address_last_at;
};

// A live login session and its user, read together: every request that
// carries a session cookie needs both.
struct SignedInSession {
  AuthSession session;
  User user;
  friend bool operator==(const SignedInSession&, const SignedInSession&) = default;
};

// A sign-in read in the same snapshot as a screen's records (ReadChart),
// instead of in a round trip of its own before them: the session whose
// cookie hashes to `token_hash`, if it is unexpired at `now` and its user
// active, as GetAuthSession would read it. The store sets `read` once it has
// read it, and `found` then holds it, or nothing when it has ended.
struct SignInConfirmation {
  std::string token_hash;
  std::string now;
  bool read = false;
  std::optional<SignedInSession> found = {};
};

struct ApiToken {
  Id id = 0;
  Id user_id = 0;
  Id clinic_id = 0;
  std::string name;
  std::string token_hash;
  std::string created_at;
  bool revoked = false;
};

}  // namespace sciaticare::store
