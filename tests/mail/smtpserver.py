"""A real SMTP server for the mail tests: aiosmtpd keeping each message in a maildir.

Modes: "plain" (no encryption), "starttls" (STARTTLS offered and required before AUTH and MAIL),
"tls" (implicit TLS from the first byte, port 465 style). With --user, AUTH PLAIN / LOGIN is
required and only that login and password pass. Prints "ready <port>" once it accepts
connections and runs until SIGTERM.
"""
import argparse
import signal
import ssl
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--mode", choices=["plain", "starttls", "tls"], default="plain")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    args = parser.parse_args()

    def authenticate(server, session, envelope, mechanism, auth_data):
        good = (isinstance(auth_data, LoginPassword)
                and auth_data.login == args.user.encode()
                and auth_data.password == args.password.encode())
        return AuthResult(success=good, handled=False)

    params = {}
    context = None
    if args.mode != "plain":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
    if args.mode == "starttls":
        params["tls_context"] = context
        params["require_starttls"] = True
    if args.user:
        params["authenticator"] = authenticate
        params["auth_required"] = True
        # aiosmtpd counts only STARTTLS as TLS; on an implicit-TLS port every byte is encrypted.
        params["auth_require_tls"] = args.mode == "starttls"
    controller = Controller(Mailbox(args.maildir), hostname="127.0.0.1", port=args.port,
                            ssl_context=context if args.mode == "tls" else None,
                            server_hostname="localhost", **params)
    controller.start()
    print("ready", args.port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
