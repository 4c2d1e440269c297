// The part of ReadAttention both backends share: which documents the caller
// asked for, and putting the ones read into their records. Not for use
// outside src/store.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

namespace sciaticare::store {

// The ids of the intake assessments whose result `documents` asks for.
std::vector<Id> WantedResults(const AttentionRecords& records, const AttentionDocuments& documents);
// The ids of the approved plans whose document `documents` asks for.
std::vector<Id> WantedPlans(const AttentionRecords& records, const AttentionDocuments& documents);

// Each (id, document) read into the record of that id.
void PutResults(AttentionRecords& records, std::vector<std::pair<Id, std::string>> results);
void PutPlans(AttentionRecords& records, std::vector<std::pair<Id, std::string>> plans);

}  // namespace sciaticare::store
