#include "kasp/crm/ui/taskdialog.h"
#include "kasp/core/datetext.h"
#include "kasp/core/textlimits.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace kasp::crm::ui {

TaskDialog::TaskDialog(TaskService &service, const Id &guestId, const QString &guestName,
                       const QList<User> &users, const Id &currentUser, const Clock &clock, QWidget *parent)
    : QDialog(parent), m_service(service), m_clock(clock), m_guestId(guestId), m_guestName(guestName),
      m_kind(new QComboBox), m_title(new QLineEdit), m_due(new QDateTimeEdit), m_assignee(new QComboBox),
      m_problem(new QLabel)
{
    setObjectName(QStringLiteral("taskDialog"));
    setWindowTitle(tr("New task"));
    for (TaskKind kind : kTaskKinds)
        m_kind->addItem(taskKindTitle(kind), int(kind));
    m_kind->setObjectName(QStringLiteral("taskKind"));
    m_title->setObjectName(QStringLiteral("taskTitle"));
    m_title->setMaxLength(textlimits::kName);
    m_due->setObjectName(QStringLiteral("taskDue"));
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(datetext::dateTimeEditFormat());
    // Tomorrow at 11:00 unless it is early enough to do it today within the working day.
    const QDateTime local = m_clock.now().toLocalTime();
    const QDateTime soon = local.addSecs(3600);
    m_due->setDateTime(soon.time() < QTime(18, 0) && soon.date() == local.date()
                           ? QDateTime(soon.date(), QTime(soon.time().hour(), 0)).addSecs(3600)
                           : QDateTime(local.date().addDays(1), QTime(11, 0)));
    m_due->setToolTip(tr("When it is due; it shows in «Tasks for today» from that day, red once overdue"));
    m_assignee->setObjectName(QStringLiteral("taskAssignee"));
    for (const User &u : users)
        if (u.active && u.role != Role::Director)
            m_assignee->addItem(u.displayName, QVariant::fromValue(u.id));
    m_assignee->addItem(tr("Shared list (whoever is free)"), QVariant::fromValue(Id()));
    const int me = m_assignee->findData(QVariant::fromValue(currentUser));
    m_assignee->setCurrentIndex(me >= 0 ? me : m_assignee->count() - 1);
    m_problem->setObjectName(QStringLiteral("taskProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #b01c1c"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Guest"), new QLabel(guestName.toHtmlEscaped()));
    form->addRow(tr("What"), m_kind);
    form->addRow(tr("Text"), m_title);
    form->addRow(tr("Due"), m_due);
    form->addRow(tr("For"), m_assignee);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &TaskDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TaskDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &TaskDialog::kindChanged);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    kindChanged();
    m_title->setMinimumWidth(m_title->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 48);
}

void TaskDialog::kindChanged()
{
    const auto kind = TaskKind(m_kind->currentData().toInt());
    const QString suggestion =
        kind == TaskKind::Other ? QString() : QStringLiteral("%1: %2").arg(taskKindTitle(kind), m_guestName);
    if (m_title->text() == m_suggested) // the user has not written their own text
        m_title->setText(suggestion);
    m_suggested = suggestion;
}

void TaskDialog::accept()
{
    // A due time hours in the past is a typo in the form, not a plan (imports may log old tasks).
    if (m_due->dateTime() < m_clock.now().addSecs(-3600)) {
        m_problem->setText(tr("Choose when it is due: today or later."));
        m_problem->show();
        m_due->setFocus();
        return;
    }
    auto task = m_service.create(m_guestId, m_assignee->currentData().value<Id>(), m_title->text(),
                                 m_due->dateTime().toUTC(), TaskKind(m_kind->currentData().toInt()));
    if (!task.ok()) {
        m_problem->setText(task.error().message);
        m_problem->show();
        (task.error().code == QLatin1String("task.due") ? static_cast<QWidget *>(m_due) : m_title)
            ->setFocus();
        return;
    }
    m_created = task.value();
    QDialog::accept();
}

} // namespace kasp::crm::ui
