# Self-host the tutorial: docker build -t docker-tutorial . && docker run -p 8080:8080 docker-tutorial

# Build stage: the Maven wrapper brings the Maven version the project expects.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY src src
COPY content content
COPY static static
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests \
    && cp target/docker-tutorial-*.jar /app.jar \
    && java -Djarmode=tools -jar /app.jar extract --destination /extracted

# Run stage: only the JRE and the app, as an unprivileged user.
FROM eclipse-temurin:25-jre
RUN groupadd --system app && useradd --system --gid app --uid 10001 --no-create-home app
WORKDIR /app
COPY --from=build /extracted /app/
# The lessons; mount your own over this folder: -v "$PWD/my-lessons:/app/content"
COPY content /app/content
ENV TUTORIAL_CONTENT_DIR=/app/content
# An AOT cache (JEP 483/514/515) from a training run: the app starts, serves every page once (the static
# export) and exits. Its classes then come loaded and linked, with method profiles, and the Spring beans
# are wired by code generated at build time.
RUN java -XX:AOTCacheOutput=/app/app.aot -Dspring.aot.enabled=true -jar /app/app.jar export /tmp/training \
    && rm -rf /tmp/training
USER app
EXPOSE 8080
# Healthy when the app says it is ready; checked every second while it starts, then every 30 s.
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --start-interval=1s \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
# Exec form: java is PID 1 and gets docker stop's SIGTERM, so it shuts down at once.
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-Dspring.aot.enabled=true", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
