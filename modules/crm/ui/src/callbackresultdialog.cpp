#include "kasp/crm/ui/callbackresultdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace kasp::crm::ui {

CallBackResultDialog::CallBackResultDialog(const QString &task, QWidget *parent)
    : QDialog(parent), m_reached(new QRadioButton(tr("&Reached, we talked"))),
      m_notReached(new QRadioButton(tr("&Not reached: call again tomorrow"))), m_note(new QLineEdit)
{
    setObjectName(QStringLiteral("callBackResultDialog"));
    setWindowTitle(tr("How did the call end?"));
    m_reached->setObjectName(QStringLiteral("reached"));
    m_notReached->setObjectName(QStringLiteral("notReached"));
    m_note->setObjectName(QStringLiteral("note"));
    m_reached->setChecked(true);
    m_note->setPlaceholderText(tr("What the guest said: dates, wishes, why not now"));
    m_note->setMaxLength(1900); // with «Не дозвонились: », within a note's 2,000
    auto *label = new QLabel(task);
    label->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_reached);
    layout->addWidget(m_notReached);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

CallBackResult CallBackResultDialog::result() const
{
    return CallBackResult{m_reached->isChecked(), m_note->text()};
}

} // namespace kasp::crm::ui
