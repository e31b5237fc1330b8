#pragma once
// Тарифы и скидки: the head of sales' price list. Seasons per room category (dates, bed prices,
// minimum stay, and what each sells: meal plans and treatment programmes with their prices),
// children's rules by age, discounts (returning guest, long stay, promo codes). Edited as a value,
// saved at once (CatalogueService::saveTariffs); mistakes (seasons sharing a night, ...) are shown
// in the dialog, which stays open with nothing written.
#include "kasp/booking/catalogueservice.h"
#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTableWidgetItem;

namespace kasp::booking::ui {

class ChoiceDelegate;
class SeasonForm;

class TariffEditorDialog : public QDialog
{
    Q_OBJECT
public:
    // A new season starts on the clock's today (or after the category's last one).
    TariffEditorDialog(CatalogueService &catalogue, const Clock &clock, QWidget *parent = nullptr);
    int written() const { return m_written; }

    void addSeason();
    void copySeasonToNextYear();
    void removeSeason();
    void addChildRule();
    void addDiscount();
    void save();

private:
    void load();
    void showCategory();
    void seasonCellChanged(QTableWidgetItem *item);
    void seasonSelected();
    void seasonFormEdited();
    int seasonIndex(int row) const; // into m_book.tariffs, -1 if none
    void appendSeasonRow(const Tariff &t);
    void appendChildRow(const ChildRule &rule);
    void appendDiscountRow(const Discount &d);
    Result<TariffBook> collect() const;

    CatalogueService &m_catalogue;
    const Clock &m_clock;
    RoomStock m_stock;
    TariffBook m_book;   // seasons live here; children's rules and discounts in their tables
    TariffBook m_loaded; // as opened: the save carries only this dialog's changes
    QPushButton *m_saveButton = nullptr;
    QComboBox *m_category;
    QLabel *m_baseNote;
    QTableWidget *m_seasons;
    SeasonForm *m_seasonForm;
    QTableWidget *m_children;
    QTableWidget *m_discounts;
    ChoiceDelegate *m_discountKind;
    QLabel *m_error;
    bool m_filling = false;
    int m_written = 0;
};

} // namespace kasp::booking::ui
