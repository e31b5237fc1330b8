#pragma once
// The grid's geometry without painting: rows (building headers and rooms), the window of nights as
// columns, bookings as bars per row, free rooms per category per night. Built once per data
// change; painting and hit-testing only read it, so a frame costs the visible cells, not the year.
#include "kasp/booking/bookingservice.h"
#include <QDate>
#include <QFontMetrics>
#include <QList>
#include <QVector>

namespace kasp::booking::ui {

struct GridRow
{
    enum class Kind { Building, Room } kind = Kind::Room;
    int roomIndex = -1; // into GridLayout::stock().rooms
    QString label;      // building name, or the room number
    QString detail;     // the category's short name for rooms
};

struct GridBar
{
    int row = 0;
    int firstCol = 0;      // may be < 0 or past the window: bars are clipped when painted
    int endCol = 0;        // exclusive
    int bookingIndex = -1; // into GridLayout::bookings(), or -1 for an out-of-service period
    int closureIndex = -1; // into GridLayout::closures()
};

// A booking this desktop lost to a colleague's (the server refused its nights): drawn over the
// row, hatched red, with the reason; it holds no nights.
struct GridGhost
{
    BookingView view;
    QString reason;
    int row = -1, firstCol = 0, endCol = 0;
};

class GridLayout
{
public:
    void build(RoomStock stock, QDate from, int nights, QList<BookingView> bookings,
               QList<RoomClosure> closures = {});

    const RoomStock &stock() const { return m_stock; }
    QDate from() const { return m_from; }
    int columns() const { return m_nights; }
    QDate dateAt(int col) const { return m_from.addDays(col); }
    int columnOf(QDate date) const { return int(m_from.daysTo(date)); }

    const QList<GridRow> &rows() const { return m_rows; }
    int rowOfRoom(const Id &roomId) const { return m_rowOfRoom.value(roomId, -1); }
    const Room *roomAt(int row) const;

    const QList<BookingView> &bookings() const { return m_bookings; }
    const QList<RoomClosure> &closures() const { return m_closures; }
    const QList<GridGhost> &ghosts() const { return m_ghosts; }
    void setGhosts(QList<GridGhost> ghosts); // rows and columns are filled in here
    const GridGhost *ghostAt(int row, int col) const;
    // Bookings whose voucher the mail server has not taken yet, with the reason in words: the bar
    // carries a red mark and its tooltip says why (issue 21).
    void setVoucherProblems(QHash<Id, QString> problems) { m_voucherProblems = std::move(problems); }
    QString voucherProblem(int bookingIndex) const
    {
        return m_voucherProblems.value(m_bookings[bookingIndex].booking.id);
    }
    // A booking's label elided to a width, made once per width: measuring and eliding every bar
    // on every frame costs more than painting it.
    const QString &label(int bookingIndex, int width, const QFontMetrics &fm) const;
    // Bars of a row, sorted by first column.
    const QVector<GridBar> &barsOf(int row) const { return m_bars[row]; }
    // The bar covering (row, col), or nullptr.
    const GridBar *barAt(int row, int col) const;
    // Whether nights [firstCol, endCol) of a room row are free, ignoring one booking (a move).
    bool isFree(int row, int firstCol, int endCol, int ignoreBooking = -1) const;

    // Categories in header order (cheapest first) and their free rooms on each night.
    const QList<Id> &categoryOrder() const { return m_categoryOrder; }
    int freeRooms(int categoryRow, int col) const { return m_free[categoryRow][col]; }
    int roomsOfCategory(int categoryRow) const { return m_roomsPerCategory[categoryRow]; }

private:
    RoomStock m_stock;
    QDate m_from;
    int m_nights = 0;
    QList<GridRow> m_rows;
    QHash<Id, int> m_rowOfRoom;
    QList<BookingView> m_bookings;
    QList<RoomClosure> m_closures;
    QList<GridGhost> m_ghosts;
    QHash<Id, QString> m_voucherProblems;
    mutable QVector<int> m_labelWidth;             // -1: not measured yet
    mutable QHash<qint64, QString> m_elidedLabels; // (booking, width) -> text
    QVector<QVector<GridBar>> m_bars;
    QList<Id> m_categoryOrder;
    QVector<QVector<int>> m_free;
    QVector<int> m_roomsPerCategory;
};

} // namespace kasp::booking::ui
