#!/usr/bin/env python3
"""A local SMTP server for the receiver's mail test (Debian's python3-aiosmtpd): STARTTLS
required, AUTH LOGIN/PLAIN with one user, every message saved as DIR/<n>.eml.
    smtp_sink.py DIR CERT KEY USER PASSWORD [PORT]    prints "listening PORT", runs until killed
"""
import asyncio
import itertools
import os
import signal
import socket
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

out_dir, cert, key, user, password = sys.argv[1:6]
counter = itertools.count(1 + sum(name.endswith(".eml") for name in os.listdir(out_dir)))  # a restart appends


class Save:
    async def handle_DATA(self, server, session, envelope):
        path = os.path.join(out_dir, f"{next(counter)}.eml")
        with open(path + ".tmp", "wb") as f:
            f.write(f"X-Envelope-To: {','.join(envelope.rcpt_tos)}\r\n".encode())
            f.write(envelope.original_content or envelope.content)
        os.rename(path + ".tmp", path)
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
    return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535 itself


signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})  # for sigwait, in every thread
context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
# aiosmtpd connects to its own port to see it is up, so it needs a real number: a free one.
port = int(sys.argv[6]) if len(sys.argv) > 6 else 0
if not port:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
controller = Controller(Save(), hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True,
                        authenticator=authenticate, auth_required=True)
controller.start()
print(f"listening {controller.port}", flush=True)
signal.sigwait({signal.SIGTERM, signal.SIGINT})
controller.stop()
