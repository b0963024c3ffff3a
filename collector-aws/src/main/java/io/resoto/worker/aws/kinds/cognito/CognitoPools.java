package io.resoto.worker.aws.kinds.cognito;

import io.resoto.worker.aws.engine.KindContext;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

/** What the three Cognito kinds share: the listing of a region's user pools and their ARN. */
final class CognitoPools {

  /** The largest page ListUserPools allows (its MaxResults is required). */
  static final int MAX_POOLS_PAGE = 60;

  private CognitoPools() {}

  /** Every user pool of the region, all pages. */
  static List<UserPoolDescriptionType> list(CognitoIdentityProviderClient idp, int pageSize) {
    List<UserPoolDescriptionType> out = new ArrayList<>();
    idp.listUserPoolsPaginator(b -> b.maxResults(pageSize)).userPools().forEach(out::add);
    return out;
  }

  /** A pool's ARN: arn:{partition}:cognito-idp:{region}:{account}:userpool/{pool id}. */
  static String arn(KindContext ctx, String poolId) {
    return "arn:" + ctx.partition() + ":cognito-idp:" + ctx.regionName() + ":" + ctx.account().id() + ":userpool/"
        + poolId;
  }
}
