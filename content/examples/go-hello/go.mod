module example.org/go-hello

go 1.24
