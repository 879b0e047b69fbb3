#include "runner/archive.h"

#include <archive.h>
#include <archive_entry.h>

#include "runner/shared_library.h"

namespace stackc::runner {
namespace {

struct ArchiveLibrary {
  SharedLibrary lib;
  decltype(&archive_write_new) write_new = nullptr;
  decltype(&archive_write_set_format_pax_restricted) set_format = nullptr;
  decltype(&archive_write_open) open = nullptr;
  decltype(&archive_write_header) write_header = nullptr;
  decltype(&archive_write_data) write_data = nullptr;
  decltype(&archive_write_close) close = nullptr;
  decltype(&archive_write_free) free = nullptr;
  decltype(&archive_error_string) error_string = nullptr;
  decltype(&archive_entry_new) entry_new = nullptr;
  decltype(&archive_entry_free) entry_free = nullptr;
  decltype(&archive_entry_set_pathname) set_pathname = nullptr;
  decltype(&archive_entry_set_size) set_size = nullptr;
  decltype(&archive_entry_set_filetype) set_filetype = nullptr;
  decltype(&archive_entry_set_perm) set_perm = nullptr;
  decltype(&archive_entry_set_uid) set_uid = nullptr;
  decltype(&archive_entry_set_gid) set_gid = nullptr;

  bool Load(std::string* error) {
    return lib.Open({"libarchive.so.13", "libarchive.so"}, error) &&
           lib.Resolve("archive_write_new", &write_new, error) &&
           lib.Resolve("archive_write_set_format_pax_restricted", &set_format, error) &&
           lib.Resolve("archive_write_open", &open, error) &&
           lib.Resolve("archive_write_header", &write_header, error) &&
           lib.Resolve("archive_write_data", &write_data, error) &&
           lib.Resolve("archive_write_close", &close, error) &&
           lib.Resolve("archive_write_free", &free, error) &&
           lib.Resolve("archive_error_string", &error_string, error) &&
           lib.Resolve("archive_entry_new", &entry_new, error) &&
           lib.Resolve("archive_entry_free", &entry_free, error) &&
           lib.Resolve("archive_entry_set_pathname", &set_pathname, error) &&
           lib.Resolve("archive_entry_set_size", &set_size, error) &&
           lib.Resolve("archive_entry_set_filetype", &set_filetype, error) &&
           lib.Resolve("archive_entry_set_perm", &set_perm, error) &&
           lib.Resolve("archive_entry_set_uid", &set_uid, error) &&
           lib.Resolve("archive_entry_set_gid", &set_gid, error);
  }
};

la_ssize_t Append(struct archive*, void* user, const void* data, size_t size) {
  static_cast<std::string*>(user)->append(static_cast<const char*>(data), size);
  return static_cast<la_ssize_t>(size);
}

}  // namespace

bool MakeTar(const std::vector<ArchiveFile>& files, std::string* tar, std::string* error) {
  ArchiveLibrary a;
  if (!a.Load(error)) return false;
  tar->clear();
  struct archive* w = a.write_new();
  bool ok =
      a.set_format(w) == ARCHIVE_OK && a.open(w, tar, nullptr, &Append, nullptr) == ARCHIVE_OK;
  for (size_t i = 0; ok && i < files.size(); ++i) {
    const ArchiveFile& f = files[i];
    struct archive_entry* e = a.entry_new();
    a.set_pathname(e, f.path.c_str());
    a.set_size(e, static_cast<la_int64_t>(f.content.size()));
    a.set_filetype(e, AE_IFREG);
    a.set_perm(e, f.mode);
    a.set_uid(e, f.uid);
    a.set_gid(e, f.gid);
    ok =
        a.write_header(w, e) == ARCHIVE_OK && a.write_data(w, f.content.data(), f.content.size()) ==
                                                  static_cast<la_ssize_t>(f.content.size());
    a.entry_free(e);
  }
  if (ok) ok = a.close(w) == ARCHIVE_OK;
  if (!ok) {
    const char* why = a.error_string(w);
    *error = std::string("cannot build the archive: ") + (why ? why : "unknown error");
  }
  a.free(w);
  return ok;
}

}  // namespace stackc::runner
