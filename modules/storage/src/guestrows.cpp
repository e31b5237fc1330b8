#include "kasp/storage/guestrows.h"

#include "kasp/core/guestmerge.h"
#include "kasp/core/isotime.h"
#include "kasp/storage/sqlhelpers.h"

#include <QSqlQuery>

#include <QStringList>
#include <vector>

namespace kasp::storage {

namespace {

// The guests table: each column, how its value comes from the card and how it goes back into
// one. `onUpdate`: rewritten when the card changes (the id and the creation time are not).
// `read`: nullptr for a column derived from others (the search name, the main phone). The card's
// single-value fields are core's guestFields() (`field`), one column each.
struct GuestColumn
{
    const char *name;
    void (*bind)(BulkWriter &, const Guest &, const QDateTime &now);
    bool onUpdate;
    void (*read)(Guest &, const QVariant &) = nullptr;
    const GuestFieldDef *field = nullptr;
};

void textOrNull(BulkWriter &w, const QString &value)
{
    if (value.isEmpty())
        w.null();
    else
        w.text(value);
}

void instant(BulkWriter &w, const QDateTime &at, const QDateTime &now)
{
    w.integer((at.isValid() ? at : now).toMSecsSinceEpoch());
}

// A text field is stored as it is (empty, not NULL: the name columns are NOT NULL); an unset date
// or id is NULL.
void bindField(BulkWriter &w, const GuestFieldDef &def, const Guest &guest)
{
    const QVariant value = def.value(guest);
    switch (def.type) {
    case GuestFieldType::Text:
        w.text(value.toString());
        return;
    case GuestFieldType::Date:
        textOrNull(w, isoDate(value.toDate()));
        return;
    case GuestFieldType::Id:
        textOrNull(w, idToString(value.value<Id>()));
        return;
    }
}

void readField(const GuestFieldDef &def, Guest &guest, const QVariant &stored)
{
    switch (def.type) {
    case GuestFieldType::Text:
        def.setValue(guest, stored.toString());
        return;
    case GuestFieldType::Date:
        def.setValue(guest, sql::toDate(stored));
        return;
    case GuestFieldType::Id:
        def.setValue(guest, QVariant::fromValue(sql::toId(stored)));
        return;
    }
}

const std::vector<GuestColumn> &guestColumns()
{
    static const std::vector<GuestColumn> columns = [] {
        std::vector<GuestColumn> list{
            {"id", [](BulkWriter &w, const Guest &g, const QDateTime &) { w.text(idToString(g.id)); }, false,
             [](Guest &g, const QVariant &v) { g.id = sql::toId(v); }},
        };
        for (const GuestFieldDef &def : guestFields())
            list.push_back({def.column, nullptr, true, nullptr, &def});
        list.insert(
            list.end(),
            {
                {"search_name",
                 [](BulkWriter &w, const Guest &g, const QDateTime &) { w.text(g.searchName()); }, true},
                {"main_phone",
                 [](BulkWriter &w, const Guest &g, const QDateTime &) {
                     textOrNull(w, g.phones.isEmpty() ? QString() : g.phones.first().e164());
                 },
                 true},
                {"created_at",
                 [](BulkWriter &w, const Guest &g, const QDateTime &now) { instant(w, g.createdAt, now); },
                 false, [](Guest &g, const QVariant &v) { g.createdAt = sql::toInstant(v); }},
                {"updated_at",
                 [](BulkWriter &w, const Guest &g, const QDateTime &now) { instant(w, g.updatedAt, now); },
                 true, [](Guest &g, const QVariant &v) { g.updatedAt = sql::toInstant(v); }},
            });
        return list;
    }();
    return columns;
}

bool readsBack(const GuestColumn &c)
{
    return c.read || c.field;
}

void bindColumn(const GuestColumn &c, BulkWriter &w, const Guest &guest, const QDateTime &now)
{
    if (c.field)
        bindField(w, *c.field, guest);
    else
        c.bind(w, guest, now);
}

} // namespace

QString guestColumnsSql()
{
    QStringList names;
    for (const GuestColumn &c : guestColumns())
        if (readsBack(c))
            names << QLatin1String(c.name);
    return names.join(QLatin1String(", "));
}

void readGuestRow(const QSqlQuery &q, Guest &guest)
{
    int i = 0;
    for (const GuestColumn &c : guestColumns()) {
        if (c.field)
            readField(*c.field, guest, q.value(i++));
        else if (c.read)
            c.read(guest, q.value(i++));
    }
}

namespace {

QString insertText()
{
    QStringList names;
    for (const GuestColumn &c : guestColumns())
        names << QLatin1String(c.name);
    return QStringLiteral("INSERT INTO guests (%1) VALUES (%2)")
        .arg(names.join(QLatin1String(", ")),
             QStringList(names.size(), QStringLiteral("?")).join(QLatin1Char(',')));
}

QString updateText()
{
    QStringList sets;
    for (const GuestColumn &c : guestColumns())
        if (c.onUpdate)
            sets << QLatin1String(c.name) + QStringLiteral(" = ?");
    return QStringLiteral("UPDATE guests SET %1 WHERE id = ?").arg(sets.join(QLatin1String(", ")));
}

const QString &text(int which)
{
    static const QString texts[] = {
        insertText(),
        updateText(),
        QStringLiteral("DELETE FROM guests WHERE id = ?"),
        QStringLiteral("DELETE FROM guest_phones WHERE guest_id = ?"),
        QStringLiteral("DELETE FROM guest_emails WHERE guest_id = ?"),
        QStringLiteral("DELETE FROM guest_tags WHERE guest_id = ?"),
        QStringLiteral(
            "INSERT INTO guest_phones (guest_id, position, e164, ext, e164_rev) VALUES (?,?,?,?,?)"),
        QStringLiteral("INSERT INTO guest_emails (guest_id, position, email) VALUES (?,?,?)"),
        // A tag typed twice is one tag.
        QStringLiteral("INSERT OR IGNORE INTO guest_tags (guest_id, tag) VALUES (?,?)"),
    };
    return texts[which];
}

} // namespace

GuestRowWriter::GuestRowWriter(QSqlDatabase db)
    : m_db(db), m_insert(db, text(0)), m_update(db, text(1)), m_delete(db, text(2)),
      m_deletePhones(db, text(3)), m_deleteEmails(db, text(4)), m_deleteTags(db, text(5)),
      m_phone(db, text(6)), m_email(db, text(7)), m_tag(db, text(8))
{
}

Status GuestRowWriter::bindAndRun(BulkWriter &writer, const Guest &guest, const QDateTime &now, bool update)
{
    for (const GuestColumn &c : guestColumns())
        if (!update || c.onUpdate)
            bindColumn(c, writer, guest, now);
    if (update)
        writer.text(idToString(guest.id));
    return writer.insert();
}

Status GuestRowWriter::insert(const Guest &guest, const QDateTime &now)
{
    if (auto s = bindAndRun(m_insert, guest, now, false); !s.ok())
        return s;
    return insertChildren(guest);
}

Status GuestRowWriter::update(const Guest &guest, const QDateTime &now)
{
    if (auto s = bindAndRun(m_update, guest, now, true); !s.ok())
        return s;
    if (m_update.changes() != 1)
        return Error{QStringLiteral("guest.not_found"),
                     QStringLiteral("guest %1 does not exist").arg(idToString(guest.id))};
    if (auto s = removeChildren(guest.id); !s.ok())
        return s;
    return insertChildren(guest);
}

Status GuestRowWriter::remove(const Id &id)
{
    if (auto s = removeChildren(id); !s.ok())
        return s;
    m_delete.text(idToString(id));
    return m_delete.insert();
}

Status GuestRowWriter::removeChildren(const Id &id)
{
    const QString key = idToString(id);
    for (BulkWriter *w : {&m_deletePhones, &m_deleteEmails, &m_deleteTags}) {
        w->text(key);
        if (auto s = w->insert(); !s.ok())
            return s;
    }
    return {};
}

Status GuestRowWriter::insertChildren(const Guest &guest)
{
    const QString key = idToString(guest.id);
    for (int i = 0; i < guest.phones.size(); ++i) {
        const Phone &phone = guest.phones[i];
        m_phone.text(key);
        m_phone.integer(i);
        m_phone.text(phone.e164());
        m_phone.text(phone.extension());
        m_phone.text(phone.reversedDigits());
        if (auto s = m_phone.insert(); !s.ok())
            return s;
    }
    for (int i = 0; i < guest.emails.size(); ++i) {
        m_email.text(key);
        m_email.integer(i);
        m_email.text(guest.emails[i]);
        if (auto s = m_email.insert(); !s.ok())
            return s;
    }
    for (const QString &tag : guest.tags) {
        m_tag.text(key);
        m_tag.text(tag);
        if (auto s = m_tag.insert(); !s.ok())
            return s;
    }
    return {};
}

} // namespace kasp::storage
