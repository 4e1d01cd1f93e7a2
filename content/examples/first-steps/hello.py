"""Run me in a container with your current folder mounted: python hello.py"""
import os
import platform

print(f"Hello from Python {platform.python_version()} in {os.getcwd()}")
print("Files I can see here:", ", ".join(sorted(os.listdir("."))))
