#include "kasp/booking/voucherqueue.h"

#include "kasp/core/booking.h"
#include "kasp/storage/bookingrepository.h"
#include "kasp/storage/roomrepository.h"
#include "kasp/storage/sessionwriter.h"
#include "kasp/storage/taskrepository.h"
#include "kasp/storage/touchrepository.h"

#include <QCoreApplication>
#include <QLocale>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcVoucherQueue, "kasp.voucher")

namespace kasp::booking {

namespace {

QString tr(const char *text)
{
    // Called from VoucherQueue's members only: lupdate files these strings under the class.
    return QCoreApplication::translate("kasp::booking::VoucherQueue", text);
}

} // namespace

VoucherQueue::VoucherQueue(QSqlDatabase db, const Clock &clock, Id userId)
    : m_db(std::move(db)), m_clock(clock), m_userId(std::move(userId))
{
}

Status VoucherQueue::enqueue(const Id &bookingId)
{
    // A voucher e-mailed is a touch on the guest's timeline: whoever may not record one (the
    // director reads) does not send the guest a voucher either, and nothing is queued.
    if (auto s = storage::authorizeWrite(m_db, QStringLiteral("touch.add")); !s.ok())
        return s;
    auto b = storage::BookingRepository(m_db, m_clock).byId(bookingId);
    if (!b.ok())
        return b.error();
    return storage::VoucherQueueRepository(m_db).enqueue(bookingId, b.value().guestId, m_clock.now());
}

Result<QList<storage::QueuedVoucher>> VoucherQueue::due() const
{
    auto all = storage::VoucherQueueRepository(m_db).all();
    if (!all.ok())
        return all.error();
    const QDateTime now = m_clock.now();
    QList<storage::QueuedVoucher> out;
    for (const storage::QueuedVoucher &v : all.value())
        if (!v.nextAt.isValid() || v.nextAt <= now)
            out.append(v);
    return out;
}

Result<std::optional<storage::QueuedVoucher>> VoucherQueue::entry(const Id &bookingId) const
{
    return storage::VoucherQueueRepository(m_db).byBooking(bookingId);
}

qint64 VoucherQueue::pauseAfter(int failedAttempts)
{
    static constexpr qint64 kPauses[] = {30, 60, 120, 300};
    if (failedAttempts <= 0)
        return 0;
    if (failedAttempts <= 4)
        return kPauses[failedAttempts - 1];
    return 600;
}

QString VoucherQueue::reasonFor(const Error &error)
{
    const QString &c = error.code;
    if (c == QLatin1String("mail.not_configured"))
        return tr("the mail server is not set up (Tools → Mail for vouchers…)");
    if (c == QLatin1String("mail.connect"))
        return tr("the mail server does not answer");
    if (c == QLatin1String("mail.auth"))
        return tr("the mail server refused the login: check it in Tools → Mail for vouchers…");
    if (c == QLatin1String("mail.password"))
        return tr("the keychain did not give the mailbox's password: enter it in Tools → Mail for vouchers…");
    if (c == QLatin1String("mail.tls"))
        return tr("no secure connection to the mail server (its certificate or encryption)");
    if (c == QLatin1String("mail.refused"))
        return tr("the mail server refused the letter (the sender's or the guest's address)");
    if (c == QLatin1String("mail.no_recipient"))
        return tr("the guest's card has no e-mail address");
    return tr("the mail server failed");
}

Result<QString> VoucherQueue::failed(const Id &bookingId, const Error &error, qint64 taskAfterSecs)
{
    storage::VoucherQueueRepository queue(m_db);
    auto current = queue.byBooking(bookingId);
    if (!current.ok())
        return current.error();
    const QString reason = reasonFor(error);
    // The technical text (curl's, in English) is for the log only.
    qCWarning(lcVoucherQueue).noquote()
        << "voucher" << bookingNumber(bookingId) << "not sent:" << error.code << error.message;
    if (!current.value())
        return reason; // not queued (sent or dropped meanwhile)
    const storage::QueuedVoucher v = *current.value();
    const QDateTime now = m_clock.now();
    if (auto s = queue.failed(bookingId, reason, now.addSecs(pauseAfter(v.attempts + 1))); !s.ok())
        return s.error();

    auto b = storage::BookingRepository(m_db, m_clock).byId(bookingId);
    const QLocale ru(QLocale::Russian);
    QString which = bookingNumber(bookingId);
    if (b.ok())
        which = tr("%1, %2 – %3")
                    .arg(which, ru.toString(b.value().stay.checkIn(), QStringLiteral("d MMM")),
                         ru.toString(b.value().stay.checkOut(), QStringLiteral("d MMM yyyy")));
    if (!v.noted) {
        // Once on the card (the guest's history), not at every attempt.
        Touch touch;
        touch.id = newId();
        touch.guestId = v.guestId;
        touch.userId = m_userId;
        touch.kind = TouchKind::Email;
        touch.at = now;
        touch.result = tr("voucher not sent");
        touch.note =
            tr("Voucher No. %1: %2. It is sent again by itself once the server takes it.").arg(which, reason);
        if (auto s = storage::TouchRepository(m_db, m_clock).add(touch); !s.ok())
            return s.error();
        if (auto s = queue.setNoted(bookingId); !s.ok())
            return s.error();
    }
    if (v.taskId.isNull() && v.queuedAt.isValid() && v.queuedAt.secsTo(now) >= taskAfterSecs) {
        Task task;
        task.id = newId();
        task.guestId = v.guestId;
        task.assigneeId = m_userId;
        task.title = tr("Voucher No. %1 not sent: %2").arg(which, reason).left(200);
        task.due = now;
        task.createdAt = now;
        if (auto s = storage::TaskRepository(m_db, m_clock).create(task); !s.ok())
            return s.error();
        if (auto s = queue.setTask(bookingId, task.id); !s.ok())
            return s.error();
    }
    return reason;
}

Status VoucherQueue::sent(const Id &bookingId)
{
    return storage::VoucherQueueRepository(m_db).remove(bookingId);
}

Status VoucherQueue::retryAllNow()
{
    return storage::VoucherQueueRepository(m_db).retryAllAt(m_clock.now());
}

} // namespace kasp::booking
