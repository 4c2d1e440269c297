// An entry of the audit trail, appended for every access to patient data and
// never changed (the conventions of store/model/kinds.h hold).
#pragma once

#include <optional>
#include <string>

#include "store/model/kinds.h"

namespace sciaticare::store {

struct AuditEntry {
  Id id = 0;
  Id clinic_id = 0;
  std::string at;
  std::optional<Id> user_id;  // Empty for an anonymous request (e.g. a failed login).
  std::string action;         // "read", "create", "update", "login", "login_failed", ...
  std::string entity;         // "patient", "plan", ...
  std::string entity_id;
  std::optional<Id> patient_id;  // Whose data was touched, for "who saw my record".
  std::string remote_addr;
  std::string detail;
};

}  // namespace sciaticare::store
