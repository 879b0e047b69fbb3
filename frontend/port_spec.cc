#include "frontend/port_spec.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/go_bytes.h"

namespace stackc::frontend {
namespace {

constexpr int kMaxPort = 65535;

// Go's strconv.ParseInt(text, 10, 0) followed by a 0..65535 range check. Every failure becomes
// the same caller-level message, so only success matters.
bool ParsePortNumber(std::string_view text, int* port) {
  int64_t value = 0;
  if (!ParseGoInt64(text, &value) || value < 0 || value > kMaxPort) return false;
  *port = static_cast<int>(value);
  return true;
}

// go-connections parsePortRange: "N" or "N-M" with N <= M.
bool ParsePortRange(std::string_view text, int* start, int* end) {
  if (text.empty()) return false;
  const size_t dash = text.find('-');
  const std::string_view first = text.substr(0, dash);
  if (!ParsePortNumber(first, start)) return false;
  if (dash == std::string_view::npos) {
    *end = *start;
    return true;
  }
  const std::string_view last = text.substr(dash + 1);
  if (first == last) {
    *end = *start;
    return true;
  }
  if (!ParsePortNumber(last, end)) return false;
  return *end >= *start;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// netip's IPv4 field parser over all of `s`: four decimal octets, no leading zeros.
bool IsGoIPv4(std::string_view s) {
  int value = 0;
  int fields = 0;
  int digits = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (IsDigit(c)) {
      if (digits == 1 && value == 0) return false;  // leading zero
      value = value * 10 + (c - '0');
      ++digits;
      if (value > 255) return false;
    } else if (c == '.') {
      if (i == 0 || i == s.size() - 1 || s[i - 1] == '.') return false;
      if (fields == 3) return false;
      ++fields;
      value = 0;
      digits = 0;
    } else {
      return false;
    }
  }
  return fields == 3;
}

// netip's IPv6 parser; a zone (anything after '%') makes net.ParseIP fail, so it is rejected.
bool IsGoIPv6(std::string_view s) {
  if (s.find('%') != std::string_view::npos) return false;
  int ellipsis = -1;
  if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
    ellipsis = 0;
    s.remove_prefix(2);
    if (s.empty()) return true;
  }
  int i = 0;  // bytes of the address filled so far
  while (i < 16) {
    size_t off = 0;
    for (; off < s.size(); ++off) {
      if (HexValue(s[off]) < 0) break;
      if (off > 3) return false;  // more than four hex digits in a group
    }
    if (off == 0) return false;
    if (off < s.size() && s[off] == '.') {
      if (ellipsis < 0 && i != 12) return false;
      if (i + 4 > 16) return false;
      if (!IsGoIPv4(s)) return false;
      s = {};
      i += 4;
      break;
    }
    i += 2;
    s.remove_prefix(off);
    if (s.empty()) break;
    if (s[0] != ':' || s.size() == 1) return false;
    s.remove_prefix(1);
    if (s[0] == ':') {
      if (ellipsis >= 0) return false;  // second "::"
      ellipsis = i;
      s.remove_prefix(1);
      if (s.empty()) break;
    }
  }
  if (!s.empty()) return false;
  if (i < 16) return ellipsis >= 0;
  return ellipsis < 0;  // "::" must stand for at least one group
}

// net.SplitHostPort(ip + ":") for a bracketed host; returns the reason on failure.
std::string_view StripBrackets(std::string_view ip, std::string_view* host) {
  // The host-port text is `ip` followed by ':', so its last colon is at ip.size().
  const size_t last_colon = ip.size();
  const size_t end = ip.find(']');
  if (end == std::string_view::npos) return "missing ']' in address";
  if (end + 1 != last_colon) {
    return ip[end + 1] == ':' ? "too many colons in address" : "missing port in address";
  }
  if (ip.find('[', 1) != std::string_view::npos) return "unexpected '[' in address";
  *host = ip.substr(1, end - 1);
  return {};
}

void AppendDecimal(std::string* out, int value) {
  char buf[16];
  const auto res = std::to_chars(buf, buf + sizeof buf, value);
  out->append(buf, res.ptr);
}

// A key that orders port numbers as Go's sort.Strings orders their "N/proto" keys, i.e. by
// decimal text ("10" < "9"): each of the five digit positions is a base-11 digit, 0 when absent.
uint32_t DecimalTextKey(int value) {
  char buf[8];
  const char* end = std::to_chars(buf, buf + sizeof buf, value).ptr;
  uint32_t key = 0;
  const char* p = buf;
  for (int pos = 0; pos < 5; ++pos) {
    key = key * 11 + (p < end ? static_cast<uint32_t>(*p++ - '0' + 1) : 0);
  }
  return key;
}

}  // namespace

