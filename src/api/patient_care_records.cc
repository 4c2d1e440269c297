#include "api/patient_care_records.h"

namespace sciaticare::api {

const store::CareRecords& PatientCareRecords::Get() {
  if (!read_) read_ = Must(api_.store().ReadCareRecords(clinic_id_, patient_id_));
  return *read_;
}

}  // namespace sciaticare::api
