#!/usr/bin/env python3
"""A language model that misbehaves, on 127.0.0.1, for the terminal UI's end-to-end tests.

Usage: fake-model-server.py MODE PORTFILE
  MODE error: every chat completion answers HTTP 500.
  MODE slow:  answers after 60 seconds (long enough to cancel with Esc).
Writes the port it listens on to PORTFILE. Nothing beyond loopback.
"""
import http.server
import sys
import time

mode, port_file = sys.argv[1], sys.argv[2]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if mode == "slow":
            time.sleep(60)
        body = b'{"error": "overloaded"}'
        self.send_response(500)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
