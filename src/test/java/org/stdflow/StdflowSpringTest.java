package org.stdflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The shared Spring test context: the whole app on an in-memory H2 with a real web server on a
 * random port. Every class using it shares one context (one engine start for the suite).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = StdflowApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// records which flow nodes and sequence flows the tests walk (report under target/process-test-coverage)
@Import(ProcessEngineCoverageConfiguration.class)
public @interface StdflowSpringTest {
}
