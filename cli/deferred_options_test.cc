#include "cli/deferred_options.h"

#include <string>

#include <CLI/CLI.hpp>
#include <gtest/gtest.h>

namespace stackc::cli {
namespace {

struct TwoCommands {
  CLI::App app{"test", "t"};
  CLI::App* a = app.add_subcommand("a", "first");
  CLI::App* b = app.add_subcommand("b", "second");
  bool x = false;
  bool y = false;
  int declared_a = 0;
  int declared_b = 0;

  TwoCommands() {
    app.require_subcommand(1, 1);
    app.fallthrough();
    DeferOptions(a, [this](CLI::App& c) {
      ++declared_a;
      c.add_flag("--x", x, "the first's flag");
    });
    DeferOptions(b, [this](CLI::App& c) {
      ++declared_b;
      c.add_flag("--y", y, "the second's flag");
    });
  }

  void Parse(std::vector<std::string> args) {
    args.insert(args.begin(), "t");
    std::vector<const char*> argv;
    for (const std::string& s : args) argv.push_back(s.c_str());
    app.parse(static_cast<int>(argv.size()), argv.data());
  }
};

TEST(DeferOptionsTest, OnlyTheSubcommandThatRunsDeclaresItsOptions) {
  TwoCommands t;
  EXPECT_EQ(t.a->get_options().size(), 1u);  // --help only
  t.Parse({"a", "--x"});
  EXPECT_TRUE(t.x);
  EXPECT_EQ(t.declared_a, 1);
  EXPECT_EQ(t.declared_b, 0);
  EXPECT_EQ(t.a->get_options().size(), 2u);
  EXPECT_EQ(t.b->get_options().size(), 1u);
  // A second parse of the same App does not declare them again (CLI11 would throw).
  t.x = false;
  t.Parse({"a", "--x"});
  EXPECT_TRUE(t.x);
  EXPECT_EQ(t.declared_a, 1);
}

TEST(DeferOptionsTest, AnotherSubcommandsOptionIsRefused) {
  TwoCommands t;
  EXPECT_THROW(t.Parse({"a", "--y"}), CLI::ExtrasError);
  EXPECT_FALSE(t.y);
}

TEST(DeferOptionsTest, HelpListsTheDeclaredOptions) {
  TwoCommands t;
  EXPECT_THROW(t.Parse({"b", "--help"}), CLI::CallForHelp);
  const std::string help = t.app.help();
  EXPECT_NE(help.find("--y"), std::string::npos) << help;
  EXPECT_EQ(help.find("--x"), std::string::npos) << help;
}

}  // namespace
}  // namespace stackc::cli
