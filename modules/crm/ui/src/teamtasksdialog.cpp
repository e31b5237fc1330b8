#include "kasp/crm/ui/teamtasksdialog.h"

#include "kasp/crm/ui/taskagendapanel.h"

#include <algorithm>
#include <QColor>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kasp::crm::ui {

namespace {
enum TeamColumn { PersonColumn, TodayColumn, OverdueColumn, OldestColumn, TeamColumnCount };
constexpr int kUserIdRole = Qt::UserRole + 1;
} // namespace

TeamTasksDialog::TeamTasksDialog(TaskService &service, const QList<User> &users, const Clock &clock,
                                 QWidget *parent)
    : QDialog(parent), m_service(service), m_clock(clock), m_summary(new QLabel),
      m_team(new QTableWidget(0, TeamColumnCount)), m_tasks(new TaskAgendaModel(this)), m_list(new QTableView)
{
    setObjectName(QStringLiteral("teamTasksDialog"));
    setWindowTitle(tr("The team's tasks"));
    for (const User &u : users)
        if (u.active && u.role != Role::Director)
            m_people.append(u);
    m_team->setObjectName(QStringLiteral("team"));
    m_team->setHorizontalHeaderLabels({tr("Who"), tr("Today"), tr("Overdue"), tr("Overdue since")});
    m_team->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_team->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_team->setSelectionMode(QAbstractItemView::SingleSelection);
    m_team->verticalHeader()->hide();
    m_team->horizontalHeader()->setSectionResizeMode(PersonColumn, QHeaderView::Stretch);
    for (int c = TodayColumn; c < TeamColumnCount; ++c)
        m_team->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_list->setObjectName(QStringLiteral("personTasks"));
    m_list->setModel(m_tasks);
    m_list->verticalHeader()->hide();
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->horizontalHeader()->setSectionResizeMode(TaskAgendaModel::DueColumn,
                                                     QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(TaskAgendaModel::TitleColumn, QHeaderView::Stretch);
    m_list->verticalHeader()->setDefaultSectionSize(2 * m_list->fontMetrics().height() + 8);
    m_summary->setWordWrap(true);
    connect(m_team, &QTableWidget::currentCellChanged, this, [this](int row) { showTasksOf(row); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_team, 2);
    layout->addWidget(new QLabel(tr("Their tasks for today, overdue ones first:")));
    layout->addWidget(m_list, 3);
    layout->addWidget(buttons);
    resize(640, 600);
    reload();
}

QString TeamTasksDialog::summaryText() const
{
    return m_summary->text();
}

void TeamTasksDialog::reload()
{
    auto counts = m_service.team();
    if (!counts.ok()) {
        m_summary->setText(QStringLiteral("<span style='color:#b01c1c'>%1</span>")
                               .arg(tr("The tasks cannot be read: %1").arg(counts.error().message)));
        return;
    }
    struct Row
    {
        const User *user;
        storage::TeamTaskCount count;
    };
    QList<Row> rows;
    for (const User &u : std::as_const(m_people)) {
        storage::TeamTaskCount count{u.id};
        for (const storage::TeamTaskCount &c : counts.value())
            if (c.assigneeId == u.id)
                count = c;
        rows.append({&u, count});
    }
    // The worst first: most overdue, then most for today, then by name.
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.count.overdue != b.count.overdue)
            return a.count.overdue > b.count.overdue;
        if (a.count.open != b.count.open)
            return a.count.open > b.count.open;
        return a.user->displayName < b.user->displayName;
    });
    int open = 0, overdue = 0;
    m_team->setRowCount(int(rows.size()));
    const QLocale locale;
    for (int r = 0; r < rows.size(); ++r) {
        const Row &row = rows[r];
        open += row.count.open;
        overdue += row.count.overdue;
        auto *person = new QTableWidgetItem(row.user->displayName);
        person->setData(kUserIdRole, QVariant::fromValue(row.user->id));
        m_team->setItem(r, PersonColumn, person);
        m_team->setItem(r, TodayColumn, new QTableWidgetItem(QString::number(row.count.open)));
        auto *late = new QTableWidgetItem(QString::number(row.count.overdue));
        if (row.count.overdue > 0)
            late->setForeground(QColor(0xb0, 0x1c, 0x1c));
        m_team->setItem(r, OverdueColumn, late);
        m_team->setItem(r, OldestColumn,
                        new QTableWidgetItem(
                            row.count.oldestOverdue.isValid()
                                ? locale.toString(row.count.oldestOverdue.toLocalTime(), QLocale::ShortFormat)
                                : QString()));
    }
    m_summary->setText(tr("Today the team has %n task(s)", nullptr, open) +
                       (overdue > 0 ? QStringLiteral(", <span style='color:#b01c1c'>%1</span>")
                                          .arg(tr("%n overdue", nullptr, overdue))
                                    : QString()));
    if (!rows.isEmpty())
        m_team->setCurrentCell(0, PersonColumn);
}

void TeamTasksDialog::showTasksOf(int row)
{
    const QTableWidgetItem *person = row >= 0 ? m_team->item(row, PersonColumn) : nullptr;
    if (!person)
        return;
    auto agenda = m_service.today(person->data(kUserIdRole).value<Id>());
    if (!agenda.ok())
        return;
    m_tasks->setAgenda(Agenda{agenda.value().mine, {}}, m_clock.now()); // the shared pool is apart
}

} // namespace kasp::crm::ui
