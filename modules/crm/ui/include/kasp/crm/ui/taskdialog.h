#pragma once
// A new task for the guest on the card (Ctrl+T): what (call back, send an offer, remind, other),
// the text, when, and for whom (a colleague, oneself, or the shared pool).
#include "kasp/core/clock.h"
#include "kasp/core/task.h"
#include "kasp/core/user.h"
#include "kasp/crm/taskservice.h"
#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;

namespace kasp::crm::ui {

class TaskDialog : public QDialog
{
    Q_OBJECT
public:
    TaskDialog(TaskService &service, const Id &guestId, const QString &guestName, const QList<User> &users,
               const Id &currentUser, const Clock &clock, QWidget *parent = nullptr);

    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *titleEdit() const { return m_title; }
    QDateTimeEdit *dueEdit() const { return m_due; }
    QComboBox *assigneeBox() const { return m_assignee; }
    QLabel *problemLabel() const { return m_problem; }
    const std::optional<Task> &created() const { return m_created; }

    void accept() override; // saves; stays open with the reason when refused

private:
    void kindChanged();

    TaskService &m_service;
    const Clock &m_clock; // the due time it suggests, and what is too far in the past
    Id m_guestId;
    QString m_guestName;
    QComboBox *m_kind;
    QLineEdit *m_title;
    QDateTimeEdit *m_due;
    QComboBox *m_assignee;
    QLabel *m_problem;
    QString m_suggested; // the text the kind filled in; replaced while the user has not typed
    std::optional<Task> m_created;
};

} // namespace kasp::crm::ui
