// A tiny web server with no dependencies: answers every request with one line.
const http = require("node:http");

const port = Number(process.env.PORT || 3000);

const server = http.createServer((req, res) => {
  res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
  res.end("Hello from a container\n");
});

server.listen(port, () => console.log(`listening on port ${port}`));

// docker stop sends SIGTERM. As PID 1, Node ignores it unless we handle it.
process.on("SIGTERM", () => {
  console.log("SIGTERM received, closing");
  server.close(() => process.exit(0));
});
