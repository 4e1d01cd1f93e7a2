FROM alpine:3.22
RUN <<EOF
apk add --no-cache curl
adduser -D -u 10001 app
EOF
COPY <<-CONFIG /etc/app.conf
	port=8080
	CONFIG
USER app
CMD ["sh", "-c", "exec curl --version"]
