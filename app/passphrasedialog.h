#pragma once
// Asked only when there is no usable keychain: says why, and takes the passphrase (twice when it
// will protect a new database).
#include <QDialog>

class QLineEdit;
class QLabel;

namespace kasp::app {

class PassphraseDialog : public QDialog
{
    Q_OBJECT
public:
    PassphraseDialog(const QString &reason, bool creating, QWidget *parent = nullptr);
    QString passphrase() const;
    void showError(const QString &message);

public slots:
    void accept() override;

private:
    bool m_creating;
    QLineEdit *m_first;
    QLineEdit *m_second;
    QLabel *m_error;
};

} // namespace kasp::app
