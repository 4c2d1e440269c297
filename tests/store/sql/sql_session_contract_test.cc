// The SQL session interface's contract, run on both adapters: SQLite (an
// in-memory database) and PostgreSQL (a fresh schema; skipped without
// SCIATICARE_TEST_PG_URL). The shared record methods rely on exactly this:
// positional binding, typed column reads, RETURNING ids, changed-row
// counts, transactions that roll back unless committed, nested ones that
// roll back alone, and statements that are reusable after a partial read.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "pg_test_database.h"
#include "store/postgres/postgres_session.h"
#include "store/postgres_query.h"
#include "store/sqlite/sqlite_session.h"
#include "store/sqlite_query.h"

namespace sciaticare::store {
namespace {

// One database with table `t` and a session on it.
class Harness {
 public:
  virtual ~Harness() = default;
  virtual sql::Session& session() = 0;
};

class SqliteHarness : public Harness {
 public:
  SqliteHarness() {
    connection_.db = std::make_unique<SQLite::Database>(
        ":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    connection_.db->exec(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, n BIGINT NOT NULL, label TEXT NOT NULL "
        "UNIQUE, note TEXT, flag BOOLEAN NOT NULL)");
    session_ = std::make_unique<SqliteSession>(connection_);
  }
  sql::Session& session() override { return *session_; }

 private:
  SqliteConnection connection_;
  std::unique_ptr<SqliteSession> session_;
};

class PgHarness : public Harness {
 public:
  PgHarness()
      : connection_(testing::PgTestDatabase::Instance().NewSchemaUrl(), /*lock_timeout_ms=*/2000) {
    pqxx::nontransaction(connection_.raw())
        .exec(
            "CREATE TABLE t (id BIGSERIAL PRIMARY KEY, n BIGINT NOT NULL, label TEXT NOT NULL "
            "UNIQUE, note TEXT, flag BOOLEAN NOT NULL)");
    session_ = std::make_unique<PgSession>(connection_);
  }
  sql::Session& session() override { return *session_; }

 private:
  PgConnection connection_;
  std::unique_ptr<PgSession> session_;
};

struct Adapter {
  std::string name;
  std::function<std::unique_ptr<Harness>()> open;
  std::function<std::string()> skip_reason;
};

void PrintTo(const Adapter& a, std::ostream* os) { *os << a.name; }

class SqlSessionContract : public ::testing::TestWithParam<Adapter> {
 protected:
  void SetUp() override {
    if (std::string why = GetParam().skip_reason(); !why.empty()) GTEST_SKIP() << why;
    harness_ = GetParam().open();
  }
  sql::Session& s() { return harness_->session(); }

  struct Row {
    std::int64_t id = 0;
    std::int64_t n = 0;
    std::string label;
    std::optional<std::string> note;
    bool flag = false;
    bool operator==(const Row&) const = default;
  };
  std::int64_t Insert(const Row& r) {
    return s()
        .Prepare("INSERT INTO t (n, label, note, flag) VALUES (?, ?, ?, ?) RETURNING id")
        .Bind(r.n)
        .Bind(r.label)
        .Bind(r.note)
        .BindBool(r.flag)
        .Scalar();
  }
  std::vector<Row> All() {
    return s()
        .Prepare("SELECT id, n, label, note, flag FROM t ORDER BY id")
        .All([](const sql::Row& r) {
          return Row{r.Int64(0), r.Int64(1), r.Text(2), r.OptText(3), r.Bool(4)};
        });
  }
  std::int64_t Count() { return s().Prepare("SELECT COUNT(*) FROM t").Scalar(); }

