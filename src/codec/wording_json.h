// Licensed questionnaire wording, loaded from a file the clinic provides.
// Sciaticare never ships the item text of licensed instruments (Oswestry,
// STarT Back, SBI, Roland-Morris); a clinic that holds a licence supplies it in
// the format of docs/questionnaire-wording.md and the product shows it in place
// of the item topics. The file is checked against the instrument definitions
// so that wording can never be attached to the wrong item or answer scale.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "knowledge/knowledge.h"

namespace sciaticare {

struct ItemWording {
  std::string text;
  std::vector<std::string> options;  // Empty: the instrument's own scale is shown.
};

struct InstrumentWording {
  std::string title, copyright;
  std::vector<ItemWording> items;
};

struct LicensedWording {
  std::string licence_holder, licence_reference;
  std::map<std::string, InstrumentWording> instruments;  // By instrument id.
};

// Fails with the path of the first offending value, e.g.
// "instruments.odi.items[3].options: must have 6 options".
Result<LicensedWording> ParseWordingJson(std::string_view text, const Knowledge& k);

// The instruments as the product presents them: topics, answer scales, scoring
// rules, minimal important change and licence; with `wording`, the licensed
// text replaces the topics for the instruments it covers.
nlohmann::json QuestionnairesToJson(const Knowledge& k, const LicensedWording* wording);

}  // namespace sciaticare
