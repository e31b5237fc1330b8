#pragma once
// Structured logs: one JSON object per line on stderr, so journald, Docker and grep all read them.
#include <QJsonObject>
#include <QString>

namespace kasp::server {

// level: "info", "warn", "error". fields: anything useful (req, method, path, status, ms, user...).
void logEvent(const QString &level, const QString &event, QJsonObject fields = {});

} // namespace kasp::server
