package org.stdflow.inspection;

import org.stdflow.StdflowPostgresTest;

/** rectification on PostgreSQL: every scenario that needs no web server, under the same coverage threshold. */
@StdflowPostgresTest
class RectificationProcessPostgresTest extends RectificationScenarios {
}