  std::unique_ptr<Harness> harness_;
};

// Property: whatever values are bound by position come back unchanged, in
// the columns they were bound to, under the ids RETURNING gave.
TEST_P(SqlSessionContract, BoundValuesComeBackUnchanged) {
  std::mt19937_64 random(14);
  const std::vector<std::string> pieces = {"",  "a",    "'",  "\"", "?", "$1",
                                           "é", "漢字", "\\", " ",  "%_"};
  std::vector<Row> written;
  auto tx = s().Begin(sql::TxKind::kWrite);
  for (int i = 0; i < 150; ++i) {
    Row r;
    switch (i % 4) {
      case 0:
        r.n = std::numeric_limits<std::int64_t>::min() + i;
        break;
      case 1:
        r.n = std::numeric_limits<std::int64_t>::max() - i;
        break;
      default:
        r.n = static_cast<std::int64_t>(random());
        break;
    }
    r.label = std::to_string(i) + ":";
    for (int k = 0; k < 4; ++k) r.label += pieces[random() % pieces.size()];
    if (random() % 3 != 0)
      r.note = pieces[random() % pieces.size()] + pieces[random() % pieces.size()];
    r.flag = random() % 2 == 0;
    r.id = Insert(r);
    ASSERT_GT(r.id, 0);
    written.push_back(r);
  }
  tx->Commit();
  EXPECT_EQ(All(), written);
}

TEST_P(SqlSessionContract, ReturningGivesEachRowItsOwnId) {
  const std::int64_t a = Insert({0, 1, "a", std::nullopt, false});
  const std::int64_t b = Insert({0, 2, "b", std::nullopt, true});
  EXPECT_NE(a, b);
  EXPECT_EQ(s().Prepare("SELECT label FROM t WHERE id = ?").Bind(b).One([](const sql::Row& r) {
    return r.Text(0);
  }),
            std::optional<std::string>("b"));
}

TEST_P(SqlSessionContract, ExecCountsTheRowsItChanged) {
  for (int i = 0; i < 5; ++i) Insert({0, i, "l" + std::to_string(i), std::nullopt, false});
  EXPECT_EQ(s().Prepare("UPDATE t SET note = ? WHERE n >= ?").Bind("x").Bind(2).Exec(), 3);
  EXPECT_EQ(s().Prepare("UPDATE t SET note = ? WHERE n > ?").Bind("y").Bind(100).Exec(), 0);
}

TEST_P(SqlSessionContract, UncommittedTransactionLeavesNothing) {
  {
    auto tx = s().Begin(sql::TxKind::kWrite);
    Insert({0, 1, "gone", std::nullopt, false});
    EXPECT_EQ(Count(), 1);  // Its own write is visible inside it.
  }
  EXPECT_EQ(Count(), 0);
}

TEST_P(SqlSessionContract, NestedTransactionRollsBackOnlyItsOwnWrites) {
  auto outer = s().Begin(sql::TxKind::kWrite);
  Insert({0, 1, "kept", std::nullopt, false});
  {
    auto inner = s().Begin(sql::TxKind::kWrite);
    Insert({0, 2, "undone", std::nullopt, false});
  }
  {
    auto inner = s().Begin(sql::TxKind::kWrite);
    Insert({0, 3, "also kept", std::nullopt, false});
    inner->Commit();
  }
  outer->Commit();
  std::vector<std::string> labels;
  for (const Row& r : All()) labels.push_back(r.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"kept", "also kept"}));
}

TEST_P(SqlSessionContract, FailedStatementThrowsAndLeavesTheSessionUsable) {
  Insert({0, 1, "same", std::nullopt, false});
  EXPECT_ANY_THROW(Insert({0, 2, "same", std::nullopt, false}));  // UNIQUE (label).
  EXPECT_EQ(Insert({0, 3, "other", std::nullopt, false}) > 0, true);
  EXPECT_EQ(Count(), 2);
}

