package org.stdflow.inspection;

import org.stdflow.StdflowPostgresTest;

/** daily-inspection on PostgreSQL: every scenario that needs no web server, under the same coverage threshold. */
@StdflowPostgresTest
class DailyInspectionProcessPostgresTest extends DailyInspectionScenarios {
}
