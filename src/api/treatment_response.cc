#include "api/treatment_response.h"

namespace sciaticare::api {

bool SymptomsSpreadSince(Api& api, Id clinic_id, Id patient_id, const std::string& since,
                         Id except_note) {
  // The store answers from an index (schema 9): a patient with thousands of
  // notes costs no more than one with three.
  return Must(api.store().SymptomsSpreadSince(clinic_id, patient_id, since, except_note));
}

}  // namespace sciaticare::api
