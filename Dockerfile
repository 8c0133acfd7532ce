# Builds the stdflow jar and runs it (used by docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 1001 stdflow && mkdir -p /app/data && chown stdflow /app/data
WORKDIR /app
COPY --from=build /src/target/stdflow-*.jar /app/stdflow.jar
USER stdflow
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:TieredStopAtLevel=1"
ENTRYPOINT ["java", "-jar", "/app/stdflow.jar"]
