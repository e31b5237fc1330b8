#pragma once
// A stay is a set of nights [check-in, check-out): the guest sleeps the nights from check-in up to,
// not including, check-out. Two stays in one room clash when their nights intersect; a check-out on
// the morning of another check-in does not clash.
#include "kasp/core/result.h"
#include <QDate>

namespace kasp {

class Stay
{
public:
    Stay() = default;
    // Error codes: "stay.invalid_date", "stay.empty" (check-out not after check-in),
    // "stay.too_long" (more than kMaxNights nights).
    static constexpr int kMaxNights = 365;
    static Result<Stay> make(QDate checkIn, QDate checkOut);

    QDate checkIn() const { return m_checkIn; }
    QDate checkOut() const { return m_checkOut; }
    int nights() const { return int(m_checkIn.daysTo(m_checkOut)); }
    bool isValid() const { return m_checkIn.isValid() && m_checkOut > m_checkIn; }
    bool containsNight(QDate night) const { return night >= m_checkIn && night < m_checkOut; }
    bool overlaps(const Stay &other) const
    {
        return m_checkIn < other.m_checkOut && other.m_checkIn < m_checkOut;
    }
    bool operator==(const Stay &) const = default;

private:
    Stay(QDate in, QDate out) : m_checkIn(in), m_checkOut(out) {}
    QDate m_checkIn;
    QDate m_checkOut;
};

} // namespace kasp
