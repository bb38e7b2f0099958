#!/usr/bin/env python3
"""A static server that sends text and wasm gzip-compressed (level 9), as a static host does.

For the start-up benchmark under emulated networks (tests/e2e/network.bench.ts): Python's
http.server sends every file as it is, which would make a slow link's figures about bytes no
host sends. Files are compressed once and kept in memory.

    scripts/gzip-server.py PORT DIRECTORY
"""
import functools
import gzip
import http.server
import io
import os
import sys

COMPRESSED = {".html", ".js", ".wasm", ".css", ".json", ".svg"}


class Handler(http.server.SimpleHTTPRequestHandler):
    cache = {}

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        ext = os.path.splitext(path)[1]
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if ext not in COMPRESSED or not wants_gzip or not os.path.isfile(path):
            return super().send_head()
        stamp = os.stat(path).st_mtime_ns
        cached = self.cache.get(path)
        if cached is None or cached[0] != stamp:
            with open(path, "rb") as f:
                cached = (stamp, gzip.compress(f.read(), compresslevel=9))
            self.cache[path] = cached
        body = cached[1]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port, directory = int(sys.argv[1]), sys.argv[2]
    handler = functools.partial(Handler, directory=directory)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
