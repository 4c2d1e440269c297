#include "api/patient_care_records.h"

namespace sciaticare::api {

const store::CareRecords& PatientCareRecords::Get() {
  if (!read_)
    read_ = Must(
        api_.store().ReadCareRecords(caller_.clinic(), patient_id_, caller_.SignInToConfirm()));
  return *read_;
}

}  // namespace sciaticare::api
