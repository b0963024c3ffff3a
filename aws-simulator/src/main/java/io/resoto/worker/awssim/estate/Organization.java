package io.resoto.worker.awssim.estate;

import java.util.List;

/**
 * An AWS Organization: its id, the management account, its roots and its organisational units.
 *
 * @param units OUs, each under a root or another OU
 */
public record Organization(String id, String managementAccount, List<Root> roots, List<Unit> units) {

  public Organization {
    roots = List.copyOf(roots);
    units = List.copyOf(units);
  }

  /** A root of the organisation ({@code r-...}). */
  public record Root(String id, String name) {}

  /** An organisational unit ({@code ou-...}) under a root or OU ({@code parent}). */
  public record Unit(String id, String name, String parent) {}

  public String arn() {
    return Arns.organization(managementAccount, id);
  }

  public String rootArn(Root root) {
    return Arns.orgRoot(managementAccount, id, root.id());
  }

  public String unitArn(Unit unit) {
    return Arns.orgUnit(managementAccount, id, unit.id());
  }

  public String accountArn(String account) {
    return Arns.orgAccount(managementAccount, id, account);
  }
}
