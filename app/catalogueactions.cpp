#include "catalogueactions.h"

#include "appcontext.h"
#include "kasp/booking/bookingservice.h"
#include "kasp/booking/catalogueservice.h"
#include "kasp/booking/ui/roomstockdialog.h"
#include "kasp/booking/ui/tariffeditordialog.h"

namespace kasp::app {

CatalogueActions::CatalogueActions(AppContext &context, QWidget *window)
    : QObject(window), m_context(context), m_window(window)
{
}

void CatalogueActions::editTariffs()
{
    booking::CatalogueService catalogue(m_context.database(), m_context.clock());
    booking::ui::TariffEditorDialog dialog(catalogue, m_context.clock(), m_window);
    if (dialog.exec() != QDialog::Accepted || dialog.written() == 0)
        return;
    m_context.booking().reloadStock();
    emit catalogueChanged();
    emit message(tr("Price list saved: %n change(s)", nullptr, dialog.written()));
}

void CatalogueActions::editRoomStock()
{
    booking::CatalogueService catalogue(m_context.database(), m_context.clock());
    booking::ui::RoomStockDialog dialog(catalogue, m_window);
    if (dialog.exec() != QDialog::Accepted || dialog.written() == 0)
        return;
    m_context.booking().reloadStock();
    emit catalogueChanged();
    emit message(tr("Room stock saved: %n change(s)", nullptr, dialog.written()));
}

} // namespace kasp::app
