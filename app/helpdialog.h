#pragma once
// Справка (F1): the window's keys, read from its own actions and buttons so that the list is always
// the program's, and a short first day for the signed-in person's role.
#include "kasp/core/user.h"

#include <QDialog>

class QTableWidget;

namespace kasp::app {

class HelpDialog : public QDialog
{
    Q_OBJECT
public:
    HelpDialog(const QWidget *window, Role role, QWidget *parent = nullptr);

    // "Найти гостя" → "Ctrl+K", in the order the window made them; a key is listed once.
    static QList<std::pair<QString, QString>> shortcutsOf(const QWidget *window);
    // The role's first day, as HTML.
    static QString firstDay(Role role);

private:
    QTableWidget *m_keys;
};

} // namespace kasp::app
