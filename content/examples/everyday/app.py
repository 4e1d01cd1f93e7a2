"""A tiny web app with a health endpoint, for HEALTHCHECK and restart policies.

/health answers 200 while all is well; create /tmp/unhealthy to make it fail.
"""
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            healthy = not os.path.exists("/tmp/unhealthy")
            self.reply(200 if healthy else 500, "ok\n" if healthy else "unhealthy\n")
        else:
            self.reply(200, "Hello from the everyday app\n")

    def reply(self, status, text):
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


# As PID 1 we must handle SIGTERM ourselves (lesson 7).
signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
print("listening on port 8000", flush=True)
ThreadingHTTPServer(("0.0.0.0", 8000), Handler).serve_forever()
