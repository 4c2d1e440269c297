// The audit log's "Detail" column in plain words (issue 15): a clinic manager
// reads a sentence with names, never a bare record number ("plan 12"), a
// field id ("leg_pain_before", "techniques[0]") or server notation
// ("status=done", "12 -> 13", JSON). UnplainAuditDetails lists every entry
// of a clinic's trail that breaks this, for the suites that run typical work.
#pragma once

#include <regex>
#include <string>
#include <vector>

#include "store/store.h"

namespace sciaticare::testing {

// Why `detail` is not plain words; empty when it is.
inline std::string WhyNotPlain(const std::string& detail) {
  static const std::regex kNumberedRecord(
      R"(\b(patient|plan|assessment|appointment|session|note|therapist|room|user|request|referral|entry|feed|record|id|version)s? #?\d+)",
      std::regex::icase);
  static const std::regex kFieldId(R"([a-z]+_[a-z_]+|\w\[\d*\]|\b\w+=)");
  static const std::regex kNotation(R"(->|[{}]|\bnull\b|\btrue\b|\bfalse\b)");
  if (std::regex_search(detail, kNumberedRecord)) return "names a record by its number";
  if (std::regex_search(detail, kFieldId)) return "shows a field id or key=value";
  if (std::regex_search(detail, kNotation)) return "shows server notation";
  return "";
}

// "action entity: detail (why)" for every entry of `clinic`'s trail whose
// detail is not plain words.
inline std::vector<std::string> UnplainAuditDetails(store::Store& db, store::Id clinic) {
  std::vector<std::string> out;
  store::AuditQuery query;
  query.page.limit = store::kMaxPageSize;
  for (query.page.offset = 0;; query.page.offset += query.page.limit) {
    auto page = db.ListAudit(clinic, query);
    if (!page.ok()) return {"the audit log cannot be read: " + page.error().ToString()};
    for (const store::AuditEntry& e : page.value().items) {
      const std::string why = WhyNotPlain(e.detail);
      if (!why.empty())
        out.push_back(e.action + " " + e.entity + ": \"" + e.detail + "\" (" + why + ")");
    }
    if (query.page.offset + query.page.limit >= page.value().total) break;
  }
  return out;
}

}  // namespace sciaticare::testing
