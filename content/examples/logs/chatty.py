# A service that talks: one line a second on standard output, and every
# fifth line a warning on standard error. Docker keeps both as the log.
import sys
import time

count = 0
while True:
    count += 1
    print(f"request {count} served", flush=True)
    if count % 5 == 0:
        print(f"warning: request {count} was slow", file=sys.stderr, flush=True)
    time.sleep(1)
