#include "kasp/core/mutation.h"

#include "jsoncodec.h"
#include "kasp/core/guestmerge.h"

#include <limits>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>

namespace kasp {

using namespace jsoncodec;

namespace {

QJsonArray phonesToJson(const QList<Phone> &phones)
{
    QJsonArray array;
    for (const Phone &phone : phones)
        array.append(
            QJsonObject{{QStringLiteral("e164"), phone.e164()}, {QStringLiteral("ext"), phone.extension()}});
    return array;
}

QList<Phone> readPhones(Reader &reader)
{
    QList<Phone> phones;
    const QString key = QStringLiteral("phones");
    const QJsonArray items = reader.array(key);
    for (qsizetype i = 0; i < items.size() && !reader.failed(); ++i) {
        const QString itemPath = QStringLiteral("%1[%2]").arg(reader.path(key)).arg(i);
        if (!items.at(i).isObject()) {
            reader.badValue(QStringLiteral("%1[%2]").arg(key).arg(i),
                            QT_TRANSLATE_NOOP("kasp::Json", "expected an object"));
            break;
        }
        Reader item(items.at(i).toObject(), itemPath + QLatin1Char('.'));
        const QString e164 = item.string(QStringLiteral("e164"), Need::Required);
        const QString ext = item.string(QStringLiteral("ext"));
        if (item.failed()) {
            reader.fail(item.error());
            break;
        }
        // Checked alone first, so that the error names the field that is wrong.
        const Result<Phone> number = Phone::fromE164(e164);
        const Result<Phone> phone = Phone::fromE164(e164, ext);
        if (!number || !phone) {
            item.badValueText(number ? QStringLiteral("ext") : QStringLiteral("e164"),
                              number ? phone.error().message : number.error().message);
            reader.fail(item.error());
            break;
        }
        phones.append(*phone);
    }
    return phones;
}

} // namespace

// ---- Guest --------------------------------------------------------------------------------------

namespace {

// The single-value fields are guestFields()'; every type is a string on the wire.
QString fieldToJson(const GuestFieldDef &def, const Guest &guest)
{
    const QVariant value = def.value(guest);
    switch (def.type) {
    case GuestFieldType::Date:
        return dateToJson(value.toDate());
    case GuestFieldType::Id:
        return idToString(value.value<Id>());
    case GuestFieldType::Text:
        break;
    }
    return value.toString();
}

void fieldFromJson(const GuestFieldDef &def, Reader &r, Guest &guest)
{
    const QString key = QLatin1String(def.wireName);
    switch (def.type) {
    case GuestFieldType::Date:
        def.setValue(guest, r.date(key, Need::Optional));
        return;
    case GuestFieldType::Id:
        def.setValue(guest, QVariant::fromValue(r.id(key, Need::Optional)));
        return;
    case GuestFieldType::Text:
        def.setValue(guest, r.string(key));
        return;
    }
}

} // namespace

QJsonObject toJson(const Guest &guest)
{
    QJsonObject json{
        {QStringLiteral("id"), idToString(guest.id)},
        {QStringLiteral("phones"), phonesToJson(guest.phones)},
        {QStringLiteral("emails"), QJsonArray::fromStringList(guest.emails)},
        {QStringLiteral("tags"), QJsonArray::fromStringList(guest.tags)},
        {QStringLiteral("createdAt"), dateTimeToJson(guest.createdAt)},
        {QStringLiteral("updatedAt"), dateTimeToJson(guest.updatedAt)},
    };
    for (const GuestFieldDef &def : guestFields())
        json.insert(QLatin1String(def.wireName), fieldToJson(def, guest));
    return json;
}

Result<Guest> guestFromJson(const QJsonObject &json)
{
    Reader r(json);
    Guest g;
    g.id = r.id(QStringLiteral("id"), Need::Required);
    for (const GuestFieldDef &def : guestFields())
        fieldFromJson(def, r, g);
    g.phones = readPhones(r);
    g.emails = r.strings(QStringLiteral("emails"));
    g.tags = r.strings(QStringLiteral("tags"));
    g.createdAt = r.dateTime(QStringLiteral("createdAt"), Need::Optional);
    g.updatedAt = r.dateTime(QStringLiteral("updatedAt"), Need::Optional);
    if (r.failed())
        return r.error();
    return g;
}

// ---- Touch --------------------------------------------------------------------------------------

QJsonObject toJson(const Touch &touch)
{
    return QJsonObject{
        {QStringLiteral("id"), idToString(touch.id)},
        {QStringLiteral("guestId"), idToString(touch.guestId)},
        {QStringLiteral("userId"), idToString(touch.userId)},
        {QStringLiteral("kind"), touchKindKey(touch.kind)},
        {QStringLiteral("at"), dateTimeToJson(touch.at)},
        {QStringLiteral("durationSecs"), touch.durationSecs},
        {QStringLiteral("result"), touch.result},
        {QStringLiteral("note"), touch.note},
        {QStringLiteral("source"), touch.source},
        {QStringLiteral("recording"), touch.recording},
    };
}

Result<Touch> touchFromJson(const QJsonObject &json)
{
    Reader r(json);
    Touch t;
    t.id = r.id(QStringLiteral("id"), Need::Required);
    t.guestId = r.id(QStringLiteral("guestId"), Need::Required);
    t.userId = r.id(QStringLiteral("userId"), Need::Optional);
    t.kind = r.enumKey(QStringLiteral("kind"), &touchKindFromKey, TouchKind::Note);
    t.at = r.dateTime(QStringLiteral("at"), Need::Required);
    t.durationSecs = r.count(QStringLiteral("durationSecs"), 0, 0);
    t.result = r.string(QStringLiteral("result"));
    t.note = r.string(QStringLiteral("note"));
    t.source = r.string(QStringLiteral("source"));       // absent before schema 7: empty
    t.recording = r.string(QStringLiteral("recording")); // absent before schema 8: empty
    if (r.failed())
        return r.error();
    return t;
}

// ---- Booking ------------------------------------------------------------------------------------

QJsonObject toJson(const Booking &booking)
{
    return QJsonObject{
        {QStringLiteral("id"), idToString(booking.id)},
        {QStringLiteral("guestId"), idToString(booking.guestId)},
        {QStringLiteral("roomId"), idToString(booking.roomId)},
        {QStringLiteral("checkIn"), dateToJson(booking.stay.checkIn())},
        {QStringLiteral("checkOut"), dateToJson(booking.stay.checkOut())},
        {QStringLiteral("adults"), booking.adults},
        {QStringLiteral("children"), booking.children},
        {QStringLiteral("total"), booking.total.kopecks()},
        {QStringLiteral("prepaid"), booking.prepaid.kopecks()},
        {QStringLiteral("status"), bookingStatusKey(booking.status)},
        {QStringLiteral("createdBy"), idToString(booking.createdBy)},
        {QStringLiteral("createdAt"), dateTimeToJson(booking.createdAt)},
        {QStringLiteral("holdUntil"), dateTimeToJson(booking.holdUntil)},
        {QStringLiteral("cancelReason"), booking.cancelReason},
        {QStringLiteral("meals"), mealPlanKey(booking.meals)},
        {QStringLiteral("treatment"), treatmentProfileKey(booking.treatment)},
    };
}

Result<Booking> bookingFromJson(const QJsonObject &json)
{
    Reader r(json);
    Booking b;
    b.id = r.id(QStringLiteral("id"), Need::Required);
    b.guestId = r.id(QStringLiteral("guestId"), Need::Required);
    b.roomId = r.id(QStringLiteral("roomId"), Need::Required);
    const QDate checkIn = r.date(QStringLiteral("checkIn"), Need::Required);
    const QDate checkOut = r.date(QStringLiteral("checkOut"), Need::Required);
    if (!r.failed()) {
        const Result<Stay> stay = Stay::make(checkIn, checkOut);
        if (stay)
            b.stay = *stay;
        else
            r.badValueText(QStringLiteral("checkOut"), stay.error().message);
    }
    b.adults = r.count(QStringLiteral("adults"), std::numeric_limits<int>::min(), 1);
    b.children = r.count(QStringLiteral("children"), std::numeric_limits<int>::min(), 0);
    b.total = r.money(QStringLiteral("total"));
    b.prepaid = r.money(QStringLiteral("prepaid"));
    b.status = r.enumKey(QStringLiteral("status"), &bookingStatusFromKey, BookingStatus::Hold);
    b.createdBy = r.id(QStringLiteral("createdBy"), Need::Optional);
    b.createdAt = r.dateTime(QStringLiteral("createdAt"), Need::Optional);
    b.holdUntil = r.dateTime(QStringLiteral("holdUntil"), Need::Optional);
    b.cancelReason = r.string(QStringLiteral("cancelReason"));
    b.meals = r.enumKey(QStringLiteral("meals"), &mealPlanFromKey, MealPlan::FullBoard);
    b.treatment = r.enumKey(QStringLiteral("treatment"), &treatmentProfileFromKey, TreatmentProfile::General);
    if (r.failed())
        return r.error();
    return b;
}

// ---- Payment ------------------------------------------------------------------------------------

QJsonObject toJson(const Payment &payment)
{
    return QJsonObject{
        {QStringLiteral("id"), idToString(payment.id)},
        {QStringLiteral("bookingId"), idToString(payment.bookingId)},
        {QStringLiteral("guestId"), idToString(payment.guestId)},
        {QStringLiteral("amount"), payment.amount.kopecks()},
        {QStringLiteral("method"), paymentMethodKey(payment.method)},
        {QStringLiteral("at"), dateTimeToJson(payment.at)},
        {QStringLiteral("userId"), idToString(payment.userId)},
        {QStringLiteral("reference"), payment.reference},
    };
}

Result<Payment> paymentFromJson(const QJsonObject &json)
{
    Reader r(json);
    Payment p;
    p.id = r.id(QStringLiteral("id"), Need::Required);
    p.bookingId = r.id(QStringLiteral("bookingId"), Need::Required);
    p.guestId = r.id(QStringLiteral("guestId"), Need::Required);
    p.amount = r.money(QStringLiteral("amount"));
    p.method = r.enumKey(QStringLiteral("method"), &paymentMethodFromKey, PaymentMethod::Cash);
    p.at = r.dateTime(QStringLiteral("at"), Need::Required);
    p.userId = r.id(QStringLiteral("userId"), Need::Optional);
    p.reference = r.string(QStringLiteral("reference"));
    if (r.failed())
        return r.error();
    return p;
}

// ---- Task ---------------------------------------------------------------------------------------

QJsonObject toJson(const Task &task)
{
    return QJsonObject{
        {QStringLiteral("id"), idToString(task.id)},
        {QStringLiteral("guestId"), idToString(task.guestId)},
        {QStringLiteral("assigneeId"), idToString(task.assigneeId)},
        {QStringLiteral("title"), task.title},
        {QStringLiteral("due"), dateTimeToJson(task.due)},
        {QStringLiteral("status"), taskStatusKey(task.status)},
        {QStringLiteral("createdAt"), dateTimeToJson(task.createdAt)},
        {QStringLiteral("doneAt"), dateTimeToJson(task.doneAt)},
        {QStringLiteral("kind"), taskKindKey(task.kind)},
    };
}

Result<Task> taskFromJson(const QJsonObject &json)
{
    Reader r(json);
    Task t;
    t.id = r.id(QStringLiteral("id"), Need::Required);
    t.guestId = r.id(QStringLiteral("guestId"), Need::Optional);
    t.assigneeId = r.id(QStringLiteral("assigneeId"), Need::Optional);
    t.title = r.string(QStringLiteral("title"));
    t.due = r.dateTime(QStringLiteral("due"), Need::Optional);
    t.status = r.enumKey(QStringLiteral("status"), &taskStatusFromKey, TaskStatus::Open);
    t.createdAt = r.dateTime(QStringLiteral("createdAt"), Need::Optional);
    t.doneAt = r.dateTime(QStringLiteral("doneAt"), Need::Optional);
    // Absent from records written before schema 7: an "other" task.
    // Null or "" too: a replica column filled before the field existed.
    if (const QJsonValue kind = json.value(QStringLiteral("kind"));
        !kind.isNull() && !kind.isUndefined() && kind != QJsonValue(QString()))
        t.kind = r.enumKey(QStringLiteral("kind"), &taskKindFromKey, TaskKind::Other);
    if (r.failed())
        return r.error();
    return t;
}

} // namespace kasp
