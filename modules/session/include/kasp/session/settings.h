#pragma once
// The one typed front of QSettings: no raw keys anywhere else. Versioned, with numbered upgrades.
#include <QByteArray>
#include <QSettings>
#include <QString>

namespace kasp::session {

class Settings
{
public:
    static constexpr int kVersion = 1;

    Settings(); // the user's settings file (organization "KASP", application "kasp")
    explicit Settings(const QString &iniPath);

    QString databasePath() const; // default: <AppDataLocation>/kasp.db
    void setDatabasePath(const QString &path);
    QString syncServerUrl() const; // "" = work without a server
    void setSyncServerUrl(const QString &url);
    QString syncLogin() const; // the server account last signed in on this desktop
    void setSyncLogin(const QString &login);
    QString lastLogin() const;
    void setLastLogin(const QString &login);
    // Minutes without a key press or a click before the Sales Window locks and asks for the
    // password again (a shared desk left unattended). Default 15; 0 never locks; at most 240.
    int idleLockMinutes() const;
    void setIdleLockMinutes(int minutes);
    QString language() const; // "" = follow the system locale
    void setLanguage(const QString &language);
    // Vouchers by e-mail: the sanatorium as the guest sees it, and its mail server (no login yet:
    // an office relay that accepts the LAN; a password will live in the keychain, not here).
    struct Mail
    {
        QString sanatorium; // "Санаторий «Родник»"
        QString contacts;   // one line under the name on the voucher
        QString fromAddress;
        QString logoPath; // PNG or JPEG for the voucher's corner
        QString host;     // "" = not configured
        int port = 25;
        QString security = QStringLiteral("starttls"); // "none", "starttls", "tls"
        QString user;                                  // the mailbox's login; "" = no AUTH (an office relay)
        QString caFile;            // a CA certificate to trust besides the system's; "" = the system's only
        int taskAfterMinutes = 30; // a voucher not sent by then becomes the consultant's task
    };
    Mail mail() const;
    static constexpr const char *kMailPasswordKey = "smtp-password"; // the keychain holds it
    // Online prepayment through YooKassa: the shop and where the guest lands after paying. The
    // secret key lives in the keychain (kOnlinePaymentSecretKey), never in this file.
    struct OnlinePayments
    {
        QString apiUrl = QStringLiteral("https://api.yookassa.ru");
        QString shopId; // "" = not configured
        QString returnUrl;
    };
    OnlinePayments onlinePayments() const;
    // This desktop's SIP account on the sanatorium's PBX; the password lives in the keychain
    // (kSipPasswordKey).
    struct Phone
    {
        QString server; // "" = no phone on this desktop
        QString user;
        QString transport = QStringLiteral("udp"); // "udp", "tcp", "tls"
        // Answer, hang up, hold and transfer from any program (Ctrl+Shift+F3 / F4 / F6 / F8).
        bool globalKeys = true;
        // How the PBX wants Russian numbers: "8" (8 916 …), "+7" or "7".
        QString dialPrefix = QStringLiteral("8");
        // "role" (the role's rule), "always", "on_demand", "never".
        QString recording = QStringLiteral("role");
        QString microphone; // the sound card's name as the phone lists it; "" = the system's default
        QString speaker;
    };
    Phone phone() const;
    void setPhone(const Phone &phone);
    static constexpr const char *kSipPasswordKey = "sip-password";
    void setOnlinePayments(const OnlinePayments &payments);
    static constexpr const char *kOnlinePaymentSecretKey = "yookassa-secret-key";
    void setMail(const Mail &mail);
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    int version() const;
    void sync();

private:
    void upgrade();
    QSettings m_settings;
};

} // namespace kasp::session
