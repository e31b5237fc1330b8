#pragma once
// What one season sells besides the bed: each meal plan and each treatment profile, ticked when the
// season offers it, with its price per person per night. Edits a Tariff in place.
#include "kasp/core/tariff.h"
#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;

namespace kasp::booking::ui {

class SeasonForm : public QWidget
{
    Q_OBJECT
public:
    explicit SeasonForm(QWidget *parent = nullptr);
    void setSeason(const Tariff *tariff); // nullptr: nothing selected
    void writeInto(Tariff &tariff) const;

signals:
    void edited();

private:
    struct Line
    {
        QCheckBox *sold;
        QDoubleSpinBox *price;
    };
    Line addLine(QGridLayout *grid, int row, const QString &title, const QString &name);

    QLabel *m_title;
    QList<QPair<MealPlan, Line>> m_meals;
    QList<QPair<TreatmentProfile, Line>> m_treatments;
    bool m_loading = false;
};

} // namespace kasp::booking::ui
