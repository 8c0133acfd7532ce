package org.stdflow.standard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.platform.forms.FormFieldOptions;

/**
 * The life cycle's forms offer the register's tree as it is now (a node the office adds on the
 * register page can be chosen at once) and the organisation's sections; the validation listener
 * checks the same sets on submission.
 */
@Component
class RegisterFormOptions implements FormFieldOptions {

  private static final Set<String> PROPOSAL_FORMS = Set.of("Form_ProposeStandard", "Form_SupplementProposal");

  private final StandardQueries queries;
  private final OrganisationFile organisation;

  RegisterFormOptions(StandardQueries queries, OrganisationFile organisation) {
    this.queries = queries;
    this.organisation = organisation;
  }

  @Override
  public List<Option> options(String formId, String fieldKey) {
    if (PROPOSAL_FORMS.contains(formId) && StandardLifecycleProcess.Vars.NODE.equals(fieldKey)) {
      return nodes();
    }
    if (PROPOSAL_FORMS.contains(formId) && StandardLifecycleProcess.Vars.RESPONSIBLE_SECTION.equals(fieldKey)
        || "Form_DraftStandard".equals(formId) && StandardLifecycleProcess.Vars.CONSULTED_SECTIONS.equals(fieldKey)) {
      return organisation.groupsOfType(GroupType.SECTION).stream().map(g -> new Option(g.id(), g.name())).toList();
    }
    return null;
  }

  /**
   * Every node below the sub-systems (通用基础、运行保障、监督评价标准体系), in the tree's order, deeper
   * ones indented: "205 后勤服务保障（食堂、物业、会务）", "　205.1 食堂".
   */
  private List<Option> nodes() {
    List<Option> options = new ArrayList<>();
    for (StandardViews.NodeView root : queries.tree()) {
      add(root.children(), 0, options);
    }
    return options;
  }

  private static void add(List<StandardViews.NodeView> nodes, int depth, List<Option> options) {
    for (StandardViews.NodeView node : nodes) {
      options.add(new Option(node.code(), "　".repeat(depth) + node.code() + " " + node.name()));
      add(node.children(), depth + 1, options);
    }
  }
}
