// Loads regions.json: body-map regions (label, muscles, sides), named region sets, where to work
// for a symptom in each region, nerve caution zones, the regions that need
// their own consent, and dermatome patterns.
#include "knowledge/file_loader.h"

namespace sciaticare::loading {
namespace {

class RegionsLoader : public FileLoader {
 public:
  using FileLoader::FileLoader;

  void Load(const json& doc) {
    RegionSet seen;
    for (const json& r : At(doc, "regions", "")) {
      Region region = RegionOf(At(r, "id", "regions"), "regions.id");
      RegionDef& def = k_.regions[static_cast<std::size_t>(region)];
      std::string path = "regions." + std::string(Name(region));
      def.label = Str(r, "label", path);
      for (const json& m : At(r, "muscles", path)) def.muscles.push_back(m.get<std::string>());
      const json& sides = At(r, "sides", path);
      if (!sides.is_array() || sides.empty()) Fail(path + ".sides", "must be a list of sides");
      for (const json& side_name : sides) {
        auto side = side_name.is_string() ? ParseSide(side_name.get<std::string>()) : std::nullopt;
        if (!side) Fail(path + ".sides", "unknown side");
        def.sides[static_cast<std::size_t>(*side)] = true;
      }
      seen.Add(region);
    }
    if (!(seen == RegionSet::All())) Fail("regions", "every body-map region needs an entry");
    for (const auto& [name, list] : At(doc, "sets", "").items()) {
      loading_.region_sets[name] = RegionList(list, "sets." + name);
    }
    const json& work = At(doc, "work_regions_for_symptom", "");
    for (std::size_t i = 0; i < kRegionCount; ++i) {
      auto region = static_cast<Region>(i);
      std::string name(Name(region));
      k_.regions[i].work_regions = RegionList(At(work, name.c_str(), "work_regions_for_symptom"),
                                              "work_regions_for_symptom." + name);
    }
    for (const json& z : At(doc, "nerve_caution_zones", "")) {
      NerveCautionZone zone{
          Str(z, "id", "nerve_caution_zones"),
          RegionOf(At(z, "region", "nerve_caution_zones"), "nerve_caution_zones.region"),
          Str(z, "text", "nerve_caution_zones"),
          {},
          6};
      if (z.contains("point_pressure")) {
        const std::string path = "nerve_caution_zones." + zone.id + ".point_pressure";
        const json& point = At(z, "point_pressure", path);
        for (const json& t : At(point, "techniques", path))
          zone.point_pressure_techniques.push_back(TechniqueOf(t, path + ".techniques"));
        zone.point_pressure_max = Int(point, "max", path);
        if (zone.point_pressure_max < 1 || zone.point_pressure_max > 5)
          Fail(path, "max must be 1-5");
      }
      k_.nerve_caution_zones.push_back(std::move(zone));
    }
    k_.consent_sensitive_regions = RegionList(
        At(At(doc, "consent_sensitive_regions", ""), "regions", "consent_sensitive_regions"),
        "consent_sensitive_regions.regions");
    const json& derm = At(doc, "dermatome_patterns", "");
    const char* roots[] = {"L4", "L5", "S1"};
    for (int i = 0; i < 3; ++i) {
      k_.dermatomes[i] = RegionList(At(derm, roots[i], "dermatome_patterns"),
                                    std::string("dermatome_patterns.") + roots[i]);
    }
  }
};

}  // namespace

void LoadRegions(const json& doc, Loading& loading) {
  RegionsLoader("regions.json", loading).Load(doc);
}

}  // namespace sciaticare::loading
