// Staff in the three roles and the guest base.
#include "democontext.h"

#include "kasp/core/guest.h"
#include "kasp/core/phone.h"
#include "kasp/core/user.h"
#include "kasp/storage/guestrows.h"

namespace kasp::demo {

namespace {

struct StaffSpec
{
    const char *login;
    const char *name;
    Role role;
};

const StaffSpec kStaff[] = {
    {"director", "Кравцов Николай Петрович", Role::Director},
    {"rop", "Белова Ирина Сергеевна", Role::HeadOfSales},
    {"anna", "Соколова Анна Викторовна", Role::Consultant},
    {"olga", "Миронова Ольга Андреевна", Role::Consultant},
    {"elena", "Кузьмина Елена Игоревна", Role::Consultant},
    {"marina", "Орлова Марина Юрьевна", Role::Consultant},
    {"dmitry", "Гусев Дмитрий Олегович", Role::Consultant},
    {"svetlana", "Тихонова Светлана Павловна", Role::Consultant},
};

const QVector<QString> kMailDomains{QStringLiteral("mail.ru"),   QStringLiteral("yandex.ru"),
                                    QStringLiteral("gmail.com"), QStringLiteral("bk.ru"),
                                    QStringLiteral("inbox.ru"),  QStringLiteral("rambler.ru")};
const QVector<QString> kTags{
    QStringLiteral("кардиология"), QStringLiteral("неврология"), QStringLiteral("опорно-двигательный"),
    QStringLiteral("пищеварение"), QStringLiteral("дыхание"),    QStringLiteral("пенсионер"),
    QStringLiteral("с ребёнком"),  QStringLiteral("соцзащита")};

// Mobile numbers +7 9xx: a multiplicative permutation of the guest index keeps them unique.
QString demoPhone(qint64 index)
{
    constexpr qint64 kSpace = 1000000000; // 9 digits after "+79"
    constexpr qint64 kStride = 387420489; // 3^18: coprime with 10^9, so i -> i*k mod 10^9 is a bijection
    const qint64 n = (index * kStride + 12345) % kSpace;
    return QStringLiteral("+79") + QString::number(n).rightJustified(9, QLatin1Char('0'));
}

} // namespace

Status generateUsers(DemoContext &ctx)
{
    BulkInsert users(ctx.db, QStringLiteral("users"),
                     {QStringLiteral("id"), QStringLiteral("login"), QStringLiteral("display_name"),
                      QStringLiteral("role"), QStringLiteral("active")});
    for (const StaffSpec &spec : kStaff) {
        const Id id = ctx.random.id();
        if (spec.role == Role::Consultant)
            ctx.consultants.append(id);
        if (auto s = users.add(idToString(id), QString::fromUtf8(spec.login), QString::fromUtf8(spec.name),
                               roleKey(spec.role), 1);
            !s.ok())
            return s;
    }
    ctx.summary.users = users.rows();
    return {};
}

Status generateGuests(DemoContext &ctx)
{
    // The guests' rows as the desk's own write path writes them (storage::GuestRowWriter).
    storage::GuestRowWriter rows(ctx.db);
    qint64 written = 0;

    const QDate today = ctx.options.today;
    const qint64 firstCreated =
        QDateTime(today.addYears(-ctx.options.years), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 span = qint64(ctx.options.years) * 365 * 86400000LL;
    ctx.guests.reserve(ctx.options.guests);
    ctx.guestManager.reserve(ctx.options.guests);
    RussianName previousName{};
    QDate previousBirth;
    for (int i = 0; i < ctx.options.guests; ++i) {
        const Id id = ctx.random.id();
        const QString idText = idToString(id);
        RussianName name = randomRussianName(ctx.random);
        // A large share of sanatorium guests is 50+.
        const int age = ctx.random.chance(0.65) ? ctx.random.between(50, 84) : ctx.random.between(24, 49);
        QDate birth = today.addYears(-age).addDays(-ctx.random.between(0, 364));
        const int manager = ctx.random.between(0, int(ctx.consultants.size()) - 1);
        QString phone = demoPhone(i);
        // One card in 500 is a second card of the guest before it, as real bases have them (a web
        // request typed in again): the duplicates screen has something to merge.
        if (i % 500 == 499) {
            name = previousName;
            birth = previousBirth;
            if (i % 1000 == 999) { // the same phone, the name without the patronymic
                name.middle.clear();
                phone = demoPhone(i - 1);
            }
        }
        previousName = name;
        previousBirth = birth;
        Guest guest;
        guest.id = id;
        guest.lastName = name.last;
        guest.firstName = name.first;
        guest.middleName = name.middle;
        guest.birthDate = birth;
        guest.managerId = ctx.consultants[manager];
        auto number = Phone::fromE164(phone);
        if (!number.ok())
            return number.error();
        guest.phones = {number.value()};
        guest.createdAt = guest.updatedAt =
            QDateTime::fromMSecsSinceEpoch(firstCreated + qint64(ctx.random.unit() * double(span)), Qt::UTC);
        if (ctx.random.chance(0.6)) {
            // The card's number makes the address unique: two people never share a mailbox, and
            // random numbers would make thousands of false e-mail duplicates at a million guests.
            ctx.random.between(1, 999); // drawn as before: the demo's other data stays the same
            guest.emails = {transliterate(name.last) + QString::number(i + 1) + QLatin1Char('@') +
                            ctx.random.pick(kMailDomains)};
        }
        if (ctx.random.chance(0.3))
            guest.tags = {ctx.random.pick(kTags)};
        if (auto s = rows.insert(guest, guest.createdAt); !s.ok())
            return s;
        if (auto s = rowsWritten(ctx.db, 2 + int(guest.emails.size() + guest.tags.size())); !s.ok())
            return s;
        ++written;
        ctx.guests.append(id);
        ctx.guestManager.append(manager);
        if (i % 20000 == 0 && !ctx.report(5 + int(25.0 * i / ctx.options.guests), QStringLiteral("guests")))
            return Error{QStringLiteral("demo.cancelled"), QStringLiteral("cancelled")};
    }
    ctx.summary.guests = written;
    return {};
}

} // namespace kasp::demo
