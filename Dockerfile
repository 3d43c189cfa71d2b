# The access-audit pipeline as a container: `docker compose up` runs it next to Kafka and a
# schema registry (see docker-compose.yml). Configure it with AUDIT_* environment variables.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY schemas/ schemas/
COPY producers/ producers/
COPY streams-app/ streams-app/
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home audit && mkdir /data && chown audit /data
WORKDIR /app
COPY --from=build /src/streams-app/target/lib/ lib/
COPY --from=build /src/streams-app/target/streams-app-*.jar lib/
USER audit
ENV AUDIT_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["java", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.accessaudit.avro", \
            "-cp", "/app/lib/*", "dev.accessaudit.cli.AuditCli"]
CMD ["start"]
