#include "kasp/booking/ui/tariffeditordialog.h"

#include "choicedelegate.h"
#include "seasonform.h"

#include <cmath>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace kasp::booking::ui {

namespace {

constexpr int kIdRole = Qt::UserRole + 1; // on each row's first cell
const QString kDateFormat = QStringLiteral("dd.MM.yyyy");

QTableWidget *makeTable(const QString &name, const QStringList &headers)
{
    auto *table = new QTableWidget(0, headers.size());
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    return table;
}

// Typed cells: the default delegate edits ints and doubles with spin boxes, dates with a date edit.
QTableWidgetItem *item(const QVariant &value)
{
    auto *cell = new QTableWidgetItem;
    cell->setData(Qt::EditRole, value);
    if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::Double)
        cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return cell;
}

double rubles(Money m)
{
    return double(m.kopecks()) / 100.0;
}

Money money(const QTableWidgetItem *cell)
{
    return Money::fromKopecks(std::llround(cell->data(Qt::EditRole).toDouble() * 100.0));
}

int number(const QTableWidgetItem *cell)
{
    return cell->data(Qt::EditRole).toInt();
}

Id rowId(const QTableWidget *table, int row)
{
    return idFromString(table->item(row, 0)->data(kIdRole).toString());
}

void removeCurrentRow(QTableWidget *table)
{
    if (table->currentRow() >= 0)
        table->removeRow(table->currentRow());
}

QWidget *page(QWidget *content, const QList<QWidget *> &buttons, const QString &hint)
{
    auto *w = new QWidget;
    auto *layout = new QVBoxLayout(w);
    auto *bar = new QHBoxLayout;
    for (QWidget *b : buttons)
        bar->addWidget(b);
    bar->addStretch();
    layout->addLayout(bar);
    if (!hint.isEmpty()) {
        auto *label = new QLabel(hint);
        label->setWordWrap(true);
        layout->addWidget(label);
    }
    layout->addWidget(content, 1);
    return w;
}

} // namespace

