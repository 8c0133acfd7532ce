package org.stdflow.audit;

import org.junit.jupiter.api.Test;
import org.stdflow.StdflowPostgresTest;

/** The same tampering, and concurrent writers serialised by the chain-head lock, on PostgreSQL. */
@StdflowPostgresTest
class AuditChainPostgresTest extends AuditChainScenarios {

  @Test
  void anEditedRowIsFound() {
    editedRowIsFound();
  }

  @Test
  void aDeletedRowIsFound() {
    deletedRowIsFound();
  }

  @Test
  void anInsertedRowIsFound() {
    insertedRowIsFound();
  }

  @Test
  void concurrentWritersKeepOneChain() throws Exception {
    concurrentAppendsFormOneChain();
  }
}
