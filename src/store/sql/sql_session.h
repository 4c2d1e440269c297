// The small SQL interface the shared record methods (store/records/) are
// written against, so each record is read and written by one piece of code on
// both databases. SQL is written once in the subset SQLite and PostgreSQL
// share, with `?` placeholders bound by position; each adapter
// (store/sqlite/, store/postgres/) keeps its dialect's differences to itself.
// A session is used by one thread at a time and lives for one store call.
// Failures are thrown (the adapter's own exception types) and turned into a
// StoreError by the store that opened the session, so a record method needs
// no error plumbing of its own for database failures.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace sciaticare::store::sql {

// One prepared statement of a session, driven by the Query that borrows it.
// Positions are 1-based (as in SQL), columns 0-based (as in a result row).
class Statement {
 public:
  virtual ~Statement() = default;
  virtual void BindInt64(int position, std::int64_t v) = 0;
  virtual void BindText(int position, std::string_view v) = 0;
  virtual void BindBool(int position, bool v) = 0;
  virtual void BindNull(int position) = 0;
  // Runs the statement on the first call; moves to the next row. False when
  // there is none left.
  virtual bool Step() = 0;
  // Runs a statement that returns no rows; the rows it changed.
  virtual std::int64_t Exec() = 0;
  virtual bool IsNull(int column) const = 0;
  virtual std::int64_t Int64(int column) const = 0;
  virtual std::string Text(int column) const = 0;
  virtual bool Bool(int column) const = 0;
  // Forgets the bindings and any rows, ready to run again. Never throws.
  virtual void Reset() noexcept = 0;
};

// The current row of a stepping statement, read by column type. A row may
// be read from a later column on (Shifted), as if that column were its
// first: a statement that joins two records' columns reads each with its
// own reader.
class Row {
 public:
  explicit Row(const Statement& s) : s_(s) {}
  // This row with column `by` as its column 0.
  Row Shifted(int by) const { return Row(s_, first_ + by); }
  bool IsNull(int c) const { return s_.IsNull(first_ + c); }
  std::int64_t Int64(int c) const { return s_.Int64(first_ + c); }
  int Int(int c) const { return static_cast<int>(Int64(c)); }
  bool Bool(int c) const { return s_.Bool(first_ + c); }
  // NULL reads as the empty string.
  std::string Text(int c) const { return IsNull(c) ? std::string() : s_.Text(first_ + c); }
  std::optional<std::int64_t> OptInt64(int c) const {
    if (IsNull(c)) return std::nullopt;
    return Int64(c);
  }
  std::optional<int> OptInt(int c) const {
    if (IsNull(c)) return std::nullopt;
    return Int(c);
  }
  std::optional<std::string> OptText(int c) const {
    if (IsNull(c)) return std::nullopt;
    return s_.Text(first_ + c);
  }

 private:
  Row(const Statement& s, int first) : s_(s), first_(first) {}

  const Statement& s_;
  int first_ = 0;
};

// A prepared statement borrowed for one use: parameters are bound in order
// (the first Bind fills the first `?`), then it runs once. It is reset when
// done with, and at the latest when the Query dies, so a statement never
// keeps a read open between uses.
class Query {
 public:
  explicit Query(Statement& s) : s_(&s) {}
  Query(Query&& other) noexcept : s_(std::exchange(other.s_, nullptr)), next_(other.next_) {}
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  Query& operator=(Query&&) = delete;
  ~Query() {
    if (s_ != nullptr) s_->Reset();
  }

  Query& Bind(std::int64_t v) {
    s_->BindInt64(next_++, v);
    return *this;
  }
  Query& Bind(int v) { return Bind(static_cast<std::int64_t>(v)); }
  Query& Bind(std::string_view v) {
    s_->BindText(next_++, v);
    return *this;
  }
  Query& Bind(const std::string& v) { return Bind(std::string_view(v)); }
  Query& Bind(const char* v) { return Bind(std::string_view(v)); }
  Query& BindBool(bool v) {
    s_->BindBool(next_++, v);
    return *this;
  }
  Query& BindNull() {
    s_->BindNull(next_++);
    return *this;
  }
  template <typename T>
  Query& Bind(const std::optional<T>& v) {
    return v ? Bind(*v) : BindNull();
  }