// The reads of one screen, sent together: each reader gets its own rows, in
// order, with its own parameters; and a statement prepared by one of them
// still works alone afterwards.
TEST_P(SqlSessionContract, ReadsSentTogetherEachGetTheirOwnRows) {
  for (int n = 1; n <= 4; ++n) Insert({0, n, "l" + std::to_string(n), std::nullopt, n % 2 == 0});
  static const std::string above = "SELECT label FROM t WHERE n > ? ORDER BY n";
  static const std::string count = "SELECT COUNT(*) FROM t WHERE n BETWEEN ? AND ?";
  static const std::string none = "SELECT label FROM t WHERE n > ? AND n < ?";
  std::vector<std::string> labels;
  std::int64_t counted = -1;
  std::optional<std::string> missing = "unset";
  std::vector<std::string> order;
  std::vector<sql::BatchRead> reads;
  reads.push_back({above, {2}, [&](sql::Query& q) {
                     order.push_back("above");
                     labels = q.All([](const sql::Row& r) { return r.Text(0); });
                   }});
  reads.push_back({count, {2, 3}, [&](sql::Query& q) {
                     order.push_back("count");
                     counted = q.Scalar();
                   }});
  reads.push_back({none, {9, 1}, [&](sql::Query& q) {
                     order.push_back("none");
                     missing = q.One([](const sql::Row& r) { return r.Text(0); });
                   }});
  s().ReadTogether(reads);
  EXPECT_EQ(order, (std::vector<std::string>{"above", "count", "none"}));
  EXPECT_EQ(labels, (std::vector<std::string>{"l3", "l4"}));
  EXPECT_EQ(counted, 2);
  EXPECT_EQ(missing, std::nullopt);
  EXPECT_EQ(s().Prepare(count).Bind(1).Bind(4).Scalar(), 4);
  // Inside a write transaction they see its writes.
  auto tx = s().Begin(sql::TxKind::kWrite);
  Insert({0, 5, "l5", std::nullopt, false});
  s().ReadTogether(reads);
  EXPECT_EQ(labels, (std::vector<std::string>{"l3", "l4", "l5"}));
  tx->Commit();
}

TEST_P(SqlSessionContract, AFailingReadOfABatchThrowsAndLeavesTheSessionUsable) {
  Insert({0, 1, "one", std::nullopt, false});
  static const std::string fine = "SELECT COUNT(*) FROM t WHERE n >= ?";
  static const std::string broken = "SELECT CAST(label AS BIGINT) FROM t WHERE n >= ?";
  std::vector<sql::BatchRead> reads;
  reads.push_back({fine, {0}, [](sql::Query& q) { q.Scalar(); }});
  reads.push_back({broken, {0}, [](sql::Query& q) { q.Scalar(); }});
  // SQLite casts the text to 0 where PostgreSQL refuses it: only the one
  // that fails must leave the session usable.
  try {
    s().ReadTogether(reads);
  } catch (const std::exception&) {
  }
  EXPECT_EQ(Insert({0, 2, "two", std::nullopt, false}) > 0, true);
  EXPECT_EQ(Count(), 2);
  // The next batch is answered whole, with nothing of the failed one left over.
  std::int64_t at_least_one = -1, at_least_two = -1;
  std::vector<sql::BatchRead> again;
  again.push_back({fine, {1}, [&](sql::Query& q) { at_least_one = q.Scalar(); }});
  again.push_back({fine, {2}, [&](sql::Query& q) { at_least_two = q.Scalar(); }});
  s().ReadTogether(again);
  EXPECT_EQ(at_least_one, 2);
  EXPECT_EQ(at_least_two, 1);
}

TEST_P(SqlSessionContract, QuestionMarkInAQuotedLiteralIsNoPlaceholder) {
  Insert({0, 1, "?", std::nullopt, false});
  Insert({0, 2, "x", std::nullopt, false});
  EXPECT_EQ(s().Prepare("SELECT COUNT(*) FROM t WHERE label = '?' OR label = ?").Bind("x").Scalar(),
            2);
  EXPECT_EQ(s().Prepare("SELECT COUNT(*) FROM t WHERE label = 'it''s ?' OR n = ?").Bind(2).Scalar(),
            1);
}

