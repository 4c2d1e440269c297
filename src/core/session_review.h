// Checks the hands-on work a session note records against the patient's
// screening. A note records what was done, so a departure is not refused
// outright here: the caller decides (the API asks the therapist to
// acknowledge it with a reason). Every departure names its field, a path into
// the note such as "techniques[2].pressure", and says why in screening's words.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "core/screening.h"

namespace sciaticare {

// One technique on one region and side at one pressure. A note's row that
// names several regions is reviewed as one of these per region, each carrying
// where its parts sit in the note: `row` ("techniques[2]", for the technique
// and pressure) and `target` ("techniques[2].targets[1]", for the region).
// Left empty, both are "techniques[i]" for the i-th entry.
struct AppliedTechnique {
  Technique technique = Technique::kSwedish;
  Region region = Region::kLowerBack;
  Side side = Side::kBoth;
  int pressure = 1;
  std::string row;
  std::string target;
};

struct SessionWork {
  std::vector<AppliedTechnique> techniques;
  bool oils_used = false;
};

// Every departure from what screening allows; empty when the work fits. A
// referred patient (red flag) should get no hands-on work at all, so any
// technique recorded for one is a departure at "techniques"; a note with no
// techniques (e.g. "sent to the emergency department") never departs. A
// departure found again at the same field (one row's pressure on two of its
// regions, say) is listed once.
std::vector<Error> ReviewSessionWork(const SessionWork& work, const Screening& screening);

}  // namespace sciaticare
