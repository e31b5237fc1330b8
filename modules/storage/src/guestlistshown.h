#pragma once
// The filter of a GuestList (guestlist.h): which guests it shows, read once into temporary tables of
// the connection. Shared by the copies of the list; the tables go with the last copy.
#include "kasp/storage/guestlist.h"

namespace kasp::storage {

struct GuestList::Shown
{
    enum class Mode {
        Walk,       // the name index walked, a row kept when its rowid is in `set`
        Positional, // `order` holds the guests in list order: (pos, gid)
    };
    QSqlDatabase db;
    GuestListFilter filter;
    Mode mode = Mode::Walk;
    qint64 count = 0;
    QString set;   // temp table: id INTEGER PRIMARY KEY (guests' rowids)
    QString order; // temp table: pos INTEGER PRIMARY KEY, gid INTEGER (Positional only)

    ~Shown();
};

} // namespace kasp::storage
