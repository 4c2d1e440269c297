// `sciaticare questionnaires [--wording FILE] [--json]`: the questionnaires the
// product scores, with item topics, scales, scoring rules and licences; with a
// clinic's licensed wording file, the licensed item text as well.
#pragma once

#include <iosfwd>
#include <string>

namespace sciaticare {

// Returns 0, or 2 when the wording file cannot be read or is invalid.
int RunQuestionnairesCommand(const std::string& wording_path, bool json, std::ostream& out,
                             std::ostream& err);

}  // namespace sciaticare
