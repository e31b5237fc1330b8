#pragma once
// Which rooms are free for a stay, and how many rooms of each category are free on each night.
// Pure and built for the size of a big sanatorium (500 rooms x a year of nights): the grid's header
// row, the "Book" list and the nearest-free-room offer after a lost booking all read one index.
//
// Nights are counted as Julian day numbers; a room's busy nights (live bookings and out-of-service
// periods alike) are kept sorted and merged, so "is this room free for [in, out)" is one binary
// search.
#include "kasp/core/id.h"
#include "kasp/core/room.h"
#include "kasp/core/stay.h"
#include <QHash>
#include <QList>
#include <QVector>
#include <vector>

namespace kasp {

class OccupancyIndex
{
public:
    OccupancyIndex() = default;
    // Rooms in the order callers want them listed (building, then number).
    explicit OccupancyIndex(QList<Room> rooms);

    // A live booking or an out-of-service period takes the nights [stay.checkIn, stay.checkOut).
    // Unknown rooms are ignored (a booking that arrived before its room). Call freeze() when done.
    void occupy(const Id &roomId, const Stay &stay);
    void freeze(); // sorts and merges each room's nights

    const QList<Room> &rooms() const { return m_rooms; }
    int roomIndex(const Id &roomId) const { return m_indexOf.value(roomId, -1); }
    bool isFree(int roomIndex, const Stay &stay) const;
    bool isFree(int roomIndex, QDate night) const;

    // Free rooms per category for nights [from, from + nights): one vector of `nights` counts per
    // category id. Out-of-service rooms count as not free.
    QHash<Id, QVector<int>> freePerCategory(QDate from, int nights) const;

private:
    struct Span
    {
        qint64 first; // Julian day of the first busy night
        qint64 end;   // the day after the last busy night
    };
    bool isFreeDays(int roomIndex, qint64 first, qint64 end) const;

    QList<Room> m_rooms;
    QHash<Id, int> m_indexOf;
    std::vector<std::vector<Span>> m_busy; // per room, sorted by first, merged after freeze()
};

// A room that can take a party for a stay, and how well it fits.
struct RoomOption
{
    int roomIndex = -1;
    int extraBeds = 0; // extra beds the party needs in this room
    int spareBeds = 0; // main beds left empty
};

// Free rooms that can sleep `sleepers` people (adults and children who need a bed) on main beds
// plus the category's extra beds. Best first: no extra bed needed, then the fewest empty beds,
// then the cheaper category (price per bed-night), then the index's room order.
QList<RoomOption> findFreeRooms(const OccupancyIndex &index, const QHash<Id, RoomCategory> &categories,
                                const Stay &stay, int sleepers);

// After a lost booking: the free room nearest to the one that was lost, for the same stay and
// party. Same category first, then the same building, then the closest floor. -1 when none fits.
int nearestFreeRoom(const OccupancyIndex &index, const QHash<Id, RoomCategory> &categories, int lostRoomIndex,
                    const Stay &stay, int sleepers);

} // namespace kasp
