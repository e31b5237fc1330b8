#include "seasonform.h"

#include <cmath>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace kasp::booking::ui {

namespace {

double rubles(Money m)
{
    return double(m.kopecks()) / 100.0;
}

Money fromRubles(double value)
{
    return Money::fromKopecks(std::llround(value * 100.0));
}

} // namespace

SeasonForm::SeasonForm(QWidget *parent) : QWidget(parent), m_title(new QLabel)
{
    auto *meals = new QGroupBox(tr("Meals, ₽ per person per night"));
    auto *mealGrid = new QGridLayout(meals);
    const QList<QPair<MealPlan, QString>> mealTitles{{MealPlan::Breakfast, tr("Breakfast")},
                                                     {MealPlan::HalfBoard, tr("Half board")},
                                                     {MealPlan::FullBoard, tr("Full board")}};
    for (int i = 0; i < mealTitles.size(); ++i)
        m_meals.append(
            {mealTitles[i].first, addLine(mealGrid, i, mealTitles[i].second,
                                          QStringLiteral("meal_") + mealPlanKey(mealTitles[i].first))});

    auto *treatments = new QGroupBox(tr("Treatment programmes, ₽ per person per night"));
    auto *treatmentGrid = new QGridLayout(treatments);
    const QList<QPair<TreatmentProfile, QString>> treatmentTitles{
        {TreatmentProfile::General, tr("General health")},
        {TreatmentProfile::Cardiology, tr("Cardiology")},
        {TreatmentProfile::Neurology, tr("Neurology")},
        {TreatmentProfile::Musculoskeletal, tr("Musculoskeletal")},
        {TreatmentProfile::Digestive, tr("Digestive")},
        {TreatmentProfile::Respiratory, tr("Respiratory")}};
    for (int i = 0; i < treatmentTitles.size(); ++i)
        m_treatments.append(
            {treatmentTitles[i].first,
             addLine(treatmentGrid, i, treatmentTitles[i].second,
                     QStringLiteral("treatment_") + treatmentProfileKey(treatmentTitles[i].first))});

    m_title->setObjectName(QStringLiteral("seasonTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(meals);
    layout->addWidget(treatments);
    layout->addStretch();
    setSeason(nullptr);
}

SeasonForm::Line SeasonForm::addLine(QGridLayout *grid, int row, const QString &title, const QString &name)
{
    Line line{new QCheckBox(title), new QDoubleSpinBox};
    line.sold->setObjectName(name);
    line.price->setObjectName(name + QStringLiteral("_price"));
    line.sold->setToolTip(tr("Ticked: the season sells it"));
    line.price->setRange(0, 1'000'000);
    line.price->setDecimals(2);
    line.price->setSuffix(QStringLiteral(" ₽"));
    line.price->setGroupSeparatorShown(true);
    line.price->setToolTip(tr("0 ₽: included in the bed-night price"));
    grid->addWidget(line.sold, row, 0);
    grid->addWidget(line.price, row, 1);
    grid->setColumnStretch(0, 1);
    connect(line.sold, &QCheckBox::toggled, this, [this, price = line.price](bool on) {
        price->setEnabled(on);
        if (!m_loading)
            emit edited();
    });
    connect(line.price, &QDoubleSpinBox::valueChanged, this, [this] {
        if (!m_loading)
            emit edited();
    });
    return line;
}

void SeasonForm::setSeason(const Tariff *tariff)
{
    m_loading = true;
    setEnabled(tariff != nullptr);
    m_title->setText(tariff ? tr("Season «%1»: meals and programmes").arg(tariff->season)
                            : tr("Choose a season to see its meals and programmes"));
    for (auto &[plan, line] : m_meals) {
        const bool sold = tariff && tariff->meals.contains(plan);
        line.sold->setChecked(sold);
        line.price->setEnabled(sold);
        line.price->setValue(sold ? rubles(tariff->meals.value(plan)) : 0.0);
    }
    for (auto &[profile, line] : m_treatments) {
        const bool sold = tariff && tariff->treatments.contains(profile);
        line.sold->setChecked(sold);
        line.price->setEnabled(sold);
        line.price->setValue(sold ? rubles(tariff->treatments.value(profile)) : 0.0);
    }
    m_loading = false;
}

void SeasonForm::writeInto(Tariff &tariff) const
{
    tariff.meals.clear();
    for (const auto &[plan, line] : m_meals)
        if (line.sold->isChecked())
            tariff.meals.insert(plan, fromRubles(line.price->value()));
    tariff.treatments.clear();
    for (const auto &[profile, line] : m_treatments)
        if (line.sold->isChecked())
            tariff.treatments.insert(profile, fromRubles(line.price->value()));
}

} // namespace kasp::booking::ui
