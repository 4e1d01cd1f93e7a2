# syntax=docker/dockerfile:1
# Self-host the tutorial: docker build -t docker-tutorial . && docker run -p 8080:8080 docker-tutorial

# Build stage: the Maven wrapper brings the Maven version the project expects.
FROM eclipse-temurin:17-jdk-jammy AS build
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
FROM eclipse-temurin:17-jre-jammy
RUN groupadd --system app && useradd --system --gid app --uid 10001 --no-create-home app
WORKDIR /app
COPY --from=build /extracted /app/
# The lessons; mount your own over this folder: -v "$PWD/my-lessons:/app/content"
COPY content /app/content
ENV TUTORIAL_CONTENT_DIR=/app/content
# A class-data-sharing archive from a training start: the app starts in about half the time.
RUN java -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh -jar /app/app.jar
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080"]
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
