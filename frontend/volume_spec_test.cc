#include "frontend/volume_spec.h"

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace stackc::frontend {
namespace {

using VolumeBind = VolumeSpecBind;
using VolumeOptions = VolumeSpecVolume;

struct Case {
  std::string spec;  // std::string: some specs hold NUL bytes
  std::string error;
  std::string type;
  std::string source;
  std::string target;
  bool read_only = false;
  std::optional<VolumeBind> bind;
  std::optional<VolumeOptions> volume;
};

// Vectors from compose-go format/volume_test.go plus edge cases (NUL bytes, invalid UTF-8,
// unclosed ${, non-ASCII drive letters); expectations are those of compose-go v2.14.0.
const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      {"/path", "", "volume", "", "/path", false, std::nullopt, VolumeOptions{false}},
      {"/path/foo", "", "volume", "", "/path/foo", false, std::nullopt, VolumeOptions{false}},
      {"C:\\path", "", "volume", "", "C:\\path", false, std::nullopt, VolumeOptions{false}},
      {"Z:\\path\\foo", "", "volume", "", "Z:\\path\\foo", false, std::nullopt,
       VolumeOptions{false}},
      {"/foo:/foo:ro:foo", "invalid spec: /foo:/foo:ro:foo: too many colons"},
      {".", "", "volume", "", ".", false, std::nullopt, std::nullopt},
      {"/a", "", "volume", "", "/a", false, std::nullopt, std::nullopt},
      {"a", "", "volume", "", "a", false, std::nullopt, std::nullopt},
      {"ab", "", "volume", "", "ab", false, std::nullopt, std::nullopt},
      {"abc", "", "volume", "", "abc", false, std::nullopt, VolumeOptions{false}},
      {":foo", "invalid spec: :foo: empty section between colons"},
      {"/foo::ro", "invalid spec: /foo::ro: empty section between colons"},
      {"./foo:/target", "", "bind", "./foo", "/target", false, VolumeBind{"", "", true},
       std::nullopt},
      {"~/thing:/target", "", "bind", "~/thing", "/target", false, VolumeBind{"", "", true},
       std::nullopt},
      {"../other:/target", "", "bind", "../other", "/target", false, VolumeBind{"", "", true},
       std::nullopt},
      {"/foo:/target", "", "bind", "/foo", "/target", false, VolumeBind{"", "", true},
       std::nullopt},
      {"/home/user:/target", "", "bind", "/home/user", "/target", false, VolumeBind{"", "", true},
       std::nullopt},
      {"./foo:d:\\target", "", "bind", "./foo", "d:\\target", false, VolumeBind{"", "", true},
       std::nullopt},
      {"D:\\path:d:\\target", "", "bind", "D:\\path", "d:\\target", false, VolumeBind{"", "", true},
       std::nullopt},
      {"/source:/target:slave", "", "bind", "/source", "/target", false,
       VolumeBind{"slave", "", true}, std::nullopt},
      {"/source:/target:ro,z", "", "bind", "/source", "/target", true, VolumeBind{"", "z", true},
       std::nullopt},
      {"/source:/target:ro,Z", "", "bind", "/source", "/target", true, VolumeBind{"", "Z", true},
       std::nullopt},
      {"C:\\source\\foo:D:\\target:ro,rprivate", "", "bind", "C:\\source\\foo", "D:\\target", true,
       VolumeBind{"rprivate", "", true}, std::nullopt},
      {"name:/target:bogus", "", "volume", "name", "/target", false, std::nullopt,
       VolumeOptions{false}},
      {"name:/target:nocopy", "", "volume", "name", "/target", false, std::nullopt,
       VolumeOptions{true}},
      {"./foo:/target:ro", "", "bind", "./foo", "/target", true, VolumeBind{"", "", true},
       std::nullopt},
      {"./foo:/target:rw", "", "bind", "./foo", "/target", false, VolumeBind{"", "", true},
       std::nullopt},
      {"\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\inside", "", "bind", "\\\\.\\pipe\\docker_engine",
       "\\\\.\\pipe\\inside", false, VolumeBind{"", "", true}, std::nullopt},
      {"a\347\225\214:/x", "", "volume", "a\347\225\214", "/x", false, std::nullopt,
       VolumeOptions{false}},
      {"C:\\foo:d:", "", "bind", "C:\\foo", "d:", false, VolumeBind{"", "", true}, std::nullopt},
      {":C:\\foo:d:", "invalid spec: :C:\\foo:d:: empty section between colons"},
      {"/foo:/bar:ro", "", "bind", "/foo", "/bar", true, VolumeBind{"", "", true}, std::nullopt},
      {"C:\\foo\\:/foo", "", "bind", "C:\\foo\\", "/foo", false, VolumeBind{"", "", true},
       std::nullopt},
      {"d:\\", "", "volume", "", "d:\\", false, std::nullopt, VolumeOptions{false}},
      {"d:\\path", "", "volume", "", "d:\\path", false, std::nullopt, VolumeOptions{false}},
      {"d:\\path with space", "", "volume", "", "d:\\path with space", false, std::nullopt,
       VolumeOptions{false}},
      {"d:\\pathandmode:rw", "", "bind", "d:\\pathandmode", "rw", false, VolumeBind{"", "", true},
       std::nullopt},
      {"c:\\:d:\\", "", "bind", "c:\\", "d:\\", false, VolumeBind{"", "", true}, std::nullopt},
      {"c:\\windows\\:d:", "", "bind", "c:\\windows\\", "d:", false, VolumeBind{"", "", true},
       std::nullopt},
      {"c:\\windows:d:\\s p a c e", "", "bind", "c:\\windows", "d:\\s p a c e", false,
       VolumeBind{"", "", true}, std::nullopt},
      {"c:\\windows:d:\\s p a c e:RW", "", "bind", "c:\\windows", "d:\\s p a c e", false,
       VolumeBind{"", "", true}, std::nullopt},
      {"0123456789name:d:", "", "volume", "0123456789name", "d:", false, std::nullopt,
       VolumeOptions{false}},
      {"MiXeDcAsEnAmE:d:", "", "volume", "MiXeDcAsEnAmE", "d:", false, std::nullopt,
       VolumeOptions{false}},
      {"name:D:", "", "volume", "name", "D:", false, std::nullopt, VolumeOptions{false}},
      {"name:D::rW", "", "volume", "name", "D:", false, std::nullopt, VolumeOptions{false}},
      {"c:/:d:/forward/slashes/are/good/too", "", "bind", "c:/", "d:/forward/slashes/are/good/too",
       false, VolumeBind{"", "", true}, std::nullopt},
      {"c:\\Program Files (x86)", "", "volume", "", "c:\\Program Files (x86)", false, std::nullopt,
       VolumeOptions{false}},
      {"..\\", "", "volume", "", "..\\", false, std::nullopt, VolumeOptions{false}},
      {"c:\\:..\\", "", "bind", "c:\\", "..\\", false, VolumeBind{"", "", true}, std::nullopt},
      {"c:\\:d:\\:xyzzy", "", "bind", "c:\\", "d:\\", false, VolumeBind{"", "", true},
       std::nullopt},
      {"/tmp/x/y:/foo/x/y", "", "bind", "/tmp/x/y", "/foo/x/y", false, VolumeBind{"", "", true},
       std::nullopt},
      {"/tmp:/tmp/${BUG_HERE:-DEFAULT}/path", "", "bind", "/tmp", "/tmp/${BUG_HERE:-DEFAULT}/path",
       false, VolumeBind{"", "", true}, std::nullopt},
      {"/tmp/${VAR:-default}:/target", "", "bind", "/tmp/${VAR:-default}", "/target", false,
       VolumeBind{"", "", true}, std::nullopt},
      {"/tmp:/tmp/${TIME:-12:30:45}/path", "", "bind", "/tmp", "/tmp/${TIME:-12:30:45}/path", false,
       VolumeBind{"", "", true}, std::nullopt},
      {"myvolume:/data/${VAR:-default}/path", "", "volume", "myvolume",
       "/data/${VAR:-default}/path", false, std::nullopt, VolumeOptions{false}},
      {"/src:/target/${VAR:-default}/path:slave,ro", "", "bind", "/src",
       "/target/${VAR:-default}/path", true, VolumeBind{"slave", "", true}, std::nullopt},
      {"C:\\src\\${VAR:-default}:D:\\target", "", "bind", "C:\\src\\${VAR:-default}", "D:\\target",
       false, VolumeBind{"", "", true}, std::nullopt},
      {"/tmp:/tmp/${VAR:-{default}}/path", "", "bind", "/tmp", "/tmp/${VAR:-{default}}/path", false,
       VolumeBind{"", "", true}, std::nullopt},
      {"/tmp:/${VAR:-default}/path", "", "bind", "/tmp", "/${VAR:-default}/path", false,
       VolumeBind{"", "", true}, std::nullopt},
      {"${A}:/b", "", "volume", "${A}", "/b", false, std::nullopt, VolumeOptions{false}},
      {"${A:-x:y}:/b:ro", "", "volume", "${A:-x:y}", "/b", true, std::nullopt,
       VolumeOptions{false}},
      {"/a:${b:c", "", "bind", "/a", "", false, VolumeBind{"", "", true}, std::nullopt},
      {"/a:/b${c", "", "bind", "/a", "", false, VolumeBind{"", "", true}, std::nullopt},
      {"$:/b", "", "volume", "$", "/b", false, std::nullopt, VolumeOptions{false}},
      {"name:/t:z", "", "volume", "name", "/t", false, VolumeBind{"", "z", false},
       VolumeOptions{false}},
      {"name:/t:shared,Z,rshared", "", "volume", "name", "/t", false,
       VolumeBind{"rshared", "Z", false}, VolumeOptions{false}},
      {"/a:/b:nocopy", "", "bind", "/a", "/b", false, VolumeBind{"", "", true},
       VolumeOptions{true}},
      {"/a:/b:ro,rw", "", "bind", "/a", "/b", false, VolumeBind{"", "", true}, std::nullopt},
      {"/a:/b:rw,ro", "", "bind", "/a", "/b", true, VolumeBind{"", "", true}, std::nullopt},
      {"/a:/b:", "invalid spec: /a:/b:: empty section between colons"},
      {"/a:/b:ro,", "", "bind", "/a", "/b", true, VolumeBind{"", "", true}, std::nullopt},
      {"/a:/b:,", "", "bind", "/a", "/b", false, VolumeBind{"", "", true}, std::nullopt},
      {"/a:/b:RO", "", "bind", "/a", "/b", false, VolumeBind{"", "", true}, std::nullopt},
      {"\303\251:/foo", "", "volume", "", "\303\251:/foo", false, std::nullopt,
       VolumeOptions{false}},
      {"\303\251:\\x:/y", "", "bind", "\303\251:\\x", "/y", false, VolumeBind{"", "", true},
       std::nullopt},
      {"\303\237:/x", "", "volume", "", "\303\237:/x", false, std::nullopt, VolumeOptions{false}},
      {"1:/x", "", "volume", "1", "/x", false, std::nullopt, VolumeOptions{false}},
      {"_:/x", "", "volume", "_", "/x", false, std::nullopt, VolumeOptions{false}},
      {"a:", "", "volume", "", "a:", false, std::nullopt, std::nullopt},
      {"a::", "invalid spec: a::: empty section between colons"},
      {"::", "", "volume", "", "::", false, std::nullopt, std::nullopt},
      {":::", "invalid spec: :::: empty section between colons"},
      {"a:b", "", "volume", "", "a:b", false, std::nullopt, VolumeOptions{false}},
      {"\\\\srv\\share:/x", "", "bind", "\\\\srv\\share", "/x", false, VolumeBind{"", "", true},
       std::nullopt},
      {"\\x:/y", "", "volume", "\\x", "/y", false, std::nullopt, VolumeOptions{false}},
      {"~:/y", "", "bind", "~", "/y", false, VolumeBind{"", "", true}, std::nullopt},
      {"vol:/data:ro,nocopy,z,private", "", "volume", "vol", "/data", true,
       VolumeBind{"private", "z", false}, VolumeOptions{true}},
      {"/a:/b:nocopy,ro", "", "bind", "/a", "/b", true, VolumeBind{"", "", true},
       VolumeOptions{true}},
      {std::string("x\000y:/z", sizeof("x\000y:/z") - 1), "", "volume", "", "y:/z", false,
       std::nullopt, VolumeOptions{false}},
      {"\377ab:/z", "", "volume", "\357\277\275ab", "/z", false, std::nullopt,
       VolumeOptions{false}},
      {"a\377:/z", "", "volume", "a\357\277\275", "/z", false, std::nullopt, VolumeOptions{false}},
      {"\351:/z", "", "volume", "\357\277\275", "/z", false, std::nullopt, VolumeOptions{false}},
      {"/a:/b/../c/./d//", "", "bind", "/a", "/b/../c/./d//", false, VolumeBind{"", "", true},
       std::nullopt},
      {std::string("/a\000", sizeof("/a\000") - 1),
       std::string("invalid spec: /a\000: empty section between colons",
                   sizeof("invalid spec: /a\000: empty section between colons") - 1)},
  };
  return cases;
}

