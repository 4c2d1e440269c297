// Checks shared by the record methods of every family.
#include "store/records/record_checks.h"

#include <string>

namespace sciaticare::store::records {

std::optional<StoreError> CheckClinic(sql::Session& s, Id clinic_id) {
  if (s.Prepare("SELECT 1 FROM clinics WHERE id = ?").Bind(clinic_id).Scalar() == 0) {
    return NotFound("clinic_id", "no such clinic");
  }
  return std::nullopt;
}

std::optional<StoreError> CheckInClinic(sql::Session& s, const char* table, const char* field,
                                        Id clinic_id, Id id) {
  if (s.Prepare(std::string("SELECT 1 FROM ") + table + " WHERE clinic_id = ? AND id = ?")
          .Bind(clinic_id)
          .Bind(id)
          .Scalar() == 0) {
    return NotFound(field, "no such record in this clinic");
  }
  return std::nullopt;
}

std::optional<StoreError> CheckTherapist(sql::Session& s, const char* field, Id clinic_id,
                                         Id user_id, bool lock) {
  auto role = s.Prepare("SELECT role FROM users WHERE clinic_id = ? AND id = ?" +
                        std::string(lock ? s.LockRowsSuffix() : ""))
                  .Bind(clinic_id)
                  .Bind(user_id)
                  .One([](const sql::Row& r) { return r.Text(0); });
  if (!role) return NotFound(field, "no such user in this clinic");
  if (*role != ToString(Role::kTherapist) && *role != ToString(Role::kAdmin)) {
    return Invalid(field, "must be a therapist or an admin, not " + *role);
  }
  return std::nullopt;
}

std::optional<StoreError> LockPatient(sql::Session& s, Id clinic_id, Id patient_id) {
  if (s.Prepare("SELECT 1 FROM patients WHERE clinic_id = ? AND id = ?" +
                std::string(s.LockRowsSuffix()))
          .Bind(clinic_id)
          .Bind(patient_id)
          .Scalar() == 0) {
    return NotFound("patient_id", "no such record in this clinic");
  }
  return std::nullopt;
}

std::optional<StoreError> CheckPlanOfPatient(sql::Session& s, Id clinic_id, Id patient_id,
                                             Id plan_id) {
  if (s.Prepare("SELECT 1 FROM plans WHERE clinic_id = ? AND patient_id = ? AND id = ?")
          .Bind(clinic_id)
          .Bind(patient_id)
          .Bind(plan_id)
          .Scalar() == 0) {
    return NotFound("plan_id", "no such plan of this patient");
  }
  return std::nullopt;
}

}  // namespace sciaticare::store::records
