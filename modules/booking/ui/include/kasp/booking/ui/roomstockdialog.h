#pragma once
// Номерной фонд: the head of sales edits buildings, room categories and rooms in three tables and
// saves them at once (CatalogueService::saveStock); mistakes are shown in the dialog, which stays
// open with nothing written. Rooms are added, never deleted: a room leaves sale from the grid
// (out of service).
#include "kasp/booking/catalogueservice.h"
#include <QDialog>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace kasp::booking::ui {

class ChoiceDelegate;

class RoomStockDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RoomStockDialog(CatalogueService &catalogue, QWidget *parent = nullptr);
    int written() const { return m_written; } // records saved by the last accepted save

    void addBuilding();
    void addCategory();
    void addRoom();
    void save();

private:
    void load();
    void refreshChoices();
    void filterRooms(const QString &text);
    RoomStock collect() const;

    CatalogueService &m_catalogue;
    QTableWidget *m_buildings;
    QTableWidget *m_categories;
    QTableWidget *m_rooms;
    QLineEdit *m_roomFilter;
    ChoiceDelegate *m_buildingChoice;
    ChoiceDelegate *m_categoryChoice;
    QLabel *m_error;
    int m_written = 0;
};

} // namespace kasp::booking::ui