bool IsGoIPAddress(std::string_view text) {
  for (const char c : text) {
    if (c == '.') return IsGoIPv4(text);
    if (c == ':') return IsGoIPv6(text);
    if (c == '%') return false;
  }
  return false;
}

bool AppendPortSpec(std::string_view spec, std::vector<PortMapping>* out, std::string* error) {
  // [ip:]host:container, split on the last two colons.
  std::string_view ip;
  std::string_view host_port;
  std::string_view container = spec;
  if (const size_t last = spec.rfind(':'); last != std::string_view::npos) {
    container = spec.substr(last + 1);
    const size_t second = last == 0 ? std::string_view::npos : spec.rfind(':', last - 1);
    if (second == std::string_view::npos) {
      host_port = spec.substr(0, last);
    } else {
      ip = spec.substr(0, second);
      host_port = spec.substr(second + 1, last - second - 1);
    }
  }

  std::string_view proto_text = "tcp";
  if (const size_t slash = container.find('/'); slash != std::string_view::npos) {
    if (slash + 1 < container.size()) proto_text = container.substr(slash + 1);
    container = container.substr(0, slash);
  }
  if (container.empty()) {
    *error = "no port specified: ";
    error->append(spec);
    error->append("<empty>");
    return false;
  }

  std::string_view protocol;
  {
    std::string lower(proto_text);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (lower == "tcp") {
      protocol = "tcp";
    } else if (lower == "udp") {
      protocol = "udp";
    } else if (lower == "sctp") {
      protocol = "sctp";
    } else {
      *error = "invalid proto: " + lower;
      return false;
    }
  }

  if (!ip.empty() && ip[0] == '[') {
    std::string_view host;
    if (const std::string_view why = StripBrackets(ip, &host); !why.empty()) {
      *error = "invalid IP address ";
      error->append(ip).append(": address ").append(ip).append(":: ").append(why);
      return false;
    }
    ip = host;
  }
  if (!ip.empty() && !IsGoIPAddress(ip)) {
    *error = "invalid IP address: ";
    error->append(ip);
    return false;
  }

  int start = 0;
  int end = 0;
  if (!ParsePortRange(container, &start, &end)) {
    *error = "invalid containerPort: ";
    error->append(container);
    return false;
  }
  int host_start = 0;
  int host_end = 0;
  if (!host_port.empty()) {
    if (!ParsePortRange(host_port, &host_start, &host_end)) {
      *error = "invalid hostPort: ";
      error->append(host_port);
      return false;
    }
    // A host range is allowed against a single container port (a dynamic range); otherwise
    // both ranges must have the same size.
    if (end - start != host_end - host_start && end != start) {
      *error = "invalid ranges specified for container and host Ports: ";
      error->append(container).append(" and ").append(host_port);
      return false;
    }
  }

  const int count = end - start + 1;
  const auto emit = [&](int i) {
    PortMapping& m = out->emplace_back();
    m.target = static_cast<uint32_t>(start + i);
    m.protocol = protocol;
    m.host_ip.assign(ip);
    if (!host_port.empty()) {
      AppendDecimal(&m.published, host_start + i);
      if (count == 1 && host_start != host_end) {
        m.published.push_back('-');
        AppendDecimal(&m.published, host_end);
      }
    }
  };
  out->reserve(out->size() + static_cast<size_t>(count));
  if (count == 1) {
    emit(0);
    return true;
  }
  constexpr int kIndexBits = 17;  // count <= 65536
  std::vector<uint64_t> order(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    order[static_cast<size_t>(i)] =
        uint64_t{DecimalTextKey(start + i)} << kIndexBits | static_cast<uint64_t>(i);
  }
  std::sort(order.begin(), order.end());
  for (const uint64_t o : order) emit(static_cast<int>(o & ((uint64_t{1} << kIndexBits) - 1)));
  return true;
}

PortSpecResult ParsePortSpec(std::string_view spec) {
  PortSpecResult result;
  AppendPortSpec(spec, &result.ports, &result.error);
  return result;
}

PortSpecResult ParsePortSpec(int64_t port) {
  char buf[24];
  const auto res = std::to_chars(buf, buf + sizeof buf, port);
  return ParsePortSpec(std::string_view(buf, static_cast<size_t>(res.ptr - buf)));
}

}  // namespace stackc::frontend