  // Runs a statement that returns no rows; returns the rows it changed.
  std::int64_t Exec() {
    std::int64_t changed = s_->Exec();
    Done();
    return changed;
  }
  // The first row read by `read(row)`, if any.
  template <typename Read>
  auto One(Read read) -> std::optional<decltype(read(std::declval<const Row&>()))> {
    std::optional<decltype(read(std::declval<const Row&>()))> out;
    if (s_->Step()) out = read(Row(*s_));
    Done();
    return out;
  }
  // Every row, each read by `read(row)`; room for `expected` rows is made
  // first, so a list of known size is not moved while it grows.
  template <typename Read>
  auto All(Read read, std::size_t expected = 0)
      -> std::vector<decltype(read(std::declval<const Row&>()))> {
    std::vector<decltype(read(std::declval<const Row&>()))> rows;
    rows.reserve(expected);
    while (s_->Step()) rows.push_back(read(Row(*s_)));
    Done();
    return rows;
  }
  // The integer in the first column of the first row (0 when there is none,
  // or it is NULL): a count, an id from RETURNING, an existence check.
  std::int64_t Scalar() {
    std::int64_t v = s_->Step() && !s_->IsNull(0) ? s_->Int64(0) : 0;
    Done();
    return v;
  }

 private:
  void Done() {
    s_->Reset();
    next_ = 1;
  }

  Statement* s_;
  int next_ = 1;
};

// What a transaction promises. kRead: the statements see one snapshot and
// write nothing. kWrite: they write, and the session holds the database's
// write lock (SQLite) or takes row locks as it goes (PostgreSQL).
enum class TxKind { kRead, kWrite };

// An open transaction; rolled back when it dies uncommitted. Opened inside
// another (a unit of work, Store::Atomically), a kWrite one is a savepoint of
// it (undoing only its own statements); a kRead one may join it (PostgreSQL).
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual void Commit() = 0;
};

// A parameter of a batched read: an integer (an id, a limit) or text (a
// token's hash, a time).
using BatchParam = std::variant<std::int64_t, std::string>;

// One read of a batch (Session::ReadTogether): its SQL, its parameters and
// what reads its rows.
struct BatchRead {
  const std::string& sql;
  std::vector<BatchParam> params;
  std::function<void(Query&)> read;
};

// One connection, lent to one store call.
class Session {
 public:
  virtual ~Session() = default;
  // The cached prepared statement for `sql` (`?` placeholders), ready to bind.
  virtual Query Prepare(const std::string& sql) = 0;
  virtual std::unique_ptr<Transaction> Begin(TxKind kind) = 0;
  // What ends a SELECT of rows a write transaction goes on to change, so
  // that no other writer changes them first: PostgreSQL locks the rows it
  // read; SQLite's write transaction already holds the whole database.
  virtual std::string_view LockRowsSuffix() const = 0;
  // `expr` (a column or `?`) as compared case-insensitively with a column the
  // schema declares so (users.email): SQLite's column collation (NOCASE)
  // already does it; PostgreSQL compares lower() of both sides, which its
  // lower(email) index serves.
  virtual std::string CaseFolded(std::string_view expr) const = 0;
  // What sorts by `column` case-insensitively, in the order each schema's
  // name index keeps (patients_by_name), so the index serves the sort:
  // SQLite's NOCASE collation, PostgreSQL's lower() in the "C" collation.
  virtual std::string CaseFoldedOrder(std::string_view column) const = 0;
  // "`expr` matches the LIKE pattern bound here as one parameter, ignoring
  // case, a backslash escaping its wildcards": SQLite's LIKE already ignores
  // (ASCII) case; PostgreSQL's ILIKE.
  virtual std::string CaseFoldedLike(std::string_view expr) const = 0;
  // "`column` is in the list bound here as one parameter", and that list's
  // text for `ids`: SQLite reads a JSON array with json_each, PostgreSQL
  // takes a BIGINT[] literal. One statement then serves lists of any length.
  virtual std::string InIdList(std::string_view column) const = 0;
  virtual std::string IdList(const std::vector<std::int64_t>& ids) const = 0;
  // Runs `reads` in one snapshot (a kRead transaction, or the transaction
  // already open), in order, each handed to its reader: the reads of one
  // screen. PostgreSQL sends them in two round trips (one inside an open
  // transaction), not one per read; this
  // default runs them one after another, which costs SQLite nothing.
  virtual void ReadTogether(std::vector<BatchRead>& reads) {
    auto tx = Begin(TxKind::kRead);
    for (BatchRead& r : reads) {
      Query q = Prepare(r.sql);
      for (const BatchParam& p : r.params) std::visit([&q](const auto& v) { q.Bind(v); }, p);
      r.read(q);
    }
    tx->Commit();
  }
};

// The pattern CaseFoldedLike is bound to in order to find `value` anywhere in
// the text: LIKE's wildcards in `value` escaped by a backslash, so a search
// for "50%" finds that text rather than everything, wrapped in '%...%'.
inline std::string ContainsPattern(std::string_view value) {
  std::string out = "%";
  for (char c : value) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace sciaticare::store::sql
