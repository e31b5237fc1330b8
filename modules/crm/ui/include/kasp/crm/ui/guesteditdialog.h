#pragma once
// Create or edit a guest. Phones are normalized as they are typed in; a number that already
// belongs to another guest raises a warning (the user may still save: families share phones).
// A failed save keeps everything typed in the form.
#include "kasp/crm/guestservice.h"
#include <QDialog>

class QLineEdit;
class QPlainTextEdit;
class QDateEdit;
class QCheckBox;
class QComboBox;
class QLabel;
class QDialogButtonBox;

namespace kasp::crm::ui {

class GuestEditDialog : public QDialog
{
    Q_OBJECT
public:
    GuestEditDialog(GuestService &service, Guest guest, const Id &defaultManager, QWidget *parent = nullptr);

    Id savedGuestId() const { return m_savedId; }
    // The dialog's result when the user chose to open the guest who already has a typed phone
    // (the warning's link) instead of making a second card: existingGuestId() names that guest.
    static constexpr int OpenExisting = 2;
    Id existingGuestId() const { return m_existingId; }
    // For tests and callers that prefill a number (an unknown caller).
    void setPhonesText(const QString &text);
    // The card being typed already exists (the call that opened this form ended, and the call
    // journal gave the unknown number a card to hold the missed call and its call-back): saving
    // completes that card instead of making a second one with the same phone. What is typed stays.
    void completeCard(const Guest &existing);
    QString problemsText() const;
    QString warningsText() const;

public slots:
    void accept() override;

private:
    // Parses the form into a guest; phone errors are collected, not thrown away.
    Guest collect(QStringList *problems) const;
    void refreshChecks();

    GuestService &m_service;
    Guest m_original;
    Id m_savedId;
    Id m_existingId;
    QString m_warningsText; // the warnings without their links
    QLineEdit *m_last, *m_first, *m_middle, *m_tags;
    // The card's other text fields (a city…), one line each, laid out from guestFields(): a new
    // text field of the guest needs no change here.
    QList<std::pair<MergeField, QLineEdit *>> m_otherTexts;
    QCheckBox *m_hasBirthDate;
    QDateEdit *m_birthDate;
    QPlainTextEdit *m_phones, *m_emails;
    QComboBox *m_manager;
    QLabel *m_problems, *m_warnings;
    QDialogButtonBox *m_buttons;
};

} // namespace kasp::crm::ui
