# A program with a memory leak on purpose: it takes 10 MiB at a time, keeps
# all of it, and says how much it holds. It stops after 100 MiB.
import time

held = []
for step in range(1, 11):
    held.append(b"x" * (10 * 1024 * 1024))  # filled, so the memory is really used
    print(f"holding {step * 10} MiB", flush=True)
    time.sleep(0.1)
print("done: holding 100 MiB", flush=True)
