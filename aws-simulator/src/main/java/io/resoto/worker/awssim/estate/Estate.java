package io.resoto.worker.awssim.estate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated AWS estate: an optional organisation, its accounts, principals with long-term keys,
 * assumable roles, the instance the metadata service describes, settings, raw resources and the
 * public price lists.
 * Immutable and validated on construction; safe to share between threads.
 */
public final class Estate {
  /** Accounts without an explicit join date joined one day apart from this date, in list order. */
  public static final Instant JOINED_BASE = Instant.parse("2020-01-01T00:00:00Z");

  /** The classpath location of the shipped demo estate. */
  public static final String DEMO_RESOURCE = "estates/demo.yaml";

  private final Organization organization;
  private final List<Account> accounts;
  private final List<Principal> principals;
  private final List<Role> roles;
  private final InstanceProfile instanceProfile;
  private final EstateSettings settings;
  private final RawResources resources;
  private final PriceLists pricing;
  private final Map<String, Account> accountsById = new LinkedHashMap<>();
  private final Map<String, Role> rolesByArn = new LinkedHashMap<>();

  private Estate(Organization organization, List<Account> accounts, List<Principal> principals, List<Role> roles,
      InstanceProfile instanceProfile, EstateSettings settings, RawResources resources, PriceLists pricing) {
    this.organization = organization;
    this.accounts = List.copyOf(accounts);
    this.principals = List.copyOf(principals);
    this.roles = List.copyOf(roles);
    this.settings = settings;
    this.resources = resources;
    this.pricing = pricing;
    accounts.forEach(a -> accountsById.put(a.id(), a));
    roles.forEach(r -> rolesByArn.put(r.arn(), r));
    this.instanceProfile = instanceProfile == null ? null : new InstanceProfile(
        instanceProfile.account(), instanceProfile.role(),
        instanceProfile.region() != null ? instanceProfile.region()
            : accountsById.get(instanceProfile.account()).regions().get(0),
        instanceProfile.instanceId() != null ? instanceProfile.instanceId()
            : AwsIds.instanceId(instanceProfile.account(), instanceProfile.role()));
  }

  /**
   * Builds and validates an estate.
   *
   * @param organization null for accounts outside any organisation
   * @param instanceProfile null when the metadata service has nothing to serve
   * @throws InvalidEstateException listing every problem
   */
  public static Estate of(Organization organization, List<Account> accounts, List<Principal> principals,
      List<Role> roles, InstanceProfile instanceProfile, EstateSettings settings, RawResources resources) {
    return create(organization, accounts, principals, roles, instanceProfile, settings, resources,
        PriceLists.EMPTY, new Problems(), null);
  }

  static Estate create(Organization organization, List<Account> accounts, List<Principal> principals,
      List<Role> roles, InstanceProfile instanceProfile, EstateSettings settings, RawResources resources,
      PriceLists pricing, Problems problems, String source) {
    EstateSettings s = settings == null ? EstateSettings.DEFAULTS : settings;
    RawResources r = resources == null ? RawResources.EMPTY : resources;
    new EstateValidator(problems).validate(organization, accounts, principals, roles, instanceProfile, s, r);
    if (!problems.isEmpty()) {
      throw new InvalidEstateException(source, problems.list());
    }
    return new Estate(organization, accounts, principals, roles, instanceProfile, s, r,
        pricing == null ? PriceLists.EMPTY : pricing);
  }

  /** Parses YAML; {@code source} names it in error messages (a file name, "demo", ...). */
  public static Estate parse(String yaml, String source) {
    return EstateLoader.parse(yaml, source);
  }

