// A copy of the embedded knowledge files with some contents replaced, for the
// loader's suites to show each broken copy refused with its file and field.
#pragma once

#include <list>
#include <stdexcept>
#include <string>

#include "core/result.h"
#include "knowledge/embedded_knowledge.h"
#include "knowledge/knowledge_loader.h"

namespace sciaticare::testing {

// A copy of the embedded files with some contents replaced.
class BrokenCopy {
 public:
  BrokenCopy() : files_(EmbeddedKnowledgeFiles()) {}

  // Replaces the first `from` in `file` with `to`; throws when `from` is absent,
  // so that a test never passes by editing nothing.
  BrokenCopy& Replace(const std::string& file, const std::string& from, const std::string& to) {
    std::string text(files_.at(file));
    const auto pos = text.find(from);
    if (pos == std::string::npos) throw std::logic_error(file + " has no " + from);
    text.replace(pos, from.size(), to);
    return Set(file, text);
  }

  BrokenCopy& Set(const std::string& file, const std::string& content) {
    storage_.push_back(content);
    files_[file] = storage_.back();
    return *this;
  }

  BrokenCopy& Remove(const std::string& file) {
    files_.erase(file);
    return *this;
  }

  Error Load() const {
    Result<Knowledge> r = LoadKnowledge(files_);
    if (r.ok()) throw std::logic_error("broken knowledge was accepted");
    return r.error();
  }

 private:
  KnowledgeFiles files_;
  std::list<std::string> storage_;  // Keeps the replaced contents alive.
};

}  // namespace sciaticare::testing
