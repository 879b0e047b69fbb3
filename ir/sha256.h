// SHA-256 as lowercase hex (OpenSSL underneath): configuration hashes, finding fingerprints.
//
// Example:
//   Sha256Hex("abc")  // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#pragma once

#include <string>
#include <string_view>

namespace stackc::ir {

std::string Sha256Hex(std::string_view data);

}  // namespace stackc::ir
