// StoreResult<T>: a value or a StoreError. It mirrors core's Result<T> but the
// error also says what KIND of failure it was, because the HTTP layer answers
// differently for each (404, 409/412, 422, 500). A StoreError converts to the
// core Error (field + message) for callers that only show the text.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "core/result.h"

namespace sciaticare::store {

enum class StoreErrorKind {
  kNotFound,  // No such record in this clinic (another clinic's record looks the same).
  kConflict,  // Stale expected version, duplicate unique value, or a state that forbids it.
  kInvalid,   // The caller's input breaks a rule; `field` names it.
  kInternal,  // The database failed (I/O, corruption, busy past the timeout, bug).
};

inline std::string_view ToString(StoreErrorKind kind) {
  switch (kind) {
    case StoreErrorKind::kNotFound:
      return "not found";
    case StoreErrorKind::kConflict:
      return "conflict";
    case StoreErrorKind::kInvalid:
      return "invalid";
    case StoreErrorKind::kInternal:
      break;
  }
  return "internal";
}

struct StoreError {
  StoreErrorKind kind = StoreErrorKind::kInternal;
  std::string field;  // e.g. "patient_id"; empty when the request as a whole is at fault.
  std::string message;

  Error ToError() const { return Error{field, message}; }
  std::string ToString() const {
    return std::string(store::ToString(kind)) + ": " + ToError().ToString();
  }
};

inline StoreError NotFound(std::string field, std::string message) {
  return {StoreErrorKind::kNotFound, std::move(field), std::move(message)};
}
inline StoreError Conflict(std::string field, std::string message) {
  return {StoreErrorKind::kConflict, std::move(field), std::move(message)};
}
inline StoreError Invalid(std::string field, std::string message) {
  return {StoreErrorKind::kInvalid, std::move(field), std::move(message)};
}
inline StoreError Internal(std::string message) {
  return {StoreErrorKind::kInternal, "", std::move(message)};
}

template <typename T>
class [[nodiscard]] StoreResult {
 public:
  StoreResult(T value) : state_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  StoreResult(StoreError error)
      : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  // Precondition: ok().
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }

  // Precondition: !ok().
  const StoreError& error() const { return std::get<StoreError>(state_); }
  StoreErrorKind kind() const { return error().kind; }

 private:
  std::variant<T, StoreError> state_;
};

// The value of an operation that only reports success.
struct Done {};
using StoreStatus = StoreResult<Done>;

// Told the outcome of an asynchronous write, once, on any thread.
template <typename T>
using Callback = std::function<void(StoreResult<T>)>;

}  // namespace sciaticare::store
