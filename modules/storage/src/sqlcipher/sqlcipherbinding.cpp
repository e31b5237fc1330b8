// SqlCipherResult's binding: Qt's bound values to SQLite's parameters, by position or by name,
// each value by its type (texts bound without a copy while the query keeps them alive).
#include "sqlcipherdriver_p.h"
#include <cmath>
#include <limits>
#include <QDateTime>
#include <QSqlField>
#include <QSqlRecord>
#include <sqlite3.h>

namespace kasp::storage::detail {

namespace {

int bindText(sqlite3_stmt *stmt, int parameter, const QString &text)
{
    // SQLITE_STATIC: the caller keeps the string alive until the next exec().
    return sqlite3_bind_text16(stmt, parameter, text.constData(), int(text.size() * qsizetype(sizeof(QChar))),
                               SQLITE_STATIC);
}

} // namespace

bool SqlCipherResult::bindParameters()
{
    const int parameterCount = sqlite3_bind_parameter_count(m_stmt);
    m_boundValues = boundValues(); // shared copy: keeps bound strings alive for SQLITE_STATIC
    m_convertedTexts.clear();
    const qsizetype valueCount = m_boundValues.size();
    if (parameterCount == valueCount) {
        for (int i = 0; i < parameterCount; ++i) {
            if (!bindOne(i + 1, m_boundValues.at(i)))
                return false;
        }
        return true;
    }
    if (!resolveParameterSlots(parameterCount, valueCount))
        return false;
    for (int i = 0; i < parameterCount; ++i) {
        if (!bindOne(i + 1, m_boundValues.at(m_parameterSlots[size_t(i)])))
            return false;
    }
    return true;
}

bool SqlCipherResult::resolveParameterSlots(int parameterCount, qsizetype valueCount)
{
    if (m_parameterSlotsFor == valueCount && m_parameterSlots.size() == size_t(parameterCount))
        return true;
    m_parameterSlotsFor = -1;
    const QString mismatch =
        tr("Parameter count mismatch: the statement has %1 parameters, %2 values are bound")
            .arg(parameterCount)
            .arg(valueCount);
    // A named placeholder used twice is one sqlite parameter but two of Qt's bound values; any
    // other difference is a caller error.
    if (bindingSyntax() != NamedBinding) {
        failWithoutSqlite(mismatch, QSqlError::StatementError);
        return false;
    }
    m_parameterSlots.assign(size_t(parameterCount), -1);
    for (int p = 0; p < parameterCount; ++p) {
        const char *name = sqlite3_bind_parameter_name(m_stmt, p + 1);
        const QString holder = name ? QString::fromUtf8(name) : QString();
        for (qsizetype v = 0; v < valueCount && !holder.isEmpty(); ++v) {
            if (boundValueName(int(v)) == holder) {
                m_parameterSlots[size_t(p)] = int(v);
                break;
            }
        }
        if (m_parameterSlots[size_t(p)] < 0) {
            failWithoutSqlite(mismatch, QSqlError::StatementError);
            return false;
        }
    }
    m_parameterSlotsFor = valueCount;
    return true;
}

bool SqlCipherResult::bindOne(int parameter, const QVariant &value)
{
    // Converted texts live in m_convertedTexts until the next exec(), as SQLITE_STATIC requires.
    auto bindCopy = [this, parameter](QString text) {
        m_convertedTexts.append(std::move(text));
        return bindText(m_stmt, parameter, m_convertedTexts.constLast());
    };
    int rc = SQLITE_OK;
    if (isSqlNull(value)) {
        rc = sqlite3_bind_null(m_stmt, parameter);
    } else {
        switch (value.typeId()) {
        case QMetaType::Bool:
            rc = sqlite3_bind_int(m_stmt, parameter, value.toBool() ? 1 : 0);
            break;
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Short:
        case QMetaType::UShort:
        case QMetaType::Char:
        case QMetaType::SChar:
        case QMetaType::UChar:
        case QMetaType::Long:
        case QMetaType::ULong:
        case QMetaType::LongLong:
            rc = sqlite3_bind_int64(m_stmt, parameter, value.toLongLong());
            break;
        case QMetaType::ULongLong: // beyond INTEGER: keep every digit as text rather than wrap around
            rc = value.toULongLong() <= quint64(std::numeric_limits<qint64>::max())
                     ? sqlite3_bind_int64(m_stmt, parameter, value.toLongLong())
                     : bindCopy(value.toString());
            break;
        case QMetaType::Double:
        case QMetaType::Float:
            rc = sqlite3_bind_double(m_stmt, parameter, value.toDouble());
            break;
        case QMetaType::QString:
            rc = bindText(m_stmt, parameter, *static_cast<const QString *>(value.constData()));
            break;
        case QMetaType::QByteArray: {
            const auto *bytes = static_cast<const QByteArray *>(value.constData());
            rc = sqlite3_bind_blob(m_stmt, parameter, bytes->constData(), int(bytes->size()), SQLITE_STATIC);
            break;
        }
        case QMetaType::QDate:
            rc = bindCopy(value.toDate().toString(Qt::ISODate));
            break;
        case QMetaType::QTime:
            rc = bindCopy(value.toTime().toString(Qt::ISODateWithMs));
            break;
        case QMetaType::QDateTime:
            rc = bindCopy(value.toDateTime().toString(Qt::ISODateWithMs));
            break;
        default:
            if (!value.canConvert<QString>()) {
                failWithoutSqlite(tr("Cannot bind a value of type %1 to parameter %2")
                                      .arg(QString::fromLatin1(value.metaType().name()))
                                      .arg(parameter),
                                  QSqlError::StatementError);
                return false;
            }
            rc = bindCopy(value.toString());
            break;
        }
    }
    if (rc != SQLITE_OK) {
        fail(tr("Unable to bind parameter %1").arg(parameter), QSqlError::StatementError, rc);
        return false;
    }
    return true;
}

} // namespace kasp::storage::detail
