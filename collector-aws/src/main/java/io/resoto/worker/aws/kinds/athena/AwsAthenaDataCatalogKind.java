package io.resoto.worker.aws.kinds.athena;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.DataCatalog;
import software.amazon.awssdk.services.athena.model.DataCatalogSummary;

/**
 * {@code aws_athena_data_catalog}: Athena data catalogs (ListDataCatalogs, then GetDataCatalog and
 * ListTagsForResource per catalog), without the built-in {@code AwsDataCatalog} every account has
 * (the Glue catalog, which cannot be changed or deleted), as the original does. id and name are the
 * catalog name; the ARN is {@code arn:<partition>:athena:<region>:<account>:datacatalog/<name>},
 * as AWS forms it (the original's ARN template says {@code catalog/}, its code {@code datacatalog/}).
 */
public final class AwsAthenaDataCatalogKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_athena_data_catalog";

  private static final String BUILT_IN = "AwsDataCatalog";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("resource", "database")
      .property("description", "string", "The catalog's description.")
      .property("datacatalog_type", "string", "The catalog's type: LAMBDA, GLUE, HIVE or FEDERATED.")
      .property("datacatalog_parameters", "dictionary[string, string]",
          "The catalog's parameters, e.g. the metadata or record function ARNs of a Lambda catalog, or the Glue catalog id.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsAthenaDataCatalogKind() {
    this(50);
  }

  /** The kind listing catalogs in pages of this size (2..50; tests page small estates with it). */
  AwsAthenaDataCatalogKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "athena", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("athena:ListDataCatalogs", "athena:GetDataCatalog", "athena:ListTagsForResource");
  }

  /** Tags through athena:TagResource and athena:UntagResource with the catalog's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return AthenaTags.BY_ARN;
  }

  @Override
  public void collect(KindContext ctx) {
    AthenaClient athena = ctx.client(AthenaClient.builder());
    for (DataCatalogSummary summary : athena.listDataCatalogsPaginator(b -> b.maxResults(pageSize))
        .dataCatalogsSummary()) {
      if (ctx.isCancelled()) {
        return;
      }
      if (BUILT_IN.equals(summary.catalogName())) {
        continue;
      }
      ctx.submit(() -> {
        DataCatalog catalog = athena.getDataCatalog(b -> b.name(summary.catalogName())).dataCatalog();
        String arn = AthenaTags.arn(ctx, "datacatalog", catalog.name());
        ctx.add(node(ctx, catalog, arn, AthenaTags.tags(athena, arn)));
      });
    }
  }

  /** Maps a catalog: id and name = the catalog name. */
  static Node node(KindContext ctx, DataCatalog c, String arn, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, c.name()).name(c.name()).tags(tags);
    if (c.description() != null) {
      b.property("description", c.description());
    }
    if (c.typeAsString() != null) {
      b.property("datacatalog_type", c.typeAsString());
    }
    if (c.hasParameters() && !c.parameters().isEmpty()) {
      b.property("datacatalog_parameters", Map.copyOf(c.parameters()));
    }
    return KindContext.arn(b, arn).build();
  }
}