  public static Estate load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read estate " + file, e);
    }
  }

  /** Loads an estate from the class path, e.g. {@link #DEMO_RESOURCE}. */
  public static Estate fromResource(String name) {
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no estate " + name + " on the class path");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read estate " + name, e);
    }
  }

  /**
   * Resources of the demo estate kept in files of their own, one per group of kinds, merged into
   * its {@code resources} (each file: account -> region -> service -> collection -> list). A part
   * that is not on the class path is left out.
   */
  public static final List<String> DEMO_PARTS = List.of(
      "estates/demo-parts/ec2-network.yaml",
      "estates/demo-parts/ec2-compute.yaml",
      "estates/demo-parts/iam-s3.yaml",
      "estates/demo-parts/s3-account.yaml",
      "estates/demo-parts/cloudwatch-metrics.yaml",
      "estates/demo-parts/acm-lambda.yaml",
      "estates/demo-parts/sqs-kms.yaml",
      "estates/demo-parts/backup.yaml",
      "estates/demo-parts/cloudformation-cloudfront.yaml",
      "estates/demo-parts/apigw-athena-asg-trail-config.yaml",
      "estates/demo-parts/dynamodb-cloudwatch-etc.yaml",
      "estates/demo-parts/route53-sns-ssm-glacier.yaml",
      "estates/demo-parts/containers-cache-beanstalk.yaml",
      "estates/demo-parts/lb-lambda-rds-etc.yaml");

  /** The demo estate's {@code pricing} section, kept in a file of its own (service code -> documents). */
  public static final String DEMO_PRICING = "estates/demo-parts/pricing.yaml";

  /** The shipped demo estate, with its resource parts and its price lists. */
  @SuppressWarnings("unchecked")
  public static Estate demo() {
    org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml();
    Map<String, Object> doc = yaml.load(resourceText(DEMO_RESOURCE));
    Map<String, Object> resources = doc.get("resources") instanceof Map<?, ?> m
        ? new java.util.LinkedHashMap<>((Map<String, Object>) m) : new java.util.LinkedHashMap<>();
    for (String part : DEMO_PARTS) {
      if (Estate.class.getClassLoader().getResource(part) != null) {
        Object data = yaml.load(resourceText(part));
        if (data instanceof Map<?, ?> partMap) {
          merge(resources, (Map<String, Object>) partMap, part);
        }
      }
    }
    doc.put("resources", resources);
    if (!doc.containsKey("pricing") && Estate.class.getClassLoader().getResource(DEMO_PRICING) != null) {
      doc.put("pricing", yaml.load(resourceText(DEMO_PRICING)));
    }
    return parse(yaml.dump(doc), DEMO_RESOURCE);
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> into, Map<String, Object> from, String source) {
    for (Map.Entry<String, Object> e : from.entrySet()) {
      Object existing = into.get(e.getKey());
      if (existing instanceof Map<?, ?> a && e.getValue() instanceof Map<?, ?> b) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>((Map<String, Object>) a);
        merge(copy, (Map<String, Object>) b, source);
        into.put(e.getKey(), copy);
      } else if (existing == null) {
        into.put(e.getKey(), e.getValue());
      } else {
        throw new IllegalArgumentException(source + ": " + e.getKey() + " is defined in more than one demo part");
      }
    }
  }

  private static String resourceText(String name) {
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no estate " + name + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read estate " + name, e);
    }
  }

  public Optional<Organization> organization() {
    return Optional.ofNullable(organization);
  }

  public List<Account> accounts() {
    return accounts;
  }

  public Optional<Account> account(String id) {
    return Optional.ofNullable(id == null ? null : accountsById.get(id));
  }

  public List<Principal> principals() {
    return principals;
  }

  public List<Role> roles() {
    return roles;
  }

  public Optional<Role> role(String account, String name) {
    return roleByArn(Arns.role(account, name));
  }

  public Optional<Role> roleByArn(String arn) {
    return Optional.ofNullable(arn == null ? null : rolesByArn.get(arn));
  }

  /** The instance the metadata service describes, with region and instance id filled in. */
  public Optional<InstanceProfile> instanceProfile() {
    return Optional.ofNullable(instanceProfile);
  }

  public EstateSettings settings() {
    return settings;
  }

  /** This estate with other settings (e.g. {@code Estate.demo()} with short assumed-role sessions). */
  public Estate withSettings(EstateSettings settings) {
    return create(organization, accounts, principals, roles, instanceProfile, settings, resources, pricing,
        new Problems(), "estate with settings " + settings);
  }

  public RawResources resources() {
    return resources;
  }

  /** The public price lists the Pricing API serves. */
  public PriceLists pricing() {
    return pricing;
  }

  /** Whether {@code id} is a root or OU of the organisation. */
  public boolean isOrganizationParent(String id) {
    if (organization == null || id == null) {
      return false;
    }
    return organization.roots().stream().anyMatch(r -> r.id().equals(id))
        || organization.units().stream().anyMatch(u -> u.id().equals(id));
  }

  /** The OUs directly under a root or OU, in estate order. */
  public List<Organization.Unit> unitsUnder(String parent) {
    List<Organization.Unit> out = new ArrayList<>();
    if (organization != null) {
      organization.units().stream().filter(u -> u.parent().equals(parent)).forEach(out::add);
    }
    return out;
  }

  /** The accounts directly under a root or OU, in estate order. */
  public List<Account> accountsUnder(String parent) {
    return accounts.stream().filter(a -> a.parent() != null && a.parent().equals(parent)).toList();
  }

  /** Whether the account is the organisation's management account. */
  public boolean isManagementAccount(String accountId) {
    return organization != null && organization.managementAccount().equals(accountId);
  }
}
