#pragma once
// Сервис → Телефон (SIP)…: the desk's PBX account (address, extension, password for the keychain,
// transport), its sound cards, whether calls are recorded, and the keys for the whole desktop.
#include "kasp/core/user.h"
#include "kasp/session/settings.h"
#include "kasp/telephony/softphone.h"
#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace kasp::app {

class PhoneSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // devices: the sound cards the phone sees now (none when it is not started yet).
    PhoneSettingsDialog(const session::Settings::Phone &phone, Role role,
                        const QList<telephony::AudioDevice> &devices, QWidget *parent = nullptr);

    session::Settings::Phone phone() const;
    QString password() const; // "" = keep the one in the keychain

private:
    session::Settings::Phone m_phone;
    QLineEdit *m_server;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QComboBox *m_transport;
    QComboBox *m_dialPrefix;
    QComboBox *m_recording;
    QComboBox *m_microphone;
    QComboBox *m_speaker;
    QCheckBox *m_globalKeys;
};

} // namespace kasp::app
