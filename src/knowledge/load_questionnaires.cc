// Loads questionnaires.json: the instruments with their answer scales, item topics, minimal
// important changes and scoring parameters (ODI bands, SBI, STarT Back).
#include "knowledge/file_loader.h"

namespace sciaticare::loading {
namespace {

class QuestionnairesLoader : public FileLoader {
 public:
  using FileLoader::FileLoader;

  void Load(const json& doc) {
    for (const json& q : At(doc, "instruments", "")) {
      std::string id = Str(q, "id", "instruments");
      std::string path = "instruments." + id;
      LoadInstrument(q, id, path);
      if (id == "odi") {
        k_.odi_min_answered = Int(q, "min_answered", path);
        for (const json& b : At(q, "bands", path)) {
          k_.odi_bands.push_back(
              {At(b, "max", path).get<double>(), Str(b, "id", path), Str(b, "label", path)});
        }
      } else if (id == "sbi") {
        k_.sbi_bothersome_min = Int(q, "bothersome_item_min", path);
        k_.sbi_success_max = Int(q, "success_max", path);
      } else if (id == "startback") {
        k_.startback_low_max_total = Int(q, "low_max_total", path);
        k_.startback_medium_max_psychosocial = Int(q, "medium_max_psychosocial", path);
        k_.startback_item9_scored_from =
            Int(At(q, "items", path)[8], "scored_from", path + ".items[8]");
      }
    }
    if (k_.odi_bands.empty() || k_.odi_bands.back().max < 100)
      Fail("instruments.odi.bands", "must reach 100");
  }

  void LoadInstrument(const json& q, const std::string& id, const std::string& path) {
    InstrumentDef def;
    def.id = id;
    def.name = Str(q, "name", path);
    def.scoring = Str(q, "scoring", path);
    def.licence = Str(q, "licence", path);
    def.source = Str(q, "source", path);
    const json& answer = At(q, "answer", path);
    def.answer_min = Int(answer, "min", path + ".answer");
    def.answer_max = Int(answer, "max", path + ".answer");
    if (answer.contains("last_item_max"))
      def.last_item_max = Int(answer, "last_item_max", path + ".answer");
    def.nullable = answer.value("nullable", false);
    if (q.contains("items")) {
      for (const json& item : q["items"])
        def.item_topics.push_back(Str(item, "topic", path + ".items"));
    } else {
      int count = Int(q, "item_count", path);
      std::string topic = Str(q, "items_topic", path);
      for (int i = 1; i <= count; ++i)
        def.item_topics.push_back(topic + " (statement " + std::to_string(i) + ")");
    }
    if (q.contains("mic") && q["mic"].is_object()) {
      if (q["mic"].contains("absolute")) def.mic_absolute = q["mic"]["absolute"].get<double>();
      if (q["mic"].contains("percent")) def.mic_percent = q["mic"]["percent"].get<double>();
    }
    k_.instruments.push_back(std::move(def));
  }
};

}  // namespace

void LoadQuestionnaires(const json& doc, Loading& loading) {
  QuestionnairesLoader("questionnaires.json", loading).Load(doc);
}

}  // namespace sciaticare::loading
