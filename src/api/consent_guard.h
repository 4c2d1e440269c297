// The patient's consent as every note path sees it: the consent in force
// (their newest consent entry) read from the store, its JSON for the screens,
// and the check that refuses hands-on work the patient has not consented to
// with a 409 naming the area in plain words. core/consent_rule decides.
// Internal to src/api, and the demo seeder, which records consent as the
// consent route does.
#pragma once

#include <string>
#include <vector>

#include "api/api_support.h"
#include "core/consent_rule.h"

namespace sciaticare::api {

// The consent in force given a patient's entries, oldest first (pure).
ConsentInForce ConsentOf(const std::vector<store::ConsentRecord>& entries, const Knowledge& k);

// A region's label as it reads inside a sentence ("the buttock area").
std::string AreaInSentence(Region r, const Knowledge& k);

// One consent entry as the API shows it, areas with their labels.
json ConsentJson(const store::ConsentRecord& entry, const Knowledge& k);

// Stops with 409 at `field` when the patient's consent in force, from their
// entries (oldest first), refuses hands-on work on a region of
// `techniques_json` (a session note's stored work, every region of every
// row: note_techniques.h).
void RequireConsentForWork(const std::vector<store::ConsentRecord>& entries, const Knowledge& k,
                           const std::string& techniques_json, const std::string& field);

}  // namespace sciaticare::api
