#pragma once
// How the window's controllers run a form: exec(), or a widget test's hook instead (the form set
// up, not yet shown; MainWindow::modalHook).
#include <functional>

class QDialog;

namespace kasp::app {

using ModalRunner = std::function<void(QDialog &)>;

} // namespace kasp::app
