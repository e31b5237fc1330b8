// The kinds' descriptions (syncproto kinds.h) agree with everything that reads them: the table is
// in EntityKind's order, every codec's record has exactly the described fields (so the desk's
// columns hold every wire field), the mutation names, references and history kinds come out as
// the server and the desks used them, and a kind without a codec is checked by its fields.
#include "kasp/core/consent.h"
#include "kasp/core/id.h"
#include "kasp/core/mutation.h"
#include "kasp/syncproto/accessrules.h"
#include "kasp/syncproto/entitymerge.h"
#include "kasp/syncproto/kinds.h"

#include <QtTest>

using namespace kasp;
using namespace kasp::sync;

namespace {

// A record of each kind with a core type, as its codec writes it.
std::optional<QJsonObject> codecRecord(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Touch:
        return toJson(Touch{});
    case EntityKind::Booking:
        return toJson(Booking{});
    case EntityKind::Deal:
        return toJson(Deal{});
    case EntityKind::Task:
        return toJson(Task{});
    case EntityKind::Payment:
        return toJson(Payment{});
    case EntityKind::Tariff:
        return toJson(Tariff{});
    case EntityKind::ChildRule:
        return toJson(ChildRule{});
    case EntityKind::Discount:
        return toJson(Discount{});
    case EntityKind::DealStage:
        return toJson(DealStageDef{});
    case EntityKind::DealMove:
        return toJson(DealMove{});
    case EntityKind::Consent:
        return toJson(Consent{});
    default:
        return std::nullopt;
    }
}

QSet<QString> keysOf(const QJsonObject &o)
{
    const QStringList keys = o.keys();
    return {keys.begin(), keys.end()};
}

} // namespace

class TestKinds : public QObject
{
    Q_OBJECT
private slots:
    void tableFollowsTheEnum()
    {
        int i = 0;
        for (const KindSpec &spec : kindSpecs()) {
            QCOMPARE(static_cast<int>(spec.kind), i++);
            QCOMPARE(&kindSpec(spec.kind), &spec);
            QCOMPARE(entityKindFromKey(QLatin1String(spec.key)), std::optional<EntityKind>(spec.kind));
            QVERIFY2(spec.mutations.size() > 0, spec.key);
            if (spec.kind != EntityKind::Guest)
                QCOMPARE(QLatin1String(spec.fields.begin()->field), QLatin1String("id"));
        }
        QCOMPARE(i, static_cast<int>(EntityKind::BookingPolicy) + 1);
    }

    void codecsWriteExactlyTheDescribedFields()
    {
        for (const KindSpec &spec : kindSpecs()) {
            const auto record = codecRecord(spec.kind);
            QCOMPARE(record.has_value(), spec.canonical != nullptr && spec.kind != EntityKind::Guest);
            if (!record)
                continue;
            QSet<QString> described;
            for (const FieldSpec &f : spec.fields)
                described.insert(QLatin1String(f.field));
            QVERIFY2(keysOf(*record) == described, spec.key);
        }
    }

    void derivedListsAreTheOnesInUse()
    {
        // The server's partial index (migration 8) covers exactly this list, in this order.
        QCOMPARE(
            guestHistoryKinds(),
            (QList<EntityKind>{EntityKind::Touch, EntityKind::Booking, EntityKind::Deal, EntityKind::Task,
                               EntityKind::Payment, EntityKind::DealMove, EntityKind::Consent}));
        const QStringList names = knownMutationNames();
        for (const char *name : {"user.set_extension", "guest.merge", "booking.move", "consent.add",
                                 "room_closure.delete", "deal_stage.update", "task.reschedule"})
            QVERIFY2(names.contains(QLatin1String(name)), name);
        QCOMPARE(names.size(), 39); // the 38 before the descriptions and booking_policy.set
        QCOMPARE(minProtocolOf(EntityKind::Consent), 2);
        // A new kind raises the protocol: desks of the previous release never get its records.
        QVERIFY(!deskUnderstands(2, 12, EntityKind::BookingPolicy));
        QVERIFY(deskUnderstands(3, 0, EntityKind::BookingPolicy));
        QCOMPARE(minSchemaOf(EntityKind::GuestDistinct), 9);
        QCOMPARE(recordOwner(EntityKind::Task, {{"assigneeId", "x"}}), QStringLiteral("x"));
        QVERIFY(recordOwner(EntityKind::Deal, {{"ownerId", "x"}}).isEmpty());
        QVERIFY(!receivesRecord(Role::Consultant, "me", EntityKind::Task, "someone"));
        QVERIFY(receivesRecord(Role::Consultant, "me", EntityKind::Task, ""));
    }

    void writersComeFromTheDescription()
    {
        for (const KindSpec &spec : kindSpecs()) {
            const MutationPlan plan{spec.kind, MutationPlan::Op::Create, idToString(newId()), {}};
            QCOMPARE(authorizeMutation(Role::Director, plan).error().code, QStringLiteral("auth.read_only"));
            QVERIFY(authorizeMutation(Role::HeadOfSales, plan).ok());
            QCOMPARE(authorizeMutation(Role::Consultant, plan).ok(), spec.writers == Writers::Staff);
        }
    }

    void kindsWithoutACodecAreCheckedByTheirFields()
    {
        const QString room = idToString(newId());
        const QJsonObject closure{{"id", idToString(newId())},
                                  {"roomId", room},
                                  {"firstNight", "2027-01-10"},
                                  {"endNight", "2027-01-12"}};
        auto ok = canonicalEntity(EntityKind::RoomClosure, closure);
        QVERIFY(ok.ok());
        QCOMPARE(ok.value().value("reason").toString(), QString()); // an absent text reads as empty
        QJsonObject noRoom = closure;
        noRoom.remove("roomId");
        QCOMPARE(canonicalEntity(EntityKind::RoomClosure, noRoom).error().code,
                 QStringLiteral("json.missing_field"));
        QJsonObject badDate = closure;
        badDate.insert("endNight", "12.01.2027");
        QCOMPARE(canonicalEntity(EntityKind::RoomClosure, badDate).error().code,
                 QStringLiteral("json.bad_value"));

        const QJsonObject category{{"id", idToString(newId())},
                                   {"code", " LUX "},
                                   {"name", "Люкс"},
                                   {"beds", 2},
                                   {"pricePerBedNight", 4500}};
        auto cat = canonicalEntity(EntityKind::RoomCategory, category);
        QVERIFY(cat.ok());
        QCOMPARE(cat.value().value("code").toString(), QStringLiteral("LUX")); // required text is trimmed
        QCOMPARE(cat.value().value("extraBeds").toInt(-1), 0);                 // optional int: absent is 0
        QJsonObject tooMany = category;
        tooMany.insert("beds", 21);
        QCOMPARE(canonicalEntity(EntityKind::RoomCategory, tooMany).error().code,
                 QStringLiteral("json.bad_value"));

        // An optional id may be empty, but is a UUID when given.
        const QJsonObject pair{{"id", idToString(newId())},
                               {"firstId", idToString(newId())},
                               {"secondId", idToString(newId())},
                               {"userId", ""},
                               {"at", "2027-01-10T10:00:00Z"}};
        QVERIFY(canonicalEntity(EntityKind::GuestDistinct, pair).ok());
        QJsonObject badUser = pair;
        badUser.insert("userId", "not an id");
        QCOMPARE(canonicalEntity(EntityKind::GuestDistinct, badUser).error().code,
                 QStringLiteral("json.bad_value"));
    }
};

QTEST_GUILESS_MAIN(TestKinds)
#include "tst_kinds.moc"
