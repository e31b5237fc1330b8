#pragma once
// Two cards side by side: the one kept on the left, the one merged into it on the right. Where
// both hold different values (a surname, a birth date, the manager) a radio button picks the value
// the merged card keeps; phones, e-mails and tags are united and shown as they will be.
#include "kasp/core/guestmerge.h"
#include "kasp/crm/duplicateservice.h"
#include <QWidget>

class QGridLayout;
class QLabel;
class QRadioButton;

namespace kasp::crm::ui {

class MergeComparisonView : public QWidget
{
    Q_OBJECT
public:
    explicit MergeComparisonView(QWidget *parent = nullptr);

    void setComparison(const DuplicateComparison &comparison);
    void clear();
    bool isEmpty() const { return !m_comparison.has_value(); }
    const std::optional<DuplicateComparison> &comparison() const { return m_comparison; }
    // The fields whose value the user took from the right-hand card.
    QList<MergeField> takenFromOther() const;
    // For tests: the radio button choosing `field` from the right-hand (other) card, or null when
    // the cards agree on that field.
    QRadioButton *otherChoice(MergeField field) const;
    void swapSides(); // the right-hand card becomes the one kept

signals:
    void changed();

private:
    void rebuild();
    void addRow(int row, const QString &title, const QString &keep, const QString &other, bool choice,
                MergeField field = MergeField::LastName);

    std::optional<DuplicateComparison> m_comparison;
    QGridLayout *m_grid;
    QLabel *m_result;
    QList<std::pair<MergeField, QRadioButton *>> m_otherChoices;
};

} // namespace kasp::crm::ui
