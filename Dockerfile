# syntax=docker/dockerfile:1
#
# Quiver container image.
#
#   docker build -t quiver .
#   docker run -p 19530:19530 -p 9091:9091 \
#     -e QUIVER_AUTH_ROOT_PASSWORD=change-me -v quiver-data:/app/data quiver
#
# Stage 1 builds the Spring Boot jar and splits it into layers; stage 2 is a
# plain Temurin JRE that runs the exploded layers as a non-root user.

############################ build ############################
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace

# Maven wrapper + POM first: this layer (Maven itself and every dependency and
# plugin) is rebuilt only when pom.xml or the wrapper changes.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

COPY src/ src/
RUN ./mvnw -B -DskipTests package \
 && java -Djarmode=tools -jar target/quiver.jar extract --layers --launcher --destination extracted

########################### runtime ###########################
FROM eclipse-temurin:17-jre

ARG UID=10001
RUN groupadd --gid "${UID}" quiver \
 && useradd --uid "${UID}" --gid quiver --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin quiver \
 && mkdir -p /app/data \
 && chown quiver:quiver /app/data

WORKDIR /app

# Least to most frequently changing; the application code is owned by root
# (read-only for the service user), only /app/data is writable.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./

# H2 file database and other state live here.
ENV QUIVER_DATA_DIR=/app/data
VOLUME ["/app/data"]

# 19530: Milvus REST v1 API; 9091: actuator (health probes, Prometheus).
EXPOSE 19530 9091

USER ${UID}:${UID}

# Extra JVM flags can be passed with JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseTransparentHugePages", "--add-modules", "jdk.incubator.vector", "org.springframework.boot.loader.launch.JarLauncher"]
