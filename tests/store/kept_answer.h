// A kept idempotent answer for the store contract suites that save them
// (store_units_contract_test.cc, audit_and_answer_contract_test.cc).
#pragma once

#include <string>

#include "store/store.h"

namespace sciaticare::store::testing {

// The answer `user` was given for the request with idempotency `key`, kept at `at`.
inline IdempotentAnswer AnswerFor(const User& user, const std::string& key, const std::string& at) {
  IdempotentAnswer a;
  a.clinic_id = user.clinic_id;
  a.user_id = user.id;
  a.key = key;
  a.request_hash = "hash of " + key;
  a.status = 201;
  a.body = R"({"id":1})";
  a.headers_json = R"({"Location":"/api/v1/patients/1"})";
  a.created_at = at;
  return a;
}

}  // namespace sciaticare::store::testing
