"""A tiny command-line tool: python greet.py --name Ada"""
import argparse

parser = argparse.ArgumentParser(description="Print a greeting.")
parser.add_argument("--name", default="world", help="who to greet")
parser.add_argument("--shout", action="store_true", help="use capital letters")
args = parser.parse_args()

greeting = f"Hello, {args.name}!"
print(greeting.upper() if args.shout else greeting)
