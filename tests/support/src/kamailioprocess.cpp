#include "kasp/testsupport/kamailioprocess.h"

#include "kasp/testsupport/testenv.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUdpSocket>

namespace kasp::test {

namespace {

// The routing script. Only what the softphone needs: REGISTER with digest auth, calls between
// registered users through the proxy (record-routed), in-dialog requests, CANCEL, OPTIONS.
const char *kConfig = R"(#!KAMAILIO
debug=2
log_stderror=yes
fork=yes
children=2
auto_aliases=no
listen=udp:127.0.0.1:%PORT%
listen=tcp:127.0.0.1:%PORT%
alias="127.0.0.1:%PORT%"
mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/"
loadmodule "tm.so"
loadmodule "sl.so"
loadmodule "rr.so"
loadmodule "pv.so"
loadmodule "maxfwd.so"
loadmodule "usrloc.so"
loadmodule "registrar.so"
loadmodule "textops.so"
loadmodule "siputils.so"
loadmodule "auth.so"
loadmodule "xlog.so"
modparam("usrloc", "db_mode", 0)
modparam("rr", "enable_full_lr", 1)
modparam("registrar", "max_expires", 3600)
%PRESENCE_MODULES%

request_route {
    if (!mf_process_maxfwd_header("10")) {
        sl_send_reply("483", "Too Many Hops");
        exit;
    }
    if (is_method("OPTIONS") && uri == myself && $rU == $null) {
        sl_send_reply("200", "OK");
        exit;
    }
    if (has_totag()) {
        if (loose_route()) {
            # liblinphone's contacts are GRUUs (sip:301@127.0.0.1;gr=...): resolved again here, or the
            # request would go to port 5060 of the domain.
            if (uri == myself || $(ru{uri.param,gr}) != "") {
                lookup("location");
            }
            t_relay();
            exit;
        }
        if (is_method("ACK")) {
            if (t_check_trans()) {
                t_relay();
            }
            exit;
        }
        sl_send_reply("404", "Not here");
        exit;
    }
    if (is_method("CANCEL")) {
        if (t_check_trans()) {
            t_relay();
        }
        exit;
    }
    if (is_method("REGISTER")) {
        if (!pv_www_authenticate("$td", "%PASSWORD%", "0")) {
            www_challenge("$td", "0");
            exit;
        }
        save("location");
        exit;
    }
    if (is_method("SUBSCRIBE|PUBLISH")) {
%PRESENCE_ROUTE%
    }
%REPLACES_ROUTE%
    if (is_method("INVITE")) {
        record_route();
    }
    if (!lookup("location")) {
        sl_send_reply("404", "Not Found");
        exit;
    }
    t_relay();
    exit;
}
%ONSEND_ROUTE%
)";

int freePort()
{
    // A port free for both TCP and UDP.
    for (int attempt = 0; attempt < 20; ++attempt) {
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost, 0))
            continue;
        QUdpSocket udp;
        if (udp.bind(QHostAddress::LocalHost, tcp.serverPort()))
            return tcp.serverPort();
    }
    return 0;
}

} // namespace

