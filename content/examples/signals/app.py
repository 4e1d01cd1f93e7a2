"""A worker that stops cleanly: it handles SIGTERM, the signal docker stop sends first."""
import signal
import sys
import time


def stop(signum, frame):
    # Finish the current job, close files and connections here, then exit.
    print("SIGTERM received, shutting down cleanly", flush=True)
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
print("Working. Stop me with docker stop.", flush=True)
while True:
    time.sleep(1)
