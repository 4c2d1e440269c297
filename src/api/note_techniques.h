// The work done of a session note ("techniques"): each row is one technique
// at one pressure for some minutes, on one region and side ("region",
// "side") or on several at once ("targets": [{"region", "side"}, ...], as a
// plan's item names them). Every safety check of a note reads the work
// through WorkOfNote, one entry per region, so a row naming several regions
// is checked exactly as the same regions in rows of their own. Internal to
// src/api.
#pragma once

#include <string>
#include <vector>

#include "api/api_support.h"
#include "core/session_review.h"

namespace sciaticare::api {

// The most regions one row may name.
inline constexpr std::size_t kMaxTargetsPerRow = 12;

// The body's "techniques" checked and in the form they are stored: a row
// given with "region" and "side" is kept in that form (old notes read and
// answer as before), one given with "targets" in that one. Stops with 422
// naming the field (e.g. "techniques[1].targets[0].side") at the first bad one.
json ReadTechniques(const json& body, const Knowledge& k);

// The stored work as the safety checks see it: one entry per row and
// region, with the field paths of its row and region (session_review.h).
// Entries that cannot be read are skipped (they were checked when stored).
std::vector<AppliedTechnique> WorkOfNote(const std::string& techniques_json);

// The regions a note's stored work touches, every region of every row.
RegionSet RegionsWorked(const std::string& techniques_json);

}  // namespace sciaticare::api