bool KamailioProcess::start(QString *error)
{
    if (m_dir.isEmpty())
        m_dir = makeTempDir(QStringLiteral("kamailio"));
    if (m_port == 0)
        m_port = freePort();
    if (m_port == 0) {
        *error = QStringLiteral("no free port for kamailio");
        return false;
    }
    QString config = QString::fromUtf8(kConfig);
    if (m_presence) {
        // A presence server (RFC 3856, PIDF) keeping its tables in text files: desks publish
        // whether they are on the phone, colleagues subscribe.
        const QString db = m_dir + QStringLiteral("/dbtext");
        QDir().mkpath(db);
        for (const char *table : {"version", "presentity", "active_watchers", "watchers", "xcap"}) {
            const QString to = db + QLatin1Char('/') + QLatin1String(table);
            QFile::remove(to);
            if (!QFile::copy(QStringLiteral("/usr/share/kamailio/dbtext/kamailio/") + QLatin1String(table),
                             to)) {
                *error = QStringLiteral("no kamailio table %1 (kamailio-presence-modules?)")
                             .arg(QLatin1String(table));
                return false;
            }
            QFile(to).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        }
        config.replace(QStringLiteral("%PRESENCE_MODULES%"),
                       QStringLiteral("loadmodule \"db_text.so\"\nloadmodule \"presence.so\"\n"
                                      "loadmodule \"presence_xml.so\"\n"
                                      "modparam(\"presence\", \"db_url\", \"text://%1\")\n"
                                      "modparam(\"presence_xml\", \"db_url\", \"text://%1\")\n"
                                      "modparam(\"presence_xml\", \"force_active\", 1)\n"
                                      // Subscriptions in memory (db_text cannot store them whole).
                                      "modparam(\"presence\", \"subs_db_mode\", 0)\n"
                                      // NOTIFYs go straight to the contact: no GRUU (sip:…;gr=…
                                      // would be sent to port 5060 of the domain).
                                      "modparam(\"registrar\", \"gruu_enabled\", 0)\n")
                           .arg(db));
        config.replace(
            QStringLiteral("%PRESENCE_ROUTE%"),
            QStringLiteral(
                "        if (!t_newtran()) {\n            sl_reply_error();\n            exit;\n        }\n"
                "        if (is_method(\"PUBLISH\")) {\n            handle_publish();\n        } else {\n"
                "            handle_subscribe();\n        }\n        t_release();\n        exit;"));
    } else {
        config.replace(QStringLiteral("%PRESENCE_MODULES%"), QString());
        config.replace(QStringLiteral("%PRESENCE_ROUTE%"),
                       QStringLiteral("        sl_send_reply(\"489\", \"Bad Event\");\n        exit;"));
    }
    // $TV(Sn): gettimeofday() as "seconds.microseconds", taken just before the packet leaves.
    config.replace(QStringLiteral("%ONSEND_ROUTE%"),
                   m_logInvites ? QStringLiteral("onsend_route {\n    if ($rm == \"INVITE\") {\n"
                                                 "        xlog(\"L_NOTICE\", \"kasp-invite-sent $TV(Sn) "
                                                 "$snd(port)\\n\");\n    }\n}\n")
                                : QString());
    config.replace(QStringLiteral("%REPLACES_ROUTE%"),
                   m_refuseReplaces
                       ? QStringLiteral("    if (is_method(\"INVITE\") && is_present_hf(\"Replaces\")) {\n"
                                        "        sl_send_reply(\"488\", \"Replaces not routed\");\n"
                                        "        exit;\n    }")
                       : QString());
    config.replace(QStringLiteral("%PORT%"), QString::number(m_port));
    config.replace(QStringLiteral("%PASSWORD%"), QLatin1String(kPassword));
    QFile file(m_dir + QStringLiteral("/kamailio.cfg"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config.toUtf8()) < 0) {
        *error = QStringLiteral("cannot write %1").arg(file.fileName());
        return false;
    }
    file.close();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(QStringLiteral("/usr/sbin/kamailio"),
                     {QStringLiteral("-f"), file.fileName(), QStringLiteral("-DD"), QStringLiteral("-E"),
                      QStringLiteral("-Y"), m_dir, QStringLiteral("-P"),
                      m_dir + QStringLiteral("/kamailio.pid"), QStringLiteral("-w"), m_dir});
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("kamailio did not start: %1").arg(m_process->errorString());
        return false;
    }
    // Ready when the TCP side accepts (both listeners come up together).
    QDeadlineTimer deadline(10'000);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running)
            break;
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (probe.waitForConnected(200)) {
            probe.disconnectFromHost();
            return true;
        }
        QThread::msleep(50);
    }
    m_log += QString::fromUtf8(m_process->readAll());
    *error = QStringLiteral("kamailio is not listening on %1: %2").arg(m_port).arg(m_log.right(2000));
    return false;
}

QString KamailioProcess::output()
{
    if (m_process) {
        m_process->waitForReadyRead(0); // what the pipe holds, even when no event loop ran
        m_log += QString::fromUtf8(m_process->readAll());
    }
    return m_log;
}

void KamailioProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() == QProcess::Running) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
    m_log += QString::fromUtf8(m_process->readAll());
    m_process.reset();
}

} // namespace kasp::test
