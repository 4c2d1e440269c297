// One technique row of a session note's body as the API takes it, ten
// minutes long: what the note tests that check plan deviations and
// irritability build their notes from.
#pragma once

#include <nlohmann/json.hpp>

namespace sciaticare::testing {

inline nlohmann::json TechniqueRow(const char* technique, const char* region, const char* side,
                                   int pressure) {
  return {{"technique", technique},
          {"region", region},
          {"side", side},
          {"pressure", pressure},
          {"minutes", 10}};
}

}  // namespace sciaticare::testing
