# The app the pipeline ships: it says which version it is.
print("ci-build version 1")
