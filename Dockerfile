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
COPY --from=build /src/target/stdflow-*.jar /tmp/stdflow.jar
# the JVM options the benchmark measures (docs/benchmarks.md): ~300-360 MiB resident
ENV JAVA_TOOL_OPTIONS="-Xms128m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
# class-data sharing: the jar extracted (CDS reads classes from plain jars), then a training run on the
# embedded H2 default that exits once the context is up and archives every class it loaded; each
# start maps the archive (start about 4 s faster). Rebuilt with the image, so it always matches.
RUN java -Djarmode=tools -jar /tmp/stdflow.jar extract --destination /app/lib-extract \
 && mv /app/lib-extract/stdflow-*.jar /app/lib-extract/stdflow.jar && rm /tmp/stdflow.jar \
 && STDFLOW_DATA_DIR=/tmp/cds-training java -XX:ArchiveClassesAtExit=/app/lib-extract/stdflow.jsa \
      -Dspring.context.exit=onRefresh -jar /app/lib-extract/stdflow.jar \
 && rm -rf /tmp/cds-training && chown -R stdflow /app/data
USER stdflow
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/lib-extract/stdflow.jsa", "-jar", "/app/lib-extract/stdflow.jar"]
