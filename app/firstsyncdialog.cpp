#include "firstsyncdialog.h"

#include "kasp/sync/syncclient.h"
#include "syncsession.h"

#include <algorithm>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace kasp::app {

FirstSyncDialog::FirstSyncDialog(SyncSession &session, QWidget *parent)
    : QDialog(parent), m_session(session), m_status(new QLabel), m_count(new QLabel), m_error(new QLabel),
      m_bar(new QProgressBar)
{
    setObjectName(QStringLiteral("firstSyncDialog"));
    //: the window title while a new desktop loads the base from the server
    setWindowTitle(tr("KASP — loading the base"));
    auto *intro = new QLabel(tr("This desktop is new: the sanatorium's guests, bookings and staff come from "
                                "the server once. Later starts open the Sales Window at once."));
    intro->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("firstSyncStatus"));
    m_status->setText(tr("Loading the base from the server…"));
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_count->setObjectName(QStringLiteral("firstSyncCount"));
    m_bar->setRange(0, 0); // busy until the first page tells how far the head is
    m_bar->setTextVisible(true);
    m_error->setObjectName(QStringLiteral("firstSyncError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    // Beside the box, not in it: Qt 6.4's QDialogButtonBox shows its hidden buttons again.
    //: asks the server again at once after a failed first sync
    m_retry = new QPushButton(tr("Try again"), this);
    m_retry->hide();
    // Nothing here is typed into: a stray Enter must not end the load (Esc still cancels).
    m_retry->setAutoDefault(false);
    m_cancel->setAutoDefault(false);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        clearError();
        m_session.syncNow();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_status);
    layout->addWidget(m_bar);
    layout->addWidget(m_count);
    layout->addWidget(m_error);
    layout->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_retry);
    row->addWidget(buttons, 1);
    layout->addLayout(row);
    setMinimumWidth(480);
    addRecords(0);

    connect(&m_session, &SyncSession::clientChanged, this, &FirstSyncDialog::attach);
    attach(m_session.client());
}

void FirstSyncDialog::attach(sync::SyncClient *client)
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    if (!m_client)
        return;
    connect(m_client, &sync::SyncClient::progress, this, &FirstSyncDialog::setProgress);
    connect(m_client, &sync::SyncClient::recordsArrived, this, &FirstSyncDialog::addRecords);
    connect(m_client, &sync::SyncClient::syncFailed, this, [this](const Error &error) {
        if (error.code == QLatin1String("sync.offline")) {
            showError(tr("The server does not answer. KASP keeps trying; check the network, or press "
                         "Cancel to stop."));
            return;
        }
        //: %1 the server's or the client's reason
        showError(tr("The base could not be loaded: %1").arg(error.message));
    });
}

void FirstSyncDialog::setProgress(qint64 cursor, qint64 head)
{
    clearError();
    if (head <= 0) {
        m_bar->setRange(0, 0);
        return;
    }
    m_bar->setRange(0, 1000);
    m_bar->setValue(
        static_cast<int>(1000.0 * static_cast<double>(std::min(cursor, head)) / static_cast<double>(head)));
    m_bar->setFormat(QStringLiteral("%p%"));
}

void FirstSyncDialog::addRecords(int count)
{
    m_records += count;
    //: how many records of the base arrived so far
    m_count->setText(tr("Records received: %1").arg(QLocale().toString(m_records)));
}

void FirstSyncDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    m_retry->show();
    m_status->setText(tr("The base is not loaded yet"));
    fitContents();
}

void FirstSyncDialog::fitContents()
{
    // Word-wrapped labels give no minimum height: grow (or shrink) to what they need at this width.
    if (!isVisible())
        return;
    layout()->activate();
    const int needed = heightForWidth(width());
    resize(width(), needed > 0 ? needed : sizeHint().height());
}

void FirstSyncDialog::clearError()
{
    if (m_error->isHidden())
        return;
    m_error->hide();
    m_retry->hide();
    m_status->setText(tr("Loading the base from the server…"));
    fitContents();
}

QString FirstSyncDialog::statusText() const
{
    return m_status->text();
}

QString FirstSyncDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

} // namespace kasp::app
