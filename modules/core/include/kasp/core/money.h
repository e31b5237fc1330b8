#pragma once
// Money in integer kopecks: never floating point, so sums and prepayments are exact.
#include "kasp/core/result.h"
#include <compare>
#include <QString>
#include <QtGlobal>

namespace kasp {

class Money
{
public:
    constexpr Money() = default;
    static constexpr Money fromKopecks(qint64 kopecks) { return Money(kopecks); }
    static constexpr Money fromRubles(qint64 rubles) { return Money(rubles * 100); }
    // Accepts "1234", "1 234,50", "1234.5", "1 234 ₽", "-5 руб." (groups by spaces, no-break or thin
    // spaces; ',' or '.' decimals; optional "₽", "руб", "руб.", "р." and a leading '-').
    // Error codes: "money.empty", "money.garbage", "money.precision" (3+ decimals),
    // "money.too_large" (more than 15 digits of rubles).
    static Result<Money> parse(const QString &text);

    constexpr qint64 kopecks() const { return m_kopecks; }
    constexpr qint64 wholeRubles() const { return m_kopecks / 100; }
    // Percent of this amount, rounded half away from zero to a kopeck (prepayment of 10-20 %).
    Money percent(int percent) const;
    // "1 234,50 ₽": groups and the sign separated by a no-break space (U+00A0), decimal comma, always
    // two decimals, "-" before negative amounts. Money::parse() reads it back.
    QString toString() const;

    constexpr Money operator+(Money o) const { return Money(m_kopecks + o.m_kopecks); }
    constexpr Money operator-(Money o) const { return Money(m_kopecks - o.m_kopecks); }
    constexpr Money operator*(qint64 factor) const { return Money(m_kopecks * factor); }
    Money &operator+=(Money o)
    {
        m_kopecks += o.m_kopecks;
        return *this;
    }
    constexpr auto operator<=>(const Money &) const = default;

private:
    constexpr explicit Money(qint64 kopecks) : m_kopecks(kopecks) {}
    qint64 m_kopecks = 0;
};

} // namespace kasp
