// Checks a therapist's edit of a draft plan against what screening allows.
// The therapist may change techniques, targets, pressure, minutes, session
// length and frequency; the items must fit in the session; nothing screening forbids can be
// approved, and every refusal says which field and why, in the words screening used.
#pragma once

#include <string>
#include <vector>

#include "core/planner.h"
#include "core/result.h"
#include "core/screening.h"
#include "knowledge/knowledge.h"

namespace sciaticare {

// Every problem with the edit; empty when it may be saved. Fields are paths
// into the plan document, e.g. "techniques[1].pressure".
std::vector<Error> ReviewPlanEdit(const Plan& edited, const Screening& screening,
                                  const Knowledge& k);

// A clearance the therapist attaches at approval: which kind ("physician",
// "obstetrician"), who gave it and when.
struct GivenClearance {
  std::string kind, by, date;
  std::string role;  // Of who gave it (GP, obstetrician); empty in the older single form.
};

// What is missing from the clearances given for approval; empty when every
// kind screening requires has a clearance of its own. One clearance is of one
// kind, so a physician's letter never stands in for an obstetrician's. Fields
// are paths into the approval body, e.g. "clearances[1].kind".
std::vector<Error> ReviewClearances(const std::vector<std::string>& required_kinds,
                                    const std::vector<GivenClearance>& given);

}  // namespace sciaticare
