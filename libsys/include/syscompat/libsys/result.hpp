// The C++ API's result: the value or the error, never errno (for runtimes that have none).
#pragma once

#include <cerrno>

namespace syscompat::sys {

template <typename T>
class Result {
 public:
  // From the kernel's convention: -4095..-1 is an error number, anything else a value.
  static Result from_raw(long raw) {
    if (raw < 0 && raw >= -4095) return Result(T{}, static_cast<int>(-raw));
    return Result(static_cast<T>(raw), 0);
  }
  bool ok() const { return error_ == 0; }
  explicit operator bool() const { return ok(); }
  T value() const { return value_; }
  int error() const { return error_; }
  T value_or(T fallback) const { return ok() ? value_ : fallback; }

 private:
  Result(T value, int error) : value_(value), error_(error) {}
  T value_;
  int error_;
};

}  // namespace syscompat::sys
