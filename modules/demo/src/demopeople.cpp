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
    // argon2id (libsodium crypto_pwhash_str, INTERACTIVE limits) of the demo password, the login
    // with "-demo" (README). Made once and written here: hashing 8 passwords would add ~1 s to
    // every demo database, and the generator stays deterministic. tests/demo checks each one.
    const char *verifier;
};

const StaffSpec kStaff[] = {
    {"director", "Кравцов Николай Петрович", Role::Director,
     "$argon2id$v=19$m=65536,t=2,p=1$zxLRijGwuRrOUJfrIMnvMA$oe/EkqlU1kOIEfhWMeGIsy3Sk8gMv3eCdeMhJiYPSlg"},
    {"rop", "Белова Ирина Сергеевна", Role::HeadOfSales,
     "$argon2id$v=19$m=65536,t=2,p=1$XHfa8II4P1fP6779JdHK8Q$sLzE0ZweIHBKcKw1Vv+5qbuWPthihUI0yNsLzixPxEE"},
    {"anna", "Соколова Анна Викторовна", Role::Consultant,
     "$argon2id$v=19$m=65536,t=2,p=1$hZDIzCB1J0edNT+EoI0riA$ryFivobtlh55+evaqPclFQST1dKBIJzosQg6j9b1c4k"},
    {"olga", "Миронова Ольга Андреевна", Role::Consultant,
     "$argon2id$v=19$m=65536,t=2,p=1$EhX623w4mygyyMzgJ8Z8TQ$Wt1si2K+zgxXipW+56Dt9zCtaVAsBGBH5bxoG3yJw7A"},
    {"elena", "Кузьмина Елена Игоревна", Role::Consultant,
     "$argon2id$v=19$m=65536,t=2,p=1$kTuQg/0rriYrMINNFcVsKw$X2kSbk3U0RlTL8EQGXJWHNImslnDVths7Gn3AOIBZpw"},
    {"marina", "Орлова Марина Юрьевна", Role::Consultant,
     "$argon2id$v=19$m=65536,t=2,p=1$Myh7MZNaQdPuh9pNe6xNyg$QI2Y+xcfB5/tpMxVLlhsTwdzSAudQS8oMWMgc0w09vw"},
    {"dmitry", "Гусев Дмитрий Олегович", Role::Consultant,
     "$argon2id$v=19$m=65536,t=2,p=1$uINfw8rs78dGsQp3/cDWmw$zfNvoseUwV3VAvlntT5VUG1uG0SthQneGsxuQ/nSHj4"},
    {"svetlana", "Тихонова Светлана Павловна", Role::Consultant,
     "$argon2id$v=19$m=65536,t=2,p=1$vOB1VUZdQS/8V87qqpp+5Q$iUXABwacIEC3Ze5WiUP0uBWQ1dxl2ZqLccGYIV+pBcE"},
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

QString demoPassword(const QString &login)
{
    for (const StaffSpec &spec : kStaff)
        if (login == QLatin1String(spec.login))
            return login + QStringLiteral("-demo");
    return {};
}

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
    // Desk-local, not a replicated kind: the passwords of this desk's local accounts (schema 12).
    BulkInsert passwords(ctx.db, QStringLiteral("desk_sign_in"),
                         {QStringLiteral("login"), QStringLiteral("verifier")});
    for (const StaffSpec &spec : kStaff)
        if (auto s = passwords.add(QString::fromUtf8(spec.login), QString::fromLatin1(spec.verifier));
            !s.ok())
            return s;
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
