"""A test relay for ConfPress's mail tests: an aiosmtpd handler that stores every message it accepts.

Run by the tests as
    python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.Sink DIR [USER PASSWORD]
with this folder on PYTHONPATH. Each accepted message becomes DIR/<n>.eml (the bytes received after
DATA) and DIR/<n>.json (envelope sender, recipients, whether TLS and AUTH were used), written to a
temporary name first and renamed, so a reader never sees half a message. The relay's log goes to DIR.log.

Recipients decide the relay's answer to RCPT TO, so a test can provoke each kind of failure:
    reject…@…  550 (permanent), busy…@…  451 (transient), anything else  250.
With USER and PASSWORD, MAIL FROM is refused (530) until the client authenticated with AUTH PLAIN.
"""

import base64
import binascii
import itertools
import json
import logging
import os


class Sink:
    def __init__(self, directory, user=None, password=None):
        self.directory = directory
        self.user = user
        self.password = password
        self.counter = itertools.count(1)
        os.makedirs(directory, exist_ok=True)
        # aiosmtpd's own complaints (a client that hung up during the TLS handshake …) go to DIR.log,
        # not into the test's output.
        log = logging.getLogger("mail.log")
        log.addHandler(logging.FileHandler(directory.rstrip("/") + ".log"))
        log.propagate = False

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) not in (1, 3):
            parser.error("smtp_sink.Sink takes DIR [USER PASSWORD]")
        return cls(*args)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.user is not None and not session.authenticated:
            return "530 5.7.0 Authentication required"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("reject"):
            return "550 5.1.1 <%s>: no such mailbox here" % address
        if local.startswith("busy"):
            return "451 4.3.0 <%s>: mailbox busy, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_AUTH(self, server, session, envelope, args):
        # Poco sends "AUTH PLAIN <base64(authzid NUL user NUL password)>" in one line.
        if len(args) != 2 or args[0].upper() != "PLAIN" or self.user is None:
            return "504 5.5.4 only AUTH PLAIN with an initial response is supported here"
        try:
            _, user, password = base64.b64decode(args[1], validate=True).split(b"\0")
        except (binascii.Error, ValueError):
            return "501 5.5.2 cannot decode the AUTH PLAIN response"
        if user.decode() == self.user and password.decode() == self.password:
            session.authenticated = True
            session.login_data = user.decode()
            return "235 2.7.0 Authentication successful"
        return "535 5.7.8 Authentication credentials invalid"

    async def handle_DATA(self, server, session, envelope):
        name = "%06d-%d" % (next(self.counter), os.getpid())
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None,
            "login": session.login_data.decode() if isinstance(session.login_data, bytes)
            else session.login_data,
        }
        self._write(name + ".eml", envelope.original_content or envelope.content)
        self._write(name + ".json", json.dumps(meta).encode())
        return "250 2.0.0 OK: queued as " + name

    def _write(self, file_name, data):
        path = os.path.join(self.directory, file_name)
        with open(path + ".part", "wb") as out:
            out.write(data)
        os.rename(path + ".part", path)
