// A session's red-flag check: the note carries `red_flags` with the intake's
// keys ({"ces_saddle_anaesthesia": true, ...}); a positive answer refers
// exactly as an intake would, by screening the patient's latest intake with
// these answers laid over its own. Internal to src/api.
#pragma once

#include <optional>

#include "api/api_support.h"

namespace sciaticare::api {

// The check's answers as given ({} when none): known ids, each true, false or
// null. Stops with 422 naming "red_flags" or "red_flags.<id>" otherwise.
json SessionRedFlagAnswers(const json& body, const Knowledge& k);

// The referral the check raises (patient, assessment it follows, urgency,
// flags, findings; no id yet), or nullopt when nothing positive refers.
// Stops with 422 naming "red_flags.<id>" for an unknown key or a non-boolean.
std::optional<store::Referral> ScreenSessionRedFlags(Api& api, const Caller& c, Id patient_id,
                                                     const json& body);

}  // namespace sciaticare::api
