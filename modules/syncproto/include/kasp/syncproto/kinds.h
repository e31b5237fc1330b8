#pragma once
// One description per replicated kind of record (issue 19): its wire key, the mutations that
// change it and who may send them, its fields (wire name, the desk's column, type, whether it may
// be empty, what it refers to), and the rules that check it. Everything that used to keep its own
// list of kinds reads this table instead:
//   - entitykind.h: keys, the protocol and schema a desk needs, the guest's history kinds;
//   - mutationplan.h: the mutation names and the fields a patch may change;
//   - entitymerge.h: the canonical form and the rules of a create or a change;
//   - accessrules.h: who may write, whose rows a consultant receives;
//   - the desk's replica (storage): the table, its columns, reads, writes, resync;
//   - kasp-sync: the references a record must find, the kinds a merge moves.
// Adding a kind is an entry here, its core type and codec, its desk migration and its UI.
#include "kasp/core/result.h"
#include "kasp/syncproto/entitykind.h"
#include "kasp/syncproto/mutationplan.h"

#include <initializer_list>
#include <QDateTime>
#include <QJsonObject>
#include <span>

namespace kasp::sync {

struct FieldSpec
{
    // Instants travel as ISO text and live in the desk's replica as UTC milliseconds; Json is an
    // object on the wire and compact text in the replica.
    enum Type : quint8 { Text, Id, Int, Bool, Date, Instant, Json };
    enum Flag : quint8 {
        Plain = 0,
        Required = 1, // text: not blank; id, date, instant: present
        Optional = 2, // int: absent reads as 0 (a field older desks do not send); id: may be empty
        NotNull = 4,  // instant: the replica's column is NOT NULL (an absent time is stored as 0)
    };
    const char *field;  // the wire name (camelCase)
    const char *column; // the desk replica's column
    Type type;
    quint8 flags = Plain;
    const char *refersTo = nullptr; // the key of the kind this id must name (kasp-sync checks it)
    qint64 min = 0;                 // Int: the accepted range
    qint64 max = 0;
};

struct MutationSpec
{
    const char *verb; // the name on the wire is "<kind key>.<verb>"
    MutationPlan::Op op;
    // A patch that may change only these fields (empty: any field but the id).
    std::initializer_list<const char *> changes = {};
    // Who may send it when not the kind's writers (a user's own extension).
    std::optional<Writers> writers = std::nullopt;
};

struct KindSpec
{
    EntityKind kind;
    const char *key;   // stable wire value
    const char *table; // the desk replica's table
    int minProtocol;   // the first sync protocol whose desks know the kind (entitykind.h)
    int minSchema;     // protocol 1 only: the first desk schema that knows it
    Writers writers;
    // The field whose user a consultant must be to receive the record in pull (a task's
    // assignee); records with it empty go to everyone. nullptr: everyone receives every record.
    const char *ownerField;
    std::initializer_list<MutationSpec> mutations;
    // The first is the id. Empty for guests: their rows (phones, e-mails, tags in tables of their
    // own) are storage's GuestRowWriter and their fields core's guestFields().
    std::initializer_list<FieldSpec> fields;
    // The core codec's round trip (decode, encode) when the kind has a core type; without one the
    // fields above are the check (checkFieldsByDescription).
    Result<QJsonObject> (*canonical)(const QJsonObject &json) = nullptr;
    // Rules on the whole record once created or changed (a booking's prepayment share, a room
    // closure's dates); nullptr: none beyond the fields.
    Status (*checkRecord)(const QJsonObject &record, const QDateTime &at) = nullptr;
    // Rules that only make sense on a change (status machines) and times a change derives
    // (updatedAt, closedAt, doneAt), applied to the merged record before it is checked.
    Status (*checkPatch)(const QJsonObject &before, QJsonObject &after, const QDateTime &at) = nullptr;

    const FieldSpec *field(QStringView name) const;
    // Whether a merge of two guest cards moves these records to the survivor: they name a guest
    // through "guestId".
    bool movesWithGuest() const;
};

// A mutation's name ("<kind key>.<verb>") resolved to its kind and its description; both null for
// a name nobody knows.
struct MutationRef
{
    const KindSpec *kind = nullptr;
    const MutationSpec *mutation = nullptr;
};
MutationRef findMutation(const QString &name);

// Every kind, in the order of EntityKind.
std::span<const KindSpec> kindSpecs();
const KindSpec &kindSpec(EntityKind kind);

// The record as the description's fields read it: each field's type, requiredness and range
// checked, values in canonical form. For kinds without a core codec.
Result<QJsonObject> checkFieldsByDescription(const KindSpec &spec, const QJsonObject &json);

} // namespace kasp::sync
