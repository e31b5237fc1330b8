#include "kasp/booking/ui/roomstockdialog.h"

#include "choicedelegate.h"

#include <cmath>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace kasp::booking::ui {

namespace {

constexpr int kIdRole = Qt::UserRole + 1; // on each row's first cell

// stretch: the column that takes the spare width (a name, an address).
QTableWidget *makeTable(const QString &name, const QStringList &headers, int stretch)
{
    auto *table = new QTableWidget(0, headers.size());
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(false);
    table->horizontalHeader()->setSectionResizeMode(stretch, QHeaderView::Stretch);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    table->setAlternatingRowColors(true);
    return table;
}

QTableWidgetItem *textItem(const QString &text)
{
    return new QTableWidgetItem(text);
}

QTableWidgetItem *
numberItem(const QVariant &value) // int or double: the default delegate edits it with a spin box
{
    auto *item = new QTableWidgetItem;
    item->setData(Qt::EditRole, value);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidgetItem *choiceItem(const QString &name, const Id &key)
{
    auto *item = new QTableWidgetItem(name);
    item->setData(Qt::UserRole, idToString(key));
    return item;
}

Id rowId(const QTableWidget *table, int row)
{
    return idFromString(table->item(row, 0)->data(kIdRole).toString());
}

QWidget *tab(QTableWidget *table, QPushButton *add, const QString &hint, QWidget *extra = nullptr)
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *bar = new QHBoxLayout;
    bar->addWidget(add);
    if (extra)
        bar->addWidget(extra);
    bar->addStretch();
    auto *label = new QLabel(hint);
    label->setStyleSheet(QStringLiteral("color: palette(mid)"));
    bar->addWidget(label);
    layout->addLayout(bar);
    layout->addWidget(table);
    return page;
}

} // namespace

