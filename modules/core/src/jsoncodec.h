#pragma once
// The JSON codecs' shared reader and writers (see kasp/core/mutation.h for the wire format).
// Internal to modules/core: one Reader so that every entity reports bad input the same way.
#include "kasp/core/id.h"
#include "kasp/core/isotime.h"
#include "kasp/core/money.h"
#include "kasp/core/result.h"

#include <limits>
#include <optional>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace kasp::jsoncodec {

inline constexpr qint64 kMaxSafeInteger = qint64(1) << 53; // exact in every JSON reader

// ---- writing ------------------------------------------------------------------------------------

inline QString dateToJson(QDate date)
{
    return isoDate(date);
}

inline QString dateTimeToJson(const QDateTime &at)
{
    return isoInstant(at);
}

// ---- reading ------------------------------------------------------------------------------------

enum class Need { Required, Optional };

// Reads fields one by one and remembers the first problem; after it every read returns a default,
// so the decoders read straight through and check failed() once.
class Reader
{
public:
    explicit Reader(const QJsonObject &object, QString prefix = {})
        : m_object(object), m_prefix(std::move(prefix))
    {
    }

    bool failed() const { return m_error.has_value(); }
    const Error &error() const { return *m_error; }
    void fail(Error error)
    {
        if (!m_error)
            m_error = std::move(error);
    }

    QString string(const QString &key, Need need = Need::Optional)
    {
        const QJsonValue v = value(key, need);
        if (isAbsent(v))
            return {};
        if (v.isString())
            return v.toString();
        badValue(key, QT_TRANSLATE_NOOP("kasp::Json", "expected a string"));
        return {};
    }

    Id id(const QString &key, Need need)
    {
        const QString text = string(key, need);
        if (text.isEmpty()) {
            missingIfRequired(key, need);
            return {};
        }
        const Id id = idFromString(text);
        if (id.isNull())
            badValue(key, QT_TRANSLATE_NOOP("kasp::Json", "expected a UUID"));
        return id;
    }

    QDate date(const QString &key, Need need)
    {
        const QString text = string(key, need);
        if (text.isEmpty()) {
            missingIfRequired(key, need);
            return {};
        }
        const QDate date = parseIsoDate(text);
        if (date.isValid())
            return date;
        badValue(key, QT_TRANSLATE_NOOP("kasp::Json", "expected a date yyyy-MM-dd"));
        return {};
    }

    QDateTime dateTime(const QString &key, Need need)
    {
        const QString text = string(key, need);
        if (text.isEmpty()) {
            missingIfRequired(key, need);
            return {};
        }
        // A time without 'Z' or an offset would be read in whatever zone this machine is in.
        const QDateTime at = parseIsoInstant(text);
        if (at.isValid())
            return at;
        badValue(key, QT_TRANSLATE_NOOP("kasp::Json", "expected an ISO 8601 date-time with a time zone"));
        return {};
    }

    qint64 integer(const QString &key, qint64 min, qint64 max, qint64 fallback)
    {
        const QJsonValue v = value(key, Need::Optional);
        if (isAbsent(v))
            return fallback;
        // toInteger() gives its default for fractions and out-of-range numbers: two defaults tell.
        const qint64 number = v.toInteger(0);
        if (v.isDouble() && number == v.toInteger(1) && number >= min && number <= max)
            return number;
        badValue(key, QT_TRANSLATE_NOOP("kasp::Json", "expected an integer in range"));
        return fallback;
    }

    int count(const QString &key, int min, int fallback)
    {
        return int(integer(key, min, std::numeric_limits<int>::max(), fallback));
    }

    bool boolean(const QString &key, bool fallback)
    {
        const QJsonValue v = value(key, Need::Optional);
        if (isAbsent(v))
            return fallback;
        if (v.isBool())
            return v.toBool();
        badValue(key, QT_TRANSLATE_NOOP("kasp::Json", "expected true or false"));
        return fallback;
    }

    QJsonObject object(const QString &key)
    {
        const QJsonValue v = value(key, Need::Optional);
        if (isAbsent(v))
            return {};
        if (v.isObject())
            return v.toObject();
        badValue(key, QT_TRANSLATE_NOOP("kasp::Json", "expected an object"));
        return {};
    }

    Money money(const QString &key)
    {
        return Money::fromKopecks(integer(key, -kMaxSafeInteger, kMaxSafeInteger, 0));
    }

    QJsonArray array(const QString &key)
    {
        const QJsonValue v = value(key, Need::Optional);
        if (isAbsent(v))
            return {};
        if (v.isArray())
            return v.toArray();
        badValue(key, QT_TRANSLATE_NOOP("kasp::Json", "expected an array"));
        return {};
    }

    QStringList strings(const QString &key)
    {
        QStringList list;
        const QJsonArray items = array(key);
        for (qsizetype i = 0; i < items.size() && !failed(); ++i) {
            if (!items.at(i).isString())
                badValue(QStringLiteral("%1[%2]").arg(key).arg(i),
                         QT_TRANSLATE_NOOP("kasp::Json", "expected a string"));
            else
                list.append(items.at(i).toString());
        }
        return list;
    }

    template <typename Enum>
    Enum enumKey(const QString &key, std::optional<Enum> (*fromKey)(const QString &), Enum fallback)
    {
        const QString text = string(key, Need::Required);
        if (failed())
            return fallback;
        const std::optional<Enum> parsed = fromKey(text);
        if (parsed)
            return *parsed;
        badValue(key, QT_TRANSLATE_NOOP("kasp::Json", "expected a known key"));
        return fallback;
    }

    // detail: a QT_TRANSLATE_NOOP("kasp::Json", ...) text, translated here.
    void badValue(const QString &key, const char *detail)
    {
        badValueText(key, QCoreApplication::translate("kasp::Json", detail));
    }
    void badValueText(const QString &key, const QString &detail)
    {
        fail(Error{QStringLiteral("json.bad_value"),
                   //: %1 is a field name, %2 what is wrong with its value
                   QCoreApplication::translate("kasp::Json", "Field \"%1\": %2").arg(path(key), detail)});
    }

    QString path(const QString &key) const { return m_prefix + key; }

private:
    static bool isAbsent(const QJsonValue &v) { return v.isUndefined() || v.isNull(); }

    QJsonValue value(const QString &key, Need need)
    {
        if (failed())
            return {};
        const QJsonValue v = m_object.value(key);
        if (isAbsent(v))
            missingIfRequired(key, need);
        return v;
    }

    void missingIfRequired(const QString &key, Need need)
    {
        if (need == Need::Required && !failed()) {
            fail(Error{QStringLiteral("json.missing_field"),
                       QCoreApplication::translate("kasp::Json", "Missing field \"%1\"").arg(path(key))});
        }
    }

    QJsonObject m_object;
    QString m_prefix;
    std::optional<Error> m_error;
};
} // namespace kasp::jsoncodec
