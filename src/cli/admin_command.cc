#include "cli/admin_command.h"

#include <optional>
#include <ostream>

#include "api/clinic_api.h"
#include "auth/password_policy.h"
#include "cli/demo_seed.h"
#include "cli/plan_command.h"
#include "cli/store_url.h"
#include "store/validation.h"

namespace sciaticare {
namespace {

int Invalid(std::ostream& err, const std::string& flag, const std::string& message) {
  err << "error: " << flag << ": " << message << "\n";
  return kExitInvalid;
}

int Failed(std::ostream& err, const std::string& what, const store::StoreError& e) {
  err << "error: " << what << ": " << e.ToString() << "\n";
  return 1;
}

// The clinic named exactly `name` (the lowest id when several are). The Store
// lists no clinics, so this walks the ids from 1 (see kClinicIdGapTolerance).
store::StoreResult<std::optional<store::Clinic>> FindClinicByName(store::Store& db,
                                                                  const std::string& name) {
  store::Id missing_in_a_row = 0;
  for (store::Id id = 1; missing_in_a_row < kClinicIdGapTolerance; ++id) {
    auto clinic = db.GetClinic(id);
    if (!clinic) {
      if (clinic.kind() != store::StoreErrorKind::kNotFound) return clinic.error();
      ++missing_in_a_row;
      continue;
    }
    missing_in_a_row = 0;
    if (clinic.value().name == name) return std::optional<store::Clinic>(clinic.value());
  }
  return std::optional<store::Clinic>();
}

}  // namespace

int RunAdminCreateCommand(const AdminCreateOptions& options, std::ostream& out, std::ostream& err) {
  if (options.clinic.empty()) return Invalid(err, "--clinic", "must not be empty");
  if (options.clinic.size() > 200)
    return Invalid(err, "--clinic", "must be at most 200 characters");
  if (!store::IsEmailAddress(options.email)) {
    return Invalid(err, "--email", "must be an email address like name@clinic.example");
  }
  if (options.name.empty()) return Invalid(err, "--name", "must not be empty");
  if (options.name.size() > 200) return Invalid(err, "--name", "must be at most 200 characters");
  auto password_hash =
      auth::HashNewPassword(options.password, {options.email, options.name}, options.hash_cost);
  if (!password_hash) return Invalid(err, "--password", password_hash.error().message);

  Result<std::unique_ptr<store::Store>> opened = OpenStore(options.db);
  if (!opened) return Invalid(err, "--db", opened.error().message);
  store::Store& db = *opened.value();

  auto existing_user = db.FindUserByEmail(options.email);
  if (existing_user) return Invalid(err, "--email", "is already used by another account");
  if (existing_user.kind() != store::StoreErrorKind::kNotFound) {
    return Failed(err, "looking up the email", existing_user.error());
  }

  const std::string now = api::UtcNow();
  auto found = FindClinicByName(db, options.clinic);
  if (!found) return Failed(err, "looking up the clinic", found.error());
  bool created_clinic = false;
  store::Clinic clinic;
  if (found.value()) {
    clinic = *found.value();
  } else {
    store::Clinic fresh;
    fresh.name = options.clinic;
    auto made = db.CreateClinic(fresh);
    if (!made) return Failed(err, "creating the clinic", made.error());
    clinic = made.value();
    created_clinic = true;
    store::AuditEntry entry;
    entry.clinic_id = clinic.id;
    entry.at = now;
    entry.action = "create";
    entry.entity = "clinic";
    entry.entity_id = std::to_string(clinic.id);
    entry.detail = "created by `sciaticare admin create`";
    if (auto audited = db.AppendAudit(entry); !audited) {
      return Failed(err, "recording the audit entry", audited.error());
    }
  }

  store::User user;
  user.clinic_id = clinic.id;
  user.email = options.email;
  user.display_name = options.name;
  user.role = store::Role::kAdmin;
  user.password_hash = std::move(password_hash).value();
  auto made = db.CreateUser(user);
  if (!made) {
    if (made.kind() == store::StoreErrorKind::kConflict) {
      return Invalid(err, "--email", "is already used by another account");
    }
    if (made.kind() == store::StoreErrorKind::kInvalid) {
      const std::string& field = made.error().field;
      return Invalid(err, field == "display_name" ? "--name" : "--" + field, made.error().message);
    }
    return Failed(err, "creating the admin", made.error());
  }
  store::AuditEntry entry;
  entry.clinic_id = clinic.id;
  entry.at = now;
  entry.action = "create";
  entry.entity = "user";
  entry.entity_id = std::to_string(made.value().id);
  entry.detail = "admin created by `sciaticare admin create`";
  if (auto audited = db.AppendAudit(entry); !audited) {
    return Failed(err, "recording the audit entry", audited.error());
  }
  out << "created admin " << options.email << " (user " << made.value().id << ") in "
      << (created_clinic ? "new" : "existing") << " clinic \"" << clinic.name << "\" (clinic "
      << clinic.id << ")\n";
  return 0;
}

}  // namespace sciaticare