RoomStockDialog::RoomStockDialog(CatalogueService &catalogue, QWidget *parent)
    : QDialog(parent), m_catalogue(catalogue),
      m_buildings(makeTable(QStringLiteral("buildings"), {tr("Name"), tr("Address")}, 1)),
      m_categories(makeTable(QStringLiteral("categories"),
                             {tr("Code"), tr("Name"), tr("Places"), tr("Extra beds"), tr("Bed-night, ₽")},
                             1)),
      m_rooms(makeTable(QStringLiteral("rooms"),
                        {tr("Number"), tr("Building"), tr("Category"), tr("Floor"), tr("Places")}, 2)),
      m_roomFilter(new QLineEdit), m_buildingChoice(new ChoiceDelegate({}, this)),
      m_categoryChoice(new ChoiceDelegate({}, this)), m_error(new QLabel)
{
    setObjectName(QStringLiteral("roomStockDialog"));
    setWindowTitle(tr("Room stock"));
    m_rooms->setItemDelegateForColumn(1, m_buildingChoice);
    m_rooms->setItemDelegateForColumn(2, m_categoryChoice);
    m_categories->setToolTip(tr("The bed-night price sells the category all year until seasons are entered "
                                "(Tools → Tariffs and discounts)"));
    m_roomFilter->setObjectName(QStringLiteral("roomFilter"));
    m_roomFilter->setPlaceholderText(tr("Find a room number…"));
    m_roomFilter->setClearButtonEnabled(true);
    connect(m_roomFilter, &QLineEdit::textChanged, this, &RoomStockDialog::filterRooms);

    auto *addBuildingButton = new QPushButton(tr("Add building"));
    auto *addCategoryButton = new QPushButton(tr("Add category"));
    auto *addRoomButton = new QPushButton(tr("Add room"));
    addRoomButton->setObjectName(QStringLiteral("addRoom"));
    connect(addBuildingButton, &QPushButton::clicked, this, &RoomStockDialog::addBuilding);
    connect(addCategoryButton, &QPushButton::clicked, this, &RoomStockDialog::addCategory);
    connect(addRoomButton, &QPushButton::clicked, this, &RoomStockDialog::addRoom);

    auto *tabs = new QTabWidget;
    tabs->addTab(tab(m_rooms, addRoomButton,
                     tr("A room leaves sale from the grid: right-click → out of service"), m_roomFilter),
                 tr("Rooms"));
    tabs->addTab(tab(m_categories, addCategoryButton, tr("Places: main beds; extra: folding beds, sofas")),
                 tr("Categories"));
    tabs->addTab(tab(m_buildings, addBuildingButton, {}), tr("Buildings"));
    // Names typed on the other tabs are offered in the rooms' combo boxes at once.
    connect(tabs, &QTabWidget::currentChanged, this, &RoomStockDialog::refreshChoices);

    m_error->setObjectName(QStringLiteral("error"));
    m_error->setStyleSheet(QStringLiteral("color: #b91c1c"));
    m_error->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *saveButton = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    saveButton->setObjectName(QStringLiteral("saveButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RoomStockDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(820, 620);
    load();
}

void RoomStockDialog::load()
{
    auto stock = m_catalogue.stock();
    if (!stock.ok()) {
        m_error->setText(stock.error().message);
        return;
    }
    const RoomStock &s = stock.value();
    m_buildings->setRowCount(0);
    for (const Building &b : s.buildings) {
        const int row = m_buildings->rowCount();
        m_buildings->insertRow(row);
        m_buildings->setItem(row, 0, textItem(b.name));
        m_buildings->item(row, 0)->setData(kIdRole, idToString(b.id));
        m_buildings->setItem(row, 1, textItem(b.address));
    }
    QList<RoomCategory> categories = s.categories.values();
    std::sort(categories.begin(), categories.end(), [](const RoomCategory &a, const RoomCategory &b) {
        return a.pricePerBedNight < b.pricePerBedNight;
    });
    m_categories->setRowCount(0);
    for (const RoomCategory &c : categories) {
        const int row = m_categories->rowCount();
        m_categories->insertRow(row);
        m_categories->setItem(row, 0, textItem(c.code));
        m_categories->item(row, 0)->setData(kIdRole, idToString(c.id));
        m_categories->setItem(row, 1, textItem(c.name));
        m_categories->setItem(row, 2, numberItem(c.beds));
        m_categories->setItem(row, 3, numberItem(c.extraBeds));
        m_categories->setItem(row, 4, numberItem(double(c.pricePerBedNight.kopecks()) / 100.0));
    }
    m_rooms->setRowCount(s.rooms.size());
    for (int row = 0; row < s.rooms.size(); ++row) {
        const Room &r = s.rooms[row];
        m_rooms->setItem(row, 0, textItem(r.number));
        m_rooms->item(row, 0)->setData(kIdRole, idToString(r.id));
        m_rooms->setItem(row, 1, choiceItem(s.buildingName(r.buildingId), r.buildingId));
        m_rooms->setItem(row, 2, choiceItem(s.categories.value(r.categoryId).name, r.categoryId));
        m_rooms->setItem(row, 3, numberItem(r.floor));
        m_rooms->setItem(row, 4, numberItem(r.beds));
    }
    m_categories->resizeColumnsToContents();
    m_rooms->resizeColumnsToContents();
    m_buildings->resizeColumnsToContents();
    refreshChoices();
}

void RoomStockDialog::refreshChoices()
{
    ChoiceDelegate::Choices buildings, categories;
    for (int row = 0; row < m_buildings->rowCount(); ++row)
        buildings.append({m_buildings->item(row, 0)->text(), m_buildings->item(row, 0)->data(kIdRole)});
    for (int row = 0; row < m_categories->rowCount(); ++row)
        categories.append({m_categories->item(row, 1)->text(), m_categories->item(row, 0)->data(kIdRole)});
    m_buildingChoice->setChoices(buildings);
    m_categoryChoice->setChoices(categories);
    // A renamed building or category shows its new name on its rooms.
    for (int row = 0; row < m_rooms->rowCount(); ++row) {
        QTableWidgetItem *b = m_rooms->item(row, 1), *c = m_rooms->item(row, 2);
        b->setText(m_buildingChoice->nameOf(b->data(Qt::UserRole)));
        c->setText(m_categoryChoice->nameOf(c->data(Qt::UserRole)));
    }
}

void RoomStockDialog::filterRooms(const QString &text)
{
    const QString wanted = text.trimmed();
    for (int row = 0; row < m_rooms->rowCount(); ++row)
        m_rooms->setRowHidden(row, !wanted.isEmpty() &&
                                       !m_rooms->item(row, 0)->text().contains(wanted, Qt::CaseInsensitive));
}

void RoomStockDialog::addBuilding()
{
    const int row = m_buildings->rowCount();
    m_buildings->insertRow(row);
    m_buildings->setItem(row, 0, textItem(tr("Building %1").arg(row + 1)));
    m_buildings->item(row, 0)->setData(kIdRole, idToString(newId()));
    m_buildings->setItem(row, 1, textItem({}));
    m_buildings->setCurrentCell(row, 0);
}

void RoomStockDialog::addCategory()
{
    const int row = m_categories->rowCount();
    m_categories->insertRow(row);
    m_categories->setItem(row, 0, textItem({}));
    m_categories->item(row, 0)->setData(kIdRole, idToString(newId()));
    m_categories->setItem(row, 1, textItem({}));
    m_categories->setItem(row, 2, numberItem(2));
    m_categories->setItem(row, 3, numberItem(1));
    m_categories->setItem(row, 4, numberItem(0.0));
    m_categories->setCurrentCell(row, 0);
}

void RoomStockDialog::addRoom()
{
    refreshChoices();
    // Next to the room selected: same building, category, floor and places; the number to type.
    const int from = m_rooms->currentRow();
    const int row = m_rooms->rowCount();
    m_roomFilter->clear();
    m_rooms->insertRow(row);
    m_rooms->setItem(row, 0, textItem({}));
    m_rooms->item(row, 0)->setData(kIdRole, idToString(newId()));
    if (from >= 0) {
        for (int column = 1; column < 5; ++column)
            m_rooms->setItem(row, column, m_rooms->item(from, column)->clone());
    } else {
        const Id building = m_buildings->rowCount() ? rowId(m_buildings, 0) : Id();
        const Id category = m_categories->rowCount() ? rowId(m_categories, 0) : Id();
        m_rooms->setItem(row, 1, choiceItem(m_buildingChoice->nameOf(idToString(building)), building));
        m_rooms->setItem(row, 2, choiceItem(m_categoryChoice->nameOf(idToString(category)), category));
        m_rooms->setItem(row, 3, numberItem(1));
        m_rooms->setItem(row, 4, numberItem(2));
    }
    m_rooms->setCurrentCell(row, 0);
    m_rooms->scrollToItem(m_rooms->item(row, 0));
}

RoomStock RoomStockDialog::collect() const
{
    RoomStock stock;
    for (int row = 0; row < m_buildings->rowCount(); ++row)
        stock.buildings.append(Building{rowId(m_buildings, row), m_buildings->item(row, 0)->text().trimmed(),
                                        m_buildings->item(row, 1)->text().trimmed()});
    for (int row = 0; row < m_categories->rowCount(); ++row) {
        RoomCategory c;
        c.id = rowId(m_categories, row);
        c.code = m_categories->item(row, 0)->text().trimmed();
        c.name = m_categories->item(row, 1)->text().trimmed();
        c.beds = m_categories->item(row, 2)->data(Qt::EditRole).toInt();
        c.extraBeds = m_categories->item(row, 3)->data(Qt::EditRole).toInt();
        c.pricePerBedNight =
            Money::fromKopecks(std::llround(m_categories->item(row, 4)->data(Qt::EditRole).toDouble() * 100));
        stock.categories.insert(c.id, c);
    }
    for (int row = 0; row < m_rooms->rowCount(); ++row) {
        Room r;
        r.id = rowId(m_rooms, row);
        r.number = m_rooms->item(row, 0)->text().trimmed();
        r.buildingId = idFromString(m_rooms->item(row, 1)->data(Qt::UserRole).toString());
        r.categoryId = idFromString(m_rooms->item(row, 2)->data(Qt::UserRole).toString());
        r.floor = m_rooms->item(row, 3)->data(Qt::EditRole).toInt();
        r.beds = m_rooms->item(row, 4)->data(Qt::EditRole).toInt();
        stock.rooms.append(r);
    }
    return stock;
}

void RoomStockDialog::save()
{
    const Result<int> written = m_catalogue.saveStock(collect());
    if (!written.ok()) {
        m_error->setText(written.error().message);
        return;
    }
    m_written = written.value();
    accept();
}

} // namespace kasp::booking::ui
