"""The app whose builds we watch. Edit this file and build again."""
print("Hello from the cache demo")
