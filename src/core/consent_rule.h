// Whether a patient's recorded consent allows hands-on work on some regions.
// Pure: the caller reads the consent in force (the patient's newest consent
// entry) and the regions worked; the rule decides. With no consent recorded
// at all the work is allowed and the screens warn (records made before
// consent was recorded keep working); a recorded refusal or withdrawal
// refuses all hands-on work, and a sensitive region is refused unless the
// patient consented to it by name.
#pragma once

#include <optional>

#include "core/vocabulary.h"

namespace sciaticare {

// The consent in force, as recorded.
struct ConsentInForce {
  bool recorded = false;   // Any consent entry at all.
  bool treatment = false;  // The newest entry consents to hands-on treatment.
  RegionSet areas;         // Sensitive regions consented to by name.
};

// Why work is refused: treatment as a whole, or one region (the first worked
// sensitive region, in the vocabulary's order, without consent).
struct ConsentRefusal {
  std::optional<Region> region;  // Empty: no consent to treatment at all.
};

// nullopt when `consent` allows hands-on work on every region of `worked`;
// `sensitive` is the knowledge's consent_sensitive_regions.
std::optional<ConsentRefusal> ConsentRefuses(const ConsentInForce& consent, RegionSet worked,
                                             RegionSet sensitive);

}  // namespace sciaticare
