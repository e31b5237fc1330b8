#pragma once
// Two cards of one person: why we think so, and what the merged card keeps. The merge itself (every
// touch, booking, deal and task moved to the survivor) is one mutation, guest.merge (SYNC.md).
#include "kasp/core/guest.h"

#include <QVariant>

namespace kasp {

// Why two cards look like one person. Flags: a pair may share a phone and an e-mail at once.
enum DuplicateReason : int {
    SamePhone = 1,        // one normalized number (the extension is ignored)
    SameEmail = 2,        // one address, any case
    SameNameAndBirth = 4, // the same full name (ё = е, any case) and the same birth date
};

// 0 when nothing ties the two cards together; the same guest twice is not a duplicate.
int duplicateReasons(const Guest &a, const Guest &b);

// The card a merge keeps by default: the older one (its history started first), then the one with
// the smaller id, so that two desktops suggest the same survivor.
bool keepsFirst(const Guest &a, const Guest &b);

// The value types a single-value field of the guest can have. Each type has one spelling on the
// wire (a JSON string; a date as ISO, null when unset; an id as text, "" when unset) and in the
// desk's column (text; a date or an id NULL when unset).
enum class GuestFieldType { Text, Date, Id };

// Each single-value field of the guest described once: its wire name, its column, its title, and
// how it is read, compared and copied. The codec (toJson / guestFromJson), the desk's guest rows
// (GuestRowWriter: write and read back), the text checks, the merge (what conflicts, what the
// merged card takes), the undo of an edit (revertEdit) and the merge comparison view all walk this
// table, so a new single-value field of the guest is a member of Guest, its MergeField value and
// one row in guestmerge.cpp (then its migration and the card's and the form's UI).
struct GuestFieldDef
{
    MergeField field;
    const char *wireName; // as in the guest's JSON ("lastName")
    const char *column;   // the desk's guests table ("last_name")
    GuestFieldType type;
    const char *title; // QT_TRANSLATE_NOOP("kasp::GuestField", ...): guestFieldTitle()
    // The value as its type's QVariant (QString, QDate, Id), and back: the codec and the rows.
    QVariant (*value)(const Guest &);
    void (*setValue)(Guest &, const QVariant &);
    bool (*isEmpty)(const Guest &);
    bool (*differ)(const Guest &a, const Guest &b); // as a person reads them (trimmed text)
    bool (*same)(const Guest &a, const Guest &b);   // exactly (the undo of an edit)
    void (*copy)(Guest &to, const Guest &from);
    QString (*text)(const Guest &); // as shown side by side; the manager as its id (the view names it)
};
const QList<GuestFieldDef> &guestFields(); // in the card's order
QString guestFieldTitle(MergeField field); // translated
// Surname, first name, patronymic: laid out by hand on the card and in the form, which lay out the
// other text fields from guestFields().
bool isNameField(MergeField field);

// Whether the two cards hold different, both non-empty values for the field (a real choice).
bool mergeConflict(const Guest &survivor, const Guest &other, MergeField field);
bool mergeFieldEmpty(const Guest &guest, MergeField field);

// The survivor as it is after the merge. A field listed in takeFromOther comes from the other card;
// a field empty on the survivor is filled from the other card anyway. Phones, e-mails and tags are
// united (the survivor's first, so its main phone stays main); the id and createdAt stay the
// survivor's. updatedAt is left to the writer.
Guest mergeGuests(const Guest &survivor, const Guest &other, const QList<MergeField> &takeFromOther = {});

} // namespace kasp
