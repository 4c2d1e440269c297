// Result<T> carries either a value or an Error that names the offending field.
// Module boundaries return Result instead of throwing: a malformed intake is an
// expected outcome, not an exceptional one.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace sciaticare {

// A failure that a person can act on: `field` is a path such as
// "symptoms[2].intensity" (empty when the whole input is at fault) and
// `message` says what is wrong with it.
struct Error {
  std::string field;
  std::string message;

  std::string ToString() const { return field.empty() ? message : field + ": " + message; }
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  // Precondition: ok().
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }

  // Precondition: !ok().
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace sciaticare
