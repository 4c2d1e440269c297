#include "codec/bounded_json.h"

#include <unordered_set>
#include <vector>

#include "codec/client_text.h"

namespace sciaticare {

using nlohmann::json;

int JsonNestingDepth(std::string_view text, int stop) {
  // A flat scan: nlohmann's value functions (copy, dump, compare) recurse,
  // so depth must be known before a value exists.
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (char ch : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (ch == '\\')
        escaped = true;
      else if (ch == '"')
        in_string = false;
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '{' || ch == '[') {
      if (++depth > deepest) deepest = depth;
      if (deepest > stop) return stop + 1;
    } else if (ch == '}' || ch == ']') {
      --depth;
    }
  }
  return deepest;
}

Result<json> ReadBoundedJson(std::string_view text, const JsonBounds& bounds,
                             const std::string& field) {
  if (text.size() > bounds.max_bytes) {
    return Error{field, "is larger than " + std::to_string(bounds.max_bytes) + " bytes"};
  }
  if (JsonNestingDepth(text, bounds.max_depth) > bounds.max_depth) {
    return Error{field, "is nested deeper than " + std::to_string(bounds.max_depth) + " levels"};
  }
  // nlohmann keeps the last of two equal keys; a hidden "true" red flag must
  // not be overwritten by a later "false", so repeated keys are refused. A set
  // per open object keeps a document with many keys linear.
  std::vector<std::unordered_set<std::string>> keys_in_open_objects;
  std::string repeated_key;
  bool repeated = false;
  auto watch_keys = [&](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::object_start) keys_in_open_objects.emplace_back();
    if (event == json::parse_event_t::object_end && !keys_in_open_objects.empty())
      keys_in_open_objects.pop_back();
    if (event == json::parse_event_t::key && !keys_in_open_objects.empty() && !repeated) {
      const std::string& key = parsed.get_ref<const std::string&>();
      if (!keys_in_open_objects.back().insert(key).second) {
        repeated = true;
        repeated_key = key;
      }
    }
    return true;
  };
  json doc;
  try {
    doc = json::parse(text, watch_keys);
  } catch (const json::parse_error& e) {
    return Error{field, "is not valid JSON (byte " + std::to_string(e.byte) + ")"};
  } catch (const json::exception&) {
    return Error{field, "is not valid JSON"};
  }
  if (repeated) {
    return Error{field, "repeats the key \"" + PrintableExcerpt(repeated_key, 60) +
                            "\" in one object; give each key once"};
  }
  return doc;
}

}  // namespace sciaticare