TariffEditorDialog::TariffEditorDialog(CatalogueService &catalogue, const Clock &clock, QWidget *parent)
    : QDialog(parent), m_catalogue(catalogue), m_clock(clock), m_category(new QComboBox),
      m_baseNote(new QLabel),
      m_seasons(makeTable(QStringLiteral("seasons"),
                          {tr("Season"), tr("First night"), tr("Last night"), tr("Main bed, ₽"),
                           tr("Extra bed, ₽"), tr("Min. nights")})),
      m_seasonForm(new SeasonForm),
      m_children(makeTable(QStringLiteral("childRules"),
                           {tr("From age"), tr("To age"), tr("% of the adult price"), tr("Own bed")})),
      m_discounts(
          makeTable(QStringLiteral("discounts"), {tr("Discount"), tr("%"), tr("From nights"),
                                                  tr("Promo code"), tr("Check-in from"), tr("Check-in to")})),
      m_discountKind(
          new ChoiceDelegate({{tr("Returning guest"), discountKindKey(Discount::Kind::ReturningGuest)},
                              {tr("Long stay"), discountKindKey(Discount::Kind::LongStay)},
                              {tr("Promo code"), discountKindKey(Discount::Kind::PromoCode)}},
                             this)),
      m_error(new QLabel)
{
    setObjectName(QStringLiteral("tariffEditor"));
    setWindowTitle(tr("Tariffs and discounts"));
    m_category->setObjectName(QStringLiteral("category"));
    m_baseNote->setObjectName(QStringLiteral("baseNote"));
    m_baseNote->setWordWrap(true);
    m_seasons->setToolTip(tr("Prices per person per night. A stay is priced night by night by the season "
                             "each night falls in; the longest minimum stay among them applies."));
    m_seasons->horizontalHeader()->setStretchLastSection(false);
    m_discounts->setItemDelegateForColumn(0, m_discountKind);
    m_discounts->setToolTip(tr("Discounts do not add up: the largest one a stay qualifies for applies"));
    m_children->setToolTip(tr("Age on the check-in day. Ages no rule covers pay as adults."));

    connect(m_category, &QComboBox::currentIndexChanged, this, &TariffEditorDialog::showCategory);
    connect(m_seasons, &QTableWidget::itemChanged, this, &TariffEditorDialog::seasonCellChanged);
    connect(m_seasons, &QTableWidget::itemSelectionChanged, this, &TariffEditorDialog::seasonSelected);
    connect(m_seasonForm, &SeasonForm::edited, this, &TariffEditorDialog::seasonFormEdited);

    auto button = [this](const QString &text, const char *name, void (TariffEditorDialog::*slot)()) {
        auto *b = new QPushButton(text);
        b->setObjectName(QLatin1String(name));
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    auto *removeChild = new QPushButton(tr("Remove rule"));
    connect(removeChild, &QPushButton::clicked, this, [this] { removeCurrentRow(m_children); });
    auto *removeDiscount = new QPushButton(tr("Remove discount"));
    connect(removeDiscount, &QPushButton::clicked, this, [this] { removeCurrentRow(m_discounts); });

    auto *seasonsArea = new QSplitter;
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *categoryRow = new QHBoxLayout;
    categoryRow->addWidget(new QLabel(tr("Room category:")));
    categoryRow->addWidget(m_category, 1);
    leftLayout->addLayout(categoryRow);
    leftLayout->addWidget(m_baseNote);
    leftLayout->addWidget(m_seasons, 1);
    seasonsArea->addWidget(left);
    seasonsArea->addWidget(m_seasonForm);
    seasonsArea->setStretchFactor(0, 1);
    seasonsArea->setSizes({760, 420}); // the seasons' six columns whole, the form beside them

    auto *tabs = new QTabWidget;
    tabs->addTab(
        page(seasonsArea,
             {button(tr("Add season"), "addSeason", &TariffEditorDialog::addSeason),
              button(tr("Copy to next year"), "copySeason", &TariffEditorDialog::copySeasonToNextYear),
              button(tr("Remove season"), "removeSeason", &TariffEditorDialog::removeSeason)},
             {}),
        tr("Seasons"));
    tabs->addTab(
        page(m_children,
             {button(tr("Add rule"), "addChildRule", &TariffEditorDialog::addChildRule), removeChild},
             tr("Children pay a share of the adult price of the bed, meals and programme. Without "
                "their own bed they sleep with the parents and pay no accommodation.")),
        tr("Children"));
    tabs->addTab(
        page(m_discounts,
             {button(tr("Add discount"), "addDiscount", &TariffEditorDialog::addDiscount), removeDiscount},
             tr("Promo code dates limit the check-in day (dd.mm.yyyy); leave them empty for no limit.")),
        tr("Discounts"));

    m_error->setObjectName(QStringLiteral("error"));
    m_error->setStyleSheet(QStringLiteral("color: #b91c1c"));
    m_error->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_saveButton = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TariffEditorDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(1220, 620);
    load();
}

void TariffEditorDialog::load()
{
    auto stock = m_catalogue.stock();
    auto book = m_catalogue.tariffs();
    if (!stock.ok() || !book.ok()) {
        m_error->setText(!stock.ok() ? stock.error().message : book.error().message);
        m_saveButton->setEnabled(false); // saving an empty book would delete the stored one
        return;
    }
    m_stock = stock.value();
    m_book = book.value();
    m_loaded = m_book;
    QList<RoomCategory> categories = m_stock.categories.values();
    std::sort(categories.begin(), categories.end(), [](const RoomCategory &a, const RoomCategory &b) {
        return a.pricePerBedNight < b.pricePerBedNight;
    });
    m_category->clear();
    for (const RoomCategory &c : categories)
        m_category->addItem(c.name, idToString(c.id));
    m_children->setRowCount(0);
    // With no rules kept yet the booking prices children by the base rules: start from those, so
    // that saving keeps them rather than making children pay as adults.
    QList<ChildRule> rules = m_book.childRules;
    if (rules.isEmpty())
        for (ChildRule rule : baseTariffBook({}).childRules) {
            rule.id = newId();
            rules.append(rule);
        }
    for (const ChildRule &rule : rules)
        appendChildRow(rule);
    m_discounts->setRowCount(0);
    for (const Discount &d : m_book.discounts)
        appendDiscountRow(d);
    m_children->resizeColumnsToContents();
    m_discounts->resizeColumnsToContents();
    showCategory();
}

void TariffEditorDialog::showCategory()
{
    const Id category = idFromString(m_category->currentData().toString());
    m_filling = true;
    m_seasons->setRowCount(0);
    QList<Tariff> seasons;
    for (const Tariff &t : m_book.tariffs)
        if (t.categoryId == category)
            seasons.append(t);
    std::sort(seasons.begin(), seasons.end(),
              [](const Tariff &a, const Tariff &b) { return a.from < b.from; });
    for (const Tariff &t : seasons)
        appendSeasonRow(t);
    m_filling = false;
    m_seasons->resizeColumnsToContents();
    m_seasons->setColumnWidth(0, std::max(m_seasons->columnWidth(0), 150)); // room to type a season's name
    m_baseNote->setText(
        seasons.isEmpty()
            ? tr("No seasons yet: «%1» sells all year at its bed-night price, %2, every meal "
                 "plan and programme included.")
                  .arg(m_category->currentText(),
                       m_stock.categories.value(category).pricePerBedNight.toString())
            : tr("Nights outside these seasons cannot be sold in «%1».").arg(m_category->currentText()));
    m_seasonForm->setSeason(nullptr);
    if (m_seasons->rowCount() > 0)
        m_seasons->selectRow(0);
}

void TariffEditorDialog::appendSeasonRow(const Tariff &t)
{
    const int row = m_seasons->rowCount();
    m_seasons->insertRow(row);
    m_seasons->setItem(row, 0, item(t.season));
    m_seasons->item(row, 0)->setData(kIdRole, idToString(t.id));
    m_seasons->setItem(row, 1, item(t.from));
    m_seasons->setItem(row, 2, item(t.to.addDays(-1))); // people think in last nights, the book in ends
    m_seasons->setItem(row, 3, item(rubles(t.mainBed)));
    m_seasons->setItem(row, 4, item(rubles(t.extraBed)));
    m_seasons->setItem(row, 5, item(t.minNights));
}

int TariffEditorDialog::seasonIndex(int row) const
{
    if (row < 0 || row >= m_seasons->rowCount())
        return -1;
    const Id id = rowId(m_seasons, row);
    for (int i = 0; i < m_book.tariffs.size(); ++i)
        if (m_book.tariffs[i].id == id)
            return i;
    return -1;
}

void TariffEditorDialog::seasonCellChanged(QTableWidgetItem *cell)
{
    if (m_filling || !m_seasons->item(cell->row(), 5))
        return; // a row being filled in
    const int row = cell->row();
    const int i = seasonIndex(row);
    if (i < 0)
        return;
    Tariff &t = m_book.tariffs[i];
    t.season = m_seasons->item(row, 0)->text().trimmed();
    t.from = m_seasons->item(row, 1)->data(Qt::EditRole).toDate();
    t.to = m_seasons->item(row, 2)->data(Qt::EditRole).toDate().addDays(1);
    t.mainBed = money(m_seasons->item(row, 3));
    t.extraBed = money(m_seasons->item(row, 4));
    t.minNights = number(m_seasons->item(row, 5));
    if (cell->column() == 0)
        m_seasonForm->setSeason(&t);
}

void TariffEditorDialog::seasonSelected()
{
    const int i = seasonIndex(m_seasons->currentRow());
    m_seasonForm->setSeason(i < 0 ? nullptr : &m_book.tariffs[i]);
}

void TariffEditorDialog::seasonFormEdited()
{
    const int i = seasonIndex(m_seasons->currentRow());
    if (i >= 0)
        m_seasonForm->writeInto(m_book.tariffs[i]);
}

void TariffEditorDialog::addSeason()
{
    const Id category = idFromString(m_category->currentData().toString());
    if (category.isNull())
        return;
    // After the category's last season (or from today), for three months; the category's
    // bed-night price to start from, full board and the general programme included.
    Tariff t;
    t.id = newId();
    t.categoryId = category;
    t.from = m_clock.today();
    for (const Tariff &other : m_book.tariffs)
        if (other.categoryId == category && other.to > t.from)
            t.from = other.to;
    t.to = t.from.addMonths(3);
    t.season = tr("Season from %1").arg(t.from.toString(kDateFormat));
    t.mainBed = m_stock.categories.value(category).pricePerBedNight;
    t.extraBed = t.mainBed.percent(70);
    t.meals = {{MealPlan::FullBoard, Money()}};
    t.treatments = {{TreatmentProfile::General, Money()}};
    m_book.tariffs.append(t);
    showCategory();
    for (int row = 0; row < m_seasons->rowCount(); ++row)
        if (rowId(m_seasons, row) == t.id) {
            m_seasons->setCurrentCell(row, 0); // opens the name for typing
        }
}

void TariffEditorDialog::copySeasonToNextYear()
{
    const int i = seasonIndex(m_seasons->currentRow());
    if (i < 0)
        return;
    Tariff copy = m_book.tariffs[i];
    copy.id = newId();
    copy.from = copy.from.addYears(1);
    copy.to = copy.to.addYears(1);
    // "Лето 2027" -> "Лето 2028", "Новый год 2027/28" -> "Новый год 2028/29".
    const int year = m_book.tariffs[i].from.year();
    const QString shortNext = QStringLiteral("/%1").arg((year + 1) % 100, 2, 10, QLatin1Char('0'));
    QString name = copy.season;
    name.replace(shortNext, QStringLiteral("/%1").arg((year + 2) % 100, 2, 10, QLatin1Char('0')));
    name.replace(QString::number(year), QString::number(year + 1));
    copy.season = name != copy.season ? name : copy.season + QLatin1Char(' ') + QString::number(year + 1);
    m_book.tariffs.append(copy);
    showCategory();
}

void TariffEditorDialog::removeSeason()
{
    const int i = seasonIndex(m_seasons->currentRow());
    if (i < 0)
        return;
    m_book.tariffs.removeAt(i);
    showCategory();
}

void TariffEditorDialog::appendChildRow(const ChildRule &rule)
{
    const int row = m_children->rowCount();
    m_children->insertRow(row);
    m_children->setItem(row, 0, item(rule.fromAge));
    m_children->item(row, 0)->setData(kIdRole, idToString(rule.id));
    m_children->setItem(row, 1, item(rule.toAge));
    m_children->setItem(row, 2, item(rule.percent));
    auto *bed = new QTableWidgetItem;
    bed->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    bed->setCheckState(rule.needsBed ? Qt::Checked : Qt::Unchecked);
    m_children->setItem(row, 3, bed);
}

void TariffEditorDialog::addChildRule()
{
    int from = 0;
    for (int row = 0; row < m_children->rowCount(); ++row)
        from = std::max(from, number(m_children->item(row, 1)) + 1);
    appendChildRow(ChildRule{std::min(from, 17), 17, 50, true, newId()});
    m_children->setCurrentCell(m_children->rowCount() - 1, 0);
}

void TariffEditorDialog::appendDiscountRow(const Discount &d)
{
    const int row = m_discounts->rowCount();
    m_discounts->insertRow(row);
    auto *kind = new QTableWidgetItem(m_discountKind->nameOf(discountKindKey(d.kind)));
    kind->setData(Qt::UserRole, discountKindKey(d.kind));
    kind->setData(kIdRole, idToString(d.id));
    m_discounts->setItem(row, 0, kind);
    m_discounts->setItem(row, 1, item(d.percent));
    m_discounts->setItem(row, 2, item(d.minNights));
    m_discounts->setItem(row, 3, item(d.code));
    m_discounts->setItem(row, 4, item(d.validFrom.isValid() ? d.validFrom.toString(kDateFormat) : QString()));
    m_discounts->setItem(row, 5, item(d.validTo.isValid() ? d.validTo.toString(kDateFormat) : QString()));
}

void TariffEditorDialog::addDiscount()
{
    Discount d;
    d.id = newId();
    d.kind = Discount::Kind::PromoCode;
    d.percent = 5;
    appendDiscountRow(d);
    m_discounts->setCurrentCell(m_discounts->rowCount() - 1, 3); // opens the code for typing
}

Result<TariffBook> TariffEditorDialog::collect() const
{
    TariffBook book;
    book.tariffs = m_book.tariffs;
    for (int row = 0; row < m_children->rowCount(); ++row)
        book.childRules.append(ChildRule{number(m_children->item(row, 0)), number(m_children->item(row, 1)),
                                         number(m_children->item(row, 2)),
                                         m_children->item(row, 3)->checkState() == Qt::Checked,
                                         rowId(m_children, row)});
    for (int row = 0; row < m_discounts->rowCount(); ++row) {
        Discount d;
        d.id = rowId(m_discounts, row);
        d.kind = discountKindFromKey(m_discounts->item(row, 0)->data(Qt::UserRole).toString())
                     .value_or(Discount::Kind::PromoCode);
        d.percent = number(m_discounts->item(row, 1));
        d.minNights = number(m_discounts->item(row, 2));
        d.code = m_discounts->item(row, 3)->text().trimmed().toUpper();
        for (const auto &[column, date] : {std::pair{4, &d.validFrom}, std::pair{5, &d.validTo}}) {
            const QString text = m_discounts->item(row, column)->text().trimmed();
            *date = QDate::fromString(text, kDateFormat);
            if (!text.isEmpty() && !date->isValid())
                return Error{QStringLiteral("tariff.bad_discount"),
                             tr("Discount %1: write dates as 01.06.2027, or leave them empty").arg(row + 1)};
        }
        book.discounts.append(d);
    }
    return book;
}

void TariffEditorDialog::save()
{
    const Result<TariffBook> book = collect();
    const Result<int> written =
        book.ok() ? m_catalogue.saveTariffs(book.value(), m_loaded) : Result<int>(book.error());
    if (!written.ok()) {
        m_error->setText(written.error().message);
        return;
    }
    m_written = written.value();
    accept();
}

} // namespace kasp::booking::ui
