#pragma once
// A value or a human-readable error: the return type of every operation that can fail on user or
// file input. Errors carry a stable code (for tests and logs) and a translated message (for people).
#include <optional>
#include <QString>
#include <utility>
#include <variant>

namespace kasp {

struct Error
{
    QString code;    // stable, e.g. "phone.too_short", "storage.wrong_key"
    QString message; // for the user; already translated where it reaches the UI
};

template <typename T> class Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    // By value on temporaries, so `for (auto &x : load().value())` cannot dangle.
    T value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &std::get<T>(m_data); }
    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// For operations that return nothing but can fail.
class Status
{
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)) {}
    static Status success() { return {}; }
    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace kasp
