#include "kasp/core/programtext.h"

#include <algorithm>
#include <memory>
#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QLocale>
#include <QMutex>
#include <QRegularExpression>
#include <QTranslator>

namespace kasp::programtext {

namespace {

struct Known
{
    const char *context;
    const char *source;
    bool numerus = false;
};

// Every text the program (or the demo, standing in for people's first days) writes into a record
// that a person reads back. The contexts are the writers' own, so one translation serves both.
const Known kKnown[] = {
    // CallJournal: a call's note and a missed call's task.
    {"kasp::crm", QT_TRANSLATE_NOOP("kasp::crm", "Call back: missed call from %1")},
    {"kasp::crm", QT_TRANSLATE_NOOP("kasp::crm", "Put through to %1")},
    {"kasp::crm", QT_TRANSLATE_NOOP("kasp::crm", "Missed call from %1")},
    {"kasp::crm", QT_TRANSLATE_NOOP("kasp::crm", "Call declined")},
    {"kasp::crm", QT_TRANSLATE_NOOP("kasp::crm", "The line was busy")},
    {"kasp::crm", QT_TRANSLATE_NOOP("kasp::crm", "The call did not go through")},
    {"kasp::crm::TaskService", QT_TRANSLATE_NOOP("kasp::crm::TaskService", "Called back")},
    {"kasp::crm::TaskService", QT_TRANSLATE_NOOP("kasp::crm::TaskService", "Called back, not reached")},
    {"kasp::crm::GuestImporter", QT_TRANSLATE_NOOP("kasp::crm::GuestImporter", "imported")},
    // The reasons a consultant picks from a list when a deal is lost.
    {"kasp::crm::DealService", QT_TRANSLATE_NOOP("kasp::crm::DealService", "Too expensive")},
    {"kasp::crm::DealService", QT_TRANSLATE_NOOP("kasp::crm::DealService", "No rooms on their dates")},
    {"kasp::crm::DealService", QT_TRANSLATE_NOOP("kasp::crm::DealService", "Chose another sanatorium")},
    {"kasp::crm::DealService", QT_TRANSLATE_NOOP("kasp::crm::DealService", "Could not reach the guest")},
    {"kasp::crm::DealService", QT_TRANSLATE_NOOP("kasp::crm::DealService", "Changed their plans")},
    {"kasp::crm::DealService", QT_TRANSLATE_NOOP("kasp::crm::DealService", "Treatment is contraindicated")},
    // The built-in stages, as a deal's move names them on the timeline.
    {"kasp::DealPipeline", QT_TRANSLATE_NOOP("kasp::DealPipeline", "New request")},
    {"kasp::DealPipeline", QT_TRANSLATE_NOOP("kasp::DealPipeline", "Qualified")},
    {"kasp::DealPipeline", QT_TRANSLATE_NOOP("kasp::DealPipeline", "Offer sent")},
    {"kasp::DealPipeline", QT_TRANSLATE_NOOP("kasp::DealPipeline", "Booked")},
    {"kasp::DealPipeline", QT_TRANSLATE_NOOP("kasp::DealPipeline", "Prepaid")},
    {"kasp::DealPipeline", QT_TRANSLATE_NOOP("kasp::DealPipeline", "Paid")},
    {"kasp::DealPipeline", QT_TRANSLATE_NOOP("kasp::DealPipeline", "Stayed")},
    {"kasp::DealPipeline", QT_TRANSLATE_NOOP("kasp::DealPipeline", "Lost")},
    // BookingService: a booking's lines on the timeline, its deal's title, its lapse.
    {"kasp::booking::BookingService",
     QT_TRANSLATE_NOOP("kasp::booking::BookingService", "Room %1 (%2), %3, %4")},
    {"kasp::booking::BookingService", QT_TRANSLATE_NOOP("kasp::booking::BookingService", "on hold")},
    {"kasp::booking::BookingService", QT_TRANSLATE_NOOP("kasp::booking::BookingService", "Stay %1")},
    {"kasp::booking::BookingService",
     QT_TRANSLATE_NOOP("kasp::booking::BookingService", "Moved to room %1, %2, %3")},
    {"kasp::booking::BookingService", QT_TRANSLATE_NOOP("kasp::booking::BookingService", "moved")},
    {"kasp::booking::BookingService", QT_TRANSLATE_NOOP("kasp::booking::BookingService", "cancelled")},
    {"kasp::booking::BookingService",
     QT_TRANSLATE_NOOP("kasp::booking::BookingService", "%1 received (%2), paid %3 of %4")},
    {"kasp::booking::BookingService", QT_TRANSLATE_NOOP("kasp::booking::BookingService", "paid")},
    {"kasp::booking::BookingService", QT_TRANSLATE_NOOP("kasp::booking::BookingService", "prepaid")},
    {"kasp::booking::BookingService",
     QT_TRANSLATE_NOOP("kasp::booking::BookingService", "Not prepaid in time")},
    {"kasp::booking::BookingService", QT_TRANSLATE_NOOP("kasp::booking::BookingService", "cash")},
    {"kasp::booking::BookingService", QT_TRANSLATE_NOOP("kasp::booking::BookingService", "bank transfer")},
    {"kasp::booking::BookingService", QT_TRANSLATE_NOOP("kasp::booking::BookingService", "card")},
    {"kasp::booking::BookingService", QT_TRANSLATE_NOOP("kasp::booking::BookingService", "online payment")},
    // Vouchers and online payments.
    {"kasp::booking::VoucherMailer", QT_TRANSLATE_NOOP("kasp::booking::VoucherMailer", "voucher sent")},
    {"kasp::booking::VoucherQueue", QT_TRANSLATE_NOOP("kasp::booking::VoucherQueue", "voucher not sent")},
    {"kasp::booking::VoucherQueue",
     QT_TRANSLATE_NOOP("kasp::booking::VoucherQueue",
                       "Voucher No. %1: %2. It is sent again by itself once the server takes it.")},
    {"kasp::booking::VoucherQueue",
     QT_TRANSLATE_NOOP("kasp::booking::VoucherQueue", "Voucher No. %1 not sent: %2")},
    {"kasp::booking::VoucherQueue",
     QT_TRANSLATE_NOOP("kasp::booking::VoucherQueue",
                       "the mail server is not set up (Tools → Mail for vouchers…)")},
    {"kasp::booking::VoucherQueue",
     QT_TRANSLATE_NOOP("kasp::booking::VoucherQueue", "the mail server does not answer")},
    {"kasp::booking::VoucherQueue",
     QT_TRANSLATE_NOOP("kasp::booking::VoucherQueue",
                       "the mail server refused the login: check it in Tools → Mail for vouchers…")},
    {"kasp::booking::VoucherQueue",
     QT_TRANSLATE_NOOP(
         "kasp::booking::VoucherQueue",
         "the keychain did not give the mailbox's password: enter it in Tools → Mail for vouchers…")},
    {"kasp::booking::VoucherQueue",
     QT_TRANSLATE_NOOP("kasp::booking::VoucherQueue",
                       "no secure connection to the mail server (its certificate or encryption)")},
    {"kasp::booking::VoucherQueue",
     QT_TRANSLATE_NOOP("kasp::booking::VoucherQueue",
                       "the mail server refused the letter (the sender's or the guest's address)")},
    {"kasp::booking::VoucherQueue",
     QT_TRANSLATE_NOOP("kasp::booking::VoucherQueue", "the guest's card has no e-mail address")},
    {"kasp::booking::VoucherQueue",
     QT_TRANSLATE_NOOP("kasp::booking::VoucherQueue", "the mail server failed")},
    {"kasp::booking::PaymentLinks",
     QT_TRANSLATE_NOOP("kasp::booking::PaymentLinks",
                       "Paid %1 online (YooKassa %2), not recorded: record it by hand or return it")},
    {"kasp::booking::PaymentLinks",
     QT_TRANSLATE_NOOP("kasp::booking::PaymentLinks",
                       "The guest paid %1 online (YooKassa %2) but it was not recorded: %3")},
    // The demo base (kasp_demo writes these Russian texts as its people would have).
    {"kasp::programtext", QT_TRANSLATE_NOOP("kasp::programtext", "Call the guest back")},
    {"kasp::programtext", QT_TRANSLATE_NOOP("kasp::programtext", "Remind about the spa treatment card")},
    {"kasp::programtext", QT_TRANSLATE_NOOP("kasp::programtext", "Choosing a stay")},
    {"kasp::programtext", QT_TRANSLATE_NOOP("kasp::programtext", "booked")},
    {"kasp::programtext", QT_TRANSLATE_NOOP("kasp::programtext", "too expensive")},
    {"kasp::programtext", QT_TRANSLATE_NOOP("kasp::programtext", "the dates did not suit")},
    {"kasp::programtext", QT_TRANSLATE_NOOP("kasp::programtext", "chose another sanatorium")},
    {"kasp::programtext", QT_TRANSLATE_NOOP("kasp::programtext", "changed their mind")},
    {"kasp::programtext", QT_TRANSLATE_NOOP("kasp::programtext", "asked the prices")},
    {"kasp::programtext", QT_TRANSLATE_NOOP("kasp::programtext", "thinking it over")},
    {"kasp::programtext", QT_TRANSLATE_NOOP("kasp::programtext", "asks to be called back")},
    {"kasp::programtext", QT_TRANSLATE_N_NOOP("kasp::programtext", "Stay from %1, %n night(s)"), true},
};

// One way a known text may be stored: its regular expression and which placeholder each capture
// fills (1-9, or 0 for %n).
struct Form
{
    const Known *known;
    QString prefix; // the text before the first placeholder: most stored texts fail on it
    QRegularExpression pattern;
    QList<int> places;
    qsizetype literal = 0; // how many characters are not placeholders: the longer, the more specific
};

struct Tables
{
    QHash<QString, const Known *> exact;
    QList<Form> forms;
};

QMutex g_mutex;
const QTranslator *g_russian = nullptr;
std::shared_ptr<const Tables> g_tables;

const QRegularExpression &placeholder()
{
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    return re;
}

void addForm(Tables &tables, const Known &known, const QString &text)
{
    if (text.isEmpty())
        return;
    if (!placeholder().match(text).hasMatch()) {
        tables.exact.insert(text, &known);
        return;
    }
    Form form{&known, {}, {}, {}, 0};
    QString regex = QStringLiteral("^");
    qsizetype from = 0;
    for (auto it = placeholder().globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString literal = text.mid(from, m.capturedStart() - from);
        if (form.places.isEmpty())
            form.prefix = literal;
        regex += QRegularExpression::escape(literal);
        form.literal += literal.size();
        const bool count = m.captured(1) == QLatin1String("n");
        regex += count ? QStringLiteral("(\\d+)") : QStringLiteral("(.+?)");
        form.places.append(count ? 0 : m.captured(1).toInt());
        from = m.capturedEnd();
    }
    regex += QRegularExpression::escape(text.mid(from)) + QLatin1Char('$');
    form.literal += text.size() - from;
    form.pattern = QRegularExpression(regex, QRegularExpression::DotMatchesEverythingOption);
    tables.forms.append(form);
}

std::shared_ptr<const Tables> build(const QTranslator *russian)
{
    auto tables = std::make_shared<Tables>();
    for (const Known &k : kKnown) {
        QStringList texts;
        if (k.numerus) {
            // The English forms the source stands for, and Russian's three.
            const QString source = QString::fromUtf8(k.source);
            texts << QString(source).remove(QStringLiteral("(s)"))
                  << QString(source).replace(QStringLiteral("(s)"), QStringLiteral("s"));
            if (russian)
                for (int n : {1, 2, 5})
                    texts << russian->translate(k.context, k.source, nullptr, n);
        } else {
            texts << QString::fromUtf8(k.source);
            if (russian)
                texts << russian->translate(k.context, k.source);
        }
        texts.removeDuplicates();
        for (const QString &text : texts)
            addForm(*tables, k, text);
    }
    // "Заезд 24.12.27, 14 ночей" is the demo's stay, not BookingService's «Заезд %1».
    std::stable_sort(tables->forms.begin(), tables->forms.end(),
                     [](const Form &a, const Form &b) { return a.literal > b.literal; });
    return tables;
}

std::shared_ptr<const Tables> tables()
{
    QMutexLocker lock(&g_mutex);
    if (!g_tables)
        g_tables = build(g_russian);
    return g_tables;
}

// Dates the writers put into texts in Russian ("24 дек. – 28 дек. 2027", "24 дек.", the demo's
// "24.12.27"), in the reader's language.
QString localDates(const QString &text)
{
    const QLocale locale;
    if (locale.language() == QLocale::Russian || text.size() > 40)
        return text;
    static const QRegularExpression numeric(QStringLiteral("^\\d\\d\\.\\d\\d\\.\\d\\d$"));
    if (numeric.match(text).hasMatch()) {
        const QDate date = QDate::fromString(text, QStringLiteral("dd.MM.yy")).addYears(100);
        return date.isValid() ? locale.toString(date, QLocale::ShortFormat) : text;
    }
    static const QRegularExpression named(
        QStringLiteral("^(\\d{1,2}) (\\S+?)(?: (\\d{4}))?(?: – (\\d{1,2}) (\\S+) (\\d{4}))?$"));
    const auto m = named.match(text);
    if (!m.hasMatch())
        return text;
    const QLocale ru(QLocale::Russian);
    const auto month = [&](const QString &name) {
        for (int i = 1; i <= 12; ++i)
            if (ru.toString(QDate(2000, i, 1), QStringLiteral("MMM")) == name)
                return i;
        return 0;
    };
    const int inMonth = month(m.captured(2));
    if (inMonth == 0)
        return text;
    if (m.captured(4).isEmpty()) { // one date, with or without its year
        const bool withYear = !m.captured(3).isEmpty();
        const QDate date(withYear ? m.captured(3).toInt() : 2000, inMonth, m.captured(1).toInt());
        return date.isValid()
                   ? locale.toString(date, withYear ? QStringLiteral("d MMM yyyy") : QStringLiteral("d MMM"))
                   : text;
    }
    if (!m.captured(3).isEmpty())
        return text;
    const int year = m.captured(6).toInt();
    const int outMonth = month(m.captured(5));
    if (outMonth == 0)
        return text;
    const QDate checkOut(year, outMonth, m.captured(4).toInt());
    const QDate checkIn(inMonth > outMonth ? year - 1 : year, inMonth, m.captured(1).toInt());
    if (!checkIn.isValid() || !checkOut.isValid())
        return text;
    return QStringLiteral("%1 – %2").arg(locale.toString(checkIn, QStringLiteral("d MMM")),
                                         locale.toString(checkOut, QStringLiteral("d MMM yyyy")));
}

QString say(const Known &known, const QStringList &args, int count)
{
    const QString text =
        QCoreApplication::translate(known.context, known.source, nullptr, known.numerus ? count : -1);
    QString out;
    out.reserve(text.size() + 64);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('%') && i + 1 < text.size() && text.at(i + 1).isDigit()) {
            const int slot = text.at(i + 1).digitValue();
            if (slot >= 1 && slot <= args.size()) {
                out += args.at(slot - 1);
                ++i;
                continue;
            }
        }
        out += text.at(i);
    }
    return out;
}

