#!/usr/bin/env python3
"""Regenerates the byte-level fixtures of tests/bad_input.rs (see README.md).

Run from this directory: python3 make_fixtures.py. Every fixture is the same
short news text (article.txt) in another state, so each test can check that
the same events come out, or that the file is reported.
"""
import codecs
import gzip
import os

os.chdir(os.path.dirname(os.path.abspath(__file__)))
TEXT = open("article.txt", encoding="utf-8").read()
LINES = TEXT.splitlines()


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


write("utf8-bom.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8"))
write("utf16le-bom.txt", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))
write("utf16be-bom.txt", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"))
write("utf16le-nobom.txt", TEXT.encode("utf-16-le"))
write("cp1256.txt", TEXT.replace("–", "-").encode("cp1256"))
# ISO-8859-6 has no dash and no Arabic-Indic digits.
write("iso8859-6.txt", TEXT.replace("–", "-").encode("iso8859-6"))
write("cp1256-short.txt", "انسحاب من عين الأسد\n".encode("cp1256"))
write("latin1-french.txt", "Le président a annoncé le retrait des troupes françaises de la base d'Erbil.\n".encode("latin-1"))
damaged = bytearray(TEXT.encode("utf-8"))
damaged[200:202] = b"\xff\xfe"
write("damaged-utf8.txt", bytes(damaged))
# Cut in the middle of the last letter (a two-byte character).
data = TEXT.encode("utf-8")
write("truncated-utf8.txt", data[: data.rindex("ا".encode("utf-8")) + 1])
write("binary.txt", bytes(range(256)) * 4)
write("gzip.txt", gzip.compress(TEXT.encode("utf-8"), mtime=0))
write("pdf.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
write("empty.txt", b"")
write("whitespace.txt", b" \t\n\r\n   \n")
write("invisible.txt", "\u200f\u200b\u200e\ufeff\u200c . \u061c\n".encode("utf-8"))
write("markup-only.txt", b"<html><head></head><body><p></p><!-- nothing --></body></html>\n")
