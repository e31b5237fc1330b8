#include "syncstatuswidget.h"

#include "kasp/sync/syncclient.h"
#include "syncsession.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

namespace kasp::app {

SyncStatusWidget::SyncStatusWidget(SyncSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_label(new QLabel), m_progress(new QProgressBar)
{
    setObjectName(QStringLiteral("syncStatus"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(m_label);
    m_progress->setTextVisible(true);
    // Wide enough for the longest text it shows, in the UI's language.
    m_progress->setFixedWidth(
        m_progress->fontMetrics().horizontalAdvance(
            tr("Loading the base %p%").replace(QLatin1String("%p"), QLatin1String("100"))) +
        32);
    m_progress->hide();
    connect(&m_session, &SyncSession::clientChanged, this, &SyncStatusWidget::attach);
    connect(&m_session, &SyncSession::needsSignIn, this, [this] {
        m_label->setText(m_session.waitingText().isEmpty()
                             ? tr("Server: sign-in needed (Server → Connect to server…)")
                             : tr("Server: offline") + QStringLiteral(" · ") + m_session.waitingText());
    });
    connect(&m_session, &SyncSession::waitingChanged, this, &SyncStatusWidget::refresh);
    attach(m_session.client());
}

QString SyncStatusWidget::text() const
{
    return m_label->text();
}

bool SyncStatusWidget::progressVisible() const
{
    return m_progress->isVisible();
}

void SyncStatusWidget::attach(sync::SyncClient *client)
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    m_firstCursor = -1;
    if (m_client) {
        for (auto signal : {&sync::SyncClient::pendingChanged})
            connect(m_client, signal, this, &SyncStatusWidget::refresh);
        connect(m_client, &sync::SyncClient::onlineChanged, this, &SyncStatusWidget::refresh);
        connect(m_client, &sync::SyncClient::synced, this, [this] {
            m_progress->hide();
            refresh();
        });
        connect(m_client, &sync::SyncClient::progress, this, &SyncStatusWidget::onProgress);
    }
    refresh();
}

void SyncStatusWidget::onProgress(qint64 cursor, qint64 head)
{
    if (m_firstCursor < 0)
        m_firstCursor = cursor;
    // Only a long catch-up (a first sync, days offline) deserves a bar; a poke's page does not.
    if (head - m_firstCursor < 2000 || cursor >= head) {
        m_progress->hide();
        return;
    }
    m_progress->setRange(0, 1000);
    m_progress->setValue(static_cast<int>(1000.0 * static_cast<double>(cursor) / static_cast<double>(head)));
    //: the progress bar of the first synchronisation
    m_progress->setFormat(tr("Loading the base %p%"));
    m_progress->show();
}

void SyncStatusWidget::refresh()
{
    if (!m_client) {
        m_label->setText(tr("No server: this desktop works alone"));
        m_label->setToolTip(tr("Server → Connect to server… to share the base with colleagues"));
        return;
    }
    const qint64 pending = m_client->pendingCount();
    QString text;
    if (m_client->isOnline()) {
        text = tr("Server: online");
        if (m_client->lastSync().isValid())
            text +=
                tr(" · synced %1")
                    .arg(QLocale().toString(m_client->lastSync().toLocalTime().time(), QLocale::ShortFormat));
        if (pending > 0)
            text += tr(" · %n change(s) to send", nullptr, static_cast<int>(pending));
    } else {
        text = tr("Server: offline");
        if (pending > 0)
            text += tr(" · %n change(s) kept locally", nullptr, static_cast<int>(pending));
    }
    // What the sync waits for (a person's online sign-in) says more than online or offline.
    if (!m_session.waitingText().isEmpty())
        text += QStringLiteral(" · ") + m_session.waitingText();
    m_label->setText(text);
    m_label->setToolTip(m_session.serverUrl());
}

} // namespace kasp::app
