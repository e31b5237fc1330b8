#pragma once
// Where to transfer the call: a colleague from the list (by name or extension, filtered as one
// types) or any number typed in; then either at once (blind: the guest hears the colleague's phone
// ring and this desk drops out) or after a word with the colleague (consult, then join).
#include "kasp/telephony/softphone.h"
#include <QDialog>
#include <QList>
#include <QString>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace kasp::telephony::ui {

struct Colleague
{
    QString name;                          // "Соколова Анна"
    QString extension;                     // "202"
    Presence presence = Presence::Unknown; // where the PBX tells it
};

class TransferDialog : public QDialog
{
    Q_OBJECT
public:
    TransferDialog(const QList<Colleague> &colleagues, const QString &caller, QWidget *parent = nullptr);

    // The extension of the chosen colleague, or the number typed in; "" when nothing fits.
    QString target() const;
    QString targetName() const; // the colleague's name; "" for a typed number
    bool consultFirst() const { return m_consult; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filter(const QString &text);
    void updateButtons();
    void finish(bool consult);

    QLineEdit *m_search;
    QListWidget *m_list;
    QLabel *m_hint;
    QPushButton *m_blind;
    QPushButton *m_consultButton;
    bool m_consult = false;
};

} // namespace kasp::telephony::ui
