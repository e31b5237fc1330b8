#pragma once
// A damaged database file never passes for a smaller one. SQLCipher checks each page's HMAC as it
// reads it and refuses a page that fails (SQLITE_CORRUPT): a read loop that stops there looks
// like "no more rows" unless someone asks. Two safety nets: a watch on the connection that hears
// every such refusal, wherever it happens, and a check of every page (start-up, a bench, tests).
#include "kasp/core/result.h"
#include <functional>
#include <QMetaObject>
#include <QSqlDatabase>
#include <QString>

class QObject;
class QSqlDriver;

namespace kasp::storage {

// Calls onDamage(detail) (in receiver's thread) each time SQLite refuses a page of this
// connection's file. detail is SQLite's text, its code and the statement, for the log. Only for
// QSQLCIPHER connections; an invalid connection otherwise.
QMetaObject::Connection watchDamage(const QSqlDatabase &db, QObject *receiver,
                                    std::function<void(const QString &detail)> onDamage);

// Reads every page of the file (PRAGMA quick_check: each page through its HMAC, every B-tree's
// structure, without comparing indexes to their tables). storage.corrupt with the first problems
// in the log when a page does not read. SQLCipher 3.4 has no cipher_integrity_check.
Status checkPages(QSqlDatabase db);

// Stops a checkPages running in another thread on `driver`'s connection (sqlite3_interrupt, safe
// from any thread): it then returns an error at once. For an application that quits mid-check.
void interruptCheck(QSqlDriver *driver);

// The user's words for a damaged file: what happened and what to do (restore a copy; on a desk
// that syncs, rebuild it from the server). The code of such errors is "storage.corrupt".
QString damagedDatabaseMessage();

} // namespace kasp::storage
