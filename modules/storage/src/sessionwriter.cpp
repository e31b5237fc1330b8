#include "kasp/storage/sessionwriter.h"

#include "kasp/core/id.h"
#include "kasp/syncproto/accessrules.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

namespace kasp::storage {

namespace {

// Connections are per thread but the app's worker connections share the writer's rules: a small
// map under a lock, read once per write.
QMutex &writersLock()
{
    static QMutex lock;
    return lock;
}

struct Held
{
    SessionWriter writer;
    quint64 ticket = 0;
};

QHash<QString, Held> &writers()
{
    static QHash<QString, Held> map;
    return map;
}

} // namespace

quint64 setSessionWriter(const QSqlDatabase &db, SessionWriter writer)
{
    static quint64 lastTicket = 0;
    QMutexLocker locker(&writersLock());
    writers().insert(db.connectionName(), Held{writer, ++lastTicket});
    return lastTicket;
}

void clearSessionWriter(const QSqlDatabase &db, quint64 ticket)
{
    QMutexLocker locker(&writersLock());
    const auto it = writers().constFind(db.connectionName());
    if (it != writers().constEnd() && it->ticket == ticket)
        writers().remove(db.connectionName());
}

std::optional<SessionWriter> sessionWriter(const QSqlDatabase &db)
{
    QMutexLocker locker(&writersLock());
    const auto it = writers().constFind(db.connectionName());
    if (it == writers().constEnd())
        return std::nullopt;
    return it->writer;
}

namespace {

// The server's words are for its log; the person at the desk reads these.
Status told(const Status &verdict, bool colleaguesRecord = false)
{
    if (verdict.ok())
        return verdict;
    const QString &code = verdict.error().code;
    const QString message =
        code == QLatin1String("auth.read_only")
            ? QCoreApplication::translate("kasp::storage",
                                          "The director's account reads the base: nothing was changed.")
        : code == QLatin1String("auth.forbidden") && colleaguesRecord
            ? QCoreApplication::translate("kasp::storage",
                                          "This task is a colleague's: only they or the head of sales "
                                          "change it. Nothing was changed.")
        : code == QLatin1String("auth.forbidden")
            ? QCoreApplication::translate("kasp::storage",
                                          "Only the head of sales changes this (rooms, prices, booking "
                                          "rules, the pipeline, staff): nothing was changed.")
            : verdict.error().message;
    return Error{code, message};
}

} // namespace

Status authorizeWrite(const QSqlDatabase &db, const sync::MutationPlan &plan)
{
    const auto writer = sessionWriter(db);
    if (!writer)
        return {};
    return told(sync::authorizeMutation(writer->role, plan, idToString(writer->userId)));
}

Status authorizeChange(const QSqlDatabase &db, sync::EntityKind kind,
                       const std::optional<QJsonObject> &current)
{
    const auto writer = sessionWriter(db);
    if (!writer)
        return {};
    return told(sync::authorizeChange(writer->role, idToString(writer->userId), kind, current), true);
}

Status authorizeWrite(const QSqlDatabase &db, const QString &mutationName)
{
    const auto writer = sessionWriter(db);
    if (!writer)
        return {};
    return told(sync::authorizeMutationName(writer->role, mutationName));
}

} // namespace kasp::storage