QString displayAt(const Tables &t, const QString &stored, int depth)
{
    if (stored.isEmpty())
        return stored;
    if (const Known *k = t.exact.value(stored))
        return say(*k, {}, -1);
    for (const Form &form : t.forms) {
        if (!stored.startsWith(form.prefix))
            continue;
        const auto m = form.pattern.match(stored);
        if (!m.hasMatch())
            continue;
        QStringList args;
        int count = -1;
        for (int i = 0; i < form.places.size(); ++i) {
            const int slot = form.places.at(i);
            const QString value = m.captured(i + 1);
            if (slot == 0) {
                count = value.toInt();
                continue;
            }
            while (args.size() < slot)
                args.append(QString());
            args[slot - 1] = localDates(depth < 1 ? displayAt(t, value, depth + 1) : value);
        }
        return say(*form.known, args, count);
    }
    if (depth == 0) {
        // A text put together from parts: "в брони — Номер 101 (…)", a deal's move "Подбор путёвки:
        // Новое обращение → Квалифицирован (дорого)", "Перезвонили: хочет в июле". Each part is
        // said again when it is known; what a person wrote stays.
        for (const QString &separator :
             {QStringLiteral(" — "), QStringLiteral(" → "), QStringLiteral(": ")}) {
            const qsizetype at = stored.indexOf(separator);
            if (at > 0)
                return displayAt(t, stored.left(at), 0) + separator +
                       displayAt(t, stored.mid(at + separator.size()), 0);
        }
        static const QRegularExpression why(QStringLiteral("^(.+) \\((.+)\\)$"));
        if (const auto m = why.match(stored); m.hasMatch())
            return displayAt(t, m.captured(1), 1) + QStringLiteral(" (") + displayAt(t, m.captured(2), 1) +
                   QLatin1Char(')');
    }
    return stored;
}

} // namespace

void setRussianCatalogue(const QTranslator *catalogue)
{
    QMutexLocker lock(&g_mutex);
    g_russian = catalogue;
    g_tables.reset();
}

QString display(const QString &stored)
{
    const auto t = tables();
    return displayAt(*t, stored, 0);
}

} // namespace kasp::programtext
