#include "kasp/crm/ui/mergecomparisonview.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QRadioButton>
#include <QVBoxLayout>

namespace kasp::crm::ui {

namespace {

QString fieldText(const DuplicateSide &side, const GuestFieldDef &def)
{
    return def.field == MergeField::Manager ? side.managerName : def.text(side.guest);
}

QString phonesText(const Guest &g)
{
    QStringList out;
    for (const Phone &p : g.phones)
        out.append(p.display());
    return out.join(QStringLiteral("\n"));
}

QString historyText(const storage::GuestHistoryCounts &h)
{
    return MergeComparisonView::tr("%n touch(es)", nullptr, int(h.touches)) + QStringLiteral(", ") +
           MergeComparisonView::tr("%n booking(s)", nullptr, int(h.bookings)) + QStringLiteral(",\n") +
           MergeComparisonView::tr("%n deal(s)", nullptr, int(h.deals)) + QStringLiteral(", ") +
           MergeComparisonView::tr("%n task(s)", nullptr, int(h.tasks)) + QStringLiteral(", ") +
           MergeComparisonView::tr("%n payment(s)", nullptr, int(h.payments));
}

QLabel *cell(const QString &text, bool header = false)
{
    auto *label = new QLabel(text.isEmpty() ? QStringLiteral("—") : text);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    if (header) {
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
    }
    return label;
}

} // namespace

MergeComparisonView::MergeComparisonView(QWidget *parent)
    : QWidget(parent), m_grid(new QGridLayout), m_result(new QLabel)
{
    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(2, 1);
    m_grid->setHorizontalSpacing(16);
    m_result->setObjectName(QStringLiteral("mergeResult"));
    m_result->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_grid);
    layout->addWidget(m_result);
    layout->addStretch(1);
    clear();
}

void MergeComparisonView::clear()
{
    m_comparison.reset();
    rebuild();
}

void MergeComparisonView::setComparison(const DuplicateComparison &comparison)
{
    m_comparison = comparison;
    rebuild();
}

void MergeComparisonView::swapSides()
{
    if (!m_comparison)
        return;
    std::swap(m_comparison->keep, m_comparison->other);
    rebuild();
    emit changed();
}

QList<MergeField> MergeComparisonView::takenFromOther() const
{
    QList<MergeField> out;
    for (const auto &[field, button] : m_otherChoices)
        if (button->isChecked())
            out.append(field);
    return out;
}

QRadioButton *MergeComparisonView::otherChoice(MergeField field) const
{
    for (const auto &[f, button] : m_otherChoices)
        if (f == field)
            return button;
    return nullptr;
}

void MergeComparisonView::addRow(int row, const QString &title, const QString &keep, const QString &other,
                                 bool choice, MergeField field)
{
    auto *name = new QLabel(title);
    name->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_grid->addWidget(name, row, 0);
    if (!choice) {
        m_grid->addWidget(cell(keep), row, 1);
        m_grid->addWidget(cell(other), row, 2);
        return;
    }
    // Both cards hold a value and they differ: the kept card's value unless the user picks the other.
    auto *left = new QRadioButton(keep);
    auto *right = new QRadioButton(other);
    auto *group = new QButtonGroup(left); // goes with the row's widgets on rebuild
    left->setChecked(true);
    group->addButton(left);
    group->addButton(right);
    right->setObjectName(QStringLiteral("takeOther%1").arg(int(field)));
    connect(right, &QRadioButton::toggled, this, [this] { emit changed(); });
    m_grid->addWidget(left, row, 1);
    m_grid->addWidget(right, row, 2);
    m_otherChoices.append({field, right});
}

void MergeComparisonView::rebuild()
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_otherChoices.clear();
    if (!m_comparison) {
        m_grid->addWidget(cell(tr("Pick a pair of cards on the left to compare them.")), 0, 0, 1, 3);
        m_result->clear();
        return;
    }
    const DuplicateSide &keep = m_comparison->keep;
    const DuplicateSide &other = m_comparison->other;
    int row = 0;
    m_grid->addWidget(new QLabel, row, 0);
    m_grid->addWidget(cell(tr("Keep this card"), true), row, 1);
    m_grid->addWidget(cell(tr("Merge into it"), true), row++, 2);
    for (const GuestFieldDef &def : guestFields())
        addRow(row++, guestFieldTitle(def.field), fieldText(keep, def), fieldText(other, def),
               mergeConflict(keep.guest, other.guest, def.field), def.field);
    addRow(row++, tr("Phones"), phonesText(keep.guest), phonesText(other.guest), false);
    addRow(row++, tr("E-mails"), keep.guest.emails.join(QStringLiteral("\n")),
           other.guest.emails.join(QStringLiteral("\n")), false);
    addRow(row++, tr("Tags"), keep.guest.tags.join(QStringLiteral(", ")),
           other.guest.tags.join(QStringLiteral(", ")), false);
    addRow(row++, tr("Card created"),
           QLocale().toString(keep.guest.createdAt.toLocalTime(), QLocale::ShortFormat),
           QLocale().toString(other.guest.createdAt.toLocalTime(), QLocale::ShortFormat), false);
    addRow(row++, tr("History"), historyText(keep.history), historyText(other.history), false);

    const Guest merged = mergeGuests(keep.guest, other.guest, {});
    m_result->setText(
        tr("After the merge the card keeps %1 and %2; everything of the right-hand card (%3) moves to it "
           "and the right-hand card is deleted.")
            .arg(tr("%n phone(s)", nullptr, int(merged.phones.size())),
                 tr("%n e-mail(s)", nullptr, int(merged.emails.size())),
                 tr("%n record(s)", nullptr, int(other.history.total()))));
}

} // namespace kasp::crm::ui
