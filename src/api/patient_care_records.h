// A patient's care records (store::CareRecords: assessments, referrals,
// consents) read at most once per request, when first needed: a note's
// checks (screening, consent, deviations) all read them, and the store sends
// the reads together. Internal to src/api.
#pragma once

#include <optional>

#include "api/api_support.h"

namespace sciaticare::api {

class PatientCareRecords {
 public:
  // Of `patient_id` in the caller's clinic; the read confirms the caller's
  // sign-in when it is to be (Caller::SignInToConfirm).
  PatientCareRecords(Api& api, const Caller& caller, Id patient_id)
      : api_(api), caller_(caller), patient_id_(patient_id) {}
  // The records, read on the first call; stops the handler with the store's
  // error (404 at "patient_id" when the patient is not in the clinic).
  const store::CareRecords& Get();

 private:
  Api& api_;
  const Caller& caller_;
  Id patient_id_;
  std::optional<store::CareRecords> read_;
};

}  // namespace sciaticare::api
