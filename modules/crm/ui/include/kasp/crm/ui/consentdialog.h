#pragma once
// The card's «Согласие…»: the guest's consent to advertising given or withdrawn on one or more
// channels, how it was given, a note. Saved through GuestService::recordConsent on OK; a problem
// shows in the form and keeps it open. Also the card's one-line summary of the current consents.
#include "kasp/core/consent.h"
#include "kasp/crm/guestservice.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace kasp::crm::ui {

class ConsentDialog : public QDialog
{
    Q_OBJECT
public:
    ConsentDialog(GuestService &service, const Id &guestId, const QString &guestName, const Id &userId,
                  QWidget *parent = nullptr);

    QCheckBox *channelBox(ConsentChannel channel) const { return m_channels.value(channel); }
    QRadioButton *givenButton() const { return m_given; }
    QRadioButton *withdrawnButton() const { return m_withdrawn; }
    QComboBox *methodBox() const { return m_method; }
    QLineEdit *noteEdit() const { return m_note; }

    void accept() override; // saves; stays open with the reason when saving fails

private:
    GuestService &m_service;
    Id m_guestId;
    Id m_userId;
    QHash<ConsentChannel, QCheckBox *> m_channels;
    QRadioButton *m_given;
    QRadioButton *m_withdrawn;
    QComboBox *m_method;
    QLineEdit *m_note;
    QLabel *m_problem;
};

// "SMS ✓ · E-mail ✗ · Calls — · Ads —": each channel's current state for the card's line, and a
// tooltip with each channel's latest change (when, how, by whom).
QString consentSummary(const QList<Consent> &history);
QString consentDetails(const QList<Consent> &history, const QHash<Id, QString> &userNames);

} // namespace kasp::crm::ui
