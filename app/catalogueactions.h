#pragma once
// Tools → Tariffs and discounts / Room stock: the head of sales' editors, run on the Sales
// Window's database; after a save the grid and the booking dialog price with the new catalogue.
#include <QObject>

class QWidget;

namespace kasp::app {

class AppContext;

class CatalogueActions : public QObject
{
    Q_OBJECT
public:
    CatalogueActions(AppContext &context, QWidget *window);

public slots:
    void editTariffs();
    void editRoomStock();

signals:
    void catalogueChanged(); // the booking service has reloaded stock and prices
    void message(const QString &text);

private:
    AppContext &m_context;
    QWidget *m_window;
};

} // namespace kasp::app
