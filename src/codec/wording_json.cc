#include "codec/wording_json.h"

#include "codec/bounded_json.h"
#include "codec/client_text.h"
#include "codec/parse_failure.h"

namespace sciaticare {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxWordingBytes = 4 << 20;
constexpr std::size_t kMaxTextLength = 4000;

using codec::Fail;

std::string Text(const json& v, const std::string& path) {
  if (!v.is_string()) Fail(path, "must be a string");
  std::string s = v.get<std::string>();
  if (s.empty() || s.size() > kMaxTextLength) {
    Fail(path, "must be 1-" + std::to_string(kMaxTextLength) + " characters");
  }
  if (auto problem = ClientTextProblem(s, TextShape::kFreeText)) Fail(path, *problem);
  return s;
}

int ScaleSize(const InstrumentDef& def, std::size_t item) {
  const bool last = item + 1 == def.item_topics.size();
  const int top = last && def.last_item_max ? *def.last_item_max : def.answer_max;
  return top - def.answer_min + 1;
}

InstrumentWording ReadInstrument(const json& v, const InstrumentDef& def, const std::string& path) {
  if (!v.is_object()) Fail(path, "must be an object");
  InstrumentWording w;
  if (v.contains("title")) w.title = Text(v["title"], path + ".title");
  if (v.contains("copyright")) w.copyright = Text(v["copyright"], path + ".copyright");
  if (!v.contains("items") || !v["items"].is_array()) Fail(path + ".items", "must be a list");
  const json& items = v["items"];
  if (items.size() != def.item_topics.size()) {
    Fail(path + ".items", "must have " + std::to_string(def.item_topics.size()) +
                              " items, one per " + def.name + " item");
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string item_path = path + ".items[" + std::to_string(i) + "]";
    if (!items[i].is_object()) Fail(item_path, "must be an object");
    ItemWording item;
    if (!items[i].contains("text")) Fail(item_path + ".text", "is required");
    item.text = Text(items[i]["text"], item_path + ".text");
    if (items[i].contains("options")) {
      const json& options = items[i]["options"];
      const int want = ScaleSize(def, i);
      if (!options.is_array() || options.size() != static_cast<std::size_t>(want)) {
        Fail(item_path + ".options",
             "must have " + std::to_string(want) + " options, one per answer " +
                 std::to_string(def.answer_min) + "-" + std::to_string(def.answer_min + want - 1));
      }
      for (std::size_t o = 0; o < options.size(); ++o) {
        item.options.push_back(Text(options[o], item_path + ".options[" + std::to_string(o) + "]"));
      }
    }
    w.items.push_back(std::move(item));
  }
  return w;
}

}  // namespace

Result<LicensedWording> ParseWordingJson(std::string_view text, const Knowledge& k) {
  // A wording file is a few levels deep (instruments.odi.items[3].options[0]).
  Result<json> parsed = ReadBoundedJson(text, {kMaxWordingBytes, 16}, "input");
  if (!parsed) return parsed.error();
  const json& doc = parsed.value();
  try {
    if (!doc.is_object()) Fail("input", "must be a JSON object");
    LicensedWording w;
    if (!doc.contains("licence") || !doc["licence"].is_object()) {
      Fail("licence", "is required: {\"holder\", \"reference\"} of the clinic's licence");
    }
    w.licence_holder = Text(doc["licence"].value("holder", json()), "licence.holder");
    w.licence_reference = Text(doc["licence"].value("reference", json()), "licence.reference");
    if (!doc.contains("instruments") || !doc["instruments"].is_object()) {
      Fail("instruments", "must be an object keyed by instrument id");
    }
    for (const auto& [id, value] : doc["instruments"].items()) {
      const InstrumentDef* def = k.FindInstrument(id);
      if (!def) Fail("instruments." + id, "unknown instrument id");
      w.instruments[id] = ReadInstrument(value, *def, "instruments." + id);
    }
    return w;
  } catch (const codec::ParseFailure& e) {
    return codec::AsError(e);
  }
}

json QuestionnairesToJson(const Knowledge& k, const LicensedWording* wording) {
  json out = json::array();
  for (const InstrumentDef& def : k.instruments) {
    const InstrumentWording* licensed = nullptr;
    if (wording) {
      auto it = wording->instruments.find(def.id);
      if (it != wording->instruments.end()) licensed = &it->second;
    }
    json items = json::array();
    for (std::size_t i = 0; i < def.item_topics.size(); ++i) {
      json item = {{"number", i + 1},
                   {"topic", def.item_topics[i]},
                   {"min", def.answer_min},
                   {"max", i + 1 == def.item_topics.size() && def.last_item_max ? *def.last_item_max
                                                                                : def.answer_max}};
      if (licensed) {
        item["text"] = licensed->items[i].text;
        if (!licensed->items[i].options.empty()) item["options"] = licensed->items[i].options;
      }
      items.push_back(std::move(item));
    }
    json mic = nullptr;
    if (def.mic_absolute || def.mic_percent) {
      mic = {{"absolute", def.mic_absolute ? json(*def.mic_absolute) : json(nullptr)},
             {"percent", def.mic_percent ? json(*def.mic_percent) : json(nullptr)}};
    }
    json entry = {{"id", def.id},
                  {"name", def.name},
                  {"items", items},
                  {"unanswered_allowed", def.nullable},
                  {"scoring", def.scoring},
                  {"minimal_important_change", mic},
                  {"licence", def.licence},
                  {"source", def.source},
                  {"wording", licensed ? "licensed" : "topics only"}};
    if (licensed) {
      entry["licensed_title"] = licensed->title;
      entry["copyright"] = licensed->copyright;
      entry["licence_holder"] = wording->licence_holder;
      entry["licence_reference"] = wording->licence_reference;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace sciaticare
