#pragma once
// «Чем закончился звонок?»: asked when a call-back task is marked done, so that the card keeps what
// came of it. Reached (the default) or not reached, and what the guest said.
#include "kasp/crm/taskservice.h"

#include <QDialog>

class QLineEdit;
class QRadioButton;

namespace kasp::crm::ui {

class CallBackResultDialog : public QDialog
{
    Q_OBJECT
public:
    // `task`: the task as the list shows it (its title and the guest's name).
    explicit CallBackResultDialog(const QString &task, QWidget *parent = nullptr);

    CallBackResult result() const;

private:
    QRadioButton *m_reached;
    QRadioButton *m_notReached;
    QLineEdit *m_note;
};

} // namespace kasp::crm::ui