TEST_P(SqlSessionContract, StatementIsReusableAfterAPartialRead) {
  for (int i = 0; i < 4; ++i) Insert({0, i, "r" + std::to_string(i), std::nullopt, false});
  const std::string sql = "SELECT n FROM t WHERE n >= ? ORDER BY n";
  auto first = s().Prepare(sql).Bind(1).One([](const sql::Row& r) { return r.Int64(0); });
  auto again = s().Prepare(sql).Bind(3).All([](const sql::Row& r) { return r.Int64(0); });
  EXPECT_EQ(first, std::optional<std::int64_t>(1));
  EXPECT_EQ(again, (std::vector<std::int64_t>{3}));
}

TEST_P(SqlSessionContract, NullReadsAsNulloptOrEmptyText) {
  Insert({0, 1, "n", std::nullopt, false});
  auto row =
      s().Prepare("SELECT note, note, CAST(NULL AS BIGINT) FROM t").One([](const sql::Row& r) {
        return std::make_tuple(r.OptText(0), r.Text(1), r.OptInt64(2));
      });
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(std::get<0>(*row), std::nullopt);
  EXPECT_EQ(std::get<1>(*row), "");
  EXPECT_EQ(std::get<2>(*row), std::nullopt);
}

// Property: CaseFoldedLike with a ContainsPattern finds exactly the labels
// that hold the searched text, ignoring ASCII case, with LIKE's wildcards
// and the escape character in the text taken literally (the patient search).
TEST_P(SqlSessionContract, CaseFoldedLikeFindsTheTextIgnoringCaseAndWildcards) {
  std::mt19937_64 random(14);
  const std::string alphabet = "aAbB%_\\";
  auto word = [&](std::size_t min, std::size_t max) {
    std::string out(min + random() % (max - min + 1), ' ');
    for (char& c : out) c = alphabet[random() % alphabet.size()];
    return out;
  };
  auto lower = [](std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
  };
  std::vector<std::string> labels;
  for (int i = 0; i < 60; ++i) {
    std::string label = word(1, 5) + std::to_string(i);  // Unique: the column is.
    Insert({0, i, label, std::nullopt, false});
    labels.push_back(label);
  }
  const std::string sql =
      "SELECT label FROM t WHERE " + s().CaseFoldedLike("label") + " ORDER BY id";
  for (int trial = 0; trial < 80; ++trial) {
    const std::string search = word(1, 2);
    std::vector<std::string> expected;
    for (const std::string& label : labels) {
      if (lower(label).find(lower(search)) != std::string::npos) expected.push_back(label);
    }
    auto found = s().Prepare(sql).Bind(sql::ContainsPattern(search)).All([](const sql::Row& r) {
      return r.Text(0);
    });
    EXPECT_EQ(found, expected) << "search: " << search;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Adapters, SqlSessionContract,
    ::testing::Values(Adapter{"Sqlite", [] { return std::unique_ptr<Harness>(new SqliteHarness); },
                              [] { return std::string(); }},
                      Adapter{"Postgres", [] { return std::unique_ptr<Harness>(new PgHarness); },
                              [] { return testing::PgSkipReason(); }}),
    [](const ::testing::TestParamInfo<Adapter>& info) { return info.param.name; });

TEST(PositionalPlaceholders, NumbersEachPlaceholderOutsideQuotes) {
  EXPECT_EQ(PositionalPlaceholders("SELECT ? , ?"), "SELECT $1 , $2");
  EXPECT_EQ(PositionalPlaceholders("a = '?' AND b = ? AND \"c?\" = ?"),
            "a = '?' AND b = $1 AND \"c?\" = $2");
  EXPECT_EQ(PositionalPlaceholders("x = 'it''s ?' OR y = ?"), "x = 'it''s ?' OR y = $1");
  EXPECT_EQ(PositionalPlaceholders("no placeholders"), "no placeholders");
}

}  // namespace
}  // namespace sciaticare::store
