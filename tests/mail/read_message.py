"""Decodes messages stored by smtp_sink.py the way mail readers do, with Python's email package, and
prints what the tests check as a JSON array (one object per file, in the order given):

    python3 read_message.py FILE.eml...

subject (the modern parser, email.policy.default), legacy_subject (email.header.decode_header, which
follows RFC 2047 on white space between encoded words), from/to {name, legacy_name, address},
message_id, date, mime_version, content_type, charset, transfer_encoding, body (decoded text),
raw_headers (as received, folds included), defects (every problem the parser noticed, in the message
or in a header), longest_line (octets, CRLF excluded).

The modern parser shows the fold between two encoded words of a display name as a space, where RFC
2047 says to drop it; legacy_name is what an RFC 2047 reader shows.
"""

import json
import sys
from email import policy
from email.header import decode_header, make_header
from email.parser import BytesParser


def legacy(text):
    return str(make_header(decode_header(text)))


def mailbox(header, raw):
    if header is None or len(header.addresses) != 1:
        return None
    one = header.addresses[0]
    unfolded = raw.replace("\r\n", "")
    name_part = unfolded[: unfolded.rfind("<")].strip() if "<" in unfolded else ""
    return {"name": one.display_name, "legacy_name": legacy(name_part).strip('"'), "address": one.addr_spec}


def read(path):
    with open(path, "rb") as f:
        raw = f.read()
    message = BytesParser(policy=policy.default).parsebytes(raw)
    defects = [repr(d) for d in message.defects]
    raw_headers = {}
    for name, value in message.raw_items():
        raw_headers[name] = value
        defects += ["%s: %r" % (name, d) for d in getattr(message[name], "defects", ())]
    text = lambda name: str(message[name]) if message[name] is not None else None
    return {
        "subject": text("Subject"),
        "legacy_subject": legacy(raw_headers.get("Subject", "").replace("\r\n", "")),
        "from": mailbox(message["From"], raw_headers.get("From", "")),
        "to": mailbox(message["To"], raw_headers.get("To", "")),
        "message_id": text("Message-ID"),
        "date": text("Date"),
        "mime_version": text("MIME-Version"),
        "content_type": message.get_content_type(),
        "charset": message.get_content_charset(),
        "transfer_encoding": message.get("Content-Transfer-Encoding"),
        "body": message.get_content() if not message.is_multipart() else None,
        "raw_headers": raw_headers,
        "defects": defects,
        "longest_line": max(len(line) for line in raw.split(b"\r\n")),
    }


if __name__ == "__main__":
    json.dump([read(path) for path in sys.argv[1:]], sys.stdout, ensure_ascii=True)
