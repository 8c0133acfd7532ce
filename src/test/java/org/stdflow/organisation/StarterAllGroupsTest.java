package org.stdflow.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code starters: <key>: [all]} lets every group of the file start the process (feedback). */
class StarterAllGroupsTest {

  @Test
  void allMeansEveryDeclaredGroup() throws IOException {
    String yaml = """
        groups:
          - { id: leadership, name: 领导小组, type: leadership }
          - { id: sec-canteen, name: 食堂管理科, type: section }
          - { id: auditors, name: 审计监督, type: audit }
        starters:
          feedback: [all]
          weekly-report: [sec-canteen]
        """;
    OrganisationFile file = OrganisationFile.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
        "test");

    assertThat(file.problems()).isEmpty();
    assertThat(file.starters().get("feedback")).containsExactlyInAnyOrder("leadership", "sec-canteen", "auditors");
    assertThat(file.starters().get("weekly-report")).containsExactly("sec-canteen");
  }

  @Test
  void theBundledFileLetsEveryGroupGiveFeedback() throws IOException {
    try (var in = getClass().getResourceAsStream("/organisation.yaml")) {
      OrganisationFile file = OrganisationFile.parse(in, "organisation.yaml");
      assertThat(file.starters().get("feedback")).containsExactlyInAnyOrderElementsOf(
          file.groups().stream().map(OrganisationFile.GroupEntry::id).toList());
      assertThat(file.starters().get("satisfaction-survey")).containsExactly("std-office");
    }
  }
}