TEST(VolumeSpecTest, MatchesComposeGo) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.spec);
    const VolumeSpecResult r = ParseVolumeSpec(c.spec);
    EXPECT_EQ(r.error, c.error);
    if (!c.error.empty()) continue;
    EXPECT_EQ(r.volume.type, c.type);
    EXPECT_EQ(r.volume.source, c.source);
    EXPECT_EQ(r.volume.target, c.target);
    EXPECT_EQ(r.volume.read_only, c.read_only);
    EXPECT_EQ(r.volume.bind, c.bind);
    EXPECT_EQ(r.volume.volume, c.volume);
  }
}

TEST(VolumeSpecTest, EmptySpec) {
  const VolumeSpecResult r = ParseVolumeSpec("");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error, "invalid empty volume spec");
}

TEST(VolumeSpecTest, BindWithAllOptions) {
  const VolumeSpecResult r = ParseVolumeSpec("./data:/var/lib/db:ro,Z,rslave");
  ASSERT_TRUE(r.ok());
  const VolumeSpec want{
      .type = "bind",
      .source = "./data",
      .target = "/var/lib/db",
      .read_only = true,
      .bind = VolumeSpecBind{.propagation = "rslave", .selinux = "Z", .create_host_path = true}};
  EXPECT_EQ(r.volume, want);
}

TEST(VolumeSpecTest, CleanVolumeTargetFollowsGoPathClean) {
  const std::pair<const char*, const char*> cases[] = {
      {"", ""},           {"/", "/"},         {"/a/b/", "/a/b"}, {"/b/../c/./d//", "/c/d"},
      {"/..", "/"},       {"/../a", "/a"},    {"a/..", "."},     {"a/../..", ".."},
      {"../a/..", ".."},  {".", "."},         {"./", "."},       {"//a//b", "/a/b"},
      {"a/./b/.", "a/b"}, {"C:\\x", "C:\\x"}, {"/a/b/..", "/a"}, {"../../x", "../../x"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(CleanVolumeTarget(in), want) << in;
}

}  // namespace
}  // namespace stackc::frontend
