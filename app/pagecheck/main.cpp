// kasp-pagecheck: kasp's check of every page of a big database file, in a process of its own so
// that closing kasp can end it at once (storage/pagecheckprocess.h). Not for people:
//   kasp-pagecheck FILE   with the key's line on the standard input, which stays open
// Exit code 0: every page reads; 1: the file is damaged (the first problems are logged on stderr);
// 2: the check could not run. It ends itself when the standard input closes (kasp is gone).
#include "kasp/storage/pagecheckprocess.h"

#include <cstdio>
#include <cstdlib>
#include <QCoreApplication>
#include <thread>
#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

int main(int argc, char *argv[])
{
#ifdef Q_OS_LINUX
    const pid_t parent = getppid();
    prctl(PR_SET_PDEATHSIG, SIGKILL); // dies with kasp, even when kasp is killed
    if (getppid() != parent)
        return 2;                     // kasp ended before the line above
    setpriority(PRIO_PROCESS, 0, 10); // the desk's own work comes first
#endif
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: kasp-pagecheck FILE (the key on the standard input)\n");
        return 64;
    }
    QByteArray keyLine;
    for (int c = std::fgetc(stdin); c != EOF && c != '\n'; c = std::fgetc(stdin))
        keyLine.append(char(c));
    // Whatever else comes on the pipe is ignored; its end means kasp is gone, and so is the check.
    std::thread([] {
        while (std::fgetc(stdin) != EOF) {
        }
        std::_Exit(3);
    }).detach();
    const int code = kasp::storage::runPageCheck(args.at(1), keyLine);
    keyLine.fill('\0');
    return code;
}
