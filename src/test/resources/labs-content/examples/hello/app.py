print("Hello from a container")
