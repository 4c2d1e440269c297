// Checks shared by the record methods of every family.
#include "store/records/record_checks.h"

#include <string>

namespace sciaticare::store::records {

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

}  // namespace sciaticare::store::records
